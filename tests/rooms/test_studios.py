"""创新工作室 — the innovation studios."""

from __future__ import annotations

from hall.labels import t
from hall.pack import Catalog
from tests.support.apptest import (
    plotly_spec,
    texts,
)


def test_studios_room_lists_every_studio_and_filters(open_room, cat: Catalog) -> None:
    at = open_room("studios")
    assert not at.exception
    page = texts(at)
    assert t("studios_count", n=len(cat.studios)) in page
    dots = [d for d in plotly_spec(at)["data"] if d.get("mode") == "markers"]
    assert sum(len(d["lon"]) for d in dots) == sum(1 for s in cat.studios if s.lon is not None)
    at.toggle(key="studios_open").set_value(True).run()
    assert t("studios_count", n=sum(s.open_for_visits for s in cat.studios)) in texts(at)
    at.button_group(key="district").set_value("330624").run()
    wanted = [s for s in cat.studios if s.open_for_visits and s.district_code == "330624"]
    assert t("studios_count", n=len(wanted)) in texts(at)
    assert t("studio_closed") not in texts(at)


def test_a_studio_card_says_what_to_see_and_links_its_leader(open_room, cat: Catalog) -> None:
    at = open_room("studios")
    first = next(p for p in at.get("page_link") if "honoree" in p.proto.page)
    leader = cat.honoree(first.proto.query_string.removeprefix("id="))
    studio = next(s for s in cat.studios if s.leader_id == leader.id)
    page = texts(at).replace("\\", "")
    assert studio.what_to_see[:12] in page
    assert t("studio_leader", name=leader.name) in first.proto.label.replace("\\", "")


def test_a_districts_studios_link_opens_the_studios_room_on_that_district(open_room, cat: Catalog) -> None:
    at = open_room("map")
    at.button_group(key="district").set_value("330683").run()
    link = next(p for p in at.get("page_link") if p.proto.label == t("map_all_studios"))
    assert link.proto.query_string == "district=330683"
    at = open_room("studios", district="330683")
    assert at.button_group(key="district").value == "330683"
    wanted = sum(1 for s in cat.studios if s.district_code == "330683")
    assert t("studios_count", n=wanted) in texts(at)
