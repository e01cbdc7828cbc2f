"""Taking photos in: matched by id or unique name, originals kept, the portrait column updated all
or nothing."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PIL import Image

from hall.pack import load_catalog
from hall.pack import write as packwrite
from hall.portraits import SIZES, ingest, ingest_uploads, set_portrait, thumbnail_path
from hall.portraits.thumbs import read_manifest
from tests.fixtures import photos


def _portraits(pack: Path) -> dict[str, str]:
    """honorees.csv's portrait column, by id."""
    with (pack / "exhibits" / "honorees.csv").open(encoding="utf-8", newline="") as f:
        return {row["id"]: row["portrait"] for row in csv.DictReader(f)}


def test_ingest_matches_by_id_and_unique_name_and_refuses_the_rest(
    pack: Path, static: Path, data: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "t01.jpg").write_bytes(photos.jpeg(orientation=6))
    (folder / "李秀英.JPG").write_bytes(photos.jpeg())
    (folder / "t04.png").write_bytes(photos.png(photos.portrait(300, 400)))
    (folder / "王建国.jpg").write_bytes(photos.jpeg())  # two honorees have this name
    (folder / "t05.jpg").write_bytes(photos.truncated_jpeg())
    (folder / "t06.png").write_bytes(photos.png_header_only(30000, 30000))
    (folder / "t07.jpg").write_text("not a photo", encoding="utf-8")
    (folder / "无名氏.jpg").write_bytes(photos.jpeg())
    (folder / "说明.txt").write_text("拍摄于2024年", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\0\0")

    report = ingest(folder, load_catalog(pack), pack, data, static)

    assert [(p.file, p.honoree_id, p.original) for p in report.accepted] == [
        ("t01.jpg", "t01", "media/portraits/t01.jpg"),
        ("t04.png", "t04", "media/portraits/t04.png"),
        ("李秀英.JPG", "t03", "media/portraits/t03.jpg"),
    ]
    assert sorted((r.file, r.code) for r in report.refused) == [
        ("t05.jpg", "corrupt"),
        ("t06.png", "decompression_bomb"),
        ("t07.jpg", "not_an_image"),
        ("无名氏.jpg", "no_match"),
        ("王建国.jpg", "ambiguous_name"),
        ("说明.txt", "not_an_image"),
    ]
    assert "t02, t08" in next(r.reason for r in report.refused if r.code == "ambiguous_name")
    # Originals kept as they came, byte for byte; the portrait column names them.
    assert (pack / "media" / "portraits" / "t01.jpg").read_bytes() == (folder / "t01.jpg").read_bytes()
    assert {k: v for k, v in _portraits(pack).items() if v} == {
        "t01": "t01.jpg",
        "t03": "t03.jpg",
        "t04": "t04.png",
    }
    assert report.written
    assert packwrite.backups(pack)
    # Thumbnails, and nothing else, are in the served folder.
    served = sorted(p.name for p in (static / "cache" / "thumbs").iterdir())
    assert served == sorted(f"{i}-{s}.webp" for i in ("t01", "t03", "t04") for s in SIZES)
    assert sorted(read_manifest(data)) == ["t01", "t03", "t04"]  # remembered in the data folder
    assert Image.open(thumbnail_path("t01", "card", static)).size == (240, 320)
    assert load_catalog(pack).honoree("t01").portrait == "t01.jpg"


def test_two_photos_for_one_person_are_both_refused(pack: Path, static: Path, data: Path) -> None:
    report = ingest_uploads(
        [("t01.jpg", photos.jpeg()), ("丁卫松.png", photos.jpeg())], load_catalog(pack), pack, data, static
    )
    assert report.accepted == ()
    assert {r.code for r in report.refused} == {"several_photos"}
    assert _portraits(pack)["t01"] == ""


def test_a_new_photo_replaces_the_portrait_and_the_old_original_is_kept(
    pack: Path, static: Path, data: Path
) -> None:
    cat = load_catalog(pack)
    first, second = photos.jpeg(photos.portrait(seed=1)), photos.png(photos.portrait(seed=2))
    set_portrait("t02", "upload.jpg", first, cat, pack, data, static)
    report = set_portrait("t02", "whatever name.png", second, load_catalog(pack), pack, data, static)

    assert [p.original for p in report.accepted] == ["media/portraits/t02.png"]
    assert _portraits(pack)["t02"] == "t02.png"
    assert not (pack / "media" / "portraits" / "t02.jpg").exists()
    (kept,) = (pack / "media" / "portraits" / ".replaced").rglob("t02.jpg")
    assert kept.read_bytes() == first


def test_a_failed_portrait_update_puts_the_old_original_back(
    pack: Path, static: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = photos.jpeg(photos.portrait(seed=1))
    set_portrait("t02", "a.jpg", old, load_catalog(pack), pack, data, static)
    before = (pack / "exhibits" / "honorees.csv").read_bytes()

    def full_disk(*args: object, **kwargs: object) -> None:
        raise packwrite.PackWriteFailed("disk full")

    monkeypatch.setattr(packwrite, "replace_files", full_disk)
    with pytest.raises(packwrite.PackWriteFailed):
        set_portrait(
            "t02", "b.png", photos.png(photos.portrait(seed=2)), load_catalog(pack), pack, data, static
        )

    assert (pack / "exhibits" / "honorees.csv").read_bytes() == before
    assert (pack / "media" / "portraits" / "t02.jpg").read_bytes() == old
    assert not (pack / "media" / "portraits" / "t02.png").exists()
