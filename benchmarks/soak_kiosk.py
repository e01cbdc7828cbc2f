"""Soak a kiosk session: thousands of random taps across the rooms in ONE session, printing
Python heap and RSS every few hundred taps beside the figure after the first 100 (the baseline).

    .venv/bin/python benchmarks/soak_kiosk.py [--taps 3000] [--seed 42]
"""

from __future__ import annotations

import argparse
import atexit
import os
import random
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--taps", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    os.environ["HALL_MODE"] = "kiosk"
    # Its own data folder and SQLite store: thousands of taps must not land in a real hall's figures.
    os.environ.pop("HALL_DATABASE_URL", None)
    os.environ["HALL_DATA"] = data = tempfile.mkdtemp(prefix="hall-soak-")
    atexit.register(shutil.rmtree, data, ignore_errors=True)

    from streamlit.testing.v1 import AppTest

    from hall.config import Mode
    from hall.rooms import ROOMS
    from tests.support.apptest import random_tap

    rng = random.Random(args.seed)
    paths = [r.key for r in ROOMS if Mode.KIOSK in r.modes and r.key != "honoree"]
    at = AppTest.from_file(str(REPO / "hall_app.py"), default_timeout=120).run()
    tracemalloc.start()
    start = time.perf_counter()
    baseline: tuple[float, float] | None = None
    print("| taps | Python heap MB | RSS MB (peak) | exceptions |")
    print("|---:|---:|---:|---:|")
    errors = 0
    for tap in range(1, args.taps + 1):
        at = random_tap(at, rng, paths)
        errors += len(at.exception)
        if tap == 100 or tap % 500 == 0 or tap == args.taps:
            heap = tracemalloc.get_traced_memory()[0] / 2**20
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            baseline = baseline or (heap, rss)
            print(f"| {tap} | {heap:.1f} | {rss:.0f} | {errors} |")
    assert baseline is not None
    heap = tracemalloc.get_traced_memory()[0] / 2**20
    print(
        f"\n{args.taps} taps in {time.perf_counter() - start:.0f} s; heap growth after the first "
        f"100 taps (baseline {baseline[0]:.1f} MB): {heap - baseline[0]:+.1f} MB; exceptions: {errors}"
    )


if __name__ == "__main__":
    main()
