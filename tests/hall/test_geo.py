"""The district map: the pack's GeoJSON checked against hall.yaml, rewound, counted and picked."""

from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hall.errors import PackError
from hall.geo import (
    GEO_FILE,
    district_counts,
    district_of_selection,
    district_people,
    is_clockwise,
    load_district_map,
    parse_district_map,
    rewind,
    signed_area,
    studios_in,
)
from hall.honours import HonourTable
from hall.pack import Catalog, load_catalog
from tests.support.packs import REPO, write_pack

SHIPPED = REPO / "exhibits" / "geo" / "districts.geojson"
SQUARE_CCW = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]  # RFC 7946 exterior
HOLE_CW = [[0.25, 0.25], [0.25, 0.75], [0.75, 0.75], [0.75, 0.25], [0.25, 0.25]]


@pytest.fixture(scope="module")
def cat(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return load_catalog(write_pack(tmp_path_factory.mktemp("geo") / "pack"))


@pytest.fixture(scope="module")
def table(cat: Catalog) -> HonourTable:
    return HonourTable.build(cat)


@pytest.fixture(scope="module")
def shipped() -> dict[str, Any]:
    return json.loads(SHIPPED.read_text(encoding="utf-8"))


def _polygons(geometry: dict[str, Any]) -> list[Any]:
    return geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]


# -- the shipped file ----------------------------------------------------------------------


def test_shipped_geojson_has_every_district_of_hall_yaml_and_no_stray_one(
    cat: Catalog, shipped: dict[str, Any]
) -> None:
    counties = {
        f["properties"]["adcode"] for f in shipped["features"] if f["properties"]["level"] == "county"
    }
    assert counties == {d.adcode for d in cat.districts}
    dmap = load_district_map(REPO, cat.districts)
    assert [s.adcode for s in dmap.shapes] == [d.adcode for d in cat.districts]


def test_shipped_rings_are_already_clockwise_and_stay_as_they_are(
    cat: Catalog, shipped: dict[str, Any]
) -> None:
    dmap = load_district_map(REPO, cat.districts)
    for feature in shipped["features"]:
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        )
        assert all(is_clockwise(poly[0]) for poly in polygons), feature["properties"]["adcode"]
        shape = dmap.shape(feature["properties"]["adcode"])
        if shape is not None:
            assert [list(map(list, ring)) for ring in shape.polygons[0]] == polygons[0]


def test_rfc7946_winding_draws_the_same_map(cat: Catalog, shipped: dict[str, Any], tmp_path: Path) -> None:
    # Another pack may ship counter-clockwise exteriors; the hall rewinds them on load.
    flipped = copy.deepcopy(shipped)
    for feature in flipped["features"]:
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        )
        for poly in polygons:
            for ring in poly:
                ring.reverse()
    assert not is_clockwise(_polygons(flipped["features"][0]["geometry"])[0][0])
    assert parse_district_map(json.dumps(flipped), cat.districts).feature_collection == (
        load_district_map(REPO, cat.districts).feature_collection
    )


# -- rewinding ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("geometry", "exteriors_cw"),
    [
        ({"type": "Polygon", "coordinates": [SQUARE_CCW]}, [True]),
        ({"type": "Polygon", "coordinates": [SQUARE_CCW[::-1]]}, [True]),
        ({"type": "MultiPolygon", "coordinates": [[SQUARE_CCW], [SQUARE_CCW[::-1]]]}, [True, True]),
    ],
)
def test_rewind_makes_exteriors_clockwise(geometry: dict[str, Any], exteriors_cw: list[bool]) -> None:
    before = copy.deepcopy(geometry)
    out = rewind(geometry)
    polygons = out["coordinates"] if out["type"] == "MultiPolygon" else [out["coordinates"]]
    assert [is_clockwise(poly[0]) for poly in polygons] == exteriors_cw
    assert geometry == before  # a copy: the input is left alone


def test_rewind_turns_holes_the_other_way_and_keeps_area() -> None:
    out = rewind({"type": "Polygon", "coordinates": [SQUARE_CCW, HOLE_CW]})
    exterior, hole = out["coordinates"]
    assert is_clockwise(exterior)
    assert not is_clockwise(hole)
    assert abs(signed_area(exterior)) == pytest.approx(1.0)
    assert abs(signed_area(hole)) == pytest.approx(0.25)


def test_rewind_leaves_other_geometry_alone() -> None:
    point = {"type": "Point", "coordinates": [120.5, 30.0]}
    assert rewind(point) == point


# -- bad files give clear errors -----------------------------------------------------------


def _feature(adcode: str, geometry: Any = "square", **props: Any) -> dict[str, Any]:
    if geometry == "square":
        geometry = {"type": "Polygon", "coordinates": [[[120 + x, 30 + y] for x, y in SQUARE_CCW]]}
    return {"type": "Feature", "properties": {"adcode": adcode, **props}, "geometry": geometry}


def _good(cat: Catalog) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [_feature(d.adcode) for d in cat.districts]}


def _drop_first(doc: dict[str, Any]) -> None:
    doc["features"].pop(0)


def _add_stray(doc: dict[str, Any]) -> None:
    doc["features"].append(_feature("330699"))


def _no_adcode(doc: dict[str, Any]) -> None:
    del doc["features"][1]["properties"]["adcode"]


def _no_geometry(doc: dict[str, Any]) -> None:
    doc["features"][2]["geometry"] = None


def _point(doc: dict[str, Any]) -> None:
    doc["features"][2]["geometry"] = {"type": "Point", "coordinates": [120.5, 30.0]}


def _out_of_range(doc: dict[str, Any]) -> None:
    doc["features"][3]["geometry"]["coordinates"][0][1] = [300.0, 30.0]


def _not_a_point(doc: dict[str, Any]) -> None:
    doc["features"][3]["geometry"]["coordinates"][0][1] = ["120", "30"]


def _too_few_points(doc: dict[str, Any]) -> None:
    doc["features"][3]["geometry"]["coordinates"][0] = [[120, 30], [121, 30]]


def _twice(doc: dict[str, Any]) -> None:
    doc["features"].append(copy.deepcopy(doc["features"][0]))


def _not_a_collection(doc: dict[str, Any]) -> None:
    doc["type"] = "Feature"


@pytest.mark.parametrize(
    ("mutate", "column", "reason"),
    [
        (_drop_first, "", "no boundary for 越城区 (adcode 330602)"),
        (_add_stray, "adcode 330699", "stray adcode"),
        (_no_adcode, "features[1]", "has no adcode"),
        (_no_geometry, "adcode 330604", "has no geometry"),
        (_point, "adcode 330604", "geometry is Point, not a Polygon or MultiPolygon"),
        (_out_of_range, "adcode 330681", "outside longitude/latitude range"),
        (_not_a_point, "adcode 330681", "not [longitude, latitude]"),
        (_too_few_points, "adcode 330681", "fewer than 3 points"),
        (_twice, "adcode 330602", "appears twice"),
        (_not_a_collection, "", "must be a GeoJSON FeatureCollection"),
    ],
    ids=lambda v: v.__name__.strip("_") if callable(v) else None,
)
def test_bad_geojson_names_the_file_the_feature_and_the_reason(
    cat: Catalog, mutate: Callable[[dict[str, Any]], None], column: str, reason: str
) -> None:
    doc = _good(cat)
    mutate(doc)
    with pytest.raises(PackError) as raised:
        parse_district_map(json.dumps(doc), cat.districts)
    problems = raised.value.problems
    assert all(p.file == GEO_FILE for p in problems)
    assert any(p.column.endswith(column) and reason in p.reason for p in problems), problems
    assert GEO_FILE in str(raised.value)


def test_every_problem_is_reported_together(cat: Catalog) -> None:
    doc = _good(cat)
    _add_stray(doc)
    _no_geometry(doc)
    with pytest.raises(PackError) as raised:
        parse_district_map(json.dumps(doc), cat.districts)
    reasons = " | ".join(p.reason for p in raised.value.problems)
    assert "stray adcode" in reasons
    assert "has no geometry" in reasons


def test_unreadable_json_gives_line_and_column(cat: Catalog) -> None:
    with pytest.raises(PackError) as raised:
        parse_district_map('{"type": "FeatureCollection",\n "features": [}', cat.districts)
    (problem,) = raised.value.problems
    assert problem.line == 2
    assert "not valid JSON" in problem.reason


def test_missing_file_is_a_clear_error(cat: Catalog, tmp_path: Path) -> None:
    with pytest.raises(PackError, match=r"districts\.geojson: file is missing"):
        load_district_map(tmp_path, cat.districts)


def test_city_outline_feature_is_allowed_beside_the_districts(cat: Catalog) -> None:
    doc = _good(cat)
    doc["features"].append(_feature("330600", level="city"))
    dmap = parse_district_map(json.dumps(doc), cat.districts)
    assert [s.adcode for s in dmap.shapes] == [d.adcode for d in cat.districts]


def test_unclosed_ring_is_closed_and_a_label_point_is_found(cat: Catalog) -> None:
    doc = _good(cat)
    doc["features"][0]["geometry"]["coordinates"][0].pop()  # drop the repeated first point
    dmap = parse_district_map(json.dumps(doc), cat.districts)
    ring = dmap.shapes[0].polygons[0][0]
    assert ring[0] == ring[-1]
    assert dmap.shapes[0].center == pytest.approx((120.5, 30.5))


# -- counting and picking ------------------------------------------------------------------


def test_district_counts_equal_what_the_catalogue_says(cat: Catalog, table: HonourTable) -> None:
    counts = district_counts(cat, table)
    expected = Counter(h.district_code for h in cat.honorees)
    assert counts == {d.adcode: expected[d.adcode] for d in cat.districts} | {"": expected[""]}
    assert counts == {"330602": 1, "330603": 2, "330604": 1, "330681": 1, "330683": 1, "330624": 1, "": 0}


@pytest.mark.parametrize(
    ("honoree_id", "printed", "today"),
    [
        ("t02", "绍兴县", "330603"),  # now 柯桥区
        ("t03", "诸暨县", "330681"),  # now 诸暨市
        ("t04", "上虞市", "330604"),  # now 上虞区
    ],
)
def test_a_former_district_name_counts_for_todays_district(
    cat: Catalog, table: HonourTable, honoree_id: str, printed: str, today: str
) -> None:
    h = cat.honoree(honoree_id)
    assert h.district == printed  # the record keeps the name as printed
    assert h.district_code == today
    assert honoree_id in {cat.honorees[int(i)].id for i in district_people(table, today)}


@pytest.mark.parametrize(
    ("era", "honour"),
    [
        ("revolution", None),
        ("reform", None),
        ("new_era", None),
        (None, "zj_model"),
        ("new_era", "sx_craftsman"),
    ],
)
def test_filtered_district_counts_equal_an_independent_count(
    cat: Catalog, table: HonourTable, era: str | None, honour: str | None
) -> None:
    expected: Counter[str] = Counter()
    for h in cat.honorees:
        if any((era is None or x.era == era) and (honour is None or x.code == honour) for x in h.honours):
            expected[h.district_code] += 1
    counts = district_counts(cat, table, era, honour)
    assert counts == {d.adcode: expected[d.adcode] for d in cat.districts} | {"": expected[""]}


@pytest.mark.parametrize(
    ("adcode", "era", "honour", "ids"),
    [
        ("330603", None, None, ["t02", "t01"]),
        ("330603", "revolution", None, ["t02"]),
        ("330603", "new_era", None, ["t01"]),
        ("330603", None, "sx_model", ["t02"]),
        ("330602", "new_era", "sx_craftsman", ["t06"]),
        ("330624", "reform", None, []),
        ("999999", None, None, []),
    ],
)
def test_selecting_a_district_lists_its_people(
    cat: Catalog, table: HonourTable, adcode: str, era: str | None, honour: str | None, ids: list[str]
) -> None:
    assert [cat.honorees[int(i)].id for i in district_people(table, adcode, era, honour)] == ids


@pytest.mark.parametrize(
    ("selection", "adcode"),
    [
        ({"points": [{"customdata": ["330602", "越城区"], "location": "330602"}]}, "330602"),
        ({"points": [{"location": "330683"}]}, "330683"),
        ({"points": [{"customdata": ["330624", "w1"]}]}, "330624"),  # a studio's dot
        ({"points": [{"customdata": ["000000", "x"]}]}, None),
        ({"points": []}, None),
        ({}, None),
        (None, None),
    ],
)
def test_a_map_selection_names_a_district(selection: dict | None, adcode: str | None) -> None:
    codes = ["330602", "330603", "330604", "330624", "330681", "330683"]
    assert district_of_selection(selection, codes) == adcode


def test_studios_of_a_district_open_ones_first(cat: Catalog) -> None:
    assert [s.id for s in studios_in(cat)] == ["w1"]
    assert [s.id for s in studios_in(cat, "330602")] == ["w1"]
    assert studios_in(cat, "330681") == ()
    assert [s.id for s in studios_in(cat, open_only=True)] == ["w1"]
