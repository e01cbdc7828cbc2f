"""The pack's district map: geo/districts.geojson checked against hall.yaml, rewound, and counted."""

from __future__ import annotations

import hashlib
import itertools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from hall.errors import PackError
from hall.honours import HonourTable
from hall.pack import Catalog
from hall.pack.records import District, Problem, Studio

GEO_FILE = "geo/districts.geojson"  # inside exhibits/
# A feature with this `level` is the whole city's outline: allowed beside the districts, not drawn.
OUTLINE_LEVEL = "city"

Point = tuple[float, float]
Ring = tuple[Point, ...]
Polygon = tuple[Ring, ...]  # exterior ring first, then holes


@dataclass(frozen=True, slots=True)
class DistrictShape:
    adcode: str
    polygons: tuple[Polygon, ...]
    center: Point  # a label point inside the district


@dataclass(frozen=True, eq=False)
class DistrictMap:
    """The districts' boundaries in hall.yaml order, ready for plotly's geo (clockwise rings)."""

    shapes: tuple[DistrictShape, ...]

    def shape(self, adcode: str) -> DistrictShape | None:
        return next((s for s in self.shapes if s.adcode == adcode), None)

    @cached_property
    def feature_collection(self) -> dict[str, Any]:
        """The districts as a GeoJSON FeatureCollection keyed by `properties.adcode`."""
        return {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "id": s.adcode,
                    "properties": {"adcode": s.adcode},
                    "geometry": {
                        "type": "MultiPolygon",
                        "coordinates": [[[list(p) for p in ring] for ring in poly] for poly in s.polygons],
                    },
                }
                for s in self.shapes
            ],
        }

    @cached_property
    def geojson_text(self) -> str:
        return json.dumps(self.feature_collection, separators=(",", ":"))

    @cached_property
    def digest(self) -> str:
        """A short content hash: names a served copy so a changed map is never read from cache."""
        return hashlib.sha256(self.geojson_text.encode()).hexdigest()[:16]


# ---------------------------------------------------------------------------------------
# Loading and checking
# ---------------------------------------------------------------------------------------


def load_district_map(pack: Path | str, districts: Sequence[District]) -> DistrictMap:
    """Read and check the pack's exhibits/geo/districts.geojson against hall.yaml's districts.

    Raises:
        PackError: the file is missing or unreadable, or does not match the districts; every
            problem found is listed (file, feature, reason).
    """
    path = Path(pack) / "exhibits" / GEO_FILE
    if not path.exists():
        raise PackError([Problem(GEO_FILE, None, "", "file is missing; the map needs district boundaries")])
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError([Problem(GEO_FILE, None, "", f"cannot be read as UTF-8 text: {exc}")]) from exc
    return parse_district_map(text, districts)


def parse_district_map(text: str, districts: Sequence[District]) -> DistrictMap:
    """Check GeoJSON text against the districts; see load_district_map.

    Raises:
        PackError: every problem found, together.
    """
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PackError(
            [Problem(GEO_FILE, exc.lineno, "", f"not valid JSON: {exc.msg} (column {exc.colno})")]
        ) from exc
    problems: list[Problem] = []

    def problem(column: str, reason: str) -> None:
        problems.append(Problem(GEO_FILE, None, column, reason))

    features = doc.get("features") if isinstance(doc, dict) else None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not isinstance(features, list):
        raise PackError(
            [Problem(GEO_FILE, None, "", "must be a GeoJSON FeatureCollection with a features list")]
        )

    wanted = {d.adcode: d for d in districts}
    found: dict[str, DistrictShape] = {}
    for i, feature in enumerate(features):
        where = f"features[{i}]"
        if not isinstance(feature, dict):
            problem(where, "is not a GeoJSON feature object")
            continue
        props = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
        raw = props.get("adcode", feature.get("id"))
        adcode = str(raw).strip() if raw is not None else ""
        if props.get("level") == OUTLINE_LEVEL:
            continue
        if not adcode:
            problem(where, "has no adcode (properties.adcode or id)")
            continue
        label = f"{where} adcode {adcode}"
        if adcode not in wanted:
            problem(label, "stray adcode: no district in hall.yaml has it")
            continue
        if adcode in found:
            problem(label, f"{wanted[adcode].name.zh} appears twice")
            continue
        polygons, reason = _polygons(feature.get("geometry"))
        if reason:
            problem(label, reason)
            continue
        polygons = tuple(_rewind_polygon(p) for p in polygons)
        found[adcode] = DistrictShape(adcode, polygons, _center(props.get("center"), polygons))
    for adcode, district in wanted.items():
        if adcode not in found and not any(p.column.endswith(f"adcode {adcode}") for p in problems):
            problem("", f"no boundary for {district.name.zh} (adcode {adcode})")
    if problems:
        raise PackError(problems)
    return DistrictMap(tuple(found[a] for a in wanted))


def _polygons(geometry: Any) -> tuple[tuple[Polygon, ...], str]:
    """The geometry's polygons, or a reason why it cannot be drawn."""
    if not isinstance(geometry, dict):
        return (), "has no geometry"
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    if kind not in ("Polygon", "MultiPolygon"):
        return (), f"geometry is {kind or 'untyped'}, not a Polygon or MultiPolygon"
    if not isinstance(coords, list) or not coords:
        return (), "geometry has no coordinates"
    raw_polygons = [coords] if kind == "Polygon" else coords
    polygons = []
    for raw in raw_polygons:
        if not isinstance(raw, list) or not raw:
            return (), "a polygon has no rings"
        rings = []
        for raw_ring in raw:
            ring, reason = _ring(raw_ring)
            if reason:
                return (), reason
            rings.append(ring)
        polygons.append(tuple(rings))
    return tuple(polygons), ""


def _ring(raw: Any) -> tuple[Ring, str]:
    if not isinstance(raw, list) or len(raw) < 3:
        return (), "a ring has fewer than 3 points"
    points = []
    for p in raw:
        if (
            not isinstance(p, list | tuple)
            or len(p) < 2
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in p[:2])
        ):
            return (), f"a point is not [longitude, latitude]: {str(p)[:40]}"
        lon, lat = float(p[0]), float(p[1])
        if not (math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90):
            return (), f"a point is outside longitude/latitude range: [{p[0]}, {p[1]}]"
        points.append((lon, lat))
    if points[0] != points[-1]:  # GeoJSON rings repeat their first point; close one that forgot
        points.append(points[0])
    if len(points) < 4:
        return (), "a ring has fewer than 3 points"
    return tuple(points), ""


def _center(given: Any, polygons: Sequence[Polygon]) -> Point:
    if (
        isinstance(given, list | tuple)
        and len(given) == 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in given)
    ):
        return (float(given[0]), float(given[1]))
    largest = max((poly[0] for poly in polygons), key=lambda r: abs(signed_area(r)))
    return _centroid(largest)


def _centroid(ring: Ring) -> Point:
    area = signed_area(ring)
    if not area:
        return (sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring))
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return (cx / (6 * area), cy / (6 * area))


# ---------------------------------------------------------------------------------------
# Winding order
# ---------------------------------------------------------------------------------------


def signed_area(ring: Sequence[Sequence[float]]) -> float:
    """Shoelace area in degrees²: positive when the ring runs counter-clockwise (x east, y north)."""
    return 0.5 * sum(
        float(x0) * float(y1) - float(x1) * float(y0)
        for (x0, y0, *_), (x1, y1, *_) in itertools.pairwise(ring)
    )


def is_clockwise(ring: Sequence[Sequence[float]]) -> bool:
    return signed_area(ring) < 0


def _rewind_polygon(polygon: Polygon) -> Polygon:
    # d3-geo (plotly's geo) reads a counter-clockwise exterior as "the whole globe but this".
    return tuple(
        ring if is_clockwise(ring) == (i == 0) else tuple(reversed(ring)) for i, ring in enumerate(polygon)
    )


def rewind(geometry: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of a Polygon or MultiPolygon with clockwise exterior rings and counter-clockwise holes.

    That is d3's (and so plotly geo's) convention; RFC 7946 GeoJSON uses the opposite one.
    Other geometry types are returned unchanged.
    """
    kind = geometry.get("type")
    if kind == "Polygon":
        rings = _rewind_polygon(tuple(tuple(map(tuple, r)) for r in geometry["coordinates"]))
        return {**geometry, "coordinates": [[list(p) for p in r] for r in rings]}
    if kind == "MultiPolygon":
        return {
            **geometry,
            "coordinates": [
                [[list(p) for p in r] for r in _rewind_polygon(tuple(tuple(map(tuple, r)) for r in poly))]
                for poly in geometry["coordinates"]
            ],
        }
    return dict(geometry)


# ---------------------------------------------------------------------------------------
# Counting and picking
# ---------------------------------------------------------------------------------------


def district_counts(
    cat: Catalog, table: HonourTable, era: str | None = None, honour: str | None = None
) -> dict[str, int]:
    """Honorees per today's district (adcode), counting only those with a matching honour.

    An honour recorded under a former district name counts for today's district: the
    catalogue resolves every printed name to today's adcode. With no filter, everyone in
    the district counts, as in `Catalog.count("district", adcode)`. Key "" counts those
    whose record names no district.
    """
    if era is None and honour is None:
        return {a: cat.count("district", a) for a in (*(d.adcode for d in cat.districts), "")}
    positions = table.holders(table.mask(era=era, code=honour))
    counts = np.bincount(table.district[positions] + 1, minlength=len(table.adcodes) + 1)
    return {**{a: int(c) for a, c in zip(table.adcodes, counts[1:], strict=True)}, "": int(counts[0])}


def district_people(
    table: HonourTable, adcode: str, era: str | None = None, honour: str | None = None
) -> np.ndarray:
    """Positions of a district's honorees (with a matching honour, if filtered), in ranking order."""
    if adcode not in table.adcodes:
        return np.empty(0, dtype=np.int32)
    index = table.adcodes.index(adcode)
    if era is None and honour is None:
        positions = np.flatnonzero(table.district == index)
        return positions[np.argsort(table.place[positions], kind="stable")]
    positions = table.holders(table.mask(era=era, code=honour))
    return positions[table.district[positions] == index]


def studios_in(cat: Catalog, adcode: str | None = None, open_only: bool = False) -> tuple[Studio, ...]:
    """The innovation studios of one district (or all), open ones first, then by level and name."""
    picked = [
        s
        for s in cat.studios
        if (adcode is None or s.district_code == adcode) and (s.open_for_visits or not open_only)
    ]
    return tuple(sorted(picked, key=lambda s: (not s.open_for_visits, s.level.rank, s.name)))


def district_of_selection(selection: Mapping[str, Any] | None, adcodes: Sequence[str]) -> str | None:
    """The district a map selection points at (a district's area or one of its studios)."""
    for point in (selection or {}).get("points") or ():
        data = point.get("customdata")
        candidates = [data[0]] if isinstance(data, Sequence) and not isinstance(data, str) and data else []
        candidates.append(point.get("location"))
        for value in candidates:
            if isinstance(value, str) and value in adcodes:
                return value
    return None
