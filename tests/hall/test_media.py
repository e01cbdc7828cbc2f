"""Portrait photos: matched, kept, thumbnailed upright; damaged, huge and non-image files refused."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from PIL import Image

from hall.media import (
    SIZES,
    PhotoRefused,
    ensure_thumbnails,
    ingest,
    ingest_uploads,
    main,
    make_thumbnails,
    set_portrait,
    thumbnail_path,
)
from hall.pack import load_catalog
from hall.pack import write as packwrite
from tests.fixtures import photos
from tests.support.packs import HONOREES, write_pack


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    # t08 shares t02's name: a file called 王建国.jpg cannot say which of them it shows.
    people = [*HONOREES, ("t08", "王建国", "男", "1960", "越城区", "某厂", "钳工", "化工", "true")]
    return write_pack(tmp_path / "pack", honorees=people)


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "static" / "cache"


def _portraits(pack: Path) -> dict[str, str]:
    with (pack / "exhibits" / "honorees.csv").open(encoding="utf-8", newline="") as f:
        return {row["id"]: row["portrait"] for row in csv.DictReader(f)}


def _set_portrait_cell(pack: Path, honoree_id: str, value: str) -> None:
    path = pack / "exhibits" / "honorees.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        if row["id"] == honoree_id:
            row["portrait"] = value
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _colour(image: Image.Image, y: int) -> tuple[int, ...]:
    return image.convert("RGB").getpixel((image.width // 2, y))


def _near(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    return all(abs(x - y) < 40 for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize("orientation", [1, 3, 6, 8])
def test_a_phone_photo_is_thumbnailed_upright_at_both_sizes(orientation: int) -> None:
    thumbs, ext, size = make_thumbnails(photos.jpeg(photos.portrait(600, 800), orientation))
    assert (ext, size) == (".jpg", (600, 800))
    for name, box in SIZES.items():
        image = Image.open(io.BytesIO(thumbs[name]))
        assert image.format == "WEBP"
        assert image.size == box  # 3:4 portrait, fitted exactly: the box was turned for draft()
        assert _near(_colour(image, 2), photos.RED), f"{name}: top is not the photo's top"
        assert _near(_colour(image, image.height - 3), photos.BLUE)


def test_a_big_jpeg_is_decoded_small_and_keeps_no_exif() -> None:
    thumbs, _ext, size = make_thumbnails(photos.jpeg(photos.portrait(2400, 3200), 6))
    assert size == (2400, 3200)
    page = Image.open(io.BytesIO(thumbs["page"]))
    assert page.size == (480, 640)
    assert not page.getexif()  # no camera, place or time details travel with a thumbnail


def test_a_transparent_png_gets_a_white_background() -> None:
    image = Image.new("RGBA", (300, 400), (0, 0, 0, 0))
    thumbs, ext, _size = make_thumbnails(photos.png(image))
    card = Image.open(io.BytesIO(thumbs["card"]))
    assert ext == ".png"
    assert _near(_colour(card, 100), (255, 255, 255))


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (photos.truncated_jpeg(), "corrupt"),
        (b"\xff\xd8\xff\xe0" + b"not really a jpeg" * 10, "corrupt"),
        (photos.png_header_only(100, 100)[:20], "corrupt"),
        (b"%PDF-1.4 a document", "not_an_image"),
        ("姓名,荣誉称号\n".encode(), "not_an_image"),
        (b"", "not_an_image"),
        (photos.png_header_only(30000, 30000), "decompression_bomb"),
    ],
    ids=["truncated", "garbage", "cut-png", "pdf", "csv", "empty", "bomb"],
)
def test_damaged_huge_or_non_image_files_are_refused(data: bytes, code: str) -> None:
    with pytest.raises(PhotoRefused) as refused:
        make_thumbnails(data)
    assert refused.value.code == code


def test_an_image_over_the_pixel_limit_is_refused_before_it_is_decoded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Between MAX_IMAGE_PIXELS and twice that, Pillow only warns: refused all the same.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 600 * 800 - 1)
    with pytest.raises(PhotoRefused, match="decompression bomb") as refused:
        make_thumbnails(photos.jpeg(photos.portrait(600, 800)))
    assert refused.value.code == "decompression_bomb"


def test_ingest_matches_by_id_and_unique_name_and_refuses_the_rest(
    pack: Path, cache: Path, tmp_path: Path
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

    report = ingest(folder, load_catalog(pack), pack, cache)

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
    served = sorted(p.name for p in (cache / "thumbs").iterdir())
    assert served == sorted(
        [*(f"{i}-{s}.webp" for i in ("t01", "t03", "t04") for s in SIZES), "manifest.json"]
    )
    assert Image.open(thumbnail_path(cache, "t01", "card")).size == (240, 320)
    assert load_catalog(pack).honoree("t01").portrait == "t01.jpg"


def test_two_photos_for_one_person_are_both_refused(pack: Path, cache: Path) -> None:
    report = ingest_uploads(
        [("t01.jpg", photos.jpeg()), ("丁卫松.png", photos.jpeg())], load_catalog(pack), pack, cache
    )
    assert report.accepted == ()
    assert {r.code for r in report.refused} == {"several_photos"}
    assert _portraits(pack)["t01"] == ""


def test_a_new_photo_replaces_the_portrait_and_the_old_original_is_kept(pack: Path, cache: Path) -> None:
    cat = load_catalog(pack)
    first, second = photos.jpeg(photos.portrait(seed=1)), photos.png(photos.portrait(seed=2))
    set_portrait("t02", "upload.jpg", first, cat, pack, cache)
    report = set_portrait("t02", "whatever name.png", second, load_catalog(pack), pack, cache)

    assert [p.original for p in report.accepted] == ["media/portraits/t02.png"]
    assert _portraits(pack)["t02"] == "t02.png"
    assert not (pack / "media" / "portraits" / "t02.jpg").exists()
    (kept,) = (pack / "media" / "portraits" / ".replaced").rglob("t02.jpg")
    assert kept.read_bytes() == first


def test_a_failed_portrait_update_puts_the_old_original_back(
    pack: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = photos.jpeg(photos.portrait(seed=1))
    set_portrait("t02", "a.jpg", old, load_catalog(pack), pack, cache)
    before = (pack / "exhibits" / "honorees.csv").read_bytes()

    def full_disk(*args: object, **kwargs: object) -> None:
        raise packwrite.PackWriteFailed("disk full")

    monkeypatch.setattr(packwrite, "replace_files", full_disk)
    with pytest.raises(packwrite.PackWriteFailed):
        set_portrait("t02", "b.png", photos.png(photos.portrait(seed=2)), load_catalog(pack), pack, cache)

    assert (pack / "exhibits" / "honorees.csv").read_bytes() == before
    assert (pack / "media" / "portraits" / "t02.jpg").read_bytes() == old
    assert not (pack / "media" / "portraits" / "t02.png").exists()


def test_thumbnails_are_built_once_rebuilt_when_stale_and_removed_when_unused(
    pack: Path, cache: Path
) -> None:
    cat = load_catalog(pack)
    ingest_uploads([("t01.jpg", photos.jpeg()), ("t02.jpg", photos.jpeg())], cat, pack, cache)
    cat = load_catalog(pack)

    assert ensure_thumbnails(cat, pack, cache).kept == 2  # made on upload: nothing to do
    thumbnail_path(cache, "t01", "page").unlink()
    source = pack / "media" / "portraits" / "t02.jpg"
    source.write_bytes(photos.jpeg(photos.portrait(seed=7)))
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 10**9))
    assert ensure_thumbnails(cat, pack, cache).built == 2
    assert ensure_thumbnails(cat, pack, cache).built == 0

    # A portrait taken out of honorees.csv (consent withdrawn) stops being served.
    _set_portrait_cell(pack, "t02", "")
    done = ensure_thumbnails(load_catalog(pack), pack, cache)
    assert (done.kept, done.removed) == (1, 2)
    assert not thumbnail_path(cache, "t02", "card").exists()


def test_a_portrait_named_in_the_pack_but_missing_is_reported(pack: Path, cache: Path) -> None:
    _set_portrait_cell(pack, "t01", "../../secret.jpg")
    _set_portrait_cell(pack, "t02", "t02.jpg")
    done = ensure_thumbnails(load_catalog(pack), pack, cache)
    assert [(f.file, f.code) for f in done.failed] == [
        ("../../secret.jpg", "missing"),
        ("t02.jpg", "missing"),
    ]


def test_cli_ingests_a_folder_and_prints_json(
    pack: Path, cache: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "t06.jpg").write_bytes(photos.jpeg(orientation=8))
    (folder / "broken.jpg").write_bytes(photos.truncated_jpeg())
    assert main(["ingest", str(folder), "--pack", str(pack), "--cache", str(cache), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(a["honoree_id"], a["size"]) for a in out["accepted"]] == [("t06", [600, 800])]
    assert [r["code"] for r in out["refused"]] == ["no_match"]
    assert main(["thumbs", "--pack", str(pack), "--cache", str(cache), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["kept"] == 1
