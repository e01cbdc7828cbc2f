"""Every figure the rooms build works offline: no address outside the hall, no tiles, no CDN."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from hall.config import Mode
from hall.rooms import ROOMS
from tests.support.packs import REPO

STATIC = REPO / "static"
# An absolute or protocol-relative address, or a name that means tiles, styles or a CDN.
EXTERNAL = re.compile(
    r"https?:|wss?:|(?<![\w.])//[\w-]+\.|mapbox|carto[-.]|open-?street-?map|stamen|\{z\}/\{x\}/\{y\}|"
    r"cdn\.|fonts\.(googleapis|gstatic)|unpkg|jsdelivr",
    re.IGNORECASE,
)
GEO_TRACES = {"choropleth", "scattergeo"}
TILE_TRACES = {
    "scattermap",
    "choroplethmap",
    "densitymap",
    "scattermapbox",
    "choroplethmapbox",
    "densitymapbox",
}


def _figures(at: AppTest) -> list[tuple[dict[str, Any], dict[str, Any], str]]:
    return [
        (json.loads(c.proto.spec), json.loads(c.proto.config or "{}"), c.proto.spec + c.proto.config)
        for c in at.get("plotly_chart")
    ]


def _local_file(url: str) -> Path:
    assert url.startswith("app/static/"), f"{url} is not served by the hall"
    return STATIC / url.removeprefix("app/static/")


def _year_view(at: AppTest) -> None:
    at.button_group(key="view").set_value("year").run()


def _span(at: AppTest) -> None:
    at.slider(key="span").set_value((1978, 1985)).run()


def _district_with_studios(at: AppTest) -> None:
    at.toggle(key="map_studios").set_value(True)
    at.button_group(key="district").set_value("330602").run()


def _english(at: AppTest) -> None:
    at.button(key="lang_switch").click().run()


def _open_studios(at: AppTest) -> None:
    at.toggle(key="studios_open").set_value(True).run()


@pytest.mark.parametrize(
    ("text", "external"),
    [
        ("https://cdn.plot.ly/un/world_110m.json", True),
        ('"style": "open-street-map"', True),
        ('"style": "carto-positron"', True),
        ("mapbox://styles/mapbox/streets-v11", True),
        ("//tile.example.org/{z}/{x}/{y}.png", True),
        ("https://fonts.gstatic.com/s/x.woff2", True),
        ("app/static/topojson/", False),
        ("app/static/cache/geo/districts-0123.geojson", False),
        ("Textiles and dyeing · title · 1950年代", False),
    ],
)
def test_the_scan_knows_an_external_reference(text: str, external: bool) -> None:
    assert (EXTERNAL.search(text) is not None) is external


CHART_ROOMS = ("timeline", "map", "studios", "figures")
Scenario = tuple[str, Mode, Callable[[AppTest], None] | None]
SCENARIOS: list[Scenario] = [
    # Every room that draws a chart, in a mode that has it (test_every_chart_room_is_scanned keeps
    # this list whole).
    *((key, Mode.ONLINE, None) for key in CHART_ROOMS),
    ("timeline", Mode.ONLINE, _year_view),
    ("timeline", Mode.ONLINE, _span),
    ("timeline", Mode.ONLINE, _english),
    ("map", Mode.ONLINE, _district_with_studios),
    ("map", Mode.ONLINE, _english),
    ("map", Mode.KIOSK, None),
    ("studios", Mode.ONLINE, _open_studios),
]


def test_every_chart_room_is_scanned(open_room) -> None:
    """A room not listed above must draw no chart (so the scan below misses nothing)."""
    for r in ROOMS:
        if r.visible and r.key not in CHART_ROOMS and Mode.ONLINE in r.modes:
            at = open_room(r.key)
            assert not at.get("plotly_chart"), f"{r.key} draws a chart: add it to CHART_ROOMS"


@pytest.mark.parametrize(
    ("path", "mode", "action"),
    SCENARIOS,
    ids=[f"{p}-{m}-{a.__name__.strip('_') if a else 'open'}" for p, m, a in SCENARIOS],
)
def test_every_figure_a_room_builds_stays_inside_the_hall(
    open_room,
    monkeypatch: pytest.MonkeyPatch,
    path: str,
    mode: Mode,
    action: Callable[[AppTest], None] | None,
) -> None:
    monkeypatch.setenv("HALL_MODE", mode.value)
    at = open_room(path)
    if action is not None:
        action(at)
    assert not at.exception
    drawn = _figures(at)
    assert drawn, f"{path}: no chart drawn, nothing was scanned"
    for spec, config, raw in drawn:
        found = EXTERNAL.search(raw)
        near = raw[found.start() - 60 : found.end() + 60] if found else ""
        assert found is None, f"{path}: external reference {found.group(0)!r} near {near!r}"
        types = {trace.get("type", "scatter") for trace in spec["data"]}
        assert not types & TILE_TRACES, f"{path}: tile-based map traces {types & TILE_TRACES}"
        if types & GEO_TRACES:
            # plotly.js fetches a world map for every geo subplot unless told where a local one is.
            assert (_local_file(config["topojsonURL"]) / "world_110m.json").is_file()
            for trace in spec["data"]:
                if isinstance(trace.get("geojson"), str):
                    assert _local_file(trace["geojson"]).is_file()


def test_the_honoree_life_line_stays_inside_the_hall(open_room, cat) -> None:
    h = next(x for x in cat.honorees if len([y for y in x.honours if y.year]) >= 2)
    at = open_room("honoree", id=h.id)
    figures = _figures(at)
    assert figures
    for _, config, raw in figures:
        assert EXTERNAL.search(raw) is None
        assert config["displayModeBar"] is False


def test_the_served_boundaries_are_the_packs_own(open_room, cat) -> None:
    at = open_room("map")
    spec = _figures(at)[0][0]
    served = json.loads(_local_file(spec["data"][0]["geojson"]).read_text(encoding="utf-8"))
    assert [f["properties"]["adcode"] for f in served["features"]] == [d.adcode for d in cat.districts]
