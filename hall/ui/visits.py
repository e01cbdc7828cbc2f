"""Anonymous counting of visits, page views and searches: one insert each, never about a person."""

from __future__ import annotations

import logging
import secrets

import streamlit as st

from hall.errors import StoreUnavailable
from hall.rooms import HONOREE
from hall.store import EventKind
from hall.ui.data import catalog, settings, store

log = logging.getLogger(__name__)


def session_key() -> str:
    """A random token for this browser session: it tells likes and own messages apart, and
    identifies no one (it is not stored with any event)."""
    if "visitor" not in st.session_state:
        st.session_state["visitor"] = secrets.token_urlsafe(16)
    return st.session_state["visitor"]


def _record(kind: EventKind, **fields: object) -> None:
    try:
        store().record(kind, mode=settings().mode, **fields)  # type: ignore[arg-type]
    except StoreUnavailable as exc:  # figures may miss a view; the visitor must not notice
        log.info("event not counted: %s", exc)


def count_page(room: str) -> None:
    """Count a page the first time this session shows it (reruns of the same page are free)."""
    honoree = st.query_params.get("id", "") if room == HONOREE else ""
    if honoree and not catalog().has(honoree):  # a mistyped link is not a view of anyone
        honoree = ""
    view = (room, honoree)
    previous = st.session_state.get("_last_view")
    if previous == view:
        return
    st.session_state["_last_view"] = view
    if previous is None:
        _record(EventKind.VISIT, room=room)
    if honoree:
        _record(EventKind.HONOREE_VIEW, room=room, honoree_id=honoree)
    else:
        _record(EventKind.ROOM_VIEW, room=room)


def count_search(query: str, results: int) -> None:
    """Count a search once per new query, with how many people it found."""
    query = query.strip()
    if not query or st.session_state.get("_last_search") == query:
        return
    st.session_state["_last_search"] = query
    _record(EventKind.SEARCH, room="search", query=query, results=results)
