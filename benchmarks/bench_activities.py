"""The 活动 room's server-side time (AppTest, warm reruns) at 1,000 and 100,000 activities, beside
an empty Streamlit page and the same room with no activities, in the same run; and bookings per
second under contention on SQLite and a throwaway PostgreSQL, beside likes (a one-row write) from
the same threads.

    .venv/bin/python benchmarks/bench_activities.py [--runs 5] [--threads 8] [--bookings 400] [--skip-pg]

Goals (issue 18): the room warm <= 50 ms at 1,000 activities and <= 150 ms at 100,000.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

EMPTY_PAGE = "import streamlit as st\nst.write('hello')\n"
VIEWS = ("coming", "past", "figures")


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def make_pack(root: Path, count: int) -> Path:
    """The default pack's records with `count` sample activities (0: no activity files)."""
    from tools import activities_sample

    (root / "exhibits").mkdir(parents=True)
    for item in (REPO / "exhibits").iterdir():
        if item.name in ("activities.csv", "speakers.csv"):
            continue
        (shutil.copytree if item.is_dir() else shutil.copy)(item, root / "exhibits" / item.name)
    (root / "media").symlink_to(REPO / "media")
    if count:
        activities_sample.write(root, count, 42)
    return root


def child(runs: int) -> None:
    """In HALL_PACK's process: (view, first ms, warm ms) lines, the empty page first."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    st.cache_resource.clear()
    AppTest.from_file(str(REPO / "hall_app.py"), default_timeout=600).run()  # catalogue and caches
    cases: list[tuple[str, Callable[[], AppTest]]] = [
        ("(empty page)", lambda: AppTest.from_string(EMPTY_PAGE))
    ]
    for view in VIEWS:

        def made(view: str = view) -> AppTest:
            at = AppTest.from_file(str(REPO / "hall_app.py"), default_timeout=600)
            at.query_params["view"] = view
            return at.switch_page("rooms/activities.py")

        cases.append((view, made))
    for name, make in cases:
        firsts, warms = [], []
        for _ in range(runs):
            at = make()
            start = time.perf_counter()
            at.run()
            firsts.append(time.perf_counter() - start)
            assert not at.exception, f"{name}: {at.exception}"
            for _ in range(3):
                start = time.perf_counter()
                at.run()
                warms.append(time.perf_counter() - start)
        print(f"{name}\t{_median_ms(firsts):.1f}\t{_median_ms(warms):.1f}", flush=True)


def room_times(count: int, runs: int) -> dict[str, tuple[float, float]]:
    with tempfile.TemporaryDirectory(prefix="hall-act-bench-") as tmp:
        pack = make_pack(Path(tmp) / "pack", count)
        env = {
            **os.environ,
            "HALL_PACK": str(pack),
            "HALL_DATA": str(Path(tmp) / "data"),
            "HALL_LIMITS": "off",
        }
        env.pop("HALL_MODE", None)
        out = subprocess.check_output(
            [sys.executable, __file__, "--child", "--runs", str(runs)], env=env, text=True
        )
    rows = [line.split("\t") for line in out.strip().splitlines() if line.count("\t") == 2]
    return {name: (float(first), float(warm)) for name, first, warm in rows}


def contention(url: str | None, data_dir: Path, threads: int, total: int) -> tuple[float, float, int]:
    """(bookings/s, likes/s, places booked) with `threads` stores writing at once: bookings of one
    place each into the same slot (capacity: half of what is asked, so the last half are refused
    under contention), then likes from the same threads."""
    from hall.errors import BookingRefused
    from hall.store import Store

    stores = [Store.open(url, data_dir) for _ in range(threads)]
    stores[0].schema_version()  # migrated before timing
    day = dt.date.today() + dt.timedelta(days=3)
    per = total // threads

    def timed(work: Callable[[Store, int, int], None]) -> float:
        gate = threading.Barrier(threads + 1)

        def run(n: int) -> None:
            gate.wait()
            for i in range(per):
                work(stores[n], n, i)

        pool = [threading.Thread(target=run, args=(n,)) for n in range(threads)]
        for th in pool:
            th.start()
        gate.wait()
        start = time.perf_counter()
        for th in pool:
            th.join()
        return per * threads / (time.perf_counter() - start)

    def book(store: Store, n: int, i: int) -> None:
        with contextlib.suppress(BookingRefused):  # the last half find the slot full
            store.book_visit(
                target="hall",
                day=day,
                slot="09:00",
                people=1,
                group=f"团队{n}-{i}",
                contact=f"c{n}-{i}",
                capacity=total // 2,
                contact_until=day,
            )

    bookings = timed(book)
    likes = timed(lambda store, n, i: store.like(f"h{i % 50}", f"s{n}-{i}"))
    taken = stores[0].places_taken("hall", day)["09:00"]
    for store in stores:
        store.close()
    return bookings, likes, taken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--bookings", type=int, default=400)
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 1000, 100_000])
    parser.add_argument("--skip-pg", action="store_true")
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:
        child(args.runs)
        return
    print(f"活动 room, server-side ms (median; warm = reruns of a session), {args.runs} sessions each")
    print(f"{'activities':>10}  {'view':<14}{'first':>8}{'warm':>8}")
    for count in args.sizes:
        for name, (first, warm) in room_times(count, args.runs).items():
            print(f"{count:>10,}  {name:<14}{first:>8.1f}{warm:>8.1f}", flush=True)
    tries, places = args.bookings, args.bookings // 2
    print(f"\nbookings under contention: {args.threads} threads, {tries} tries for {places} places")
    with tempfile.TemporaryDirectory(prefix="hall-act-store-") as tmp:
        b, likes, taken = contention(None, Path(tmp), args.threads, args.bookings)
        print(f"SQLite      bookings {b:8.0f}/s   likes (baseline) {likes:8.0f}/s   places taken {taken}")
    if args.skip_pg:
        return
    from tests.support.pgcluster import ClusterUnavailable, throwaway_cluster

    try:
        with throwaway_cluster("bench", durable=True) as cluster, tempfile.TemporaryDirectory() as tmp:
            b, likes, taken = contention(cluster.url("bench"), Path(tmp), args.threads, args.bookings)
            print(f"PostgreSQL  bookings {b:8.0f}/s   likes (baseline) {likes:8.0f}/s   places taken {taken}")
    except ClusterUnavailable as exc:
        print(f"PostgreSQL skipped: {exc}")


if __name__ == "__main__":
    main()
