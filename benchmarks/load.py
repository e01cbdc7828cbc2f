"""Load generator: simulated visitors speaking Streamlit's own websocket protocol, with latency and memory.

Each visitor is a real session on /_stcore/stream (BackMsg out, ForwardMsg in, the protobufs of
the installed streamlit) that follows a visit — open the welcome hall, open an era, page
through its cards, search, open a person, salute them, leave — with think time between steps,
then a new visitor takes its place. Reported: per-step latency (median, p95, p99), errors, busy
pages, and the server's memory (RSS) and active sessions as sessions grow.

    .venv/bin/python benchmarks/load.py --serve --visitors 10,50,100,200 --duration 60
    .venv/bin/python benchmarks/load.py --url http://127.0.0.1:8501 --pid 1234 --visitors 50
    .venv/bin/python benchmarks/load.py --serve --idle 200          # memory per idle session

--serve starts a fresh `streamlit run` per level (its own data folder, so the SQLite store is a
throwaway one) and stops it afterwards. Loopback only; visitors, duration and every wait are
bounded. A step's latency is the time from sending the BackMsg to the script_finished
ForwardMsg, i.e. what the visitor waits for after a click (the first step includes opening
the websocket).

The client and the visit are shared with the scale demo and the deploy tests
(tests/support/streamlit_client.py, tests/support/load.py); here are the command line and the
memory of idle sessions.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import statistics
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.support.load import MAX_VISITORS, parse_levels, parse_think, run_load, warm_up  # noqa: E402
from tests.support.load_report import Report  # noqa: E402
from tests.support.servers import read_rss_mb, start_replica  # noqa: E402
from tests.support.streamlit_client import LoadError, Session, check_loopback  # noqa: E402

# ---------------------------------------------------------------- idle sessions: memory each


@dataclass
class IdleReport:
    url: str
    points: list[tuple[int, float]]  # (sessions open, RSS MiB)
    mb_per_session: float
    baseline_mb: float
    errors: int
    browse: bool = False

    def table(self) -> str:
        where = "after a visit (era, cards, search, person)" if self.browse else "on the welcome hall"
        lines = [f"idle sessions {where}, {self.url}:", f"{'sessions':>9}{'RSS MiB':>10}"]
        lines += [f"{n:>9}{rss:>10.1f}" for n, rss in self.points]
        lines.append(
            f"memory per additional idle session: {self.mb_per_session:.2f} MiB "
            f"(least-squares slope; baseline {self.baseline_mb:.0f} MiB; errors {self.errors})"
        )
        return "\n".join(lines)


def slope(points: Sequence[tuple[int, float]]) -> float:
    """Least-squares slope of y over x."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den if den else 0.0


async def run_idle(
    url: str, pids: Sequence[int], total: int, batch: int = 25, settle: float = 3.0, browse: bool = False
) -> IdleReport:
    """Open `total` sessions in batches, keep them open, and fit RSS over them.

    Each session opens the welcome hall; with `browse` it first walks through an era, a page
    of cards, a search and a person (no think time), so it holds a visit's session state.

    Raises:
        ValueError: a bound is exceeded or the URL is not loopback.
    """
    url = check_loopback(url)
    if not 1 <= total <= MAX_VISITORS:
        raise ValueError(f"total must be 1..{MAX_VISITORS}")
    sessions: list[Session] = []
    errors = 0
    await asyncio.sleep(settle)
    points = [(0, sum(read_rss_mb(p) for p in pids))]
    try:
        while len(sessions) < total:
            group = [Session(url) for _ in range(min(batch, total - len(sessions)))]

            async def open_one(s: Session) -> bool:
                try:
                    await s.connect()
                    await s.open("")
                    if browse:
                        await s.open("reform")
                        await s.click("_next")
                        await s.open("search")
                        found = await s.type("q", "王")
                        await s.follow(next(link for link in found.links if link.page == "honoree"))
                    return True
                except (LoadError, StopIteration):
                    return False

            results = await asyncio.gather(*(open_one(s) for s in group))
            errors += results.count(False)
            sessions += group
            await asyncio.sleep(settle)  # let the server finish and free the runs' temporaries
            points.append((len(sessions), sum(read_rss_mb(p) for p in pids)))
    finally:
        await asyncio.gather(*(s.close() for s in sessions))
    return IdleReport(url, points, slope(points), points[0][1], errors, browse)


# ---------------------------------------------------------------- command line


BARE_PAGE = "import streamlit as st\n\nst.write('hello')\n"


async def _serve_and(args: argparse.Namespace, job: Any, *, bare: bool = False) -> Any:
    """Start a fresh hall (or, bare, an empty Streamlit page) for one job, then stop it."""
    with tempfile.TemporaryDirectory(prefix="hall-load-") as tmp:
        # Every simulated visitor comes from 127.0.0.1: one client address, which may fill the hall,
        # and one client to the hourly limits on likes, off so the run measures visits, not refusals.
        env = {"HALL_LIMITS": "off", "HALL_CLIENT_SHARE": "1"}
        if args.max_sessions is not None:
            env["HALL_MAX_SESSIONS"] = str(args.max_sessions)
        entrypoint = "hall_app.py"
        if bare:
            entrypoint = str(Path(tmp) / "bare.py")
            Path(entrypoint).write_text(BARE_PAGE, encoding="utf-8")
        replica = await asyncio.to_thread(
            start_replica, Path(tmp) / "data", Path(tmp) / "logs", name="load", env=env, entrypoint=entrypoint
        )
        try:
            if bare:
                async with Session(replica.url) as first:  # its imports, before anything is measured
                    await first.open("")
            else:
                await warm_up(replica.url)
            return await job(replica.url, [replica.pid])
        finally:
            await asyncio.to_thread(replica.stop)


async def _main(args: argparse.Namespace) -> int:
    think = parse_think(args.think)
    out: dict[str, Any] = {"load": [], "idle": None}
    failed = False
    if args.idle:

        async def idle_job(url: str, pids: list[int]) -> IdleReport:
            return await run_idle(url, pids, args.idle, batch=args.batch, browse=args.idle_browse)

        idle = await (_serve_and(args, idle_job) if args.serve else idle_job(args.url, args.pid))
        print(idle.table(), flush=True)
        out["idle"] = asdict(idle)
        failed |= idle.errors > 0
        if args.serve and args.baseline:

            async def bare_job(url: str, pids: list[int]) -> IdleReport:
                return await run_idle(url, pids, args.idle, batch=args.batch)

            bare = await _serve_and(args, bare_job, bare=True)
            print(
                f"baseline, same run: an empty Streamlit page costs {bare.mb_per_session:.2f} MiB per "
                f"additional idle session (RSS {bare.points[0][1]:.0f} → {bare.points[-1][1]:.0f} MiB "
                f"over {bare.points[-1][0]} sessions)\n",
                flush=True,
            )
            out["idle_baseline"] = asdict(bare)
    levels = parse_levels(args.visitors) if args.visitors else []
    if levels and args.serve and args.baseline and 1 not in levels:
        levels = [1, *levels]  # the baseline: one visitor alone, the same visit with no queueing
    for level in levels:

        async def load_job(url: str, pids: list[int], n: int = level) -> Report:
            return await run_load(
                url,
                n,
                args.duration,
                think=think,
                ramp=args.ramp,
                pids=pids,
                metrics=args.metrics or None,
                seed=args.seed,
            )

        if not args.serve:
            await warm_up(args.url)
        report = await (_serve_and(args, load_job) if args.serve else load_job(args.url, args.pid))
        print(report.table(), "\n", flush=True)
        out["load"].append(asdict(report))
        failed |= report.errors > 0
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8501", help="the hall (loopback only)")
    parser.add_argument("--serve", action="store_true", help="start a fresh hall per level and stop it after")
    parser.add_argument("--pid", type=int, action="append", default=[], help="server pid for RSS (repeat)")
    parser.add_argument(
        "--metrics", action="append", default=[], help="base URL to read active sessions from"
    )
    parser.add_argument("--visitors", default="", help="concurrent visitors, or levels: 10,50,100,200")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds per level")
    parser.add_argument("--ramp", type=float, default=None, help="seconds over which visitors arrive")
    parser.add_argument("--think", default="2,8", help="think time between steps, min,max seconds")
    parser.add_argument("--idle", type=int, default=0, help="open this many idle sessions and fit RSS")
    parser.add_argument("--batch", type=int, default=25, help="idle sessions opened per batch")
    parser.add_argument("--idle-browse", action="store_true", help="idle sessions first walk a visit")
    parser.add_argument("--max-sessions", type=int, default=None, help="HALL_MAX_SESSIONS for --serve")
    parser.add_argument(
        "--no-baseline",
        dest="baseline",
        action="store_false",
        help="with --serve, skip the baselines (one visitor alone; an empty page's idle sessions)",
    )
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--json", default="", help="also write the figures to this file")
    args = parser.parse_args(argv)
    if not args.visitors and not args.idle:
        parser.error("give --visitors and/or --idle")
    check_loopback(args.url)
    # `timeout` and Ctrl-C end the run through the same path, so a --serve hall is stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    return asyncio.run(_main(args))


if __name__ == "__main__":
    raise SystemExit(main())
