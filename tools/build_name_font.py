"""Build (or --check) media/fonts/hall-kai.ttf, the Kai face the name portraits are drawn with.

A subset of LXGW WenKai Bold (Debian's fonts-lxgw-wenkai, SIL OFL 1.1): GB2312's first level
(the 3,755 common characters) plus every character of the pack's names, renamed "Hall Kai" as the
OFL asks of a modified font whose original names ("霞鹜", "LXGW") are reserved. Server-side only:
the font is never served; a name it cannot draw falls back to the hall's web font.

    .venv/bin/python tools/build_name_font.py [--pack DIR] [--check]
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tools.build_font import font_cmap, is_expected  # noqa: E402

SOURCE = Path("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Bold.ttf")
DEBIAN_COPYRIGHT = Path("/usr/share/doc/fonts-lxgw-wenkai/copyright")
FONT_OUT = REPO / "media" / "fonts" / "hall-kai.ttf"
LICENSE_OUT = REPO / "media" / "fonts" / "LICENSE-hall-kai.txt"
FAMILY = "Hall Kai"
# Drawn on the portraits themselves, whatever the names.
ALWAYS = "示例匠·"


def gb2312_level_one() -> set[str]:
    """The 3,755 characters of GB2312's first level (rows 16–55, ordered by pinyin)."""
    chars = set()
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def name_chars(pack: Path) -> set[str]:
    """Every character of the pack's honorees' names."""
    path = pack / "exhibits" / "honorees.csv"
    chars: set[str] = set()
    if path.exists():
        with path.open(encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                chars |= set(row.get("name", ""))
    return {c for c in chars if is_expected(c) and not c.isspace()}


def build(pack: Path, out: Path = FONT_OUT, source: Path = SOURCE) -> int:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    wanted = gb2312_level_one() | name_chars(pack) | set(ALWAYS)
    kept = sorted(wanted & font_cmap(source))
    options = subset.Options()
    options.layout_features = []  # one glyph a character, drawn upright: nothing to shape
    options.name_IDs = ["*"]
    options.recalc_timestamp = False
    font = TTFont(source, recalcTimestamp=False)
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=[ord(c) for c in kept])
    subsetter.subset(font)
    # The OFL reserves "LXGW" and "霞鹜" for the original: a modified font takes another name.
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 16, 18, 21):
            record.string = FAMILY if record.nameID in (1, 16, 21) else f"{FAMILY} Bold"
        elif record.nameID in (3, 6, 20):
            record.string = "HallKai-Bold"
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    font.save(str(tmp))
    os.replace(tmp, out)
    return len(kept)


def licence_text() -> str:
    head = (
        f"hall-kai.ttf ({FAMILY}) is a subset of LXGW WenKai Bold (霞鹜文楷), made by\n"
        "tools/build_name_font.py from Debian's fonts-lxgw-wenkai; only the character set was\n"
        'reduced and the font renamed, as the licence asks (Reserved Font Names "霞鹜" and "LXGW").\n\n'
        "LXGW WenKai: Copyright 2021-2022 lxgw <calxgw2018@gmail.com>, https://github.com/lxgw/LxgwWenKai\n"
        "Licensed under the SIL Open Font License, Version 1.1 (text below, also at\n"
        "https://openfontlicense.org).\n\n"
    )
    if DEBIAN_COPYRIGHT.exists():
        lines = DEBIAN_COPYRIGHT.read_text(encoding="utf-8").splitlines()
        start = max(i for i, line in enumerate(lines) if line == "License: OFL-1.1")
        body = []
        for line in lines[start + 1 :]:
            if not line.startswith(" "):
                break
            body.append("" if line.strip() == "." else line[1:])
        return head + "\n".join(body).strip("\n") + "\n"
    return head + "SIL OPEN FONT LICENSE Version 1.1 - 26 February 2007\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pack", type=Path, default=Path(os.environ.get("HALL_PACK", REPO)))
    parser.add_argument("--check", action="store_true", help="exit 1 listing name characters the font lacks")
    args = parser.parse_args(argv)
    if args.check:
        lacking = sorted(name_chars(args.pack) - font_cmap(FONT_OUT)) if FONT_OUT.exists() else ["(no font)"]
        if lacking:
            print(f"{FONT_OUT.name} lacks {''.join(lacking)}: run tools/build_name_font.py", file=sys.stderr)
            return 1
        print(f"{FONT_OUT.name} covers every name of the pack")
        return 0
    if not SOURCE.exists():
        print(f"{SOURCE} not found: apt-get install fonts-lxgw-wenkai", file=sys.stderr)
        return 1
    kept = build(args.pack)
    LICENSE_OUT.write_text(licence_text(), encoding="utf-8")
    print(
        f"wrote {FONT_OUT} ({kept} characters, {FONT_OUT.stat().st_size / 1e6:.2f} MB) and {LICENSE_OUT.name}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
