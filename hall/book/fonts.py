"""The book's typefaces: found on the machine (Debian's font packages), embedded as subsets.

Measured with fpdf2 2.8.9 on the default pack (321 A4 pages): LXGW WenKai (TrueType outlines)
is subset and written in 0.9 s, Noto Serif CJK (CFF outlines in a .ttc) in 6.8 s, for files of
the same size (1.1 MB); so the text is set in WenKai — the Kai face the name portraits already
use — and Noto Sans CJK stands in for any character WenKai lacks.
"""

from __future__ import annotations

import functools
import subprocess
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

from hall.config import REPO_ROOT
from hall.errors import HallError


class FontsMissing(HallError):
    """No Chinese face to set the book in: install fonts-lxgw-wenkai or fonts-noto-cjk."""


@dataclass(frozen=True, slots=True)
class Face:
    """One font file (and its face number inside a .ttc collection)."""

    path: Path
    number: int = 0


# fontconfig's name → (file Debian installs it as, face number in a collection); Simplified
# Chinese is face 2 of Noto's CJK collections.
_WANTED: dict[str, tuple[tuple[str, str, int], ...]] = {
    "regular": (
        ("LXGW WenKai:style=Regular", "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf", 0),
        ("Noto Sans CJK SC:style=Regular", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ),
    "bold": (
        ("LXGW WenKai:style=Bold", "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Bold.ttf", 0),
        ("Noto Sans CJK SC:style=Bold", "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
    ),
    "fallback": (
        ("Noto Sans CJK SC:style=Regular", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ),
}
# The hall's own Kai subset (tools/build_name_font.py): the last resort for every style.
_OWN = Face(REPO_ROOT / "media" / "fonts" / "hall-kai.ttf")


def _fc_file(pattern: str) -> Path | None:
    """The file fontconfig (fc-list) knows for `pattern`, if any."""
    try:
        out = subprocess.run(
            ["fc-list", pattern, "file"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    for line in out.splitlines():
        path = Path(line.strip().rstrip(":"))
        if path.is_file():
            return path
    return None


@functools.cache
def find(style: str) -> Face | None:
    """The first installed face for `style` (regular, bold, fallback): the known Debian path, or
    wherever fc-list finds that family; `regular` and `bold` fall back to the hall's own subset."""
    for pattern, known, number in _WANTED[style]:
        path = Path(known) if Path(known).is_file() else _fc_file(pattern)
        if path is not None:
            return Face(path, number if path.suffix.lower() in {".ttc", ".otc"} else 0)
    return _OWN if style != "fallback" and _OWN.path.is_file() else None


def register(pdf: FPDF) -> None:
    """Add the book's faces to `pdf` as `book` (regular and bold) and a fallback for missing
    characters; fpdf2 embeds each as a subset of the glyphs used.

    Raises:
        FontsMissing: no Chinese face is installed.
    """
    regular, bold = find("regular"), find("bold")
    if regular is None or bold is None:
        raise FontsMissing("no Chinese font found: apt-get install fonts-lxgw-wenkai fonts-noto-cjk")
    pdf.add_font("book", "", str(regular.path), collection_font_number=regular.number)
    pdf.add_font("book", "B", str(bold.path), collection_font_number=bold.number)
    fallback = find("fallback")
    if fallback is not None and fallback.path != regular.path:
        pdf.add_font("fallback", "", str(fallback.path), collection_font_number=fallback.number)
        pdf.set_fallback_fonts(["fallback"], exact_match=False)
