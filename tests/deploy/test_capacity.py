"""Admission control: who gets in past HALL_MAX_SESSIONS, a client's share, idle sessions let go,
and the settings that set them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hall.config import DEFAULT_CLIENT_SHARE, DEFAULT_IDLE_SESSION_SECONDS, DEFAULT_MAX_SESSIONS, Settings
from hall.ui.capacity import GRACE_SECONDS, SWEEP_SECONDS, WAITING_IDLE_SECONDS, Admissions, Limits

REPO = Path(__file__).resolve().parents[2]
IDLE = 300.0


class Hall:
    """Admissions with a settable clock, the sessions still connected, and those let go."""

    def __init__(self, cap: int = 4, per_client: int | None = None, idle: float = IDLE) -> None:
        self.now = 1000.0
        self.live: set[str] = set()
        self.let_go: list[str] = []
        self.limits = Limits(cap, per_client if per_client is not None else max(cap, 1), idle)
        self.gate = Admissions(
            is_live=self.live.__contains__, let_go=self.let_go.append, clock=lambda: self.now
        )

    def run(self, session: str, client: str = "a") -> bool:
        """`session` runs (opens a page, clicks, or a timer fires); whether it may visit."""
        self.live.add(session)
        return self.gate.admit(session, client, self.limits)

    def leave(self, session: str) -> None:
        self.live.discard(session)

    def wait(self, seconds: float) -> None:
        self.now += seconds


def test_sessions_up_to_the_cap_are_admitted_and_the_next_is_not() -> None:
    hall = Hall(cap=3)
    assert all(hall.run(f"s{i}") for i in range(3))
    assert not hall.run("s3")
    assert len(hall.gate) == 3


def test_an_admitted_session_stays_admitted_when_full() -> None:
    hall = Hall(cap=1)
    hall.run("a")
    assert not hall.run("b")
    assert hall.run("a")


@pytest.mark.parametrize(
    ("cap", "share", "per_client"),
    [(200, 0.25, 50), (3, 0.25, 1), (10, 0.25, 3), (1, 0.25, 1), (200, 1.0, 200), (0, 0.25, 1)],
)
def test_a_clients_share_of_the_places(cap: int, share: float, per_client: int) -> None:
    settings = Settings.from_env({"HALL_MAX_SESSIONS": str(cap), "HALL_CLIENT_SHARE": str(share)})
    assert Limits.of(settings) == Limits(cap, per_client, DEFAULT_IDLE_SESSION_SECONDS)


def test_one_client_holds_at_most_its_share_and_others_still_get_in() -> None:
    hall = Hall(cap=8, per_client=2)
    assert [hall.run(f"x{i}", "squatter") for i in range(5)] == [True, True, False, False, False]
    assert all(hall.run(f"v{i}", f"visitor{i}") for i in range(6))
    assert not hall.run("late", "another")  # the hall itself is full now
    assert len(hall.gate) == 8


def test_idle_sessions_give_way_only_when_a_newcomer_needs_the_place() -> None:
    hall = Hall(cap=2)
    hall.run("a")
    hall.run("b")
    hall.wait(IDLE + 1)
    assert hall.run("a")  # a runs again: it is not idle
    hall.wait(SWEEP_SECONDS)
    hall.run("a")  # a sweep with room to spare lets nobody go
    assert hall.let_go == []
    assert hall.run("c")  # full: b, idle, gives its place
    assert hall.let_go == ["b"]
    assert not hall.run("d")  # a and c are not idle


def test_a_session_that_keeps_running_keeps_its_place_however_long() -> None:
    hall = Hall(cap=1)
    hall.run("screen")
    for _ in range(100):  # a big screen polling, a kiosk's attract loop
        hall.wait(IDLE / 10)
        assert hall.run("screen")
        assert not hall.run("newcomer", "b")
    assert hall.let_go == []


def test_a_full_share_frees_only_that_clients_idle_places() -> None:
    hall = Hall(cap=8, per_client=2)
    hall.run("x1", "squatter")
    hall.run("x2", "squatter")
    hall.run("v1", "visitor")
    hall.wait(IDLE + 1)
    assert hall.run("x3", "squatter")
    assert sorted(hall.let_go) == ["x1", "x2"]  # the visitor, idle too, keeps their place
    assert hall.run("v1", "visitor")


def test_a_dropped_connection_keeps_its_place_only_right_after_a_run() -> None:
    hall = Hall(cap=1)
    hall.run("a")
    hall.leave("a")  # the network blinked mid-visit
    assert not hall.run("b", "other")
    hall.wait(GRACE_SECONDS / 2)
    assert hall.run("a")  # back in time: still theirs
    hall.wait(GRACE_SECONDS)
    hall.leave("a")  # a tab closed after a while of reading
    assert hall.run("b", "other")
    assert hall.let_go == []  # nothing to close: it had gone


def test_a_waiting_session_that_stopped_retrying_is_let_go_even_with_room() -> None:
    hall = Hall(cap=1)
    hall.run("a")
    assert not hall.run("script", "b")  # the busy page, never retried: no browser behind it
    assert not hall.run("browser", "c")
    for _ in range(int(WAITING_IDLE_SECONDS // 15) + 1):
        hall.wait(15)
        hall.run("a")
        hall.run("browser", "c")  # a browser's busy page retries every RETRY_SECONDS
    assert hall.let_go == ["script"]


def test_a_session_let_go_that_comes_back_is_a_newcomer() -> None:
    hall = Hall(cap=2)
    hall.run("a")
    hall.run("b")
    hall.wait(IDLE + 1)
    hall.run("c")
    assert hall.let_go == ["a", "b"]
    # Its browser reconnected to the same session; the visitor acts: in while there is room ...
    assert hall.run("a")
    # ... and like any newcomer when there is none.
    hall.run("d")
    hall.wait(1)
    assert not hall.run("b")


@pytest.mark.parametrize(("cap", "idle"), [(0, IDLE), (2, 0)])
def test_no_cap_or_no_idle_limit_lets_nobody_go(cap: int, idle: float) -> None:
    hall = Hall(cap=cap, idle=idle)
    hall.run("a")
    hall.run("b")
    hall.wait(IDLE * 100)
    hall.run("c")
    assert hall.let_go == []
    assert hall.run("a")


def test_cap_zero_admits_everyone_and_keeps_no_record() -> None:
    hall = Hall(cap=0)
    assert all(hall.run(f"s{i}") for i in range(500))
    assert len(hall.gate) == 0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", DEFAULT_MAX_SESSIONS),
        ("40", 40),
        ("0", 0),
        ("lots", DEFAULT_MAX_SESSIONS),
        ("-5", DEFAULT_MAX_SESSIONS),
    ],
)
def test_max_sessions_setting(value: str, expected: int) -> None:
    assert Settings.from_env({"HALL_MAX_SESSIONS": value}).max_sessions == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("", DEFAULT_IDLE_SESSION_SECONDS), ("60", 60), ("0", 0), ("soon", DEFAULT_IDLE_SESSION_SECONDS)],
)
def test_idle_session_seconds_setting(value: str, expected: int) -> None:
    assert Settings.from_env({"HALL_IDLE_SESSION_SECONDS": value}).idle_session_seconds == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", DEFAULT_CLIENT_SHARE),
        ("0.5", 0.5),
        ("1", 1.0),
        ("0", DEFAULT_CLIENT_SHARE),
        ("1.5", DEFAULT_CLIENT_SHARE),
        ("nan", DEFAULT_CLIENT_SHARE),
        ("a quarter", DEFAULT_CLIENT_SHARE),
    ],
)
def test_client_share_setting(value: str, expected: float) -> None:
    assert Settings.from_env({"HALL_CLIENT_SHARE": value}).client_share == expected


def test_every_fragment_of_the_hall_counts_as_a_run() -> None:
    # A fragment's run (a salute, a screen's poll, the attract loop) is what keeps a session's
    # place; one made with st.fragment directly would leave a busy screen looking idle.
    direct = [
        f"{path.relative_to(REPO)}:{n}"
        for folder in ("hall", "rooms")
        for path in sorted((REPO / folder).rglob("*.py"))
        if path.name != "capacity.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bst\.fragment\b", line)
    ]
    assert direct == [], "use hall.ui.capacity.fragment"
