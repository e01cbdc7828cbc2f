"""The guessing attack of issue 14 (finding 1) as the tests and benchmarks/guessing.py run it:
parallel sessions submitting the docents' PIN form of a real hall server as fast as it answers,
each PIN once, from one address or from many (X-Real-IP, for a hall run with HALL_BEHIND_PROXY=1).
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field

from hall.labels import t
from tests.support.streamlit_client import LoadError, Session

PAGE = "present"  # the presenter: the docent gate in front of it
FORM, FIELD = "docent_pin", "pin"
OPENED = "tour_id"  # a widget only the opened presenter has
RECHECK_S = 1.0  # how often a session the gate shuts out looks again


@dataclass
class GuessReport:
    """What the attack achieved: how many PINs the server compared, and whether one opened it."""

    sessions: int
    addresses: int
    seconds: float = 0.0
    compared: int = 0  # tries the server compared and answered "wrong PIN"
    refused: int = 0  # tries sent and refused before comparing (wait, locked)
    shut_out: int = 0  # page loads that showed no form (the gate locked for that address)
    found: str = ""  # the PIN that opened the gate
    found_after_s: float | None = None
    errors: list[str] = field(default_factory=list)
    compared_at: list[float] = field(default_factory=list)  # seconds into the run of each compared try

    @property
    def compared_per_minute(self) -> float:
        return self.compared / self.seconds * 60 if self.seconds else 0.0


def address(n: int, addresses: int) -> str:
    """The address of session n when the attack comes from `addresses` addresses (TEST-NET / 10/8)."""
    k = n % max(1, addresses)
    return f"10.77.{k // 256}.{k % 256}"


async def attack(
    url: str,
    pins: Iterator[str],
    *,
    sessions: int,
    seconds: float,
    addresses: int = 1,
    stop_when_shut_out: bool = False,
) -> GuessReport:
    """Run the attack for `seconds`, until a PIN opens the gate, or (stop_when_shut_out) until the
    gate shuts a session out. Each PIN of `pins` is compared once: one the server refused to
    compare is tried again by the next session free."""
    report = GuessReport(sessions, addresses)
    again: deque[str] = deque()
    wrong = t("docent_wrong")
    started = time.monotonic()
    deadline = started + seconds
    stop = asyncio.Event()

    async def one(n: int) -> None:
        session = Session(url, headers={"X-Real-IP": address(n, addresses)})
        try:
            await session.connect()
            screen = await session.open(PAGE)
            while time.monotonic() < deadline and not stop.is_set():
                if screen.find(FIELD) is None:
                    report.shut_out += 1
                    if stop_when_shut_out:
                        stop.set()
                        return
                    await asyncio.sleep(RECHECK_S)
                    screen = await session.open(PAGE)
                    continue
                pin = again.popleft() if again else next(pins, None)
                if pin is None:
                    return
                try:
                    screen = await session.submit(FORM, {FIELD: pin})
                except LoadError as exc:
                    if wrong not in str(exc):
                        raise
                    report.compared += 1
                    report.compared_at.append(time.monotonic() - started)
                    screen = session.screen
                    continue
                if screen.find(OPENED) is not None:
                    report.found, report.found_after_s = pin, time.monotonic() - started
                    stop.set()
                    return
                report.refused += 1
                again.append(pin)
        except LoadError as exc:
            report.errors.append(str(exc)[:200])
        finally:
            await session.close()

    await asyncio.gather(*(one(n) for n in range(sessions)))
    report.seconds = time.monotonic() - started
    return report


async def sign_in(url: str, pin: str, *, at: str = "10.99.0.1") -> bool:
    """Whether one fresh session from address `at` opens the presenter with `pin`."""
    async with Session(url, headers={"X-Real-IP": at}) as session:
        screen = await session.open(PAGE)
        if screen.find(FIELD) is None:
            return False
        try:
            screen = await session.submit(FORM, {FIELD: pin})
        except LoadError:
            return False
        return screen.find(OPENED) is not None
