"""Command line: python -m tools.samplepack [--pack DIR] [--count N] [--seed N]."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path

from tools.samplepack.real import PackRowsUnusable
from tools.samplepack.write import DEFAULT_COUNT, DEFAULT_PACK, DEFAULT_SEED, write_pack

DESCRIPTION = "Deterministic generator of a pack's records: its real rows plus invented sample people."


def main(argv: Sequence[str] | None = None, out: Callable[[str], None] = print) -> int:
    """Write the sample into a pack and say what was written; 1 when the pack cannot take it."""
    parser = argparse.ArgumentParser(prog="python -m tools.samplepack", description=DESCRIPTION)
    parser.add_argument(
        "--pack", type=Path, default=DEFAULT_PACK, help="pack folder (default: the repo root)"
    )
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="honorees in all")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    try:
        written = write_pack(args.pack, args.count, args.seed)
    except PackRowsUnusable as exc:
        out(f"nothing written: {exc}")
        return 1
    parts = ", ".join(f"{n} {name.removesuffix('.csv')}" for name, n in written.items())
    out(f"wrote {parts} to {args.pack / 'exhibits'} (seed {args.seed})")
    return 0
