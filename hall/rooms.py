"""The hall's rooms, each defined once: its key, URL, icon, the modes it exists in, its place
in the menu. Everything else — navigation, the kiosk bar, the docent's screen, tour stops,
visit counts, links between rooms — names a room by its key; its file is rooms/<key>.py."""

from __future__ import annotations

from dataclasses import dataclass

from hall.config import Mode

ALL_MODES = frozenset(Mode)
VISITOR_MODES = frozenset({Mode.ONLINE, Mode.DOCENT})
DOCENT_ONLY = frozenset({Mode.DOCENT})
ONLINE_ONLY = frozenset({Mode.ONLINE})
TOUCH_SCREENS = frozenset({Mode.KIOSK, Mode.SCREEN})


@dataclass(frozen=True, slots=True)
class Room:
    key: str  # labels key room_<key>; the store and tours use it too
    url: str  # URL path ("" for the welcome hall at /)
    icon: str  # a Material Symbols name, as Streamlit writes it
    modes: frozenset[Mode] = ALL_MODES
    visible: bool = True  # in the menu and the kiosk's bar
    section: str = "halls"  # labels key nav_group_<section>
    stop: bool = False  # a docent's tour may stop here as a "room" stop

    @property
    def file(self) -> str:
        """The room's script, relative to the entry point."""
        return f"rooms/{self.key}.py"

    @property
    def label(self) -> str:
        """The labels key of its title."""
        return f"room_{self.key}"


ROOMS: tuple[Room, ...] = (
    Room("home", "home", ":material/home:", stop=True),
    Room("era_revolution", "revolution", ":material/agriculture:"),
    Room("era_reform", "reform", ":material/factory:"),
    Room("era_new_era", "new-era", ":material/rocket_launch:"),
    Room("craftsmen", "craftsmen", ":material/construction:", stop=True),
    Room("timeline", "timeline", ":material/timeline:", section="explore", stop=True),
    Room("map", "map", ":material/map:", section="explore", stop=True),
    Room("studios", "studios", ":material/handyman:", section="explore", stop=True),
    Room("lineage", "lineage", ":material/account_tree:", section="explore", stop=True),
    Room("search", "search", ":material/search:", section="explore", stop=True),
    Room("activities", "activities", ":material/event:", section="explore", stop=True),
    Room("ask", "ask", ":material/question_answer:", section="explore", stop=True),
    Room("directory", "directory", ":material/menu_book:", VISITOR_MODES, section="explore"),
    Room("figures", "figures", ":material/bar_chart:", VISITOR_MODES, section="about"),
    Room("presenter", "present", ":material/co_present:", DOCENT_ONLY, section="docent"),
    Room("tours", "tours", ":material/route:", DOCENT_ONLY, section="docent"),
    # The curators' room is reached by its address, never from the visitors' menu.
    Room("admin", "admin", ":material/admin_panel_settings:", ONLINE_ONLY, visible=False, section="about"),
    Room("honoree", "honoree", ":material/person:", visible=False),
    Room("attract", "attract", ":material/touch_app:", TOUCH_SCREENS, visible=False),
)
_BY_KEY = {r.key: r for r in ROOMS}
_BY_URL = {r.url: r for r in ROOMS}

HOME = "home"
HONOREE = "honoree"
ATTRACT = "attract"
# Rooms a tour's "room" stop may show.
TOUR_STOPS = frozenset(r.key for r in ROOMS if r.stop)


def room(key: str) -> Room:
    """The room with this key.

    Raises:
        KeyError: no room has this key.
    """
    return _BY_KEY[key]


def by_url(url: str) -> Room | None:
    """The room served at this URL path ("" is the welcome hall)."""
    return _BY_URL.get(url or HOME)


def rooms_for(mode: Mode) -> tuple[Room, ...]:
    return tuple(r for r in ROOMS if mode in r.modes)


def era_room(era_id: str) -> str:
    """The key of an era's room."""
    return f"era_{era_id}"
