"""The light pages' preview pictures: a person's photo, or their name portrait, as a file chat apps read.

WeChat, QQ and most link previewers do not all read WebP (the hall's thumbnails), so the photo's
page thumbnail is written again as JPEG and a name portrait is drawn as a PNG of few colours.
Each file is named by a digest of what it shows, so an unchanged picture is never drawn again
and a changed one gets a new name (and may be cached for ever).
"""

from __future__ import annotations

import functools
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from hall.labels import t
from hall.pack import Honoree
from hall.portraits import names, thumbnail_path
from hall.publish.markup import LANG, ShareImage
from hall.publish.urls import ASSETS

SIZE = "page"  # 360 × 480 name portraits; photos' page thumbnails are at most 480 × 640
NAME_SIZE = names.SIZES[SIZE]
COLOURS = 64  # a name portrait is flat colour, a gradient and soft text edges
JPEG_QUALITY = 85


@dataclass(frozen=True, slots=True)
class Drawing:
    """How to make one preview picture: a name portrait's look, or a photo thumbnail to convert.
    Plain data, so a pool of processes can draw them."""

    look: names.Look | None = None
    photo: str = ""  # path of the photo's WebP page thumbnail


def share_image(h: Honoree, static_dir: Path) -> tuple[ShareImage, Drawing]:
    """The preview picture of a person and how to draw it (never drawn here)."""
    thumb = thumbnail_path(h.id, SIZE, static_dir)
    if h.portrait and thumb.is_file():
        with Image.open(thumb) as probe:  # reads the header only
            width, height = probe.size
        digest = hashlib.sha1(thumb.read_bytes(), usedforsecurity=False).hexdigest()[:16]
        alt = t("light_portrait_alt", LANG, name=h.name)
        return ShareImage(f"{ASSETS}/img/{digest}.jpg", width, height, alt), Drawing(photo=str(thumb))
    look = names.Look.of(h)
    alt = t("light_name_portrait_alt", LANG, name=h.name)
    file = f"{ASSETS}/img/{look.digest()}.png"
    return ShareImage(file, *NAME_SIZE, alt), Drawing(look=look)


def draw(drawing: Drawing) -> bytes:
    """The picture's bytes: JPEG for a photo, a PNG of COLOURS colours for a name portrait.

    Raises:
        OSError: the photo thumbnail cannot be read.
    """
    if drawing.look is None:
        with Image.open(drawing.photo) as photo:
            out = io.BytesIO()
            photo.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
            return out.getvalue()
    image = names.image(drawing.look, NAME_SIZE)
    # A palette made once per era (from its richest portrait) is reused: quantizing each portrait
    # afresh costs eight times as long and looks the same.
    few = image.quantize(palette=_palette(drawing.look.era), dither=Image.Dither.NONE)
    out = io.BytesIO()
    few.save(out, "PNG", compress_level=3)  # 8 KB in under 1 ms; 6 saves 1 KB for 3 ms
    return out.getvalue()


@functools.cache
def _palette(era: str) -> Image.Image:
    every_colour = names.Look("palette", "劳模工匠", era, 1, True, True)
    return names.image(every_colour, NAME_SIZE).quantize(COLOURS, method=Image.Quantize.FASTOCTREE)
