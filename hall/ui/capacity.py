"""Admission control: HALL_MAX_SESSIONS places per process, at most a share of them per client
address, idle sessions let go; past that a new visitor gets a "the hall is busy" page."""

from __future__ import annotations

import asyncio
import functools
import logging
import math
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, TypeVar

import streamlit as st
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from hall.config import Settings
from hall.labels import t
from hall.ui.client import client_key
from hall.ui.data import settings

log = logging.getLogger(__name__)

RETRY_SECONDS = 15
BUSY_KEY = "hall_busy"  # the load generator recognises the busy page by this container key
# A session without a connection keeps its place while it ran less than this long ago: a browser
# whose network blinked mid-visit reconnects to its session within seconds (Streamlit keeps it
# for server.disconnectedSessionTTL); a tab closed after a while frees its place at once.
GRACE_SECONDS = 10.0
# A busy page in a browser retries every RETRY_SECONDS: one silent for four of those is no browser
# (a script that opened it and left), and its connection is closed even while the hall has room.
WAITING_IDLE_SECONDS = 4 * RETRY_SECONDS
SWEEP_SECONDS = 15.0  # how often, at most, the visits are looked over when nobody is waiting
# ... and when newcomers are waiting: a flood of them must not make every refusal a full look.
PRESSED_SWEEP_SECONDS = 1.0
LOG_EVERY_SECONDS = 60.0  # one warning a minute per client refused, not one per refusal

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True, slots=True)
class Limits:
    """What one process admits: `cap` places (0: everyone), `per_client` of them for one client
    address, and `idle_seconds` without a run before a session may lose its place (0: never)."""

    cap: int
    per_client: int
    idle_seconds: float

    @classmethod
    def of(cls, s: Settings) -> Limits:
        return cls(s.max_sessions, max(1, math.ceil(s.max_sessions * s.client_share)), s.idle_session_seconds)


@dataclass(slots=True)
class _Visit:
    client: str
    seen: float  # when the session last ran (the page or one of its fragments)
    placed: bool = False


class Admissions:
    """The sessions this process has let in, and those waiting. Thread-safe: every session's
    script thread asks.

    A session holds its place while it shows life: it runs (a click, a timer fragment) and is
    connected. When a newcomer finds the hall (or their client's share) full, sessions idle for
    `Limits.idle_seconds` give up their places and `let_go` closes their connections; a waiting
    session that stopped retrying is let go too. A session let go that comes back is a newcomer.
    """

    def __init__(
        self,
        is_live: Callable[[str], bool],
        let_go: Callable[[str], None],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._is_live = is_live
        self._let_go = let_go
        self._clock = clock
        self._lock = threading.Lock()
        self._visits: dict[str, _Visit] = {}
        self._by_client: Counter[str] = Counter()  # places held, by client
        self._swept = clock()
        self._pressed = -math.inf
        self._closing: list[str] = []
        self._logged: dict[str, float] = {}

    def admit(self, session_id: str, client: str, limits: Limits) -> bool:
        """Note that `session_id` (of `client`) runs now; whether it holds a place, taking one if
        it fits. Cap 0 admits everyone and keeps no record."""
        if limits.cap <= 0:
            return True
        now = self._clock()
        with self._lock:
            visit = self._visits.get(session_id)
            if visit is None:
                visit = self._visits[session_id] = _Visit(client, now)
            visit.seen = now
            if visit.placed and visit.client != client:  # reconnected from elsewhere: count it there
                self._by_client[visit.client] -= 1
                self._by_client[client] += 1
            visit.client = client
            if not visit.placed:
                if not self._fits(client, limits) and now - self._pressed >= PRESSED_SWEEP_SECONDS:
                    self._pressed = now
                    self._sweep(now, limits, free=client)
                if self._fits(client, limits):
                    visit.placed = True
                    self._by_client[client] += 1
                else:
                    self._note_refusal(now, client, limits)
            if now - self._swept >= SWEEP_SECONDS:
                self._sweep(now, limits, free=None)
            placed, closing, self._closing = visit.placed, self._closing, []
        for sid in closing:
            self._let_go(sid)
        return placed

    def __len__(self) -> int:
        """Places held."""
        with self._lock:
            return sum(self._by_client.values())

    def _fits(self, client: str, limits: Limits) -> bool:
        return sum(self._by_client.values()) < limits.cap and self._by_client[client] < limits.per_client

    def _sweep(self, now: float, limits: Limits, free: str | None) -> None:
        """Forget sessions gone for good and let go of waiting ones that stopped retrying; if
        `free` (a newcomer's client) is given, idle placed sessions too — any client's when
        the hall is full, else only that client's."""
        self._swept = now
        hall_full = sum(self._by_client.values()) >= limits.cap
        idle_limit = limits.idle_seconds or math.inf
        for sid, visit in list(self._visits.items()):
            idle = now - visit.seen
            if not self._is_live(sid):
                if idle >= GRACE_SECONDS:
                    self._forget(sid, close=False)
                continue
            if visit.placed:
                freeing = free is not None and (hall_full or visit.client == free)
                if freeing and idle >= idle_limit:
                    self._forget(sid, close=True)
            elif idle >= min(WAITING_IDLE_SECONDS, idle_limit):
                self._forget(sid, close=True)
        for client, at in list(self._logged.items()):
            if now - at >= LOG_EVERY_SECONDS:
                del self._logged[client]

    def _forget(self, session_id: str, *, close: bool) -> None:
        visit = self._visits.pop(session_id)
        if visit.placed:
            self._by_client[visit.client] -= 1
            if self._by_client[visit.client] <= 0:
                del self._by_client[visit.client]
        if close:
            self._closing.append(session_id)

    def _note_refusal(self, now: float, client: str, limits: Limits) -> None:
        if client in self._logged:
            return
        self._logged[client] = now
        held = self._by_client[client]
        if held >= limits.per_client:
            # The digest, never the address (hall/ui/client.py).
            log.warning(
                "client %s holds its share of the hall (%d of %d places): its new sessions wait",
                client,
                held,
                limits.cap,
            )
        else:
            log.warning("the hall is full (%d places): a newcomer waits", limits.cap)


def _close_connection(session_id: str) -> None:
    """Close a session's websocket from the server, as if the browser had gone.

    Streamlit 1.67 has no public call for this. Runtime.close_session and disconnect_session end
    the session but leave its websocket open, so a browser would send its clicks to a session
    that is gone and freeze. Closing the websocket itself makes Streamlit's own handler
    disconnect the session (kept for server.disconnectedSessionTTL, then dropped), and a browser
    still showing the page reconnects to it by itself, running nothing until the visitor acts
    (its frontend reruns on reconnect only a page with timers or a run under way). The websocket
    and its event loop are attributes of Streamlit's Starlette session client: hence getattr, and
    a warning instead of a close if a later Streamlit has moved them.
    """
    if not _serving():
        return
    client = Runtime.instance().get_client(session_id)
    if client is None:
        return  # disconnected meanwhile
    websocket = getattr(client, "_websocket", None)
    sender = getattr(client, "_sender_task", None)
    if websocket is None or not isinstance(sender, asyncio.Task):
        log.warning("cannot close idle session %s: Streamlit's session client has no websocket", session_id)
        return
    done = asyncio.run_coroutine_threadsafe(websocket.close(code=1000, reason="idle"), sender.get_loop())
    done.add_done_callback(_closed)


def _closed(done: Future[None]) -> None:
    if not done.cancelled() and done.exception() is not None:  # closed by the browser meanwhile
        log.debug("closing an idle session: %s", done.exception())


def _is_live(session_id: str) -> bool:
    return _serving() and Runtime.instance().is_active_session(session_id)


# One per process, like the sessions it counts (a module global, so a client's "clear cache"
# cannot empty it).
ADMISSIONS = Admissions(is_live=_is_live, let_go=_close_connection)


def admit() -> bool:
    """True if this session may visit the hall; if not, the caller shows busy_page() instead.

    Called on every run (the frame) and every fragment run (`fragment`): a run is what keeps a
    session's place. Without a server runtime (AppTest, bare mode) everyone is let in.
    """
    limits = Limits.of(settings())
    ctx = get_script_run_ctx()
    if limits.cap <= 0 or ctx is None or not _serving():
        return True
    return ADMISSIONS.admit(ctx.session_id, client_key(), limits)


def _serving() -> bool:
    # AppTest puts a stand-in where the server's Runtime would be: a MagicMock made with
    # spec=Runtime, which passes isinstance.
    return Runtime.exists() and type(Runtime.instance()) is Runtime


def fragment(func: F | None = None, *, run_every: float | None = None) -> Any:
    """st.fragment whose runs count as the visitor being there (every fragment of the hall is one
    of these; tests/deploy/test_capacity.py checks). A session that lost its place meanwhile
    gets the busy page instead of the fragment."""

    def wrap(body: F) -> F:
        @functools.wraps(body)
        def run(*args: Any, **kwargs: Any) -> Any:
            if not admit():
                st.rerun(scope="app")
            return body(*args, **kwargs)

        return st.fragment(run, run_every=run_every)  # type: ignore[return-value]

    return wrap(func) if func is not None else wrap


def busy_page(lang: str) -> None:
    """展馆参观人数较多: a short page with a retry button, which also retries by itself.

    The retry reruns the app as it was asked for (st.navigation has resolved the page), so a
    visitor who followed a deep link lands on it once let in.
    """
    with st.container(key=BUSY_KEY):
        st.title(t("busy_title", lang), anchor=False)
        st.markdown(t("busy_body", lang, seconds=RETRY_SECONDS))
        st.button(t("busy_retry", lang), key="busy_retry", icon=":material/refresh:", type="primary")

    @st.fragment(run_every=RETRY_SECONDS)
    def retry() -> None:
        # The browser runs this every RETRY_SECONDS (which also shows the session is still
        # waiting); once there is room it holds a place, and the whole page reruns with the
        # visitor let in, without them touching anything.
        if admit():
            st.rerun(scope="app")

    retry()
