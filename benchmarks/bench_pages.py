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


def page_bytes(at: object) -> int:
    """What a page's elements weigh as Streamlit sends them (their protobuf messages), summed."""
    total = 0
    stack = [at._tree]  # type: ignore[attr-defined]
    while stack:
        node = stack.pop()
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "ByteSize"):
            total += proto.ByteSize()
        stack.extend(getattr(node, "children", {}).values())
    return total


def wall_figures(runs: int) -> tuple[float, int, int, int, int]:
    """(ms to hang the wall and write its links, names on it, bytes of the wall element, bytes of the
    welcome hall's first run, bytes of an empty page's run) for the pack in HALL_PACK."""
    import datetime as dt

    from streamlit.testing.v1 import AppTest

    from hall.exhibition import wall, wall_html
    from hall.rooms import HONOREE, room
    from hall.ui.data import catalog

    cat = catalog()
    era_class = {era.id: f"e{i}" for i, era in enumerate(cat.eras)}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        hung = wall(cat, dt.date.today())
        wall_html(hung.names, era_class, room(HONOREE).url)
        times.append(time.perf_counter() - start)
    home = AppTest.from_file(str(REPO / "hall_app.py"), default_timeout=60).run()
    wall_element = next(h for h in home.get("html") if "hall-wall" in h.proto.body)
    empty = AppTest.from_string(EMPTY_PAGE, default_timeout=60).run()
    return (
        _median_ms(times),
        len(hung.names),
        wall_element.proto.ByteSize(),
        page_bytes(home),
        page_bytes(empty),
    )


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


Wall = tuple[float, int, int, int, int]  # build ms, names, wall bytes, welcome hall bytes, empty page bytes


def run_for(
    pack: Path, data_dir: Path, runs: int
) -> tuple[dict[str, tuple[float, float]], tuple[float, float], Wall]:
    ready = catalogue_ready_seconds(pack, data_dir)
    env = {**os.environ, "HALL_PACK": str(pack), "HALL_DATA": str(data_dir)}
    out = subprocess.check_output(
        [sys.executable, __file__, "--child", "--runs", str(runs)], env=env, text=True
    )
    lines = out.strip().splitlines()
    build, names, wall_bytes, home_bytes, empty_bytes = lines.pop().split("\t")[1:]
    rooms = {}
    for line in lines:
        name, first, warm = line.split("\t")
        rooms[name] = (float(first), float(warm))
    return rooms, ready, (float(build), int(names), int(wall_bytes), int(home_bytes), int(empty_bytes))


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
        print("wall\t" + "\t".join(str(x) for x in wall_figures(args.runs)))
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
    readiness, walls = [], []
    for label, pack, data in packs:
        rooms, ready, wall = run_for(pack, data, args.runs)
        readiness.append((label, ready))
        walls.append((label, wall))
        for name, (first, warm) in rooms.items():
            print(f"| {label} | {name} | {first:.1f} | {warm:.1f} |")
    print()
    print("| pack | catalogue ready, cold build s | catalogue ready, from cache s |")
    print("|---|---:|---:|")
    for label, (cold, warm) in readiness:
        print(f"| {label} | {cold:.2f} | {warm:.2f} |")
    print()
    print(
        "| pack | wall of names: names | built in ms (once a day a process) | its bytes "
        "| welcome hall's bytes | empty page's bytes (baseline) |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for label, (build, names, wall_bytes, home_bytes, empty_bytes) in walls:
        print(f"| {label} | {names:,} | {build:.1f} | {wall_bytes:,} | {home_bytes:,} | {empty_bytes:,} |")
    print(f"\n(median of {args.runs} sessions × 3 reruns; baseline '(empty page)' measured in the same run)")


if __name__ == "__main__":
    main()
