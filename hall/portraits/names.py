"""Name portraits: a face for everyone the pack has no photo of, drawn from their name.

The convention visitors know from DingTalk and WeCom contact cards, done as an honour roll would:
the name in a Kai face on the colour of the person's first era, inside a gold double frame, the
emblem of their highest honour above it, a 匠 seal for craftsmen, and 示例 on the portraits of
invented sample people. A band of hills and water at the foot, its waves set by the person's id,
makes every portrait distinct, even for two people of the same name.

A portrait is drawn once and kept as a static file named by a digest of what it shows and of the
code that draws it, so a changed record or drawing gives a new file and a stale one is never
served; `prune` removes files no record needs any more.
"""

from __future__ import annotations

import functools
import hashlib
import io
import math
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from hall.config import REPO_ROOT, STATIC_DIR, STATIC_URL
from hall.pack import Honoree, write_atomically
from hall.pack.cache import code_fingerprint

NAMES = Path("cache") / "names"
# Pixel boxes (width, height): a card, and a person's page shown 240 wide (1.5× for sharp screens).
SIZES: dict[str, tuple[int, int]] = {"card": (240, 320), "page": (360, 480)}
WEBP_QUALITY = 60  # flat colour and large strokes: 3–7 KB a portrait
KAI = REPO_ROOT / "media" / "fonts" / "hall-kai.ttf"  # tools/build_name_font.py
FALLBACK = STATIC_DIR / "fonts" / "hall-sc.woff2"  # the web font: every character the pack uses
NO_HONOUR = 4  # Level.rank of "no honour listed"
# Sessions draw in their own threads; Pillow's fonts are shared, so one draws at a time.
_DRAWING = threading.Lock()

# The first era's colours (top, foot of the gradient); "" for people with no dated honour.
ERA_COLOURS: dict[str, tuple[tuple[int, int, int], tuple[int, int, int]]] = {
    "revolution": ((146, 40, 30), (96, 24, 18)),
    "reform": ((30, 88, 130), (16, 52, 84)),
    "new_era": ((34, 104, 84), (18, 62, 50)),
    "": ((104, 88, 74), (62, 52, 44)),
}
GOLD = (226, 186, 100)
IVORY = (251, 244, 228)


@dataclass(frozen=True, slots=True)
class Look:
    """Everything a name portrait shows: two equal Looks draw the same picture."""

    honoree_id: str
    name: str
    era: str
    level: int  # Level.rank of the highest honour; NO_HONOUR when none is listed
    craftsman: bool
    sample: bool

    @classmethod
    def of(cls, h: Honoree) -> Look:
        return cls(h.id, h.name, h.primary_era, min(h.best_level, NO_HONOUR), h.is_craftsman, h.sample)

    def digest(self) -> str:
        text = f"{_drawing_version()}|{self!r}"
        return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


def file_name(look: Look, size: str) -> str:
    return f"{look.digest()}-{size}.webp"


def portrait_path(look: Look, size: str, static_dir: Path | str = STATIC_DIR) -> Path:
    return Path(static_dir) / NAMES / file_name(look, size)


def portrait_url(look: Look, size: str) -> str:
    return f"{STATIC_URL}/{NAMES.as_posix()}/{file_name(look, size)}"


def ensure(look: Look, size: str, static_dir: Path | str = STATIC_DIR) -> str:
    """The URL of this portrait, drawn first if it is not there yet (a few milliseconds).

    Raises:
        OSError: the static folder cannot be written.
    """
    path = portrait_path(look, size, static_dir)
    if not path.exists():
        write_atomically(path, draw(look, SIZES[size]))
    return portrait_url(look, size)


def people_without_photo(people: Iterable[Honoree]) -> list[Honoree]:
    return [h for h in people if not h.portrait]


def prebuild(people: Iterable[Honoree], static_dir: Path | str = STATIC_DIR) -> int:
    """Draw every missing portrait of these people in every size; returns how many were drawn.

    Raises:
        OSError: the static folder cannot be written.
    """
    drawn = 0
    for h in people:
        look = Look.of(h)
        for size in SIZES:
            if not portrait_path(look, size, static_dir).exists():
                write_atomically(portrait_path(look, size, static_dir), draw(look, SIZES[size]))
                drawn += 1
    return drawn


def prune(people: Iterable[Honoree], static_dir: Path | str = STATIC_DIR) -> int:
    """Remove the portraits no one of these people needs (a record or the drawing changed)."""
    wanted = {file_name(Look.of(h), size) for h in people for size in SIZES}
    folder = Path(static_dir) / NAMES
    removed = 0
    for path in folder.glob("*.webp") if folder.is_dir() else ():
        if path.name not in wanted:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def shown_characters(name: str) -> list[str]:
    """The characters drawn: the whole name up to four, else its last two (阿依古丽·买买提 → 买提)."""
    chars = [c for c in name if not c.isspace() and c not in "·•・."]
    return chars if len(chars) <= 4 else chars[-2:]


def draw(look: Look, size: tuple[int, int]) -> bytes:
    """The portrait as WebP bytes, `size` (width, height) in the 3:4 of a portrait."""
    out = io.BytesIO()
    image(look, size).save(out, "WEBP", quality=WEBP_QUALITY, method=4)
    return out.getvalue()


def image(look: Look, size: tuple[int, int]) -> Image.Image:
    """The portrait as a Pillow image (RGB), for callers that need another format (hall.publish)."""
    with _DRAWING:
        return _draw(look, size)


def _draw(look: Look, size: tuple[int, int]) -> Image.Image:
    w, h = size
    s = w / 240
    seed = hashlib.sha1(look.honoree_id.encode("utf-8"), usedforsecurity=False).digest()
    top, foot = ERA_COLOURS.get(look.era, ERA_COLOURS[""])
    canvas = _background(size, top, foot).copy()
    d = ImageDraw.Draw(canvas)
    outer = round(10 * s)
    inner = outer + round(5 * s)
    _landscape(d, seed, (inner, w - inner - 1, h - inner - 1), h, s, foot)
    d.rectangle([outer, outer, w - outer - 1, h - outer - 1], outline=GOLD, width=max(1, round(2 * s)))
    d.rectangle([inner, inner, w - inner - 1, h - inner - 1], outline=GOLD, width=max(1, round(s)))
    _emblem(d, w / 2, 36 * s, s, look.level)
    chars = shown_characters(look.name) or ["?"]
    font_file = _font_for("".join(chars) + ("匠" if look.craftsman else "") + ("示例" if look.sample else ""))
    px = round({1: 118, 2: 96, 3: 74, 4: 58}[len(chars)] * s)
    line = px * 1.08
    y = (h - line * len(chars)) / 2 + 12 * s
    for char in chars:
        _stamp(canvas, (w / 2, y + line / 2), char, font_file, px, IVORY)
        y += line
    if look.craftsman:
        seal = (w - inner - 13 * s, inner + 15 * s)
        _stamp(canvas, seal, "匠", font_file, round(20 * s), GOLD)
    if look.sample:
        box = (w - inner - 48 * s, h - inner - 26 * s, w - inner - 6 * s, h - inner - 6 * s)
        d.rounded_rectangle(box, radius=round(4 * s), fill=IVORY)
        middle = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
        _stamp(canvas, middle, "示例", font_file, round(15 * s), foot)
    return canvas


def _landscape(
    d: ImageDraw.ImageDraw,
    seed: bytes,
    box: tuple[int, int, int],
    h: int,
    s: float,
    foot: tuple[int, int, int],
) -> None:
    """Two bands of hills and water across the foot of the frame, their waves set by the id."""
    left, right, bottom = box
    for layer, lift in ((0, 16), (1, 30)):
        shade = tuple(min(255, c + lift) for c in foot)
        phase = seed[3 + layer] / 255 * 2 * math.pi
        waves = 1.5 + seed[5 + layer] % 4 * 0.5
        height = h * (0.16 - 0.06 * layer) + seed[7 + layer] % 12 * s
        crest = h - height
        points = [(float(left), float(bottom))]
        for i in range(49):
            wave = math.sin(phase + waves * 2 * math.pi * i / 48)
            points.append((left + (right - left) * i / 48, crest + 0.35 * height * wave))
        points.append((float(right), float(bottom)))
        d.polygon(points, fill=shade)


def _emblem(d: ImageDraw.ImageDraw, x: float, y: float, s: float, level: int) -> None:
    """The highest honour: a gold star (national), a star in a ring (provincial), a ring (city),
    a dot (county); nothing when no honour is listed."""
    ring = max(1, round(3 * s))
    if level == 0:
        _star(d, x, y, 14 * s)
    elif level == 1:
        d.ellipse([x - 12 * s, y - 12 * s, x + 12 * s, y + 12 * s], outline=GOLD, width=ring)
        _star(d, x, y, 7 * s)
    elif level == 2:
        d.ellipse([x - 10 * s, y - 10 * s, x + 10 * s, y + 10 * s], outline=GOLD, width=ring)
    elif level == 3:
        d.ellipse([x - 5 * s, y - 5 * s, x + 5 * s, y + 5 * s], fill=GOLD)


def _star(d: ImageDraw.ImageDraw, x: float, y: float, r: float) -> None:
    points = []
    for i in range(10):
        angle = -math.pi / 2 + i * math.pi / 5
        reach = r if i % 2 == 0 else r * 0.42
        points.append((x + reach * math.cos(angle), y + reach * math.sin(angle)))
    d.polygon(points, fill=GOLD)


def _font_for(text: str) -> Path:
    """The Kai face when it has every character, else the web font (it has all the pack uses)."""
    return KAI if KAI.exists() and set(text) <= _characters(KAI) else FALLBACK


@functools.cache
def _characters(path: Path) -> frozenset[str]:
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        return frozenset(chr(cp) for cp in font.getBestCmap())


def _stamp(
    canvas: Image.Image,
    centre: tuple[float, float],
    text: str,
    font: Path,
    px: int,
    colour: tuple[int, int, int],
) -> None:
    """Text centred on `centre`, from a cache of rendered glyphs: names share their characters,
    and rendering them was half of a portrait's drawing time (hall.publish draws 100,000)."""
    mask, (left, top) = _glyph(font, px, text)
    canvas.paste(colour, (round(centre[0] + left), round(centre[1] + top)), mask)


@functools.lru_cache(maxsize=8192)
def _glyph(path: Path, px: int, text: str) -> tuple[Image.Image, tuple[int, int]]:
    font = _font(path, px)
    left, top, right, bottom = font.getbbox(text, anchor="mm")
    mask = Image.new("L", (max(1, right - left), max(1, bottom - top)))
    ImageDraw.Draw(mask).text((-left, -top), text, font=font, fill=255, anchor="mm")
    return mask, (left, top)


@functools.cache
def _font(path: Path, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), px)


@functools.cache
def _background(size: tuple[int, int], top: tuple[int, int, int], foot: tuple[int, int, int]) -> Image.Image:
    gradient = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, foot), Image.new("RGB", size, top), gradient)


@functools.cache
def _drawing_version() -> str:
    """This module's code and the Kai font: a change to either draws every portrait anew."""
    font = f"{KAI.stat().st_size}" if KAI.exists() else "fallback"
    return f"{code_fingerprint('hall.portraits.names')}|{font}"
