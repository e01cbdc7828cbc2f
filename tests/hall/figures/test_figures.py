"""The plotly figures: built from aggregates, pack text kept inert, nothing fetched from outside."""

from __future__ import annotations

import json

import plotly.io as pio
import pytest

from hall.figures import district_map_figure, era_label, inert, life_line_figure, timeline_figure, wrap
from hall.geo import DistrictMap, DistrictShape
from hall.pack.records import Level, Studio, Text
from hall.timeline import Counts, EraBand, LifeEvent, MilestoneMark

BANDS = (
    EraBand("a", Text("社会主义革命和建设时期", "Revolution"), 1949, 1978),
    EraBand("b", Text("新时代"), 1979, 2026),
)
DECADES = Counts(
    starts=(1949, 1960, 1970),
    ends=(1959, 1969, 1979),
    by_level=((Level.NATIONAL, (1, 0, 2)), (Level.MUNICIPAL, (3, 4, 0))),
    undated=2,
)
SQUARE = (((120.0, 30.0), (120.0, 30.5), (120.5, 30.5), (120.5, 30.0), (120.0, 30.0)),)
DMAP = DistrictMap((DistrictShape("330602", (SQUARE,), (120.25, 30.25)),))


@pytest.mark.parametrize(
    ("text", "width", "lang", "lines"),
    [
        ("改革开放和社会主义现代化建设新时期", 8, "zh", ["改革开放和社", "会主义现代化", "建设新时期"]),
        ("新时代", 8, "zh", ["新时代"]),
        ("中国特色社会主义新时代", 3, "zh", ["中国特", "色社会", "主义新", "时代"]),
        ("Reform, Opening-up and Modernisation", 14, "en", ["Reform,", "Opening-up and", "Modernisation"]),
    ],
)
def test_names_are_wrapped_evenly(text: str, width: int, lang: str, lines: list[str]) -> None:
    assert wrap(text, width, lang) == lines


def test_pack_text_cannot_become_markup_in_a_chart() -> None:
    assert inert('<a href="x">甲</a> & 乙') == '&lt;a href="x"&gt;甲&lt;/a&gt; &amp; 乙'
    assert "<a" not in era_label("<a href='x'>", 30, "zh")


def test_timeline_bars_carry_their_span_and_the_picked_span_is_highlighted() -> None:
    marks = (MilestoneMark(1956, (Text("全国先进生产者代表会议"),), ("national_conference",)),)
    fig = timeline_figure(DECADES, BANDS, marks, lang="zh", decades=True, span=(1960, 1969))
    bars = [tr for tr in fig.data if tr.type == "bar"]
    assert [tr.name for tr in bars] == ["全国", "市级"]
    assert [list(c) for c in bars[0].customdata] == [[1949, 1959], [1960, 1969], [1970, 1979]]
    assert list(bars[0].x) == [1950, 1960, 1970]  # named by decade, drawn over the years counted
    assert bars[0].offset[0] + bars[0].x[0] == pytest.approx(1949.3)
    assert [list(c) for c in fig.data[-1].customdata] == [[1956, 1956]]
    spans = [(s.x0, s.x1) for s in fig.layout.shapes]
    assert (1959.5, 1969.5) in spans
    assert (1948.5, 1978.5) in spans  # the first era's band
    everything = timeline_figure(DECADES, BANDS, marks, lang="zh", decades=True, span=(1949, 1979))
    assert len(everything.layout.shapes) == len(BANDS)


def test_map_is_shaded_by_counts_or_plain_and_lists_studios() -> None:
    studios = [
        Studio(
            "w1",
            "甲工作室",
            Level.MUNICIPAL,
            district_code="330602",
            lon=120.2,
            lat=30.2,
            open_for_visits=True,
        ),
        Studio("w2", "乙工作室", Level.MUNICIPAL, district_code="330602"),  # no location: listed only
    ]
    fig = district_map_figure(
        DMAP,
        {"330602": "越城区"},
        lang="zh",
        geojson="app/static/x.geojson",
        counts={"330602": 7},
        studios=studios,
    )
    districts = fig.data[0]
    assert list(districts.z) == [7]
    assert list(districts.customdata[0]) == ["330602", "越城区"]
    dots = [tr for tr in fig.data if getattr(tr, "mode", "") == "markers"]
    assert [list(c) for c in dots[0].customdata] == [["330602", "w1"]]
    plain = district_map_figure(DMAP, {"330602": "越城区"}, lang="zh", geojson="app/static/x.geojson")
    assert list(plain.data[0].z) == [0]
    assert not [tr for tr in plain.data if getattr(tr, "mode", "") == "markers"]
    assert "http" not in pio.to_json(fig)


def test_picked_district_is_outlined_without_sending_its_coordinates() -> None:
    fig = district_map_figure(DMAP, {}, lang="zh", geojson="app/static/x.geojson", selected="330602")
    outline = fig.data[1]
    assert outline.type == "choropleth"
    assert list(outline.locations) == ["330602"]
    assert "120.25" not in json.dumps(outline.to_plotly_json(), default=str)


def test_life_line_draws_dated_events_only() -> None:
    events = (
        LifeEvent(1931, "birth"),
        LifeEvent(1956, "honour", "national_model", Level.NATIONAL, "a"),
        LifeEvent(1956, "honour", "zj_model", Level.PROVINCIAL, "a"),
        LifeEvent(None, "honour", "sx_model", Level.MUNICIPAL, ""),
        LifeEvent(None, "role", position="挡车工"),
    )
    fig = life_line_figure(
        events, BANDS, lang="zh", honour_names={"national_model": "全国劳动模范"}, era_names={}
    )
    assert fig is not None
    line = fig.data[0]
    assert list(line.x) == [1931, 1956, 1956]
    assert list(line.y) == [0, 0, 0.9]  # two honours in one year stand one above the other
    assert list(line.text) == ["1931", "1956", ""]
    assert "全国劳动模范" in line.hovertext[1]
    undated = (LifeEvent(None, "honour", "sx_model"), LifeEvent(None, "role", position="x"))
    assert life_line_figure(undated, BANDS, lang="zh", honour_names={}, era_names={}) is None
