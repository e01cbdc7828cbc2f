"""python -m hall.importer FILE [--pack DIR] [--dry-run] [--json]: the directory import from a shell."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from hall.errors import PackError
from hall.importer.apply import apply_import
from hall.importer.plan import plan_import, resolve_pack
from hall.importer.report import ImportFailed, print_report
from hall.pack import write as packwrite


def main(argv: Sequence[str] | None = None) -> int:
    """python -m hall.importer FILE [--pack DIR] [--dry-run] [--json]; 0 done, 1 not imported."""
    parser = argparse.ArgumentParser(
        prog="python -m hall.importer",
        description="Import the association's directory (名录, .xlsx or .csv) into a content pack.",
    )
    parser.add_argument("file", type=Path, help="the directory file: .xlsx, or CSV in UTF-8 or GBK")
    parser.add_argument("--pack", type=Path, default=None, help="content pack folder (default: HALL_PACK)")
    parser.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    pack = resolve_pack(args.pack)
    try:
        plan = plan_import(args.file, args.file.name, pack)
        report = plan.report if args.dry_run else apply_import(plan, pack)
    except (ImportFailed, PackError, packwrite.PackChanged, packwrite.PackWriteFailed) as exc:
        if args.json:
            print(json.dumps({"error": str(exc)}, ensure_ascii=False))
        else:
            print(f"not imported: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print_report(report, args.file.name, pack, args.dry_run, sys.stdout)
    return 0
