"""Admission control: past HALL_MAX_SESSIONS live sessions, a new visitor gets a "the hall is busy" page."""

from __future__ import annotations

import threading
from collections.abc import Callable

import streamlit as st
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

from hall.labels import t
from hall.ui.data import settings

RETRY_SECONDS = 15
BUSY_KEY = "hall_busy"  # the load generator recognises the busy page by this container key
_ADMITTED = "_hall_admitted"


class Admissions:
    """The sessions this process has let in. Thread-safe: every session's script thread asks."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ids: set[str] = set()

    def admit(
        self, session_id: str, cap: int, is_live: Callable[[str], bool], *, known: bool = False
    ) -> bool:
        """Let a session in if it already is, if `known` (it was let in before a reconnect), or
        if fewer than `cap` admitted sessions are still live; cap 0 admits everyone."""
        with self._lock:
            if session_id in self._ids:
                return True
            if not known and cap > 0 and len(self._ids) >= cap:
                # Forget visitors who have left, only when full: O(cap) per refused arrival.
                self._ids = {sid for sid in self._ids if is_live(sid)}
                if len(self._ids) >= cap:
                    return False
            self._ids.add(session_id)
            return True

    def has_room(self, cap: int, is_live: Callable[[str], bool]) -> bool:
        with self._lock:
            if cap <= 0 or len(self._ids) < cap:
                return True
            self._ids = {sid for sid in self._ids if is_live(sid)}
            return len(self._ids) < cap

    def __len__(self) -> int:
        with self._lock:
            return len(self._ids)


# One per process, like the sessions it counts (a module global, so a client's "clear cache"
# cannot empty it).
ADMISSIONS = Admissions()


def admit() -> bool:
    """True if this session may visit the hall; if not, the caller shows busy_page() instead.

    A session let in once stays in, even across a reconnect, so visitors already inside never
    meet the busy page. Without a server runtime (AppTest, bare mode) everyone is let in.
    """
    cap = settings().max_sessions
    ctx = get_script_run_ctx()
    if cap <= 0 or ctx is None or not Runtime.exists():
        return True
    known = bool(st.session_state.get(_ADMITTED))
    if ADMISSIONS.admit(ctx.session_id, cap, Runtime.instance().is_active_session, known=known):
        st.session_state[_ADMITTED] = True
        return True
    return False


def busy_page(lang: str) -> None:
    """展馆参观人数较多: a short page with a retry button, which also retries by itself.

    The retry reruns the app as it was asked for (st.navigation has resolved the page), so a
    visitor who followed a deep link lands on it once let in.
    """
    cap = settings().max_sessions
    is_live = Runtime.instance().is_active_session if Runtime.exists() else (lambda _: True)
    with st.container(key=BUSY_KEY):
        st.title(t("busy_title", lang))
        st.markdown(t("busy_body", lang, seconds=RETRY_SECONDS))
        st.button(t("busy_retry", lang), key="busy_retry", icon=":material/refresh:", type="primary")

    @st.fragment(run_every=RETRY_SECONDS)
    def retry() -> None:
        # The browser runs this every RETRY_SECONDS; once someone has left, the whole page
        # reruns and the visitor is let in without touching anything.
        if ADMISSIONS.has_room(cap, is_live):
            st.rerun(scope="app")

    retry()
