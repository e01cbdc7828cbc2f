"""真实记录: the real roll chosen in era rooms, search and the directory; the welcome hall says
how many people are real and how many sample, and features real people first."""

from __future__ import annotations

import datetime as dt

import pytest

from hall.labels import t
from hall.rooms import era_room
from tests.support.apptest import texts


def _card_ids(at) -> list[str]:
    return [
        p.proto.query_string.removeprefix("id=") for p in at.get("page_link") if "honoree" in p.proto.page
    ]


@pytest.mark.parametrize("era_id", ["reform", "new_era"])
def test_an_era_room_shows_only_real_people_when_asked(open_room, cat, era_id: str) -> None:
    at = open_room(era_room(era_id))
    at.toggle(key=f"{era_id}_real").set_value(True).run()
    real = [h for h in cat.members("era", era_id) if not h.sample]
    assert real  # the room pack holds the default pack's real people
    assert t("shown_count", n=len(real)) in texts(at)
    shown = set(_card_ids(at)[3:])  # after the era's three stories
    assert shown
    assert shown <= {h.id for h in real}


def test_a_link_with_real_1_opens_the_era_room_on_the_real_roll(open_room, cat) -> None:
    at = open_room(era_room("new_era"), real="1")
    assert at.toggle(key="new_era_real").value is True
    real = [h for h in cat.members("era", "new_era") if not h.sample]
    assert t("shown_count", n=len(real)) in texts(at)


def test_search_keeps_to_the_real_roll_and_says_so_in_the_link(open_room, cat) -> None:
    at = open_room("search")
    at.toggle(key="s_real").set_value(True).run()
    real = [h for h in cat.honorees if not h.sample]
    assert t("shown_count", n=len(real)) in texts(at)
    assert at.query_params.get("real") in ("1", ["1"])


def test_the_directory_lists_only_real_people_when_asked(open_room, cat) -> None:
    at = open_room("directory")
    at.toggle(key="dir_real").set_value(True).run()
    names = list(at.dataframe[0].value[t("col_name")])
    assert len(names) == sum(1 for h in cat.honorees if not h.sample)


def test_the_welcome_hall_says_how_many_are_real_and_features_them(open_room, cat) -> None:
    at = open_room()
    real = sum(1 for h in cat.honorees if not h.sample)
    assert t("home_real_count", real=f"{real:,}", sample=f"{len(cat.honorees) - real:,}") in texts(at)
    featured = cat.featured(dt.date.today(), 8)
    assert featured
    assert not any(h.sample for h in featured)


def test_a_kiosk_era_room_offers_the_real_roll_as_a_tap_chip(kiosk_env, open_room, cat) -> None:
    at = open_room(era_room("new_era"))
    at.button_group(key="era_view").set_value("people").run()
    at.button_group(key="new_era_real_chip").set_value("real").run()
    real = [h for h in cat.members("era", "new_era") if not h.sample]
    shown = set(_card_ids(at))
    assert shown
    assert shown <= {h.id for h in real}
    assert not at.get("toggle")  # a chip, not a small switch, on a touchscreen
