"""The guessing attack of issue 14 (finding 1) against a real docent server: how many PINs a minute
it gets compared, and how long a six-digit PIN would take to find, with the store's guessing
limits and, as the baseline in the same run, without them (HALL_LIMITS=off).

Parallel sessions (Streamlit's own websocket protocol, tests/support/guessing.py) submit the
presenter's PIN form as fast as the server answers, each PIN once. With limits, the attack runs
from one address and then shared out over as many addresses as sessions (X-Real-IP, with
HALL_BEHIND_PROXY=1), each until the gate locks it out or --max-seconds pass; the day's figure
then follows from the lockout it met (the gate stays locked for hall.store.LOCKOUT, then the
same again). Goal: a six-digit PIN not found within a day.

    .venv/bin/python benchmarks/guessing.py [--sessions 40] [--seconds 60] [--max-seconds 400]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from hall.store import LOCKOUT, Store  # noqa: E402
from tests.support.guessing import GuessReport, attack  # noqa: E402
from tests.support.servers import read_cpu_s, start_replica  # noqa: E402

PIN = "987654"  # beyond every PIN the attack reaches, so each run measures a whole search
SPACE = 1_000_000  # six-digit PINs
DAY_S = 86_400.0


@dataclass(frozen=True, slots=True)
class Row:
    attack: str
    limits: str
    report: GuessReport
    locked: str  # what the attack met: "" or "client" / "everyone", until when
    per_day: float  # PINs compared in a day at the rate this run sustains
    server_cpu_s: float


def pins() -> Iterator[str]:
    return (f"{n:06d}" for n in range(int(PIN)))


def run(env: dict[str, str], sessions: int, seconds: float, addresses: int, label: str, limits: str) -> Row:
    with tempfile.TemporaryDirectory(prefix="hall-guessing-") as tmp:
        data = Path(tmp) / "data"
        replica = start_replica(
            data,
            Path(tmp) / "logs",
            name="docent",
            env={"HALL_MODE": "docent", "HALL_DOCENT_PIN": PIN, "HALL_BEHIND_PROXY": "1", **env},
        )
        try:
            cpu = read_cpu_s(replica.pid)
            report = asyncio.run(
                attack(
                    replica.url,
                    pins(),
                    sessions=sessions,
                    seconds=seconds,
                    addresses=addresses,
                    stop_when_shut_out=limits != "off",
                )
            )
            cpu = read_cpu_s(replica.pid) - cpu
            store = Store.open(None, data)
            try:
                lockouts = store.lockouts()
            finally:
                store.close()
        finally:
            replica.stop()
    locked, per_day = "", report.compared / report.seconds * DAY_S if report.seconds else 0.0
    if lockouts:
        last = max(lockouts, key=lambda lo: lo.until)
        who = "everyone" if last.everyone else "the address"
        locked = f"locked for {who} for {LOCKOUT.total_seconds() / 60:.0f} min"
        # A cycle: the tries up to the lockout, then the lockout; the same again all day.
        burst = report.compared_at[-1] - report.compared_at[0] if report.compared_at else 0.0
        per_day = report.compared * DAY_S / (burst + LOCKOUT.total_seconds())
    return Row(label, limits, report, locked, per_day, cpu)


def duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    if seconds < 3 * DAY_S:
        return f"{seconds / 3600:.1f} h"
    if seconds < 730 * DAY_S:
        return f"{seconds / DAY_S:.0f} days"
    return f"{seconds / DAY_S / 365:.1f} years"


def table(rows: list[Row]) -> str:
    lines = [
        "| attack | limits | PINs compared | in | per minute | what it met | a day | all 10^6 PINs | "
        "half (expected) | found within a day | server CPU |",
        "|---|---|---:|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        r = row.report
        all_s = SPACE / row.per_day * DAY_S if row.per_day else float("inf")
        cells = [
            row.attack,
            row.limits,
            f"{r.compared:,}",
            f"{r.seconds:.0f} s",
            f"{r.compared_per_minute:,.0f}",
            row.locked or "-",
            f"{row.per_day:,.0f}",
            duration(all_s),
            duration(all_s / 2),
            f"{min(1.0, row.per_day / SPACE):.2%}",
            f"{row.server_cpu_s:.0f} s",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=40, help="parallel sessions (the finding: 40)")
    parser.add_argument("--seconds", type=float, default=60.0, help="the baseline's run")
    parser.add_argument(
        "--max-seconds", type=float, default=400.0, help="a limited run at most (one address: ~260 s)"
    )
    args = parser.parse_args()
    started = time.monotonic()
    n = args.sessions
    rows = [run({"HALL_LIMITS": "off"}, n, args.seconds, 1, f"{n} sessions, one address", "off (baseline)")]
    print(table(rows), flush=True)
    for addresses in (1, n):
        who = "one address" if addresses == 1 else f"{addresses} addresses"
        rows.append(run({}, n, args.max_seconds, addresses, f"{n} sessions, {who}", "on"))
        print(table(rows[-1:]).splitlines()[-1], flush=True)
    print(f"\n{table(rows)}\n")
    found = [f"{row.report.found} ({row.attack}, {row.limits})" for row in rows if row.report.found]
    print(f"PIN {PIN}, beyond every guess made; found anyway: {found or 'none'}")
    print(f"{time.monotonic() - started:.0f} s in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
