"""python -m hall.voice render [--lang zh|en] [--ids ID …] [--pack DIR] [--jobs N]: read-aloud
audio rendered offline by espeak-ng, ahead of time, for kiosk PCs without a Chinese voice."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from hall.config import Settings
from hall.errors import PackError
from hall.pack import load_catalog
from hall.voice.reading import LANGS, Reading, everything
from hall.voice.render import VoiceUnavailable, cached, espeak, render


def main(argv: Sequence[str] | None = None) -> int:
    """Render every reading not in the data folder yet; 0 when all are there, 1 otherwise."""
    parser = argparse.ArgumentParser(prog="python -m hall.voice", description="Read-aloud audio, offline.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("render", help="render every reading missing from HALL_DATA/voice/")
    run.add_argument("--lang", choices=LANGS, action="append", help="zh or en (default: both)")
    run.add_argument(
        "--ids", nargs="+", default=None, help="only these ids (r001, era-reform, tour-<id>-<n>)"
    )
    run.add_argument("--pack", type=Path, default=None, help="content pack folder (default: HALL_PACK)")
    run.add_argument("--jobs", type=int, default=2, help="espeak-ng processes at once (default: 2)")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    started = time.monotonic()
    try:
        program = espeak()
        cat = load_catalog((args.pack or settings.pack).resolve(), data_dir=settings.data_dir)
    except (VoiceUnavailable, PackError) as exc:
        print(f"not done: {exc}", file=sys.stderr)
        return 1
    readings = [r for lang in args.lang or LANGS for r in everything(cat, lang)]
    if args.ids:
        unknown = sorted(set(args.ids) - {r.id for r in readings})
        if unknown:
            print(f"not done: no person, era or tour stop is {', '.join(unknown)}", file=sys.stderr)
            return 1
        readings = [r for r in readings if r.id in set(args.ids)]
    missing = [r for r in readings if cached(settings.data_dir, r) is None]
    failed: list[tuple[Reading, str]] = []

    def one(r: Reading) -> None:
        try:
            render(settings.data_dir, r, program)
        except (VoiceUnavailable, OSError) as exc:
            failed.append((r, str(exc)))

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        list(pool.map(one, missing))
    for r, reason in failed:
        print(f"  failed {r.lang}/{r.id}: {reason}", file=sys.stderr)
    seconds = time.monotonic() - started
    print(
        f"{len(missing) - len(failed)} rendered, {len(readings) - len(missing)} already there, "
        f"{len(failed)} failed, in {seconds:.1f} s ({settings.data_dir / 'voice'})"
    )
    return 1 if failed else 0
