"""地图 — the districts' map."""

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
from hall.rooms import room as room_of
from hall.ui.charts import LIST_PER_PAGE
from tests.rooms.conftest import APP
from tests.support.apptest import (
    best_first,
    person_ids,
    plotly_spec,
    texts,
)


def _choropleth(at: AppTest) -> dict[str, Any]:
    return next(d for d in plotly_spec(at)["data"] if d["type"] == "choropleth")


def test_map_colours_each_district_by_its_honorees(open_room, cat: Catalog) -> None:
    at = open_room("map")
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
    at = open_room("map")
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
    at = open_room("map")
    at.button_group(key="district").set_value("330602").run()
    people = [h for h in cat.honorees if h.district_code == "330602"]
    page = texts(at)
    assert t("map_people", district="越城区") in page
    assert t("shown_count", n=len(people)) in page
    assert person_ids(at) == best_first(cat, people)[:LIST_PER_PAGE]
    studios = sorted(
        (s for s in cat.studios if s.district_code == "330602"),
        key=lambda s: (not s.open_for_visits, s.level.rank, s.name),
    )
    assert t("studios_count", n=len(studios)) in page
    assert studios[0].name in page.replace("\\", "")
    assert at.query_params["district"] == "330602"
    outline = [d for d in plotly_spec(at)["data"] if d["type"] == "choropleth"][1]
    assert outline["locations"] == ["330602"]


def test_a_former_district_name_is_counted_for_todays_district(open_room, cat: Catalog) -> None:
    printed = next(h for h in cat.honorees if h.district == "绍兴县")
    assert printed.district_code == "330603"
    at = open_room("map")
    at.session_state["district"] = "330603"
    at.run()
    listed = set(person_ids(at))
    members = {h.id for h in cat.honorees if h.district_code == "330603"}
    assert t("shown_count", n=len(members)) in texts(at)
    while printed.id not in listed:  # page on until the person shows up
        at.button(key="page_district_330603_None_None_next").click().run()
        listed |= set(person_ids(at))
    assert listed <= members


def test_a_shared_link_opens_the_map_on_its_district(open_room) -> None:
    at = open_room("map", district="330681")
    assert at.button_group(key="district").value == "330681"
    assert t("map_people", district="诸暨市") in texts(at)


def test_map_without_a_district_asks_for_one(open_room) -> None:
    at = open_room("map", district="nowhere")
    assert at.info[0].value == t("map_pick")


def test_map_shows_the_studios_only_when_asked(open_room, cat: Catalog) -> None:
    at = open_room("map")
    assert not [d for d in plotly_spec(at)["data"] if d.get("mode") == "markers"]
    at.toggle(key="map_studios").set_value(True).run()
    dots = [d for d in plotly_spec(at)["data"] if d.get("mode") == "markers"]
    assert sum(len(d["lon"]) for d in dots) == sum(1 for s in cat.studios if s.lon is not None)


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


@pytest.mark.parametrize("room", ["map", "studios"])
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
