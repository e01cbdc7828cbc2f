"""Store throughput (events and likes per second) and the figures room's query time at a million events,
on SQLite and a throwaway PostgreSQL, each beside a baseline measured in the same run.

    .venv/bin/python benchmarks/bench_store.py [--events 1000000] [--writes 2000] [--skip-pg]

Baselines: a bare INSERT through the driver itself (sqlite3 / psycopg, no SQLAlchemy, no
validation), and the figures' own queries run on the events alone (no daily sums) in an
unindexed copy of the events table. The daily sums of the loaded history are made once before
timing, as a running hall makes them one day at a time; that one-off is reported too.
Goals (issue 6): >= 2,000 events/s on SQLite from 4 writers; figures <= 300 ms at 1,000,000 events.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import psycopg  # noqa: E402
import sqlalchemy as sa  # noqa: E402

from hall.store import Store, compute_visit_stats  # noqa: E402
from hall.store.schema import events_t  # noqa: E402
from tests.support.pgcluster import ClusterUnavailable, throwaway_cluster  # noqa: E402

EVENT_SQL = (
    "INSERT INTO events (created_at, day, kind, mode, room, honoree_id, query, results)"
    " VALUES ({p}, {p}, 'room_view', 'online', 'craftsmen', '', '', NULL)"
)
LIKE_SQL = (
    "INSERT INTO likes (honoree_id, session_ref, created_at) VALUES ({p}, {p}, {p}) ON CONFLICT DO NOTHING"
)
TODAY = dt.date.today()
SPREAD_DAYS = 90  # the million events fall on the last 90 days (today included); figures look at 30 and 365


@dataclass(frozen=True)
class Target:
    """Where writers write: a Store URL (None: SQLite in data_dir) and the bare driver's address."""

    backend: str
    data_dir: str
    url: str | None
    dsn: str  # sqlite: the file; postgresql: a libpq string


@dataclass
class Row:
    measure: str
    store: str
    baseline: str
    goal: str = ""


# ---------------------------------------------------------------- writers (child processes)


def _bare_connection(target: Target) -> tuple[Any, str]:
    if target.backend == "sqlite":
        conn = sqlite3.connect(target.dsn, isolation_level=None, timeout=60)
        conn.execute("PRAGMA synchronous=NORMAL")  # as the store sets it
        return conn, "?"
    return psycopg.connect(target.dsn, autocommit=True), "%s"


def _writer(target: Target, what: str, worker: int, count: int, start: Any) -> tuple[float, float]:
    """Do `count` writes of one kind after the barrier; (start, end) on the shared monotonic clock."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    if what.startswith("store"):
        store = Store.open(target.url, Path(target.data_dir), busy_timeout_s=60)
        store.available()  # connect outside the timed part
        if what == "store_event":

            def op(i: int) -> None:
                store.record("room_view", mode="online", room="craftsmen")

        else:

            def op(i: int) -> None:
                store.like(f"h{i % 50}", f"w{worker}-s{i}")

    else:
        conn, p = _bare_connection(target)
        if what == "bare_event":
            sql = EVENT_SQL.format(p=p)

            def op(i: int) -> None:
                conn.execute(sql, (now, TODAY))

        else:
            sql = LIKE_SQL.format(p=p)

            def op(i: int) -> None:
                conn.execute(sql, (f"h{i % 50}", f"bare-w{worker}-s{i}", now))

    start.wait()
    began = time.perf_counter()  # CLOCK_MONOTONIC on Linux: comparable across processes
    for i in range(count):
        op(i)
    return began, time.perf_counter()


def rate(target: Target, what: str, writers: int, count: int) -> float:
    """Writes per second from `writers` processes doing `count` each, first start to last end."""
    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as manager, ctx.Pool(writers) as pool:
        start = manager.Barrier(writers)
        spans = pool.starmap(_writer, [(target, what, w, count, start) for w in range(writers)], chunksize=1)
    began, ended = min(s for s, _ in spans), max(e for _, e in spans)
    return writers * count / (ended - began)


# ---------------------------------------------------------------- a million events


def _events(n: int, seed: int = 1) -> Iterator[tuple[Any, ...]]:
    """Plausible traffic, in the order a hall writes it (oldest first): mostly online, honoree
    views skewed to a few people, some searches that find nobody."""
    rng = random.Random(seed)
    kinds = ["visit"] * 20 + ["room_view"] * 25 + ["honoree_view"] * 40 + ["search"] * 15
    modes = ["online"] * 7 + ["kiosk"] * 2 + ["docent"]
    rooms = ["home", "revolution", "reform", "new_era", "craftsmen", "honoree", "directory", "search"]
    start = dt.datetime(TODAY.year, TODAY.month, TODAY.day) - dt.timedelta(days=SPREAD_DAYS - 1)
    moments = sorted(rng.randrange(SPREAD_DAYS * 86_400) for _ in range(n))
    for second in moments:
        at = start + dt.timedelta(seconds=second)
        kind = rng.choice(kinds)
        honoree = f"h{min(int(rng.paretovariate(1.2)), 1960):04d}" if kind == "honoree_view" else ""
        query = f"查询{min(int(rng.paretovariate(1.1)), 3000)}" if kind == "search" else ""
        results = (0 if rng.random() < 0.1 else rng.randrange(1, 60)) if kind == "search" else None
        room = rng.choice(rooms) if kind == "room_view" else ""
        yield (at, at.date(), kind, rng.choice(modes), room, honoree, query, results)


def load_events(target: Target, n: int) -> None:
    """Bulk-load n events into the store's table and an unindexed copy (the baseline's table)."""
    columns = "created_at, day, kind, mode, room, honoree_id, query, results"
    if target.backend == "sqlite":
        with sqlite3.connect(target.dsn, isolation_level=None) as conn:
            conn.execute("BEGIN")
            rows = ((a.isoformat(" "), d.isoformat(), *rest) for a, d, *rest in _events(n))
            conn.executemany(f"INSERT INTO events ({columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
            conn.execute("CREATE TABLE events_plain AS SELECT * FROM events")
            conn.execute("COMMIT")
        return
    with psycopg.connect(target.dsn, autocommit=True) as conn:
        with conn.cursor().copy(f"COPY events ({columns}) FROM STDIN") as copy:
            for row in _events(n):
                copy.write_row(row)
        conn.execute("CREATE TABLE events_plain AS SELECT * FROM events")


def add_likes(store: Store, n: int) -> None:
    for i in range(n):
        store.like(f"h{int(random.Random(i).paretovariate(1.3)):04d}", f"s{i}")


def timed_ms(fn: Callable[[], object], runs: int = 5) -> tuple[float, float, float]:
    """(first run, median of the following runs, median CPU of this process) in milliseconds.

    On a busy machine wall time includes waiting for a CPU; for SQLite, which works inside
    this process, the CPU time is the work itself.
    """
    walls, cpus = [], []
    for _ in range(runs + 1):
        began, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append((time.perf_counter() - began) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return walls[0], statistics.median(walls[1:]), statistics.median(cpus[1:])


def figures_times(target: Target, n: int) -> dict[str, tuple[float, float, float]]:
    store = Store.open(target.url, Path(target.data_dir))
    store.available()  # migrate
    began = time.perf_counter()
    load_events(target, n)
    add_likes(store, 2000)
    print(f"  loaded {n:,} events into {target.backend} in {time.perf_counter() - began:.1f} s", flush=True)
    engine = sa.create_engine(target.url or f"sqlite:///{target.dsn}")
    plain = sa.Table("events_plain", sa.MetaData(), *(sa.Column(c.name, c.type) for c in events_t.c))

    def baseline(days: int) -> Callable[[], object]:
        def run() -> object:
            with engine.connect() as conn:
                return compute_visit_stats(conn, until=TODAY, days=days, events=plain, rolled=False)

        return run

    out = {}
    began = time.perf_counter()
    store.roll_up()  # once for the loaded history; afterwards one day at a time as days close
    out["sums"] = (time.perf_counter() - began, 0.0, 0.0)
    if target.backend == "postgresql":
        with psycopg.connect(target.dsn, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")  # what autovacuum does after a bulk load
    out["store 30 d"] = timed_ms(lambda: store.visit_stats(30))
    out["store 365 d"] = timed_ms(lambda: store.visit_stats(365))
    out["baseline 30 d"] = timed_ms(baseline(30), runs=2)
    out["baseline 365 d"] = timed_ms(baseline(365), runs=2)
    assert store.visit_stats(365).total_visits == baseline(365)().total_visits  # same answer, both ways
    engine.dispose()
    store.close()
    return out


# ---------------------------------------------------------------- the run


def measure(target: Target, writes: int, rows: list[Row]) -> None:
    name = "SQLite" if target.backend == "sqlite" else "PostgreSQL"
    first = Store.open(target.url, Path(target.data_dir))
    first.available()  # create and migrate first
    first.close()
    for what, unit in (("event", "events/s"), ("like", "likes/s")):
        for writers in (1, 4):
            store = rate(target, f"store_{what}", writers, writes)
            bare = rate(target, f"bare_{what}", writers, writes)
            goal = ""
            if target.backend == "sqlite" and what == "event" and writers == 4:
                goal = f">= 2,000: {'met' if store >= 2000 else 'NOT MET'}"
            rows.append(
                Row(f"{unit}, {name}, {writers} writer(s)", f"{store:,.0f}", f"{bare:,.0f} bare", goal)
            )
            print(f"  {rows[-1].measure}: {rows[-1].store} (bare {rows[-1].baseline})", flush=True)


def measure_figures(target: Target, events: int, rows: list[Row]) -> None:
    name = "SQLite" if target.backend == "sqlite" else "PostgreSQL"
    times = figures_times(target, events)
    rows.append(
        Row(
            f"summing {events:,} events' closed days once, {name}",
            f"{times['sums'][0]:,.1f} s",
            "",
            "(a week per write transaction)",
        )
    )
    for key in [k for k in times if k.startswith("store")]:
        first, warm, cpu = times[key]
        span = key.split(" ", 1)[1]
        base = times.get(f"baseline {span}")
        baseline = f"{base[1]:,.0f} ms unindexed" if base else ""
        goal = f"<= 300 ms: {'met' if warm <= 300 else 'NOT MET'}"
        cpu_note = f", CPU {cpu:,.0f}" if target.backend == "sqlite" else ""
        rows.append(
            Row(
                f"visit_stats(), {name}, {events:,} events, {span}",
                f"{warm:,.0f} ms (first {first:,.0f}{cpu_note})",
                baseline,
                goal,
            )
        )
        print(f"  {rows[-1].measure}: {rows[-1].store}", flush=True)


def print_table(rows: list[Row]) -> None:
    headers = ("measure", "store", "baseline (same run)", "goal")
    cells = [headers, *((r.measure, r.store, r.baseline, r.goal) for r in rows)]
    widths = [max(len(c[i]) for c in cells) for i in range(4)]
    for n, c in enumerate(cells):
        print("  ".join(v.ljust(w) for v, w in zip(c, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="events loaded for the figures timing")
    parser.add_argument("--writes", type=int, default=2000, help="writes per writer process")
    parser.add_argument("--skip-pg", action="store_true", help="SQLite only")
    args = parser.parse_args()

    load = os.getloadavg()[0]
    print(
        f"bench_store: {os.cpu_count()} CPUs, load average {load:.1f}, SQLite {sqlite3.sqlite_version}, "
        f"{args.writes:,} writes per writer, {args.events:,} events for figures",
        flush=True,
    )
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        writes_dir = Path(tmp) / "writes"
        figures_dir = Path(tmp) / "figures"
        sqlite_writes = Target("sqlite", str(writes_dir), None, str(writes_dir / "hall.sqlite"))
        measure(sqlite_writes, args.writes, rows)
        measure_figures(
            Target("sqlite", str(figures_dir), None, str(figures_dir / "hall.sqlite")), args.events, rows
        )
    if args.skip_pg:
        print("PostgreSQL skipped (--skip-pg)")
    else:
        try:
            # PostgreSQL's default durability: every COMMIT waits for its WAL flush (fsync).
            with throwaway_cluster("writes", durable=True) as cluster:
                cluster.create_database("figures")
                print(f"  PostgreSQL on 127.0.0.1:{cluster.port} ({cluster.bindir})", flush=True)
                pg_writes = Target("postgresql", "", cluster.url("writes"), cluster.dsn("writes"))
                measure(pg_writes, args.writes, rows)
                pg_figures = Target("postgresql", "", cluster.url("figures"), cluster.dsn("figures"))
                measure_figures(pg_figures, args.events, rows)
        except ClusterUnavailable as exc:
            print(f"PostgreSQL not measured: {exc}")
    print()
    print_table(rows)
    print(
        f"\nload average {os.getloadavg()[0]:.1f} at the end (was {load:.1f}). SQLite commits with "
        "synchronous=NORMAL in WAL mode (no fsync per commit);\nPostgreSQL runs with its defaults "
        "(an fsync per commit)."
    )


if __name__ == "__main__":
    main()
