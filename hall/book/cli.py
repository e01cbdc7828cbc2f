"""python -m hall.book [OUT.pdf] [--paper A4|A5] [--era ID | --district NAME] [--qr] [--pack DIR]:
the 名录 as a print-ready PDF."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from hall.book.build import VOLUME_SIZE, BookOptions, NoBaseUrl, write_book
from hall.book.contents import Scope
from hall.book.fonts import FontsMissing
from hall.book.layout import Paper
from hall.config import Settings
from hall.errors import PackError
from hall.pack import load_catalog


def main(argv: Sequence[str] | None = None) -> int:
    """Write the book; 0 when written, 1 when not (the reason on stderr)."""
    parser = argparse.ArgumentParser(
        prog="python -m hall.book", description="The pack's 名录 as a print-ready PDF."
    )
    parser.add_argument("out", nargs="?", type=Path, default=Path("minglu.pdf"), help="the PDF to write")
    parser.add_argument("--paper", choices=[p.value for p in Paper], default="A4")
    booklet = parser.add_mutually_exclusive_group()
    booklet.add_argument("--era", default="", help="one era's booklet (an era id of hall.yaml)")
    booklet.add_argument(
        "--district", default="", help="one district's booklet (name, former name or adcode)"
    )
    parser.add_argument("--qr", action="store_true", help="a QR code per entry to the online page")
    parser.add_argument(
        "--base-url", default="", help="the online hall's address for the QR codes (default: hall.yaml)"
    )
    parser.add_argument(
        "--lang", choices=["zh", "en"], default="zh", help="the language of headings and labels"
    )
    parser.add_argument("--volume-size", type=int, default=VOLUME_SIZE, help="people per volume")
    parser.add_argument("--pack", type=Path, default=None, help="content pack folder (default: HALL_PACK)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)

    settings = Settings.from_env()
    try:
        cat = load_catalog(args.pack or settings.pack, data_dir=settings.data_dir)
    except PackError as exc:
        print(f"the pack cannot be read: {exc}", file=sys.stderr)
        return 1
    district = ""
    if args.district:
        district = args.district if cat.district(args.district) else cat.district_code(args.district)
        if not district:
            print(f"no district {args.district!r} in hall.yaml", file=sys.stderr)
            return 1
    if args.era and args.era not in {e.id for e in cat.eras}:
        print(f"no era {args.era!r} in hall.yaml: {', '.join(e.id for e in cat.eras)}", file=sys.stderr)
        return 1
    options = BookOptions(
        paper=Paper(args.paper),
        scope=Scope(era=args.era, district=district),
        qr=args.qr,
        base_url=args.base_url,
        lang=args.lang,
        volume_size=args.volume_size,
    )
    try:
        report = write_book(cat, args.pack or settings.pack, args.out, options)
    except (NoBaseUrl, FontsMissing, OSError) as exc:
        print(f"the book was not written: {exc}", file=sys.stderr)
        return 1
    summary = {
        "people": report.people,
        "seconds": round(report.seconds, 2),
        "bytes": report.bytes,
        "volumes": [
            {"path": str(v.path), "pages": v.pages, "people": len(v.entries)} for v in report.volumes
        ],
    }
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        for v in summary["volumes"]:
            print(f"{v['path']}: {v['pages']} pages, {v['people']} people")
        print(f"{report.people} people in {report.seconds:.1f} s, {report.bytes / 1e6:.1f} MB")
    return 0
