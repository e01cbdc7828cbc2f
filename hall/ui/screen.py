"""Screen mode: a big screen shows its pairing code, then follows the paired docent's stops."""

from __future__ import annotations

import logging
import secrets

import streamlit as st

from hall.errors import StoreUnavailable
from hall.labels import t
from hall.rooms import ATTRACT, room
from hall.store import ScreenState
from hall.ui.capacity import fragment
from hall.ui.data import store
from hall.ui.nav import exists, page
from hall.ui.text import plain

log = logging.getLogger(__name__)
POLL_SECONDS = 0.5  # the docent's tap reaches the screen within about a second


def screen_key() -> str:
    if "screen_key" not in st.session_state:
        st.session_state["screen_key"] = secrets.token_urlsafe(16)
    return st.session_state["screen_key"]


def _state() -> ScreenState | None:
    try:
        return store().screen_state(screen_key())
    except StoreUnavailable as exc:
        log.info("screen cannot reach the store: %s", exc)
        return None


def _go(state: ScreenState | None, here: str) -> None:
    """Switch to what the docent shows; back to the attract loop when the pairing ended."""
    if state is None or not state.paired or not state.room:
        if st.session_state.pop("_screen_seq", None) is not None and here != ATTRACT:
            st.switch_page(page(ATTRACT))
        return
    if st.session_state.get("_screen_seq") == state.seq:
        return
    st.session_state["_screen_seq"] = state.seq
    try:
        shown = room(state.room)
    except KeyError:  # a room this version of the hall no longer has
        return
    if exists(shown.key):
        st.switch_page(page(shown.key), query_params=dict(state.params) or None)


def follow(here: str) -> None:
    """Poll the store and follow the docent (a fragment, so only it reruns on the timer)."""

    @fragment(run_every=POLL_SECONDS)
    def poll() -> None:
        _go(_state(), here)

    poll()


def pairing_code(lang: str) -> None:
    """The code a docent types on the tablet, shown large on the attract screen."""
    try:
        state = store().open_screen(screen_key())
    except StoreUnavailable:
        st.caption(t("screen_store_down", lang))
        return
    with st.container(key="pairing_code"):
        st.markdown(f"### {t('screen_code', lang)}")
        st.markdown(f"# {plain(state.code)}")
        st.caption(t("screen_code_help", lang))
