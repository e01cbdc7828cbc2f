"""Draw static/favicon.png: a 64x64 red disc with a gold ring and star, the hall's emblem."""

from __future__ import annotations

import math
import sys
from pathlib import Path

from PIL import Image, ImageDraw

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "static" / "favicon.png"

SIZE = 64
SCALE = 8  # draw large, then downsample: Pillow's shapes have no antialiasing of their own
RED = (200, 16, 46, 255)  # the theme's primaryColor #c8102e
GOLD = (242, 193, 78, 255)


def star_points(cx: float, cy: float, outer: float, inner: float) -> list[tuple[float, float]]:
    """The ten corners of an upright five-pointed star."""
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.radians(-90 + 36 * i)
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def draw(size: int = SIZE) -> Image.Image:
    """The emblem as an RGBA image of size x size pixels."""
    big = size * SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    margin = big * 0.03
    pen.ellipse((margin, margin, big - margin, big - margin), fill=GOLD)
    ring = big * 0.09
    pen.ellipse((ring, ring, big - ring, big - ring), fill=RED)
    centre = big / 2
    # Drop the star a little: its top point reaches further from the centre than its feet,
    # so this centres its outline in the disc.
    pen.polygon(star_points(centre, centre + big * 0.02, big * 0.30, big * 0.12), fill=GOLD)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> int:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    draw().save(OUT, optimize=True)
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
