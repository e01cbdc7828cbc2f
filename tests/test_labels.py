"""Every interface string exists in Chinese and English, and every key used exists — also the
keys the code builds at run time (room_<key>, level_<level> …), from the values that build them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hall import timeline
from hall.activities import Kind, Setting
from hall.ask import grammar as ask_grammar
from hall.config import Mode
from hall.errors import BookingRefused, GuessRefused, MessageRefused, PairingRefused
from hall.labels import LABELS, t
from hall.pack import Level, schema
from hall.rooms import ROOMS
from hall.search import MATCH_FIELDS
from hall.store import REQUEST_KINDS, BookingKind, BookingStatus
from tests.support.packs import REPO

# Label keys made at run time: prefix → every value the code can put after it. A new family
# found in the code (t(f"prefix_{…}") or t("prefix_" + …)) must be added here with its values.
FAMILIES: dict[str, tuple[str, ...]] = {
    "room_": tuple(r.key for r in ROOMS),
    "nav_group_": tuple({r.section for r in ROOMS}),
    "level_": tuple(level.value for level in Level),
    "mode_": tuple(mode.value for mode in Mode),
    "request_": REQUEST_KINDS,
    "pairing_": PairingRefused.REASONS,
    "guestbook_refused_": MessageRefused.REASONS,
    "match_": MATCH_FIELDS,
    "view_": timeline.VIEWS,
    "era_view_": ("stories", "milestones", "people"),
    "admin_tab_": (
        "moderate",
        "import",
        "photos",
        "labels",
        "requests",
        "lockouts",
        "export",
        "pack",
        "bookings",
    ),
    "gate_refused_": GuessRefused.REASONS,
    # the 活动 room (hall.activities, hall.ui.activities, bookings and the curators' desk)
    "act_kind_": tuple(k.value for k in Kind),
    "act_setting_": tuple(s.value for s in Setting),
    "act_view_": ("coming", "past", "figures", "book"),
    "act_weekday_": tuple(str(i) for i in range(7)),
    "act_weekday_short_": tuple(str(i) for i in range(7)),
    "book_what_": tuple(k.value for k in BookingKind),
    "book_status_": tuple(s.value for s in BookingStatus),
    "book_refused_": BookingRefused.REASONS,
    "desk_done_": tuple(s.value for s in BookingStatus),
    "ask_group_": tuple(g for g, _ in ask_grammar.GROUPS),
    "ask_gender_": tuple(g for g, _ in ask_grammar.GENDERS),
    "ask_kind_": tuple(k for k, _ in ask_grammar.KINDS),
    # RateLimited.label_key: a scope and an action (only likes have a per-person limit)
    "limit_": (
        "client_like",
        "person_like",
        "hall_like",
        "client_message",
        "hall_message",
        "client_request",
        "hall_request",
        "client_booking",
        "hall_booking",
    ),
}
# Keys given as data rather than written in a t("…") call.
DATA_KEYS = {f.label for kind in schema.TABLES for f in kind.fields if f.label} | {
    f"{r.label}" for r in ROOMS
}
_DYNAMIC = re.compile(r"""\bt\(\s*(?:f["']([a-z_]+_)\{|["']([a-z_]+_)["']\s*\+)""")


@pytest.mark.parametrize("key", sorted(LABELS))
def test_label_has_both_languages(key: str) -> None:
    zh, en = LABELS[key]
    assert zh.strip(), f"{key} lacks Chinese"
    assert en.strip(), f"{key} lacks English"
    assert sorted(re.findall(r"{(\w+)}", zh)) == sorted(re.findall(r"{(\w+)}", en)), key


def _code_files() -> list[Path]:
    return [*REPO.glob("rooms/*.py"), *REPO.glob("hall/**/*.py"), REPO / "hall_app.py"]


def test_every_label_key_used_in_code_exists() -> None:
    used = set()
    for path in _code_files():
        used |= set(re.findall(r"\bt\(\s*\"(\w+)\"", path.read_text(encoding="utf-8")))
    assert used, "no label use found: the pattern is broken"
    assert used - set(LABELS) == set()


def test_every_family_of_run_time_keys_is_known() -> None:
    found = set()
    for path in _code_files():
        found |= {a or b for a, b in _DYNAMIC.findall(path.read_text(encoding="utf-8"))}
    assert {"level_", "match_"} <= found, "the scan misses known families: the pattern is broken"
    assert found - set(FAMILIES) == set(), "add the new family and its values to FAMILIES"


@pytest.mark.parametrize("prefix", sorted(FAMILIES))
def test_every_run_time_key_exists(prefix: str) -> None:
    assert FAMILIES[prefix], prefix
    assert {prefix + value for value in FAMILIES[prefix]} - set(LABELS) == set()


def test_the_families_written_out_here_are_the_codes_own() -> None:
    from hall.ui.curation import TABS  # Streamlit modules: imported here only
    from hall.ui.era_room import VIEWS

    assert FAMILIES["admin_tab_"] == TABS
    assert FAMILIES["era_view_"] == VIEWS


def test_keys_given_as_data_exist() -> None:
    assert DATA_KEYS - set(LABELS) == set()


def test_placeholders_are_filled() -> None:
    assert t("shown_count", "zh", n=5) == "共 5 位"
    assert t("shown_count", "en", n=5) == "5 people"
