"""The hall's rooms: one table saying which file, title and modes each room has."""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass

import streamlit as st

from hall.config import Mode
from hall.labels import t

ALL_MODES = frozenset(Mode)
VISITOR_MODES = frozenset({Mode.ONLINE, Mode.DOCENT})
DOCENT_ONLY = frozenset({Mode.DOCENT})


@dataclass(frozen=True, slots=True)
class Room:
    key: str  # labels key is room_<key>
    path: str  # relative to the entrypoint
    url: str
    modes: frozenset[Mode] = ALL_MODES
    visible: bool = True
    section: str = "halls"  # labels key nav_group_<section>

    def title(self, lang: str) -> str:
        return t(f"room_{self.key}", lang)


ROOMS: tuple[Room, ...] = (
    Room("home", "rooms/home.py", "home"),
    Room("era_revolution", "rooms/era_revolution.py", "revolution"),
    Room("era_reform", "rooms/era_reform.py", "reform"),
    Room("era_new_era", "rooms/era_new_era.py", "new-era"),
    Room("craftsmen", "rooms/craftsmen.py", "craftsmen"),
    Room("timeline", "rooms/timeline.py", "timeline", section="explore"),
    Room("map", "rooms/map.py", "map", section="explore"),
    Room("studios", "rooms/studios.py", "studios", section="explore"),
    Room("search", "rooms/search.py", "search", section="explore"),
    Room("directory", "rooms/directory.py", "directory", VISITOR_MODES, section="explore"),
    Room("figures", "rooms/figures.py", "figures", VISITOR_MODES, section="about"),
    Room("presenter", "rooms/presenter.py", "present", DOCENT_ONLY, section="docent"),
    Room("tours", "rooms/tours.py", "tours", DOCENT_ONLY, section="docent"),
    Room("admin", "rooms/admin.py", "admin", frozenset({Mode.ONLINE}), section="about"),
    Room("honoree", "rooms/honoree.py", "honoree", visible=False),
    Room("attract", "rooms/attract.py", "attract", frozenset({Mode.KIOSK, Mode.SCREEN}), visible=False),
)

ERA_ROOMS = {
    "revolution": "rooms/era_revolution.py",
    "reform": "rooms/era_reform.py",
    "new_era": "rooms/era_new_era.py",
}
HONOREE_PAGE = "rooms/honoree.py"
HOME_PAGE = "rooms/home.py"


def rooms_for(mode: Mode) -> tuple[Room, ...]:
    return tuple(r for r in ROOMS if mode in r.modes)


def pages(mode: Mode, lang: str) -> dict[str, list[st.Page]]:
    """The st.Page lists for this mode, by menu section; rooms the mode excludes are not
    registered at all, so their URLs land on the welcome hall.

    Each run gets copies: st.navigation marks the page it returns as callable, a flag that
    must not be shared between sessions running at the same time."""
    made = _pages(mode, lang)
    sections: dict[str, list[st.Page]] = {}
    for r in rooms_for(mode):
        sections.setdefault(t(f"nav_group_{r.section}", lang), []).append(copy.copy(made[r.path]))
    return sections


def page(path: str) -> st.Page:
    """The room at `path` as an st.Page, for st.page_link: a link to a Page object costs no
    file-system lookups, where a link to a path resolves it on disk (on every card, every run).

    Raises:
        KeyError: this mode has no such room.
    """
    from hall.ui.data import settings  # the settings cache lives in the UI layer
    from hall.ui.lang import current

    return _pages(settings().mode, current())[path]


@functools.cache
def _pages(mode: Mode, lang: str) -> dict[str, st.Page]:
    # Made once per mode and language: st.Page resolves and checks its file when created.
    return {
        r.path: st.Page(
            r.path,
            title=r.title(lang),
            url_path=r.url,
            default=r.key == "home",
            visibility="visible" if r.visible else "hidden",
        )
        for r in rooms_for(mode)
    }


def link(path: str, label: str, icon: str | None = None, **query: str) -> None:
    """A link to a room, drawn only when this mode has that room."""
    from hall.ui.data import settings  # the settings cache lives in the UI layer

    if any(r.path == path for r in rooms_for(settings().mode)):
        st.page_link(page(path), label=label, icon=icon, query_params=query or None)
