"""python -m hall.portraits ingest DIR | thumbs [--pack DIR] [--static DIR] [--json]: photos in,
thumbnails and name portraits out."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hall.config import STATIC_DIR, Settings
from hall.errors import PackError
from hall.pack import load_catalog
from hall.pack import write as packwrite
from hall.portraits import names
from hall.portraits.ingest import ingest
from hall.portraits.thumbs import ensure_thumbnails


def main(argv: Sequence[str] | None = None) -> int:
    """python -m hall.portraits ingest DIR | thumbs [--pack DIR] [--static DIR] [--json]; 0 done, 1 not.

    The thumbnails' manifest is kept in the data folder (HALL_DATA).
    """
    parser = argparse.ArgumentParser(
        prog="python -m hall.portraits", description="Portrait photos of a content pack."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    take = commands.add_parser("ingest", help="take in the photos of a folder, matched by id or name")
    take.add_argument("folder", type=Path)
    build = commands.add_parser(
        "thumbs", help="build missing photo thumbnails and name portraits, remove unused ones"
    )
    for sub in (take, build):
        sub.add_argument("--pack", type=Path, default=None, help="content pack folder (default: HALL_PACK)")
        sub.add_argument("--static", type=Path, default=STATIC_DIR, help="the folder served at /app/static/")
        sub.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    pack = (args.pack or settings.pack).resolve()
    try:
        catalog = load_catalog(pack)
        if args.command == "thumbs":
            done = ensure_thumbnails(catalog, pack, settings.data_dir, args.static)
            faces = names.people_without_photo(catalog.honorees)
            out: dict[str, Any] = {
                "built": done.built,
                "kept": done.kept,
                "removed": done.removed,
                "names_drawn": names.prebuild(faces, args.static),
                "names_removed": names.prune(faces, args.static),
                "failed": [{"file": r.file, "reason": r.reason, "code": r.code} for r in done.failed],
            }
            print(json.dumps(out, ensure_ascii=False, indent=2) if args.json else _thumb_text(out))
            return 0
        if not args.folder.is_dir():
            print(f"{args.folder} is not a folder", file=sys.stderr)
            return 1
        report = ingest(args.folder, catalog, pack, settings.data_dir, args.static)
    except (PackError, packwrite.PackChanged, packwrite.PackWriteFailed) as exc:
        print(json.dumps({"error": str(exc)}) if args.json else f"not done: {exc}", file=sys.stdout)
        return 1
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        for p in report.accepted:
            print(
                f"  {p.file} → {p.honoree_id} ({p.width}×{p.height}; "
                f"card {p.card_bytes:,} B, page {p.page_bytes:,} B)"
            )
        for r in report.refused:
            print(f"  refused {r.file}: {r.reason}")
        print(f"{len(report.accepted)} photos taken in, {len(report.refused)} refused")
    return 0


def _thumb_text(out: dict[str, Any]) -> str:
    lines = [
        f"thumbnails: {out['built']} built, {out['kept']} already there, {out['removed']} removed",
        f"name portraits: {out['names_drawn']} drawn, {out['names_removed']} removed",
    ]
    lines += [f"  {f['file']}: {f['reason']}" for f in out["failed"]]
    return "\n".join(lines)
