"""Points inside a district, by a plain even-odd point-in-polygon test over the pack's map."""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Sequence
from pathlib import Path

Ring = list[tuple[float, float]]
Shape = list[list[Ring]]  # polygons, each a list of rings: the outline, then its holes


def district_shapes(geojson: Path, names: Iterable[str]) -> dict[str, Shape]:
    """The polygons of each named district in a GeoJSON file whose features carry `name`.

    Raises:
        OSError: the file cannot be read.
        ValueError: it is not JSON.
    """
    wanted = set(names)
    data = json.loads(geojson.read_text(encoding="utf-8"))
    shapes: dict[str, Shape] = {}
    for feature in data["features"]:
        name = feature["properties"].get("name", "")
        if name not in wanted:
            continue
        geometry = feature["geometry"]
        coordinates = geometry["coordinates"]
        polygons = coordinates if geometry["type"] == "MultiPolygon" else [coordinates]
        shapes[name] = [[_ring(points) for points in poly] for poly in polygons]
    return shapes


def _ring(points: Sequence[Sequence[float]]) -> Ring:
    return [(float(p[0]), float(p[1])) for p in points]


def inside(lon: float, lat: float, polygons: Sequence[Sequence[Ring]]) -> bool:
    """True if the point lies inside the (multi)polygon; holes count as outside."""
    for rings in polygons:
        hit = False
        for ring in rings:
            j = len(ring) - 1
            for i in range(len(ring)):
                (xi, yi), (xj, yj) = ring[i], ring[j]
                if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
                    hit = not hit
                j = i
        if hit:
            return True
    return False


def point_in(polygons: Sequence[Sequence[Ring]], rng: random.Random) -> tuple[float, float]:
    """A random point inside the polygons, to five decimals."""
    xs = [x for rings in polygons for x, _ in rings[0]]
    ys = [y for rings in polygons for _, y in rings[0]]
    while True:
        lon = round(rng.uniform(min(xs), max(xs)), 5)
        lat = round(rng.uniform(min(ys), max(ys)), 5)
        if inside(lon, lat, polygons):
            return lon, lat
