"""PostgreSQL calls that cannot hang: the connection's parameters on a live server, and the watchdog
cutting off a call past its deadline (on socket pairs, no server needed)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from hall.store.timeouts import (
    CALL_DEADLINE_S,
    IDLE_IN_TRANSACTION_TIMEOUT_S,
    STATEMENT_TIMEOUT_S,
    TCP_USER_TIMEOUT_MS,
    Watchdog,
)
from tests.hall.store.conftest import Target


@pytest.mark.postgres
@pytest.mark.parametrize("target", ["postgresql"], indirect=True)
def test_store_connections_carry_the_timeouts_and_keepalives(target: Target) -> None:
    store = target.open()
    with store.transaction(write=False) as conn:
        server = {
            name: conn.exec_driver_sql(f"SHOW {name}").scalar()
            for name in ("statement_timeout", "idle_in_transaction_session_timeout")
        }
        client = conn.connection.dbapi_connection.info.get_parameters()  # type: ignore[union-attr]
    assert server == {
        "statement_timeout": f"{STATEMENT_TIMEOUT_S:g}s",
        "idle_in_transaction_session_timeout": f"{IDLE_IN_TRANSACTION_TIMEOUT_S:g}s",
    }
    assert client["connect_timeout"] == "5"
    assert client["keepalives"] == "1"
    assert client["tcp_user_timeout"] == str(TCP_USER_TIMEOUT_MS)
    assert STATEMENT_TIMEOUT_S < CALL_DEADLINE_S, "a slow live server cancels its statement first"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@contextlib.contextmanager
def _pair() -> Iterator[tuple[socket.socket, socket.socket]]:
    ours, theirs = socket.socketpair()
    with ours, theirs:
        yield ours, theirs


def _still_works(ours: socket.socket, theirs: socket.socket) -> bool:
    try:
        theirs.sendall(b"x")
        ours.settimeout(2)
        return ours.recv(1) == b"x"
    except OSError:
        return False


def test_a_call_past_its_deadline_has_its_connection_cut_and_the_waiting_thread_freed() -> None:
    dog = Watchdog(tick_s=0.05)
    with _pair() as (ours, _theirs):
        got: list[object] = []

        def wait_for_an_answer() -> None:
            with dog.call(0.3):
                dog.bind(ours.fileno())
                got.append(ours.recv(1))  # the server never answers
                got.append(dog.fired())

        started = time.monotonic()
        thread = threading.Thread(target=wait_for_an_answer, daemon=True)
        thread.start()
        thread.join(5)
        assert got == [b"", True], "the wait ended with the connection shut down"
        assert time.monotonic() - started < 2


@pytest.mark.parametrize(
    ("case", "cut"),
    [("past its deadline", True), ("in time", False), ("ended", False), ("nested, longer", False)],
)
def test_which_calls_are_cut_off(case: str, cut: bool) -> None:
    clock = Clock()
    dog = Watchdog(clock=clock, tick_s=3600)  # checked by hand below, not by its thread
    with _pair() as (ours, theirs):
        with dog.call(1.0):
            if case == "nested, longer":  # a migration inside a first call: its own deadline
                with dog.call(600.0):
                    dog.bind(ours.fileno())
                    clock.now += 5
                    dog.check()
            else:
                dog.bind(ours.fileno())
                if case != "ended":
                    clock.now += 5 if case == "past its deadline" else 0.5
                    dog.check()
        if case == "ended":
            clock.now += 5
            dog.check()
        assert _still_works(ours, theirs) is not cut


def test_a_descriptor_reused_by_another_socket_is_left_alone() -> None:
    clock = Clock()
    dog = Watchdog(clock=clock, tick_s=3600)
    with dog.call(1.0):
        first, other = socket.socketpair()
        number = first.fileno()
        dog.bind(number)
        first.close()  # the driver closed the failed connection ...
        with _pair() as (ours, theirs):
            if number not in (ours.fileno(), theirs.fileno()):
                other.close()
                pytest.skip("the descriptor was not reused")
            clock.now += 5
            dog.check()  # ... and a new socket took its number: not ours to cut
            assert _still_works(ours, theirs)
            assert _still_works(theirs, ours)
        other.close()
