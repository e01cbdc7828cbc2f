"""Build (or --check) static/fonts/hall-sc.woff2, the hall's Simplified Chinese web font subset."""

from __future__ import annotations

import argparse
import os
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FONT_OUT = REPO / "static" / "fonts" / "hall-sc.woff2"
LICENSE_OUT = REPO / "static" / "fonts" / "LICENSE-OFL.txt"

# Debian's fonts-noto-cjk; face 2 of the collection is Noto Sans CJK SC (0 JP, 1 KR, 3 TC, 4 HK).
SOURCE_TTC = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SOURCE_FONT_NUMBER = 2
DEBIAN_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")

# Files of a content pack whose text may reach the screen (records, tours, district names).
PACK_GLOBS = (
    "exhibits/*.csv",
    "exhibits/*.yaml",
    "exhibits/*.yml",
    "exhibits/tours/*.yaml",
    "exhibits/tours/*.yml",
    "exhibits/geo/*.geojson",
)
# The program's own UI text: the labels first, but any room or widget may hold a literal.
UI_GLOBS = (
    "hall/labels.py",
    "hall/*.py",
    "hall/ui/*.py",
    "hall/ui/*.css",
    "hall_app.py",
    "rooms/*.py",
    "pages/*.py",
)

# Code-point ranges always included besides GB2312: typography a curator may paste in.
EXTRA_RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1: é, ü, ·, ×, ©, non-breaking space
    (0x0100, 0x017F),  # Latin Extended-A: pinyin with tone marks (ā ē ī ō ū)
    (0x01CD, 0x01DC),  # pinyin ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ
    (0x2010, 0x2027),  # dashes, quotes, bullet, ellipsis
    (0x2030, 0x203B),  # per mille, primes, reference mark
    (0x2100, 0x2122),  # ℃ № ™
    (0x2160, 0x217F),  # Roman numerals
    (0x2460, 0x24FF),  # circled and parenthesised numbers
    (0x3000, 0x303F),  # CJK symbols and punctuation: 、。《》「」【】〔〕
    (0x30FB, 0x30FB),  # katakana middle dot, what GB2312 calls ·
    (0xFE10, 0xFE19),  # vertical punctuation forms
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF01, 0xFF65),  # full-width ASCII and half-width CJK punctuation
    (0xFFE0, 0xFFE6),  # full-width ￥ ￡ ￠
)

# Emoji belong to the colour emoji font: carrying a monochrome glyph for them here would win the
# font fallback and show ☀ or ⭐ as outlines, so they are neither built in nor expected.
EMOJI_RANGES: tuple[tuple[int, int], ...] = (
    (0x2600, 0x27BF),
    (0x2B00, 0x2BFF),
    (0xFE00, 0xFE0F),
    (0x1F000, 0x1FAFF),
    (0xE0000, 0xE007F),
)
# ★☆♀♂ are GB2312 text symbols, not emoji, so the exclusion above spares them.
GB2312_SYMBOLS_IN_EMOJI_RANGES = frozenset("★☆♀♂")


def gb2312_chars() -> set[str]:
    """Every character GB2312 encodes, by decoding all of its two-byte codes."""
    chars: set[str] = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                continue  # unassigned cell
    return chars


def _in_ranges(char: str, ranges: Iterable[tuple[int, int]]) -> bool:
    cp = ord(char)
    return any(lo <= cp <= hi for lo, hi in ranges)


def is_expected(char: str) -> bool:
    """Whether the web font should carry this character (not emoji, control or whitespace)."""
    if char in GB2312_SYMBOLS_IN_EMOJI_RANGES:
        return True
    if _in_ranges(char, EMOJI_RANGES) or char in "\u200d\u20e3":
        return False
    category = unicodedata.category(char)
    # Controls, format marks and line breaks have no glyph; ordinary spaces are in ASCII.
    return not (category[0] == "C" or category in ("Zl", "Zp"))


def used_files(pack: Path = REPO, repo: Path = REPO) -> list[Path]:
    """The pack's record files and the program's UI files, sorted for a stable build."""
    files = {p for pattern in PACK_GLOBS for p in pack.glob(pattern)}
    files |= {p for pattern in UI_GLOBS for p in repo.glob(pattern)}
    return sorted(p for p in files if p.is_file())


def used_chars(pack: Path = REPO, repo: Path = REPO) -> set[str]:
    """Every character the pack's records and the UI's labels can put on screen."""
    chars: set[str] = set()
    for path in used_files(pack, repo):
        chars |= set(path.read_text(encoding="utf-8"))
    return {c for c in chars if is_expected(c)}


def base_chars() -> set[str]:
    """GB2312 plus ASCII and common punctuation: what the font carries whatever the pack."""
    chars = gb2312_chars()
    for lo, hi in EXTRA_RANGES:
        chars |= {chr(cp) for cp in range(lo, hi + 1)}
    return {c for c in chars if is_expected(c)}


def font_cmap(path: Path, font_number: int = 0) -> set[str]:
    """The characters a font file (ttc, otf or woff2) maps to glyphs."""
    from fontTools.ttLib import TTFont

    with TTFont(path, fontNumber=font_number, lazy=True) as font:
        return {chr(cp) for cp in font.getBestCmap()}


def missing_chars(pack: Path = REPO, repo: Path = REPO, font: Path = FONT_OUT) -> list[str]:
    """Characters the pack or the labels use that the built font lacks (sorted)."""
    return sorted(used_chars(pack, repo) - font_cmap(font))


def source_lacks(chars: Iterable[str], source: Path = SOURCE_TTC) -> set[str]:
    """Of these characters, those Noto Sans CJK SC itself lacks (empty if the source is absent)."""
    if not source.exists():
        return set()
    return set(chars) - font_cmap(source, SOURCE_FONT_NUMBER)


def check(
    pack: Path = REPO,
    repo: Path = REPO,
    font: Path = FONT_OUT,
) -> tuple[list[str], list[str]]:
    """(used characters a rebuild would add, used characters Noto itself lacks), both sorted."""
    missing = missing_chars(pack, repo, font)
    # A character Noto lacks cannot be fixed by a rebuild: the browser falls back for it.
    hopeless = source_lacks(missing)
    return [c for c in missing if c not in hopeless], sorted(hopeless)


def describe(chars: Iterable[str]) -> str:
    """One line per character: the character, its code point and its Unicode name."""
    return "\n".join(f"  {c}  U+{ord(c):04X}  {unicodedata.name(c, '?')}" for c in chars)


def build(
    pack: Path = REPO, repo: Path = REPO, out: Path = FONT_OUT, source: Path = SOURCE_TTC
) -> tuple[int, list[str]]:
    """Write the subset; return (characters kept, used characters the source font lacks)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    wanted = base_chars() | used_chars(pack, repo)
    available = font_cmap(source, SOURCE_FONT_NUMBER)
    kept = sorted(wanted & available)
    # Only used characters matter here: GB2312 codes Noto lacks are not worth a warning.
    lacking = sorted(used_chars(pack, repo) - available)

    options = subset.Options()
    options.layout_features = ["*"]  # keep vertical forms, locl, proportional punctuation
    options.name_IDs = ["*"]  # keep the copyright and OFL licence records (OFL condition 2)
    options.flavor = "woff2"
    # head.modified stays the source's, so a rebuild of the same input is byte-identical.
    options.recalc_timestamp = False
    font = TTFont(source, fontNumber=SOURCE_FONT_NUMBER, recalcTimestamp=False)
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=[ord(c) for c in kept])
    subsetter.subset(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    subset.save_font(font, str(tmp), options)
    os.replace(tmp, out)  # never leave a half-written font where the server serves it
    return len(kept), lacking


OFL_HEADER = """\
hall-sc.woff2 is a subset of Noto Sans CJK SC Regular (version 2.004), converted to WOFF2
by tools/build_font.py. Only the character set was reduced; the glyphs are unchanged.

Noto Sans CJK: Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name
'Source'. The fonts are developed by Google and Adobe: the copyright is held by Adobe, and
"Noto" is a trademark of Google Inc. Ideographs designed by Ryoko Nishizuka, Latin by
Paul D. Hunt.
Source: https://github.com/notofonts/noto-cjk

This Font Software is licensed under the SIL Open Font License, Version 1.1.
The licence text follows; it is also available with a FAQ at https://openfontlicense.org

"""


def licence_text(debian_copyright: Path = DEBIAN_COPYRIGHT) -> str:
    """The OFL 1.1 notice, its full text taken from Debian's copyright file when present."""
    if debian_copyright.exists():
        body = _ofl_from_debian(debian_copyright.read_text(encoding="utf-8"))
        if body:
            return OFL_HEADER + body
    return OFL_HEADER + (
        "SIL OPEN FONT LICENSE Version 1.1 - 26 February 2007\n"
        "The full licence text: https://openfontlicense.org/open-font-license-official-text/\n"
    )


def _ofl_from_debian(copyright_text: str) -> str:
    """The `License: SIL-1.1` paragraph of a Debian copyright file, de-indented."""
    lines = copyright_text.splitlines()
    # The standalone licence paragraph is the last `License: SIL-1.1` line (the first one
    # is the field of the `Files: *` paragraph).
    starts = [i for i, line in enumerate(lines) if line == "License: SIL-1.1"]
    if not starts:
        return ""
    body: list[str] = []
    for line in lines[starts[-1] + 1 :]:
        if not line.startswith(" "):
            break  # the next paragraph of the copyright file
        text = line[1:]
        body.append("" if text == "." else text)  # Debian writes blank lines as " ."
    text = "\n".join(body).strip("\n")
    return text + "\n" if "PERMISSION & CONDITIONS" in text else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--pack",
        type=Path,
        default=Path(os.environ.get("HALL_PACK", REPO)),
        help="content pack folder holding exhibits/ (default: the repo root)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 listing used characters the committed font lacks",
    )
    parser.add_argument("--font", type=Path, default=FONT_OUT, help="font file to build or check")
    args = parser.parse_args(argv)

    if args.check:
        if not args.font.exists():
            print(f"{args.font} is missing: run tools/build_font.py", file=sys.stderr)
            return 1
        fixable, hopeless = check(args.pack, REPO, args.font)
        if hopeless:  # warn only: no rebuild can add them
            print(
                f"{len(hopeless)} used character(s) are not in Noto Sans CJK SC either "
                f"(the browser falls back to another font):\n{describe(hopeless)}",
                file=sys.stderr,
            )
        if fixable:
            print(
                f"{args.font.name} lacks {len(fixable)} character(s) used by the pack or the "
                f"labels; run tools/build_font.py:\n{describe(fixable)}",
                file=sys.stderr,
            )
            return 1
        print(f"{args.font.name} covers every character of the pack and the labels")
        return 0

    if not SOURCE_TTC.exists():
        print(f"{SOURCE_TTC} not found: apt-get install fonts-noto-cjk", file=sys.stderr)
        return 1
    kept, lacking = build(args.pack, REPO, args.font)
    LICENSE_OUT.write_text(licence_text(), encoding="utf-8")
    size = args.font.stat().st_size
    print(f"wrote {args.font} ({kept} characters, {size / 1e6:.2f} MB) and {LICENSE_OUT.name}")
    if lacking:
        fallback = describe(lacking)
        print(f"not in Noto Sans CJK SC, left to browser fallback:\n{fallback}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
