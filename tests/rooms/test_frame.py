"""The frame around every room: it runs, shows the hall, switches language, survives a store outage."""

from __future__ import annotations

from pathlib import Path

import pytest

from hall.config import Mode
from hall.labels import t
from hall.rooms import ROOMS, rooms_for
from tests.support.apptest import (
    honoree_page,
    texts,
)
from tests.support.hostile import reading


@pytest.mark.parametrize(
    "room", [r for r in ROOMS if r.visible and Mode.ONLINE in r.modes], ids=lambda r: r.key
)
def test_every_room_renders_without_error_and_shows_the_hall_frame(open_room, cat, room) -> None:
    at = open_room(room.key)
    assert not at.exception
    assert not at.error
    assert cat.info.name.zh in texts(at)  # the frame ran around the room
    assert at.button(key="lang_switch")


def test_sample_badge_shows_while_the_pack_is_sample_data(open_room) -> None:
    assert t("sample_badge") in texts(open_room())


def test_unknown_honoree_id_shows_message_and_way_home(open_room) -> None:
    at = open_room("honoree", id="nobody-999")
    assert "nobody-999" in reading(at.warning[0].value)
    assert any(p.proto.label == t("back_home") for p in at.get("page_link"))


def test_language_switch_changes_the_whole_interface(open_room, cat) -> None:
    at = open_room()
    at.button(key="lang_switch").click().run()
    page = texts(at)
    assert cat.info.name.en in page
    assert t("home_doors", "en") in page
    assert t("home_doors", "zh") not in page
    assert at.session_state["lang"] == "en"


def test_store_down_rooms_still_browse_and_say_so(open_room, cat, tmp_path: Path, monkeypatch) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be")
    monkeypatch.setenv("HALL_DATA", str(blocked))
    h, at = honoree_page(open_room, cat)
    assert not at.exception
    assert at.title[0].value == h.name
    assert t("store_down_like") in texts(at)
    assert t("store_down_read") in texts(at)
    home = open_room()
    assert not home.exception
    assert t("home_doors") in texts(home)


def test_admin_and_figures_rooms_do_not_exist_in_kiosk_mode() -> None:
    keys = {r.key for r in rooms_for(Mode.KIOSK)}
    assert "admin" not in keys
    assert "figures" not in keys
    assert "admin" not in {r.key for r in rooms_for(Mode.DOCENT)}
