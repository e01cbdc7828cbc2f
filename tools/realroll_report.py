"""Count the pack's real people per era, district and honour, and list the sources they cite.

    .venv/bin/python -m tools.realroll_report [--pack DIR] [--lang zh|en]

Prints Markdown (docs/real-roll.md holds the default pack's); exits 1 when a real person has no
citation a reader can follow (a web address or a printed publication's title).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from hall.pack import load_catalog
from hall.realroll import report_markdown, roll_report, untraceable


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pack", default=".", help="the content pack's folder (default: the repo)")
    parser.add_argument("--lang", default="zh", choices=("zh", "en"))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as data:  # a fresh catalogue, not a cached one
        cat = load_catalog(Path(args.pack), data_dir=data)
    sys.stdout.write(report_markdown(roll_report(cat, args.lang)))
    missing = untraceable(cat)
    if missing:
        sys.stderr.write(f"real people without a traceable source: {', '.join(missing)}\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
