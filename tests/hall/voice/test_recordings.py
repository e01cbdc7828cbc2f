"""A pack's recordings for 听讲解: found by id and language, and never without a transcript."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from hall.pack import load_catalog
from hall.voice import recordings
from tests.support.packs import write_pack

IDS = frozenset({"t01", "era-reform", "tour-walk-1"})


def tone(path: Path, seconds: float = 0.2) -> Path:
    """A short silent WAV standing in for a recording (never a real person's voice)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\x00\x00" * int(8000 * seconds))
    return path


def audio(pack: Path) -> Path:
    return pack / "media" / "audio"


def test_a_recording_is_found_with_its_transcript(tmp_path: Path) -> None:
    tone(audio(tmp_path) / "t01.ogg")
    (audio(tmp_path) / "t01.txt").write_text("\ufeff干一行，爱一行。\n", encoding="utf-8")
    found = recordings.find(tmp_path, "t01", "zh")
    assert found == recordings.PackRecording(audio(tmp_path) / "t01.ogg", "干一行，爱一行。")
    assert recordings.find(tmp_path, "t01", "en") is None  # English has its own: t01.en.<ext>
    assert recordings.check(tmp_path, IDS) == []


def test_an_english_recording_is_named_with_en(tmp_path: Path) -> None:
    tone(audio(tmp_path) / "era-reform.en.mp3")
    (audio(tmp_path) / "era-reform.en.txt").write_text("After 1978 …", encoding="utf-8")
    assert recordings.find(tmp_path, "era-reform", "en").transcript == "After 1978 …"
    assert recordings.find(tmp_path, "era-reform", "zh") is None
    assert recordings.check(tmp_path, IDS) == []


@pytest.mark.parametrize(
    ("files", "problem"),
    [
        ({"t01.mp3": None}, ("t01.mp3", "no transcript t01.txt beside it; not played")),
        ({"t01.mp3": None, "t01.txt": " \n"}, ("t01.mp3", "the transcript t01.txt is empty; not played")),
        ({"t01.mp3": None, "t01.txt": b"\xb8\xc9"}, ("t01.mp3", "the transcript t01.txt is not UTF-8 text")),
        ({"r999.m4a": None, "r999.txt": "x"}, ("r999.m4a", "no person, era (era-<id>) or tour stop")),
        ({"t01.mp3": None, "t01.ogg": None, "t01.txt": "x"}, ("t01.ogg", "a second recording of t01")),
        ({"tour-walk-1.txt": "x"}, ("tour-walk-1.txt", "a transcript without a recording; ignored")),
    ],
    ids=["no-transcript", "empty", "not-utf8", "unknown-id", "two-recordings", "transcript-alone"],
)
def test_a_recording_problem_is_reported_with_file_and_reason(
    tmp_path: Path, files: dict[str, str | bytes | None], problem: tuple[str, str]
) -> None:
    audio(tmp_path).mkdir(parents=True)
    for name, content in files.items():
        path = audio(tmp_path) / name
        if content is None:
            tone(path)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    (found,) = recordings.check(tmp_path, IDS)
    assert found.file == f"media/audio/{problem[0]}"
    assert problem[1] in found.reason
    if problem[0] == "t01.mp3":
        assert recordings.find(tmp_path, "t01", "zh") is None  # heard but unreadable: not played


def test_a_recording_without_transcript_is_a_problem_of_the_loaded_pack(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "pack")
    assert not [p for p in load_catalog(pack, data_dir=tmp_path / "data").problems if "audio" in p.file]
    tone(audio(pack) / "t01.mp3")
    problems = [str(p) for p in load_catalog(pack, data_dir=tmp_path / "data").problems]  # cache refreshed
    assert "media/audio/t01.mp3: no transcript t01.txt beside it; not played" in " ".join(problems)
    (audio(pack) / "t01.txt").write_text("干一行，爱一行。", encoding="utf-8")
    assert not [p for p in load_catalog(pack, data_dir=tmp_path / "data").problems if "audio" in p.file]
