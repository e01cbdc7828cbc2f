"""PostgreSQL calls that cannot hang: the connection's timeouts and keepalives, and a watchdog that
cuts off a call a frozen server never answers."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

CONNECT_TIMEOUT_S = 5
# One call to the store (a transaction from asking for a connection to its commit): a frozen
# server costs a page this long at most. Above the statement timeout, so that a live server that
# is slow cancels the statement itself, with a clear error, before the watchdog cuts it off.
CALL_DEADLINE_S = 5.0
STATEMENT_TIMEOUT_S = 4.0
# A session the hall left inside a transaction (a process frozen or killed mid-call) is ended
# by the server after this long, so it holds no locks for the replicas still running.
IDLE_IN_TRANSACTION_TIMEOUT_S = 30.0
# Migrations may rewrite big tables and wait for another replica's: no statement timeout there.
MIGRATION_DEADLINE_S = 600.0
# A pooled connection whose peer vanished (a host powered off, a cut cable) is found out while it
# sits idle; data the server never acknowledges fails the connection after TCP_USER_TIMEOUT_MS.
KEEPALIVE_IDLE_S = 30
KEEPALIVE_INTERVAL_S = 10
KEEPALIVE_COUNT = 3
TCP_USER_TIMEOUT_MS = 5000
TICK_S = 0.1  # how often the watchdog looks at the calls under way


def connect_args(connect_timeout_s: float = CONNECT_TIMEOUT_S) -> dict[str, object]:
    """libpq connection parameters for the store's PostgreSQL connections.

    Keepalives and the TCP user timeout find a dead peer, but not a frozen server process: its
    host's kernel still acknowledges everything (hence the watchdog).
    """
    return {
        "connect_timeout": max(1, round(connect_timeout_s)),
        "application_name": "hall",
        "options": (
            f"-c statement_timeout={round(STATEMENT_TIMEOUT_S * 1000)}"
            f" -c idle_in_transaction_session_timeout={round(IDLE_IN_TRANSACTION_TIMEOUT_S * 1000)}"
        ),
        "keepalives": 1,
        "keepalives_idle": KEEPALIVE_IDLE_S,
        "keepalives_interval": KEEPALIVE_INTERVAL_S,
        "keepalives_count": KEEPALIVE_COUNT,
        "tcp_user_timeout": TCP_USER_TIMEOUT_MS,
    }


@dataclass(slots=True)
class Call:
    """One call under the watchdog; `fired` once it was cut off."""

    deadline: float
    socket: tuple[int, int] | None = None  # (file descriptor, inode) of its connection
    fired: bool = False


class Watchdog:
    """Cuts the connection of a call that runs past its deadline. Thread-safe.

    A call is armed in the thread that makes it (`call`); the connection it uses is bound from
    the connection pool's checkout (`bind`, same thread). Past the deadline the watchdog shuts
    the connection's socket down, so the driver, waiting for an answer, fails at once: the
    store says "unavailable" instead of holding the visitor's page until the server wakes.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic, tick_s: float = TICK_S) -> None:
        self._clock = clock
        self._tick_s = tick_s
        self._lock = threading.Lock()
        self._calls: dict[int, list[Call]] = {}  # thread -> its calls, innermost last
        self._armed = threading.Event()
        self._thread: threading.Thread | None = None

    @contextlib.contextmanager
    def call(self, seconds: float) -> Iterator[Call]:
        """Arm a call of at most `seconds` for this thread. A call inside another (a migration
        inside a first call) has its own deadline while it lasts."""
        call = Call(self._clock() + seconds)
        me = threading.get_ident()
        with self._lock:
            self._calls.setdefault(me, []).append(call)
            if self._thread is None:
                self._thread = threading.Thread(target=self._watch, name="hall-store-watchdog", daemon=True)
                self._thread.start()
        self._armed.set()
        try:
            yield call
        finally:
            with self._lock:
                stack = self._calls[me]
                stack.remove(call)
                if not stack:
                    del self._calls[me]

    def bind(self, fileno: int) -> None:
        """The connection (its socket's descriptor) this thread's current call now uses."""
        try:
            inode = os.fstat(fileno).st_ino
        except OSError:
            return
        with self._lock:
            stack = self._calls.get(threading.get_ident())
            if stack:
                stack[-1].socket = (fileno, inode)

    def fired(self) -> bool:
        """Whether this thread's current call has been cut off."""
        with self._lock:
            stack = self._calls.get(threading.get_ident())
            return bool(stack and stack[-1].fired)

    def check(self) -> None:
        """Cut off every current call past its deadline (the watchdog thread does this)."""
        now = self._clock()
        with self._lock:
            late = [
                stack[-1]
                for stack in self._calls.values()
                if stack[-1].deadline <= now and stack[-1].socket and not stack[-1].fired
            ]
            for call in late:
                call.fired = True
                assert call.socket is not None
                _shut_down(*call.socket)

    def _watch(self) -> None:
        while True:
            self._armed.wait()
            self.check()
            with self._lock:
                if not self._calls:
                    self._armed.clear()
            time.sleep(self._tick_s)


def _shut_down(fileno: int, inode: int) -> None:
    """Shut the socket down (a duplicate of its descriptor pins it), unless the descriptor now
    names another file: a connection closed meanwhile may have given its number away."""
    try:
        pinned = os.dup(fileno)
    except OSError:
        return
    try:
        if os.fstat(pinned).st_ino != inode:
            return
        with contextlib.suppress(OSError), socket.socket(fileno=pinned) as sock:
            pinned = -1  # the socket object closes it now
            sock.shutdown(socket.SHUT_RDWR)
    finally:
        if pinned >= 0:
            os.close(pinned)


# One per process: every store's PostgreSQL calls.
WATCHDOG = Watchdog()
