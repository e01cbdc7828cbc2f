"""时间长廊, 地图, 创新工作室 and the life line, run through the frame as a visitor reaches them."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from hall.geo import GEO_FILE
from hall.labels import t
from hall.pack import Catalog
from hall.pack.records import Level
from hall.rooms import room as room_of
from hall.ui.charts import LIST_PER_PAGE
from tests.rooms.conftest import APP, texts

TIMELINE, MAP, STUDIOS, HONOREE = "timeline", "map", "studios", "honoree"


def _spec(at: AppTest, index: int = 0) -> dict[str, Any]:
    return json.loads(at.get("plotly_chart")[index].proto.spec)


def _person_ids(at: AppTest) -> list[str]:
    """The people's cards on the page (a studio's link to its leader is not one)."""
    leader = t("studio_leader", name="")
    return [
        p.proto.query_string.removeprefix("id=")
        for p in at.get("page_link")
        if "honoree" in p.proto.page and not p.proto.label.startswith(leader)
    ]


def _best_first(cat: Catalog, people: list) -> list[str]:
    return [h.id for h in sorted(people, key=lambda h: (h.best_level, h.first_year or 9999, h.id))]


# -- 时间长廊 -------------------------------------------------------------------------------


def test_timeline_bars_count_each_decades_honours_by_level(open_room, cat: Catalog) -> None:
    at = open_room(TIMELINE)
    assert not at.exception
    bars = [d for d in _spec(at)["data"] if d["type"] == "bar"]
    level_of = {t(f"level_{lv.value}"): lv for lv in Level}
    assert {d["name"] for d in bars} <= set(level_of)
    for trace in bars:
        level = level_of[trace["name"]]
        for (start, end), count in zip(trace["customdata"], trace["y"], strict=True):
            expected = sum(
                1
                for h in cat.honorees
                for x in h.honours
                if x.year and start <= x.year <= end and cat.honour_kinds[x.code].level is level
            )
            assert count == expected, (trace["name"], start, end)
    first_decade = bars[0]["customdata"][0]
    assert first_decade == [1949, 1959]


def test_timeline_year_view_has_one_bar_per_year_and_counts_undated_apart(open_room, cat: Catalog) -> None:
    at = open_room(TIMELINE)
    at.button_group(key="view").set_value("year").run()
    bars = [d for d in _spec(at)["data"] if d["type"] == "bar"]
    years = [start for start, _ in bars[0]["customdata"]]
    assert years[0] == 1949
    assert years == list(range(1949, years[-1] + 1))
    dated = Counter(x.year for h in cat.honorees for x in h.honours if x.year)
    totals = [sum(trace["y"][i] for trace in bars) for i in range(len(years))]
    assert dict(zip(years, totals, strict=True)) == {y: dated.get(y, 0) for y in years}
    undated = sum(1 for h in cat.honorees for x in h.honours if x.year is None)
    assert undated
    assert t("timeline_undated", n=undated) in texts(at)


def test_timeline_marks_milestones_and_names_the_eras(open_room, cat: Catalog) -> None:
    spec = _spec(open_room(TIMELINE))
    marks = next(d for d in spec["data"] if d["type"] == "scatter")
    assert sorted(set(marks["x"])) == sorted({m.year for m in cat.milestones})
    hover = " ".join(marks["hovertext"])
    for m in cat.milestones:
        assert m.title.zh[:8] in hover
    notes = " ".join(a["text"].replace("<br>", "") for a in spec["layout"]["annotations"])
    for era in cat.eras:
        assert era.name.zh in notes
    assert len(spec["layout"]["shapes"]) == len(cat.eras)  # no span highlighted while all years show


def test_selecting_a_span_lists_the_people_honoured_in_it(open_room, cat: Catalog) -> None:
    at = open_room(TIMELINE)
    at.slider(key="span").set_value((1980, 1989)).run()
    expected = [h for h in cat.honorees if any(x.year and 1980 <= x.year <= 1989 for x in h.honours)]
    page = texts(at)
    assert t("timeline_people_span", start=1980, end=1989) in page
    assert t("shown_count", n=len(expected)) in page
    assert _person_ids(at) == _best_first(cat, expected)[:LIST_PER_PAGE]
    shapes = _spec(at)["layout"]["shapes"]
    assert any(s["x0"] == 1979.5 and s["x1"] == 1989.5 for s in shapes)  # the span is highlighted


def test_a_single_year_and_its_milestones(open_room, cat: Catalog) -> None:
    year = next(m.year for m in cat.milestones if m.year >= 1985)
    at = open_room(TIMELINE)
    at.session_state["span"] = (year, year)
    at.run()
    page = texts(at)
    assert t("timeline_people_year", year=year) in page
    for m in cat.milestones:
        assert (m.title.zh in page.replace("\\", "")) is (m.year == year)
    at.button(key="all_years").click().run()
    assert at.session_state["span"] == (1949, at.slider(key="span").max)


def test_a_shared_link_opens_the_timeline_on_its_span(open_room, cat: Catalog) -> None:
    at = open_room(TIMELINE, span=["2015", "2019"])
    assert at.slider(key="span").value == (2015, 2019)
    expected = {h.id for h in cat.honorees if any(x.year and 2015 <= x.year <= 2019 for x in h.honours)}
    assert t("shown_count", n=len(expected)) in texts(at)


def test_a_tour_stop_opens_the_timeline_on_its_year(open_room, cat: Catalog) -> None:
    at = open_room(TIMELINE, year="1989")
    assert at.slider(key="span").value == (1989, 1989)
    assert t("timeline_people_year", year=1989) in texts(at)


def test_a_decade_chip_picks_that_decade_and_shows_it_picked(open_room, cat: Catalog) -> None:
    at = open_room(TIMELINE)
    at.button_group(key="decade").set_value(1970).run()
    assert at.slider(key="span").value == (1970, 1979)
    expected = {h.id for h in cat.honorees if any(x.year and 1970 <= x.year <= 1979 for x in h.honours)}
    assert t("shown_count", n=len(expected)) in texts(at)
    at.slider(key="span").set_value((1949, 1959)).run()
    assert at.button_group(key="decade").value == 1949  # the chips follow the slider
    at.slider(key="span").set_value((1950, 1952)).run()
    assert at.button_group(key="decade").value is None


# -- 地图 ----------------------------------------------------------------------------------


def _choropleth(at: AppTest) -> dict[str, Any]:
    return next(d for d in _spec(at)["data"] if d["type"] == "choropleth")


def test_map_colours_each_district_by_its_honorees(open_room, cat: Catalog) -> None:
    at = open_room(MAP)
    assert not at.exception
    districts = _choropleth(at)
    expected = Counter(h.district_code for h in cat.honorees)
    assert dict(zip(districts["locations"], districts["z"], strict=True)) == {
        d.adcode: expected[d.adcode] for d in cat.districts
    }
    assert districts["geojson"].startswith("app/static/cache/geo/")  # served locally, never inline
    assert t("map_no_district", n=expected[""]) in texts(at)


@pytest.mark.parametrize(
    ("era", "honour"), [("revolution", None), (None, "sx_model"), ("new_era", "zj_model")]
)
def test_map_filters_count_only_matching_honours(
    open_room, cat: Catalog, era: str | None, honour: str | None
) -> None:
    at = open_room(MAP)
    at.selectbox(key="map_era").select(era)
    at.selectbox(key="map_honour").select(honour)
    at.run()
    expected: Counter[str] = Counter()
    for h in cat.honorees:
        if any((era is None or x.era == era) and (honour is None or x.code == honour) for x in h.honours):
            expected[h.district_code] += 1
    districts = _choropleth(at)
    assert dict(zip(districts["locations"], districts["z"], strict=True)) == {
        d.adcode: expected[d.adcode] for d in cat.districts
    }


def test_selecting_a_district_lists_its_people_and_studios(open_room, cat: Catalog) -> None:
    at = open_room(MAP)
    at.button_group(key="district").set_value("330602").run()
    people = [h for h in cat.honorees if h.district_code == "330602"]
    page = texts(at)
    assert t("map_people", district="越城区") in page
    assert t("shown_count", n=len(people)) in page
    assert _person_ids(at) == _best_first(cat, people)[:LIST_PER_PAGE]
    studios = sorted(
        (s for s in cat.studios if s.district_code == "330602"),
        key=lambda s: (not s.open_for_visits, s.level.rank, s.name),
    )
    assert t("studios_count", n=len(studios)) in page
    assert studios[0].name in page.replace("\\", "")
    assert at.query_params["district"] == "330602"
    outline = [d for d in _spec(at)["data"] if d["type"] == "choropleth"][1]
    assert outline["locations"] == ["330602"]


def test_a_former_district_name_is_counted_for_todays_district(open_room, cat: Catalog) -> None:
    printed = next(h for h in cat.honorees if h.district == "绍兴县")
    assert printed.district_code == "330603"
    at = open_room(MAP)
    at.session_state["district"] = "330603"
    at.run()
    listed = set(_person_ids(at))
    members = {h.id for h in cat.honorees if h.district_code == "330603"}
    assert t("shown_count", n=len(members)) in texts(at)
    while printed.id not in listed:  # page on until the person shows up
        at.button(key="page_district_330603_None_None_next").click().run()
        listed |= set(_person_ids(at))
    assert listed <= members


def test_a_shared_link_opens_the_map_on_its_district(open_room) -> None:
    at = open_room(MAP, district="330681")
    assert at.button_group(key="district").value == "330681"
    assert t("map_people", district="诸暨市") in texts(at)


def test_map_without_a_district_asks_for_one(open_room) -> None:
    at = open_room(MAP, district="nowhere")
    assert at.info[0].value == t("map_pick")


def test_map_shows_the_studios_only_when_asked(open_room, cat: Catalog) -> None:
    at = open_room(MAP)
    assert not [d for d in _spec(at)["data"] if d.get("mode") == "markers"]
    at.toggle(key="map_studios").set_value(True).run()
    dots = [d for d in _spec(at)["data"] if d.get("mode") == "markers"]
    assert sum(len(d["lon"]) for d in dots) == sum(1 for s in cat.studios if s.lon is not None)


# -- a bad GeoJSON: a clear message, never a blank map -------------------------------------


@pytest.fixture
def broken_geo_env(room_pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    pack = tmp_path / "pack"
    shutil.copytree(room_pack, pack)
    geo = pack / "exhibits" / GEO_FILE
    doc = json.loads(geo.read_text(encoding="utf-8"))
    doc["features"] = [f for f in doc["features"] if f["properties"]["adcode"] != "330624"]
    geo.write_text(json.dumps(doc), encoding="utf-8")
    monkeypatch.setenv("HALL_PACK", str(pack))
    monkeypatch.setenv("HALL_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("HALL_MODE", raising=False)
    st.cache_resource.clear()
    yield pack
    st.cache_resource.clear()


@pytest.mark.parametrize("room", [MAP, STUDIOS])
def test_a_broken_geojson_gives_a_clear_error_not_a_blank_map(broken_geo_env: Path, room: str) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(room_of(room).file).run()
    assert not at.exception
    assert at.error[0].value == t("map_unavailable")
    problems = at.code[0].value
    assert GEO_FILE in problems
    assert "no boundary for 新昌县 (adcode 330624)" in problems
    assert not at.get("plotly_chart")
    assert at.button_group(key="district")  # the district chips and the lists still work


# -- 创新工作室 ----------------------------------------------------------------------------


def test_studios_room_lists_every_studio_and_filters(open_room, cat: Catalog) -> None:
    at = open_room(STUDIOS)
    assert not at.exception
    page = texts(at)
    assert t("studios_count", n=len(cat.studios)) in page
    dots = [d for d in _spec(at)["data"] if d.get("mode") == "markers"]
    assert sum(len(d["lon"]) for d in dots) == sum(1 for s in cat.studios if s.lon is not None)
    at.toggle(key="studios_open").set_value(True).run()
    assert t("studios_count", n=sum(s.open_for_visits for s in cat.studios)) in texts(at)
    at.button_group(key="district").set_value("330624").run()
    wanted = [s for s in cat.studios if s.open_for_visits and s.district_code == "330624"]
    assert t("studios_count", n=len(wanted)) in texts(at)
    assert t("studio_closed") not in texts(at)


def test_a_studio_card_says_what_to_see_and_links_its_leader(open_room, cat: Catalog) -> None:
    at = open_room(STUDIOS)
    first = next(p for p in at.get("page_link") if "honoree" in p.proto.page)
    leader = cat.honoree(first.proto.query_string.removeprefix("id="))
    studio = next(s for s in cat.studios if s.leader_id == leader.id)
    page = texts(at).replace("\\", "")
    assert studio.what_to_see[:12] in page
    assert t("studio_leader", name=leader.name) in first.proto.label.replace("\\", "")


def test_a_districts_studios_link_opens_the_studios_room_on_that_district(open_room, cat: Catalog) -> None:
    at = open_room(MAP)
    at.button_group(key="district").set_value("330683").run()
    link = next(p for p in at.get("page_link") if p.proto.page.endswith("studios"))
    assert link.proto.query_string == "district=330683"
    at = open_room(STUDIOS, district="330683")
    assert at.button_group(key="district").value == "330683"
    wanted = sum(1 for s in cat.studios if s.district_code == "330683")
    assert t("studios_count", n=wanted) in texts(at)


# -- 个人年表 ------------------------------------------------------------------------------


def test_honoree_page_draws_a_life_line_from_the_record(open_room, cat: Catalog) -> None:
    h = next(x for x in cat.honorees if x.birth_year and len([y for y in x.honours if y.year]) >= 2)
    at = open_room(HONOREE, id=h.id)
    page = texts(at)
    assert t("life_line") in page
    line = _spec(at)["data"][0]
    dated = [x for x in h.honours if x.year]
    assert line["x"] == [h.birth_year, *(x.year for x in dated)]
    for x, hover in zip(dated, line["hovertext"][1:], strict=True):
        assert cat.honour_name(x.code) in hover
        assert cat.era(x.era).name.zh in hover
    if h.position:
        assert h.position in page.replace("\\", "")


def test_life_line_leaves_undated_honours_off_the_line_and_says_so(open_room, cat: Catalog) -> None:
    h = next(x for x in cat.honorees if any(y.year is None for y in x.honours))
    at = open_room(HONOREE, id=h.id)
    undated = sum(1 for y in h.honours if y.year is None)
    assert t("life_undated", n=undated) in texts(at).replace("\\", "")
