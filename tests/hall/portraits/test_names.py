"""Name portraits: a face for everyone without a photo — distinct, deterministic, small, honest."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from hall.pack import load_catalog
from hall.portraits import names
from hall.portraits.names import SIZES, Look
from tests.support.packs import write_pack

DING = Look("r001", "丁卫松", "new_era", 1, True, False)


def _pixels(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    assert image.format == "WEBP"
    return image.convert("RGB")


@pytest.mark.parametrize("size", list(SIZES))
def test_a_name_portrait_is_a_small_webp_of_its_box(size: str) -> None:
    data = names.draw(DING, SIZES[size])
    assert len(data) <= 8 * 1024
    assert _pixels(data).size == SIZES[size]


def test_the_same_record_draws_the_same_picture() -> None:
    assert names.draw(DING, SIZES["card"]) == names.draw(DING, SIZES["card"])


@pytest.mark.parametrize(
    "other",
    [
        Look("s00002", "丁卫松", "new_era", 1, True, False),  # the same name, another person
        Look("r001", "丁卫松", "reform", 1, True, False),  # another first era
        Look("r001", "丁卫松", "new_era", 0, True, False),  # a higher honour
        Look("r001", "丁卫松", "new_era", 1, False, False),  # not a craftsman
        Look("r001", "丁卫松", "new_era", 1, True, True),  # invented: marked 示例
    ],
)
def test_what_differs_in_the_record_differs_in_the_picture(other: Look) -> None:
    mine, theirs = _pixels(names.draw(DING, SIZES["card"])), _pixels(names.draw(other, SIZES["card"]))
    assert mine.tobytes() != theirs.tobytes()
    assert DING.digest() != other.digest()  # and in the file it is served from


def test_the_sample_mark_sits_in_the_bottom_corner() -> None:
    # The drawing itself: WebP's lossy encoder tunes the whole picture at once, so a change in
    # one corner may move pixels of the other half after encoding.
    real = names.image(DING, SIZES["page"])
    sample = names.image(Look("r001", "丁卫松", "new_era", 1, True, True), SIZES["page"])
    w, h = SIZES["page"]
    corner = (w - 90, h - 60, w - 20, h - 20)
    assert real.crop(corner).tobytes() != sample.crop(corner).tobytes()
    assert real.crop((0, 0, w, h // 2)).tobytes() == sample.crop((0, 0, w, h // 2)).tobytes()


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("丁卫松", list("丁卫松")),
        ("欧阳秀英", list("欧阳秀英")),
        ("阿依古丽·买买提", ["买", "提"]),
        ("李 娜", ["李", "娜"]),
    ],
)
def test_long_names_show_their_last_two_characters(name: str, shown: list[str]) -> None:
    assert names.shown_characters(name) == shown


def test_a_character_the_kai_face_lacks_is_drawn_with_the_web_font() -> None:
    rare = "𠀋"  # CJK extension B: in neither GB2312 nor the pack
    assert rare not in names._characters(names.KAI)
    assert names._font_for(f"王{rare}") == names.FALLBACK
    assert names._font_for("王建国") == names.KAI
    assert len(names.draw(Look("x", f"王{rare}", "reform", 2, False, True), SIZES["card"])) > 0


def test_portraits_are_drawn_once_then_served_and_pruned_when_no_record_needs_them(tmp_path: Path) -> None:
    cat = load_catalog(write_pack(tmp_path / "pack"))
    static = tmp_path / "static"
    people = names.people_without_photo(cat.honorees)
    assert names.prebuild(people, static) == len(people) * len(SIZES)
    assert names.prebuild(people, static) == 0  # already there
    url = names.ensure(Look.of(people[0]), "card", static)
    assert url == f"/app/static/cache/names/{Look.of(people[0]).digest()}-card.webp"
    stale = static / names.NAMES / "0123456789abcdef-card.webp"
    stale.write_bytes(b"old")
    assert names.prune(people, static) == 1
    assert not stale.exists()
    assert len(list((static / names.NAMES).glob("*.webp"))) == len(people) * len(SIZES)
