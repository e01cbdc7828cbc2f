"""Admission control: who gets in past HALL_MAX_SESSIONS, and the setting that sets it."""

from __future__ import annotations

import pytest

from hall.config import DEFAULT_MAX_SESSIONS, Settings
from hall.ui.capacity import Admissions


def test_sessions_up_to_the_cap_are_admitted_and_the_next_is_not() -> None:
    gate = Admissions()
    assert all(gate.admit(f"s{i}", 3, lambda _: True) for i in range(3))
    assert not gate.admit("s3", 3, lambda _: True)
    assert len(gate) == 3


def test_an_admitted_session_stays_admitted_when_full() -> None:
    gate = Admissions()
    gate.admit("a", 1, lambda _: True)
    assert gate.admit("a", 1, lambda _: True)


def test_a_visitor_who_left_frees_a_place() -> None:
    gate = Admissions()
    live = {"a", "b"}
    gate.admit("a", 2, live.__contains__)
    gate.admit("b", 2, live.__contains__)
    assert not gate.has_room(2, live.__contains__)
    live.discard("a")
    assert gate.has_room(2, live.__contains__)
    assert gate.admit("c", 2, live.__contains__)
    live.add("c")
    assert not gate.admit("d", 2, live.__contains__)


def test_a_known_session_reconnecting_is_let_in_even_when_full() -> None:
    gate = Admissions()
    gate.admit("a", 1, lambda _: True)
    assert gate.admit("b", 1, lambda _: True, known=True)


def test_cap_zero_admits_everyone() -> None:
    gate = Admissions()
    assert all(gate.admit(f"s{i}", 0, lambda _: True) for i in range(500))


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
