"""Server-side run time of every room (AppTest), first run of a session and warm rerun,
beside an empty Streamlit page, on the default pack and a generated 100,000-honoree pack.

    .venv/bin/python benchmarks/bench_pages.py [--runs 7] [--big 100000] [--skip-big]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

EMPTY_PAGE = "import streamlit as st\nst.write('hello')\n"


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def time_rooms(runs: int) -> dict[str, tuple[float, float]]:
    """{room: (first run ms, warm rerun ms)} for the pack in HALL_PACK, caches warm."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from hall.config import Settings
    from hall.pack import load_catalog
    from hall.rooms import ROOMS

    st.cache_resource.clear()
    settings = Settings.from_env()
    cat = load_catalog(settings.pack, data_dir=settings.data_dir)
    honoree = next(h for h in cat.honorees if len(h.honours) > 1).id
    AppTest.from_file(str(REPO / "hall_app.py"), default_timeout=300).run()  # fill the caches

    results: dict[str, tuple[float, float]] = {}
    targets = [("(empty page)", None)] + [(r.key, r) for r in ROOMS]
    for name, room in targets:
        firsts, warms = [], []
        for _ in range(runs):
            if room is None:
                at = AppTest.from_string(EMPTY_PAGE, default_timeout=60)
            else:
                at = AppTest.from_file(str(REPO / "hall_app.py"), default_timeout=60)
                if room.key == "honoree":
                    at.query_params["id"] = honoree
                at.switch_page(room.file)
            start = time.perf_counter()
            at.run()
            firsts.append(time.perf_counter() - start)
            assert not at.exception, f"{name}: {at.exception}"
            for _ in range(3):
                start = time.perf_counter()
                at.run()
                warms.append(time.perf_counter() - start)
        results[name] = (_median_ms(firsts), _median_ms(warms))
    return results


def catalogue_ready_seconds(pack: Path, data_dir: Path) -> tuple[float, float]:
    """(cold build, load from the prebuilt cache) in a fresh process each."""
    code = (
        f"import sys,time; t=time.perf_counter(); sys.path.insert(0, {str(REPO)!r});"
        f"from hall.pack import load_catalog; load_catalog({str(pack)!r}, data_dir={str(data_dir)!r});"
        "print(time.perf_counter()-t)"
    )
    for stale in data_dir.glob("catalog-*.pickle"):
        stale.unlink()
    cold = float(subprocess.check_output([sys.executable, "-c", code], text=True))
    warm = float(subprocess.check_output([sys.executable, "-c", code], text=True))
    return cold, warm


def run_for(
    pack: Path, data_dir: Path, runs: int
) -> tuple[dict[str, tuple[float, float]], tuple[float, float]]:
    ready = catalogue_ready_seconds(pack, data_dir)
    env = {**os.environ, "HALL_PACK": str(pack), "HALL_DATA": str(data_dir)}
    out = subprocess.check_output(
        [sys.executable, __file__, "--child", "--runs", str(runs)], env=env, text=True
    )
    rooms = {}
    for line in out.strip().splitlines():
        name, first, warm = line.split("\t")
        rooms[name] = (float(first), float(warm))
    return rooms, ready


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--big", type=int, default=100_000)
    parser.add_argument("--skip-big", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        for name, (first, warm) in time_rooms(args.runs).items():
            print(f"{name}\t{first:.2f}\t{warm:.2f}")
        return

    from tools.samplepack import write_pack

    packs: list[tuple[str, Path, Path]] = []
    tmp = Path(tempfile.mkdtemp(prefix="hall-bench-"))
    packs.append(("1,800 (default pack)", REPO, tmp / "data-default"))
    if not args.skip_big:
        big = tmp / "big"
        write_pack(big, count=args.big, seed=1)
        packs.append((f"{args.big:,} (generated)", big, tmp / "data-big"))

    print("| pack | room | first run of a new session, ms | warm rerun, ms |")
    print("|---|---|---:|---:|")
    readiness = []
    for label, pack, data in packs:
        rooms, ready = run_for(pack, data, args.runs)
        readiness.append((label, ready))
        for name, (first, warm) in rooms.items():
            print(f"| {label} | {name} | {first:.1f} | {warm:.1f} |")
    print()
    print("| pack | catalogue ready, cold build s | catalogue ready, from cache s |")
    print("|---|---:|---:|")
    for label, (cold, warm) in readiness:
        print(f"| {label} | {cold:.2f} | {warm:.2f} |")
    print(f"\n(median of {args.runs} sessions × 3 reruns; baseline '(empty page)' measured in the same run)")


if __name__ == "__main__":
    main()
