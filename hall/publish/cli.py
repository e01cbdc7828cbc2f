"""python -m hall.publish [--pack DIR] [--out DIR] [--base-url URL] [--workers N] [--json]:
write the light pages of a content pack, rewriting only what changed."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from hall.config import STATIC_DIR, Settings
from hall.errors import PackError
from hall.pack import load_catalog
from hall.publish.build import publish
from hall.publish.urls import MIRROR, Style, static_limit_warning


def main(argv: Sequence[str] | None = None) -> int:
    """Publish; 0 when done, 1 when the pack or the folders could not be used."""
    parser = argparse.ArgumentParser(prog="python -m hall.publish", description=__doc__.splitlines()[0])
    parser.add_argument("--pack", type=Path, default=None, help="content pack folder (default: HALL_PACK)")
    parser.add_argument("--out", type=Path, default=MIRROR, help=f"the mirror folder (default: {MIRROR})")
    parser.add_argument(
        "--base-url", default=None, help="the hall's public address (default: base_url in hall.yaml)"
    )
    parser.add_argument("--workers", type=int, default=0, help="processes drawing pictures (0: per core)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    settings = Settings.from_env()
    pack = (args.pack or settings.pack).resolve()
    try:
        cat = load_catalog(pack, data_dir=settings.data_dir)
        report = publish(
            cat,
            out=args.out.resolve(),
            data_dir=settings.data_dir,
            base_url=cat.info.base_url if args.base_url is None else args.base_url,
            style=Style(settings.light_urls),
            static_dir=STATIC_DIR,
            workers=args.workers,
        )
    except (PackError, OSError) as exc:
        print(f"publish: {exc}", file=sys.stderr)
        return 1
    warning = static_limit_warning(args.out.resolve())
    if warning:
        report.warnings.append(warning)
    if args.json:
        print(json.dumps(asdict(report), ensure_ascii=False))
    else:
        print(
            f"{report.pages} pages in {args.out}: {report.written} written, {report.unchanged} unchanged, "
            f"{report.removed} removed, {report.drawn} pictures drawn, in {report.seconds:.1f} s "
            f"(largest page {report.largest[0]}: {report.largest[1]:,} bytes)"
        )
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0
