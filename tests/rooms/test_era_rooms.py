"""The three era rooms (one room script, rooms/era_*.py, over hall/ui/era_room.py)."""

from __future__ import annotations

import pytest

from hall.labels import t
from hall.rooms import era_room
from tests.support.apptest import (
    texts,
)


@pytest.mark.parametrize("era_id", ["revolution", "reform", "new_era"])
def test_era_room_shows_its_intro_and_pages_its_people(open_room, cat, era_id) -> None:
    at = open_room(era_room(era_id))
    era = cat.era(era_id)
    page = texts(at)
    assert era.name.zh in page
    assert era.traits[0].zh in page
    members = cat.members("era", era_id)
    assert t("shown_count", n=len(members)) in page
    links = [p.proto.query_string for p in at.get("page_link") if "honoree" in p.proto.page]
    assert links == [f"id={h.id}" for h in members[:24]]


def test_era_room_next_page_shows_the_next_people(open_room, cat) -> None:
    members = cat.members("era", "reform")
    assert len(members) > 24, "the room pack must be big enough to page"
    at = open_room(era_room("reform"))
    next_button = next(b for b in at.button if b.key.endswith("_next"))
    at = next_button.click().run()
    links = [p.proto.query_string for p in at.get("page_link") if "honoree" in p.proto.page]
    assert links[0] == f"id={members[24].id}"


def test_era_room_district_filter_keeps_only_that_district(open_room, cat) -> None:
    at = open_room(era_room("new_era"))
    at.selectbox(key="new_era_district").select("330681").run()
    expected = [h for h in cat.members("era", "new_era") if h.district_code == "330681"]
    assert t("shown_count", n=len(expected)) in texts(at)
