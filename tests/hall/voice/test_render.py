"""Offline read-aloud by espeak-ng: a playable WAV as long as its text, cached by the text, and a
clear message when espeak-ng is not installed."""

from __future__ import annotations

import re
import shutil
import subprocess
import wave
from pathlib import Path

import pytest

from hall.voice import reading as voice
from hall.voice.cli import main
from hall.voice.render import VoiceUnavailable, cached, render, speak, wav_path
from tests.support.needs import missing
from tests.support.packs import write_pack

# A Chinese character takes espeak-ng's Mandarin about a third of a second (0.35 s measured).
SECONDS_PER_CHARACTER = (0.1, 0.6)
STORY = "丁卫松从事焊接工作二十七年。他在绍兴劳模工匠馆现场教学，七千多名师生收看直播。"


@pytest.fixture
def espeak() -> str:
    found = shutil.which("espeak-ng")
    if not found:
        missing("OFFLINE READ-ALOUD", "espeak-ng is not installed (apt-get install espeak-ng sox)")
    return found


def duration(path: Path) -> float:
    with wave.open(str(path)) as w:
        assert (w.getnchannels(), w.getsampwidth()) == (1, 2)
        return w.getnframes() / w.getframerate()


def hanzi(text: str) -> int:
    return len(re.findall(r"[\u4e00-\u9fff]", text))


def test_a_chinese_reading_renders_to_a_wav_whose_length_fits_the_text(tmp_path: Path, espeak: str) -> None:
    r = voice.reading("r001", "zh", ["丁卫松", STORY])
    path = render(tmp_path, r)
    assert path == wav_path(tmp_path, r) == tmp_path / "voice" / "zh" / f"r001-{r.digest}.wav"
    assert cached(tmp_path, r) == path
    seconds = duration(path)
    low, high = (hanzi(r.text) * s for s in SECONDS_PER_CHARACTER)
    assert low <= seconds <= high, f"{seconds:.1f} s for {hanzi(r.text)} characters"
    if shutil.which("soxi"):  # sox reads it too: the header's sizes are right, not espeak's pipe ones
        soxi = subprocess.run(["soxi", "-D", str(path)], capture_output=True, text=True, check=True)
        assert float(soxi.stdout) == pytest.approx(seconds, abs=0.01)


def test_an_english_page_joins_english_and_chinese_voices_in_one_file(tmp_path: Path, espeak: str) -> None:
    english = voice.reading("t02", "en", ["Wang Jianguo", "1956, National Model Worker."])
    both = voice.reading("t02", "en", ["Wang Jianguo", "1956, National Model Worker.", STORY])
    assert [p.lang for p in both.passages] == ["en", "en", "zh"]
    alone = duration(render(tmp_path, english))
    joined = duration(render(tmp_path, both))
    assert joined - alone >= hanzi(STORY) * SECONDS_PER_CHARACTER[0]


def test_a_changed_text_is_rendered_again_and_the_old_file_dropped(tmp_path: Path, espeak: str) -> None:
    old = render(tmp_path, voice.reading("era-reform", "zh", ["改革开放"]))
    other = render(tmp_path, voice.reading("era-reform-x", "zh", ["另一个"]))  # an id that starts alike
    new = render(tmp_path, voice.reading("era-reform", "zh", ["改革开放和社会主义现代化建设新时期"]))
    assert new != old
    assert new.exists()
    assert not old.exists()
    assert other.exists()


def test_text_goes_in_on_stdin_so_it_cannot_pass_as_an_option(tmp_path: Path, espeak: str) -> None:
    target = tmp_path / "x.wav"
    spoken = speak(f"-w {target} --help", "en")
    assert spoken.startswith(b"RIFF")  # read out, not obeyed
    assert not target.exists()


def test_without_espeak_ng_rendering_says_what_to_install(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with nothing on it
    with pytest.raises(VoiceUnavailable, match=r"espeak-ng was not found on PATH: install it"):
        render(tmp_path, voice.reading("r001", "zh", ["你好"]))


def test_the_cli_without_espeak_ng_fails_with_that_message(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("HALL_DATA", str(tmp_path / "data"))
    assert main(["render", "--pack", str(write_pack(tmp_path / "pack"))]) == 1
    assert "espeak-ng was not found on PATH" in capsys.readouterr().err


def test_the_cli_renders_what_is_missing_and_counts_it(tmp_path: Path, monkeypatch, capsys, espeak) -> None:
    pack = write_pack(tmp_path / "pack")
    monkeypatch.setenv("HALL_DATA", str(tmp_path / "data"))
    args = ["render", "--pack", str(pack), "--lang", "zh", "--ids", "t01", "era-reform"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert re.search(r"^2 rendered, 0 already there, 0 failed, in [\d.]+ s", out), out
    assert len(list((tmp_path / "data" / "voice" / "zh").glob("*.wav"))) == 2
    assert main(args) == 0
    assert capsys.readouterr().out.startswith("0 rendered, 2 already there, 0 failed")
    assert main(["render", "--pack", str(pack), "--ids", "nobody"]) == 1
    assert "no person, era or tour stop is nobody" in capsys.readouterr().err
