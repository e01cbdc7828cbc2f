"""Simulated visitors: real Streamlit sessions following a visit, with think time, for a bounded run.

Each visitor opens the welcome hall, opens an era, pages through its cards, searches, opens a
person, salutes them and leaves, with think time between steps; then a new visitor takes its
place. A step's latency is the time from sending the BackMsg to the script_finished
ForwardMsg, i.e. what the visitor waits for after a click (the first step includes opening
the websocket). Used by benchmarks/load.py, the scale demo and the deploy tests.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import re
import time
from collections.abc import Sequence

from tests.support.load_report import Recorder, Report, build_report, loadavg
from tests.support.servers import read_cpu_s, read_rss_mb
from tests.support.streamlit_client import (
    CONNECT_TIMEOUT_S,
    STEP_TIMEOUT_S,
    LoadError,
    Session,
    check_loopback,
    http_get,
)
from tests.support.streamlit_screen import saluted

MAX_VISITORS = 2000
MAX_DURATION_S = 1800.0
MAX_PAGES_PER_VISIT = 3
ERAS = ("revolution", "reform", "new-era")
# What visitors type: surnames, pinyin, initials, old place names, trades, a slip of the key.
QUERIES = ("王", "陈", "wang", "zhang", "dws", "柯桥", "绍兴县", "纺织", "黄酒", "劳模", "jianguo", "wnag")
_SESSIONS_LINE = re.compile(r"^active_sessions\s+(\d+)", re.MULTILINE)


class _TimeUp(Exception):
    """The run's deadline came during a visit: the visitor leaves (not an error)."""


async def visit(
    url: str, rng: random.Random, rec: Recorder, think: tuple[float, float], deadline: float
) -> None:
    """One visitor's walk through the hall; a failed step is recorded and ends the visit."""

    async def pause() -> None:
        # At the deadline the visitor leaves. Rushing the rest of the visit without thinking
        # would end every run with a burst of clicks that no real crowd makes.
        remaining = deadline - time.monotonic()
        delay = rng.uniform(*think)
        if delay >= remaining:
            await asyncio.sleep(max(0.0, remaining))
            raise _TimeUp
        await asyncio.sleep(delay)

    session = Session(url)
    rec.visits_started += 1
    step = "home"
    try:
        started = time.perf_counter()
        await session.connect()
        home = await session.open("")
        if home.busy:  # refused politely: how fast the refusal came is what matters
            rec.busy += 1
            rec.ok("busy", time.perf_counter() - started)
            return
        rec.ok(step, time.perf_counter() - started)  # what the visitor waits for: connect + first page
        seen = [link for link in home.links if link.page == "honoree"]
        await pause()

        step = "era"
        era = await session.open(rng.choice(ERAS))
        rec.ok(step, era.seconds)
        seen += [link for link in era.links if link.page == "honoree"]
        step = "page"
        for _ in range(rng.randint(1, MAX_PAGES_PER_VISIT)):
            await pause()
            nxt = session.screen.find("_next")
            if nxt is None or nxt.disabled:
                break
            page = await session.click("_next")
            rec.ok(step, page.seconds)
            seen += [link for link in page.links if link.page == "honoree"]
        await pause()

        step = "search_room"
        room = await session.open("search")
        rec.ok(step, room.seconds)
        await pause()
        step = "search"
        # A visitor types a name seen on a card, or one of the usual kinds of query.
        names = [link.label.split()[0] for link in seen if link.label]
        query = rng.choice(names) if names and rng.random() < 0.5 else rng.choice(QUERIES)
        found = await session.type("q", query)
        rec.ok(step, found.seconds)
        people = [link for link in found.links if link.page == "honoree"] or seen
        await pause()

        step = "honoree"
        if not people:
            raise LoadError("no honoree link anywhere on the visit")
        person = await session.follow(rng.choice(people))
        rec.ok(step, person.seconds)
        await pause()

        step = "like"
        if saluted(person.widget("like")):
            raise LoadError("the salute button says saluted for a new session")
        liked = await session.click("like")
        if not saluted(liked.widget("like")):
            raise LoadError("the salute was not counted (the button does not say so)")
        rec.ok(step, liked.seconds)
        await pause()

        step = "leave"
        closing = time.perf_counter()
        await session.close()
        rec.ok(step, time.perf_counter() - closing)
        rec.visits_completed += 1
    except LoadError as exc:
        rec.fail(step, str(exc))
    except _TimeUp:
        rec.visits_cut += 1
    finally:
        await session.close()


async def _visitor(url: str, seed: int, rec: Recorder, think: tuple[float, float], deadline: float) -> None:
    rng = random.Random(seed)
    for _ in range(100_000):  # bounded; the deadline ends it long before
        if time.monotonic() >= deadline:
            return
        try:
            await visit(url, rng, rec, think, deadline)
        except Exception as exc:  # a bug here must show in the report, not end a visitor silently
            rec.fail("visit", f"load generator: {exc!r}")
        if time.monotonic() < deadline:  # the next visitor arrives a moment later
            await asyncio.sleep(min(rng.uniform(*think), max(0.0, deadline - time.monotonic())))


async def active_sessions(url: str) -> int | None:
    """The server's active_sessions from /_stcore/metrics (None if it did not answer)."""
    try:
        # Only this family: the full set sizes every cache (the catalogue) on each request.
        status, _, body = await http_get(url, "/_stcore/metrics?families=active_sessions", timeout=5)
    except (OSError, TimeoutError):
        return None
    found = _SESSIONS_LINE.search(body.decode("utf-8", "replace")) if status == 200 else None
    return int(found.group(1)) if found else None


async def _sampler(
    rec: Recorder, pids: Sequence[int], metrics: Sequence[str], every: float, stop: asyncio.Event, t0: float
) -> None:
    for _ in range(int(MAX_DURATION_S * 2 / max(every, 0.1)) + 10):
        counts = [await active_sessions(m) for m in metrics]
        rec.samples.append(
            {
                "t": round(time.monotonic() - t0, 1),
                "rss_mb": round(sum(read_rss_mb(p) for p in pids), 1),
                "sessions": float(sum(c for c in counts if c is not None)),
            }
        )
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), every)
        if stop.is_set():
            return


async def run_load(
    url: str,
    visitors: int,
    duration: float,
    *,
    think: tuple[float, float] = (2.0, 8.0),
    ramp: float | None = None,
    pids: Sequence[int] = (),
    metrics: Sequence[str] | None = None,
    seed: int = 42,
    sample_every: float = 1.0,
) -> Report:
    """Run `visitors` concurrent visitors for `duration` seconds and report.

    Visitors arrive spread over `ramp` seconds (default a quarter of the duration, at most
    30 s); each walks through a visit, and when it leaves a new one arrives. At the deadline
    visitors stop after their current step. `pids` are the server processes whose RSS is
    summed; `metrics` the base URLs whose active sessions are summed (default: `url`).

    Raises:
        ValueError: a bound is exceeded or the URL is not loopback.
    """
    url = check_loopback(url)
    if not 1 <= visitors <= MAX_VISITORS:
        raise ValueError(f"visitors must be 1..{MAX_VISITORS}")
    if not 0 < duration <= MAX_DURATION_S:
        raise ValueError(f"duration must be in (0, {MAX_DURATION_S:.0f}] s")
    ramp = min(duration / 4, 30.0) if ramp is None else max(0.0, min(ramp, duration))
    rec = Recorder()
    load_before = loadavg()
    cpu0 = time.process_time()
    server_cpu0 = sum(read_cpu_s(p) for p in pids)
    t0 = time.monotonic()
    deadline = t0 + duration
    stop = asyncio.Event()
    sampler = asyncio.create_task(
        _sampler(rec, pids, [check_loopback(m) for m in (metrics or [url])], sample_every, stop, t0)
    )

    async def arrive(i: int) -> None:
        await asyncio.sleep(ramp * i / visitors)
        await _visitor(url, seed * 100_003 + i, rec, think, deadline)

    tasks = [asyncio.create_task(arrive(i)) for i in range(visitors)]
    # Hard bound: every step has its own timeout, so this is only a safety net.
    _, pending = await asyncio.wait(tasks, timeout=duration + STEP_TIMEOUT_S + CONNECT_TIMEOUT_S + 15)
    for task in pending:
        task.cancel()
        rec.fail("visit", "still running at the hard deadline")
    await asyncio.gather(*pending, return_exceptions=True)
    stop.set()
    await sampler
    report = build_report(url, visitors, duration, think, rec, load_before)
    report.generator_cpu_s = time.process_time() - cpu0
    report.server_cpu_s = sum(read_cpu_s(p) for p in pids) - server_cpu0
    return report


async def warm_up(url: str) -> None:
    """One visit without think time, so the catalogue, index and first-run imports are done
    before anything is timed.

    Raises:
        LoadError: the warm-up visit failed (the hall is not working: no point measuring).
    """
    rec = Recorder()
    await visit(url, random.Random(0), rec, (0.0, 0.0), time.monotonic() + 120)
    if rec.errors:
        raise LoadError("warm-up visit failed: " + "; ".join(rec.error_examples))


def parse_levels(text: str) -> list[int]:
    """ "10,50,100" -> [10, 50, 100]"""
    return [int(x) for x in text.split(",") if x.strip()]


def parse_think(text: str) -> tuple[float, float]:
    """ "5,15" -> (5.0, 15.0); "5" -> (5.0, 5.0)"""
    low, _, high = text.partition(",")
    return float(low), float(high or low)
