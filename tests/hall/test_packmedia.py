"""A pack's own media served from the static cache under content hashes, by its conventions."""

from __future__ import annotations

import wave
from pathlib import Path

from hall.packmedia import art_url, recording, serve


def _wav(path: Path, seconds: float = 0.2) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\x00\x00" * int(8000 * seconds))


def test_a_file_is_served_under_its_contents_hash(tmp_path: Path) -> None:
    art = tmp_path / "pack" / "media" / "art" / "era-reform.svg"
    art.parent.mkdir(parents=True)
    art.write_text("<svg/>", encoding="utf-8")
    static = tmp_path / "static"
    url = art_url(tmp_path / "pack", "era-reform.svg", static)
    assert url.startswith("/app/static/cache/media/era-reform-")
    assert url.endswith(".svg")
    served = static / url.removeprefix("/app/static/")
    assert served.read_text(encoding="utf-8") == "<svg/>"
    art.write_text("<svg><g/></svg>", encoding="utf-8")
    assert serve(art, static) != url  # new contents, new name: never a stale copy


def test_a_missing_file_is_not_served(tmp_path: Path) -> None:
    assert art_url(tmp_path, "era-nowhere.svg", tmp_path / "static") == ""
    assert recording(tmp_path, "audio", "r001", tmp_path / "static") is None


def test_a_recording_comes_with_its_transcript_and_a_film_with_its_captions(tmp_path: Path) -> None:
    pack, static = tmp_path / "pack", tmp_path / "static"
    _wav(pack / "media" / "audio" / "r001.wav")
    (pack / "media" / "audio" / "r001.txt").write_text("  我们厂里的故事。 \n", encoding="utf-8")
    film = pack / "media" / "video" / "r001.mp4"
    film.parent.mkdir(parents=True)
    film.write_bytes(b"not really a film")
    (film.parent / "r001.vtt").write_text("WEBVTT\n", encoding="utf-8")
    sound = recording(pack, "audio", "r001", static)
    assert sound is not None
    assert (sound.kind, sound.transcript, sound.captions) == ("audio", "我们厂里的故事。", None)
    assert sound.url.endswith(".wav")
    movie = recording(pack, "video", "r001", static)
    assert movie is not None
    assert (movie.kind, movie.captions) == ("video", film.parent / "r001.vtt")
    assert recording(pack, "video", "r002", static) is None
