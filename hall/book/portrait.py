"""An entry's portrait in print: the person's photo, or their name portrait drawn as vectors.

The photo goes through the hall's own checks and thumbnailing (hall.portraits: damaged files,
non-images and decompression bombs refused, EXIF orientation applied); anything refused, or a
photo that is missing, falls back to the name portrait. The name portrait is the one the hall
shows (hall.portraits.names: the era's colour, the gold double frame, the honour's emblem, the
name in Kai, 匠 and 示例), drawn with the PDF's own shapes and the embedded font: sharp at any
size, and about 1 KB a page where a 150 dpi JPEG of it costs ~9 KB a person (the default pack's
book: 1.1 MB against 17.6 MB, 11 s against 27 s).
"""

from __future__ import annotations

import hashlib
import io
import math
from pathlib import Path

from fpdf import FPDF
from PIL import Image

from hall.pack import Honoree
from hall.portraits.names import ERA_COLOURS, GOLD, IVORY, Look, shown_characters
from hall.portraits.thumbs import PhotoRefused, Refusal, photo_source

JPEG_QUALITY = 85


def photo_jpeg(pack: Path | str, h: Honoree) -> bytes | None:
    """The person's photo as a print JPEG (480×640 at most: ~470 dpi at 26 mm), or None when
    there is none or it cannot be used (missing, damaged, not an image, too many pixels)."""
    if not h.portrait:
        return None
    source = photo_source(pack, h.id, h.portrait)
    if isinstance(source, Refusal):
        return None
    try:
        webp = source.make()["page"]
        with Image.open(io.BytesIO(webp)) as image:
            out = io.BytesIO()
            image.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY)
            return out.getvalue()
    except (PhotoRefused, OSError, ValueError):
        return None


def draw(pdf: FPDF, x: float, y: float, w: float, h: Honoree, photo: bytes | None) -> None:
    """The portrait of `h` in the box at (x, y), `w` wide and 4/3 of that tall."""
    height = w * 4 / 3
    if photo is not None:
        pdf.image(io.BytesIO(photo), x=x, y=y, w=w, h=height)
        return
    name_portrait(pdf, x, y, w, Look.of(h))


def name_portrait(pdf: FPDF, x: float, y: float, w: float, look: Look) -> None:
    """The hall's name portrait, as vectors: `s` scales the 240 px design to `w` mm."""
    height, s = w * 4 / 3, w / 240
    top, foot = ERA_COLOURS.get(look.era, ERA_COLOURS[""])
    with pdf.local_context():
        pdf.set_fill_color(*top)
        pdf.rect(x, y, w, height, style="F")
        _hills(pdf, x, y, w, height, s, look.honoree_id, foot)
        pdf.set_draw_color(*GOLD)
        outer, inner = 10 * s, 15 * s
        pdf.set_line_width(2 * s)
        pdf.rect(x + outer, y + outer, w - 2 * outer, height - 2 * outer)
        pdf.set_line_width(1 * s)
        pdf.rect(x + inner, y + inner, w - 2 * inner, height - 2 * inner)
        _emblem(pdf, x + w / 2, y + 36 * s, s, look.level)
        chars = shown_characters(look.name) or ["?"]
        px = {1: 118, 2: 96, 3: 74, 4: 58}[len(chars)] * s  # the design's sizes, in mm
        line = px * 1.08
        top_y = y + (height - line * len(chars)) / 2 + 12 * s
        pdf.set_text_color(*IVORY)
        pdf.set_font("book", "B", px / 0.3528)
        for i, char in enumerate(chars):
            pdf.set_xy(x, top_y + i * line)
            pdf.cell(w, line, char, align="C")
        if look.craftsman:
            pdf.set_text_color(*GOLD)
            pdf.set_font("book", "B", 20 * s / 0.3528)
            pdf.set_xy(x + w - inner - 24 * s, y + inner + 4 * s)
            pdf.cell(22 * s, 22 * s, "匠", align="C")
        if look.sample:
            bx, by, bw, bh = x + w - inner - 48 * s, y + height - inner - 26 * s, 42 * s, 20 * s
            pdf.set_fill_color(*IVORY)
            pdf.rect(bx, by, bw, bh, style="F", round_corners=True, corner_radius=4 * s)
            pdf.set_text_color(*foot)
            pdf.set_font("book", "B", 15 * s / 0.3528)
            pdf.set_xy(bx, by)
            pdf.cell(bw, bh, "示例", align="C")


def _hills(
    pdf: FPDF, x: float, y: float, w: float, height: float, s: float, key: str, foot: tuple[int, int, int]
) -> None:
    """Two bands of hills and water across the foot, their waves set by the id (as on screen)."""
    seed = hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).digest()
    left, right, bottom = x + 15 * s, x + w - 15 * s, y + height - 15 * s
    for layer, lift in ((0, 16), (1, 30)):
        pdf.set_fill_color(*(min(255, c + lift) for c in foot))
        phase = seed[3 + layer] / 255 * 2 * math.pi
        waves = 1.5 + seed[5 + layer] % 4 * 0.5
        band = height * (0.16 - 0.06 * layer) + seed[7 + layer] % 12 * s
        crest = y + height - band
        points = [(left, bottom)]
        points += [
            (
                left + (right - left) * i / 24,
                crest + 0.35 * band * math.sin(phase + waves * 2 * math.pi * i / 24),
            )
            for i in range(25)
        ]
        points.append((right, bottom))
        pdf.polygon(points, style="F")


def _emblem(pdf: FPDF, cx: float, cy: float, s: float, level: int) -> None:
    """The highest honour: a star (national), a star in a ring (provincial), a ring (city), a dot
    (county); nothing when no honour is listed."""
    pdf.set_fill_color(*GOLD)
    pdf.set_line_width(3 * s)
    if level == 0:
        _star(pdf, cx, cy, 14 * s)
    elif level == 1:
        pdf.circle(cx, cy, 12 * s, style="D")
        _star(pdf, cx, cy, 7 * s)
    elif level == 2:
        pdf.circle(cx, cy, 10 * s, style="D")
    elif level == 3:
        pdf.circle(cx, cy, 5 * s, style="F")


def _star(pdf: FPDF, cx: float, cy: float, r: float) -> None:
    points = []
    for i in range(10):
        angle = -math.pi / 2 + i * math.pi / 5
        reach = r if i % 2 == 0 else r * 0.42
        points.append((cx + reach * math.cos(angle), cy + reach * math.sin(angle)))
    pdf.polygon(points, style="F")
