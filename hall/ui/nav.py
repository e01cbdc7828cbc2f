"""Navigation between rooms: the registry's rooms (hall.rooms) as Streamlit pages, and links."""

from __future__ import annotations

import copy
import functools

import streamlit as st

from hall.config import Mode
from hall.labels import t
from hall.rooms import HOME, Room, room, rooms_for


def title(r: Room, lang: str) -> str:
    return t(r.label, lang)


def pages(mode: Mode, lang: str) -> dict[str, list[st.Page]]:
    """The st.Page lists for this mode, by menu section; rooms the mode excludes are not
    registered at all, so their URLs land on the welcome hall.

    Each run gets copies: st.navigation marks the page it returns as callable, a flag that
    must not be shared between sessions running at the same time."""
    made = _pages(mode, lang)
    sections: dict[str, list[st.Page]] = {}
    for r in rooms_for(mode):
        sections.setdefault(t(f"nav_group_{r.section}", lang), []).append(copy.copy(made[r.key]))
    return sections


def page(key: str) -> st.Page:
    """The room `key` as an st.Page, for st.page_link and st.switch_page: a link to a Page
    object costs no file-system lookups, where a link to a path resolves it on disk (on every
    card, every run).

    Raises:
        KeyError: this mode has no such room.
    """
    from hall.ui.data import settings  # the settings cache lives in the UI layer
    from hall.ui.lang import current

    return _pages(settings().mode, current())[key]


def exists(key: str) -> bool:
    """Whether this mode has the room `key`."""
    from hall.ui.data import settings

    return settings().mode in room(key).modes


@functools.cache
def _pages(mode: Mode, lang: str) -> dict[str, st.Page]:
    # Made once per mode and language: st.Page resolves and checks its file when created.
    return {
        r.key: st.Page(
            r.file,
            title=title(r, lang),
            url_path=r.url,
            default=r.key == HOME,
            visibility="visible" if r.visible else "hidden",
        )
        for r in rooms_for(mode)
    }


def link(key: str, label: str, icon: str | None = None, **query: str | list[str]) -> None:
    """A link to a room, drawn only when this mode has that room."""
    if exists(key):
        st.page_link(page(key), label=label, icon=icon, query_params=query or None)
