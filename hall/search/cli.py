"""``python -m hall.search``: search the hall's honorees from the command line."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hall.search.index import SearchIndex
from hall.search.storage import index_path

REPO_ROOT = Path(__file__).resolve().parents[2]


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m hall.search QUERY [--era E] [--honour H] [--district D] [--pack DIR] …``."""
    parser = argparse.ArgumentParser(
        prog="python -m hall.search",
        description="Search the hall's honorees.",
    )
    parser.add_argument(
        "query",
        nargs="?",
        default="",
        help="what to look for (may be empty with filters)",
    )
    parser.add_argument("--era", help="era id or name")
    parser.add_argument("--honour", help="honour code, name or alias")
    parser.add_argument("--district", help="district adcode, name or former name")
    parser.add_argument("--industry", help="industry name")
    parser.add_argument("--years", help="award years, e.g. 1990-2000, 2010- or -1978")
    parser.add_argument("--kind", choices=["model_worker", "craftsman"])
    parser.add_argument(
        "--pack",
        default=str(REPO_ROOT),
        help="content pack folder (default: the repo root)",
    )
    parser.add_argument(
        "--data",
        help="folder for the saved index (default: $HALL_DATA or <repo>/.hall)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="build the index afresh and do not save it",
    )
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument(
        "--json", action="store_true", help='print {"total": n, "ids": [...], "facets": {...}}'
    )
    args = parser.parse_args(argv)

    years: tuple[int | None, int | None] | None = None
    if args.years:
        lo, sep, hi = args.years.partition("-")
        try:
            start, end = (lo, hi) if sep else (lo, lo)
            years = (int(start) if start else None, int(end) if end else None)
        except ValueError:
            parser.error(f"--years: not a year range: {args.years!r}")

    from hall.pack import load_catalog

    catalog = load_catalog(args.pack)
    if args.no_cache:
        index = SearchIndex.build(catalog)
    else:
        data = Path(args.data or os.environ.get("HALL_DATA") or REPO_ROOT / ".hall")
        index = SearchIndex.load_or_build(catalog, index_path(data))
    result = index.search(
        args.query,
        era=args.era,
        honour=args.honour,
        district=args.district,
        industry=args.industry,
        years=years,
        kind=args.kind,
        limit=args.limit,
        offset=args.offset,
    )
    out = io.StringIO()
    if args.json:
        payload: dict[str, Any] = {
            "total": result.total,
            "ids": list(result.ids),
            "facets": result.facets,
        }
        if result.suggestions:
            payload["suggestions"] = list(result.suggestions)
        out.write(json.dumps(payload, ensure_ascii=False) + "\n")
    else:
        by_id = {h.id: h for h in catalog.honorees}
        out.write(f"{result.total} found\n")
        for i, hid in enumerate(result.ids, start=result.offset + 1):
            h = by_id[hid]
            why = "; ".join(f"{m.field}: {m.text}" for m in result.reasons[hid])
            out.write(f"{i:>4}. {h.name} ({h.name_en}) {hid}  [{why}]\n")
        if result.suggestions:
            names = ", ".join(f"{by_id[s].name} ({s})" for s in result.suggestions)
            out.write(f"nothing found; did you mean: {names}\n")
        for facet, counts in result.facets.items():
            shown = ", ".join(f"{k or '?'} {v}" for k, v in counts.items())
            out.write(f"{facet}: {shown}\n")
    sys.stdout.write(out.getvalue())
    return 0
