"""A person with a photo is previewed by it — as JPEG, which every chat app reads, never the
WebP thumbnail itself — and a replaced photo gets a new picture."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from hall.portraits import make_thumbnails
from hall.portraits.thumbs import write_thumbnails
from tests.hall.publish.conftest import parse, set_cells


def photo(colour: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1200, 1600), colour).save(out, "JPEG")
    return out.getvalue()


def test_a_photo_is_the_preview_as_jpeg(build, pack: Path, mirror: Path, tmp_path: Path) -> None:
    set_cells(pack, "t01", portrait="t01.jpg")
    webps, _, _ = make_thumbnails(photo("#886644"))
    write_thumbnails("t01", webps, tmp_path / "static")
    build()
    doc = parse((mirror / "p" / "t01.html").read_bytes())
    image = doc.find(".//meta[@property='og:image']").get("content")
    assert image.endswith(".jpg")
    with Image.open(mirror / image.split("/", 3)[3]) as picture:
        assert picture.format == "JPEG"
        assert min(picture.size) >= 300
    assert "肖像" in doc.find(".//main//img").get("alt")

    webps, _, _ = make_thumbnails(photo("#224466"))
    write_thumbnails("t01", webps, tmp_path / "static")
    report, _ = build()
    again = parse((mirror / "p" / "t01.html").read_bytes())
    assert again.find(".//meta[@property='og:image']").get("content") != image
    assert report.drawn == 1
    assert report.removed == 1
