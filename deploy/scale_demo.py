"""Scale-out demo on loopback: PostgreSQL, two hall replicas, nginx in front, the load generator through it.

    make scale-demo                      # or: .venv/bin/python -m deploy.scale_demo
    .venv/bin/python -m deploy.scale_demo --replicas 2 --visitors 200,400 --duration 60

Everything is started here and stopped at the end (throwaway database, temporary folders),
on 127.0.0.1 only. The replicas share one PostgreSQL store, one content pack and one
static/ folder (fonts, thumbnails and name portraits, which nginx serves from disk); each keeps
its own HALL_DATA for its caches. Prints the load generator's figures for each level, and
for comparison a single replica at the same levels with --compare.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import secrets
import signal
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.support.load import parse_levels, parse_think, run_load, warm_up  # noqa: E402
from tests.support.load_report import Report  # noqa: E402
from tests.support.pgcluster import ClusterUnavailable, throwaway_cluster  # noqa: E402
from tests.support.servers import (  # noqa: E402
    Nginx,
    Replica,
    find_nginx,
    start_nginx,
    start_replica,
    wait_healthy,
)

MAX_REPLICAS = 8


@contextlib.contextmanager
def scale_out(
    replicas: int, root: Path, database_url: str, max_sessions: int | None
) -> Iterator[tuple[Nginx, list[Replica]]]:
    """`replicas` hall processes on one database with nginx in front; all stopped afterwards."""
    secret = secrets.token_hex(16)  # one cookie secret for every replica behind the same nginx
    # As deployed behind nginx (README, Scaling out), except that every simulated visitor comes
    # from this one machine: one client address, which may fill the hall and whose likes the
    # per-visitor limits would refuse.
    env = {
        "HALL_DATABASE_URL": database_url,
        "HALL_MODE": "online",
        "HALL_BEHIND_PROXY": "1",
        "HALL_CLIENT_SHARE": "1",
        "HALL_LIMITS": "off",
    }
    if max_sessions is not None:
        env["HALL_MAX_SESSIONS"] = str(max_sessions)
    started: list[Replica | Nginx] = []
    try:
        group: list[Replica] = []
        for i in range(replicas):  # each one stopped at the end even if a later one fails to start
            data, logs = root / f"replica-{i}-data", root / "logs"
            group.append(
                start_replica(data, logs, name=f"replica-{i}", env=env, cookie_secret=secret, wait=False)
            )
            started.append(group[-1])
        for replica in group:
            wait_healthy(replica)
        nginx = start_nginx([r.port for r in group], root / "nginx")
        started.append(nginx)
        yield nginx, group
    finally:
        for proc in reversed(started):
            proc.stop()


async def _levels(url: str, replicas: Sequence[Replica], args: argparse.Namespace) -> list[Report]:
    for replica in replicas:  # each replica's caches and first-run imports, before any timing
        await warm_up(replica.url)
    reports = []
    for visitors in args.levels:
        report = await run_load(
            url,
            visitors,
            args.duration,
            think=args.think,
            pids=[r.pid for r in replicas],
            metrics=[r.url for r in replicas],
            seed=args.seed,
        )
        print(report.table(), "\n", flush=True)
        reports.append(report)
    return reports


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2, help=f"hall processes (1..{MAX_REPLICAS})")
    parser.add_argument("--visitors", default="100,200", help="concurrent visitors per level: 100,200")
    parser.add_argument("--duration", type=float, default=45.0, help="seconds per level")
    parser.add_argument("--think", default="2,8", help="think time between steps, min,max seconds")
    parser.add_argument("--max-sessions", type=int, default=None, help="HALL_MAX_SESSIONS per replica")
    parser.add_argument("--compare", action="store_true", help="also run one replica through nginx")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--json", default="", help="also write the figures to this file")
    args = parser.parse_args(argv)
    args.levels = parse_levels(args.visitors)
    args.think = parse_think(args.think)
    if not 1 <= args.replicas <= MAX_REPLICAS:
        parser.error(f"--replicas must be 1..{MAX_REPLICAS}")
    if find_nginx() is None:
        print("nginx not found: apt-get install nginx", file=sys.stderr)
        return 2
    # `timeout` and Ctrl-C end the demo through the same path, so every process is stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    results: dict[str, list[dict[str, object]]] = {}
    try:
        # Under /tmp, not a private folder: nginx's workers (www-data) must reach their temp files.
        with tempfile.TemporaryDirectory(prefix="hall-scale-") as tmp, throwaway_cluster("hall") as pg:
            Path(tmp).chmod(0o755)
            counts = [args.replicas, 1] if args.compare and args.replicas != 1 else [args.replicas]
            for n in counts:
                print(f"== {n} replica(s) behind nginx, one PostgreSQL ==", flush=True)
                root = Path(tmp) / f"x{n}"
                with scale_out(n, root, pg.url("hall"), args.max_sessions) as (nginx, replicas):
                    reports = asyncio.run(_levels(nginx.url, replicas, args))
                results[f"{n}_replicas"] = [asdict(r) for r in reports]
    except ClusterUnavailable as exc:
        print(f"PostgreSQL not available: {exc}", file=sys.stderr)
        return 2
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    failed = any(r["errors"] for reports in results.values() for r in reports)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
