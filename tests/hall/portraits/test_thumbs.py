"""Thumbnails: made upright at both sizes; damaged, huge and non-image files refused; the cache
built once, rebuilt when stale, emptied of what no portrait needs."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from PIL import Image

from hall.pack import load_catalog
from hall.portraits import (
    SIZES,
    PhotoRefused,
    Source,
    ensure_thumbnails,
    ingest_uploads,
    make_thumbnails,
    refresh,
    thumbnail_path,
)
from hall.portraits.thumbs import read_manifest
from tests.fixtures import photos


def _set_portrait_cell(pack: Path, honoree_id: str, value: str) -> None:
    """Edit one portrait cell of honorees.csv by hand, as a curator would."""
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


def test_thumbnails_are_built_once_rebuilt_when_stale_and_removed_when_unused(
    pack: Path, static: Path, data: Path
) -> None:
    cat = load_catalog(pack)
    ingest_uploads([("t01.jpg", photos.jpeg()), ("t02.jpg", photos.jpeg())], cat, pack, data, static)
    cat = load_catalog(pack)

    assert ensure_thumbnails(cat, pack, data, static).kept == 2  # made on upload: nothing to do
    thumbnail_path("t01", "page", static).unlink()
    source = pack / "media" / "portraits" / "t02.jpg"
    source.write_bytes(photos.jpeg(photos.portrait(seed=7)))
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 10**9))
    assert ensure_thumbnails(cat, pack, data, static).built == 2
    assert ensure_thumbnails(cat, pack, data, static).built == 0

    # A portrait taken out of honorees.csv (consent withdrawn) stops being served.
    _set_portrait_cell(pack, "t02", "")
    done = ensure_thumbnails(load_catalog(pack), pack, data, static)
    assert (done.kept, done.removed) == (1, 2)
    assert not thumbnail_path("t02", "card", static).exists()


def test_a_portrait_named_in_the_pack_but_missing_is_reported(pack: Path, static: Path, data: Path) -> None:
    _set_portrait_cell(pack, "t01", "../../secret.jpg")
    _set_portrait_cell(pack, "t02", "t02.jpg")
    done = ensure_thumbnails(load_catalog(pack), pack, data, static)
    assert [(f.file, f.code) for f in done.failed] == [
        ("../../secret.jpg", "missing"),
        ("t02.jpg", "missing"),
    ]


def test_any_kind_of_source_is_built_kept_rebuilt_and_removed_by_its_key(static: Path, data: Path) -> None:
    made: list[str] = []

    def drawn(honoree_id: str, key: str) -> Source:
        def make() -> dict[str, bytes]:
            made.append(honoree_id)
            return make_thumbnails(photos.png(photos.portrait(300, 400, seed=len(made))))[0]

        return Source(honoree_id, f"{honoree_id}.drawn", key, make)

    first = refresh([drawn("t01", "a"), drawn("t02", "a")], data, static)
    again = refresh([drawn("t01", "a"), drawn("t02", "b")], data, static)
    dropped = refresh([drawn("t02", "b")], data, static)

    assert (first.built, again.built, again.kept, dropped.kept, dropped.removed) == (2, 1, 1, 1, 2)
    assert made == ["t01", "t02", "t02"]
    assert read_manifest(data) == {"t02": "b"}
    assert not thumbnail_path("t01", "card", static).exists()


def test_a_source_that_cannot_be_made_is_reported_and_not_served(static: Path, data: Path) -> None:
    def broken() -> dict[str, bytes]:
        raise PhotoRefused("corrupt", "the image is damaged")

    done = refresh([Source("t01", "t01.jpg", "k", broken)], data, static)
    assert [(f.file, f.code) for f in done.failed] == [("t01.jpg", "corrupt")]
    assert (done.built, read_manifest(data)) == (0, {})
