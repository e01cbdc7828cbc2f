"""python -m hall.export [OUT_DIR] [--zip FILE] [--base-url URL] [--pack DIR]: the open data."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from hall.config import Settings
from hall.errors import PackError
from hall.export.package import write, zipped
from hall.pack import load_catalog, write_atomically


def main(argv: Sequence[str] | None = None) -> int:
    """Write the files (or one zip of them); 0 when written, 1 when not (the reason on stderr)."""
    parser = argparse.ArgumentParser(
        prog="python -m hall.export", description="The pack's published fields as open data."
    )
    parser.add_argument("out", nargs="?", type=Path, default=Path("open-data"), help="folder to write into")
    parser.add_argument("--zip", type=Path, default=None, help="write one zip file instead of a folder")
    parser.add_argument(
        "--base-url", default="", help="the online hall's address (default: hall.yaml base_url)"
    )
    parser.add_argument("--pack", type=Path, default=None, help="content pack folder (default: HALL_PACK)")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    try:
        cat = load_catalog(args.pack or settings.pack, data_dir=settings.data_dir)
    except PackError as exc:
        print(f"the pack cannot be read: {exc}", file=sys.stderr)
        return 1
    if not (args.base_url or cat.info.base_url):
        print("note: no base_url in hall.yaml: page addresses (url, @id) are relative", file=sys.stderr)
    try:
        if args.zip:
            write_atomically(args.zip, zipped(cat, args.base_url))
            print(f"{args.zip}: {len(cat.honorees)} people")
        else:
            for path in write(cat, args.out, args.base_url).values():
                print(path)
    except OSError as exc:
        print(f"the open data was not written: {exc}", file=sys.stderr)
        return 1
    return 0
