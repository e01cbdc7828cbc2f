"""Docent tours (tours/*.yaml): read and checked, written back as YAML, printed as a handout."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from hall.pack.records import Problem, Stop, StopKind, Text, Tour
from hall.rooms import HONOREE, era_room

AUDIENCES = ("小学", "中学", "大学", "企业职工", "党员", "社会公众")


@dataclass(frozen=True, slots=True)
class Targets:
    """What a stop may point at, so a tour can be checked without the whole catalogue."""

    has_honoree: Callable[[str], bool]
    eras: frozenset[str]
    districts: frozenset[str]
    rooms: frozenset[str]
    first_year: int = 1949
    last_year: int = 2100


def parse_tour(doc: Any, targets: Targets, file: str) -> tuple[Tour | None, list[Problem]]:
    """Check one tour document; the tour is None when it cannot be used at all."""
    problems: list[Problem] = []

    def bad(where: str, reason: str) -> None:
        problems.append(Problem(file, None, where, reason))

    if not isinstance(doc, Mapping):
        bad("", "a tour must be a mapping with id, title, audience and stops")
        return None, problems
    tour_id = str(doc.get("id") or "").strip()
    title = doc.get("title") or ""
    title_text = (
        Text(str(title.get("zh", "")), str(title.get("en", "")))
        if isinstance(title, Mapping)
        else Text(str(title))
    )
    if not tour_id:
        bad("id", "the tour has no id")
    if not title_text.zh:
        bad("title", "the tour has no title")
    audience = str(doc.get("audience") or "").strip()
    if audience not in AUDIENCES:
        bad("audience", f"unknown audience {audience!r}; use one of {', '.join(AUDIENCES)}")
    stops: list[Stop] = []
    raw_stops = doc.get("stops")
    if not isinstance(raw_stops, list) or not raw_stops:
        bad("stops", "the tour has no stops")
        raw_stops = []
    for n, raw in enumerate(raw_stops, start=1):
        stop = _parse_stop(raw, targets, lambda col, why, n=n: bad(f"stops[{n}].{col}", why))
        if stop is not None:
            stops.append(stop)
    minutes = doc.get("minutes", 0)
    if not isinstance(minutes, int) or minutes < 0:
        bad("minutes", f"minutes must be a whole number ≥ 0, not {minutes!r}")
        minutes = 0
    if problems:
        return None, problems
    return Tour(tour_id, title_text, audience, tuple(stops), minutes, file), problems


def _parse_stop(raw: Any, targets: Targets, bad: Callable[[str, str], None]) -> Stop | None:
    if not isinstance(raw, Mapping):
        bad("", "a stop must be a mapping with kind, target, minutes and points")
        return None
    try:
        kind = StopKind(str(raw.get("kind", "")))
    except ValueError:
        bad("kind", f"unknown stop kind {raw.get('kind')!r}; use one of {', '.join(StopKind)}")
        return None
    target = str(raw.get("target", "")).strip()
    known = {
        StopKind.HONOREE: lambda v: targets.has_honoree(v),
        StopKind.ERA: lambda v: v in targets.eras,
        StopKind.MAP: lambda v: v in targets.districts,
        StopKind.ROOM: lambda v: v in targets.rooms,
        StopKind.TIMELINE: lambda v: v.isdigit() and targets.first_year <= int(v) <= targets.last_year,
        StopKind.LINEAGE: lambda v: targets.has_honoree(v),
    }[kind]
    ok = True
    if not known(target):
        bad("target", f"unknown {kind.value} {target!r}")
        ok = False
    minutes = raw.get("minutes")
    if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
        bad("minutes", f"minutes must be a whole number above 0, not {minutes!r}")
        ok = False
    points = raw.get("points")
    if isinstance(points, str):
        points = [points]
    if not isinstance(points, list) or not [p for p in points if str(p).strip()]:
        bad("points", "the stop has no talking points")
        ok = False
    if not ok:
        return None
    return Stop(
        kind,
        target,
        minutes,
        tuple(str(p).strip() for p in points if str(p).strip()),
        str(raw.get("title", "") or "").strip(),
    )


def load_tours(folder: Path, targets: Targets) -> tuple[tuple[Tour, ...], tuple[Problem, ...]]:
    """Every tours/*.yaml of a pack, checked; a bad tour is reported and left out."""
    tours: list[Tour] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
        file = f"tours/{path.name}"
        try:
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            problems.append(Problem(file, None, "", f"not valid YAML: {exc}"))
            continue
        tour, found = parse_tour(doc, targets, file)
        problems += found
        if tour is not None:
            if tour.id in seen:
                problems.append(Problem(file, None, "id", f"duplicate tour id {tour.id}; skipped"))
                continue
            seen.add(tour.id)
            tours.append(tour)
    return tuple(tours), tuple(problems)


def tour_to_yaml(tour: Tour) -> str:
    """The tour as a pack file (what the builder exports)."""
    doc = {
        "id": tour.id,
        "title": {"zh": tour.title.zh, **({"en": tour.title.en} if tour.title.en else {})},
        "audience": tour.audience,
        "minutes": tour.planned,
        "stops": [
            {
                "kind": s.kind.value,
                "target": s.target,
                **({"title": s.title} if s.title else {}),
                "minutes": s.minutes,
                "points": list(s.points),
            }
            for s in tour.stops
        ],
    }
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


def tour_from_yaml(text: str, targets: Targets, file: str = "builder") -> tuple[Tour | None, list[Problem]]:
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        return None, [Problem(file, None, "", f"not valid YAML: {exc}")]
    return parse_tour(doc, targets, file)


def handout_lines(tour: Tour, describe: Callable[[Stop], str]) -> Iterable[str]:
    """One line per stop for the printable handout: number, minutes, what is seen (no points)."""
    start = 0
    for n, stop in enumerate(tour.stops, start=1):
        yield f"{n}. [{start}–{start + stop.minutes} min] {describe(stop)}"
        start += stop.minutes


def stop_room(stop: Stop) -> tuple[str, dict[str, str]]:
    """The room key and query parameters that show a stop (on a tablet or a big screen)."""
    if stop.kind is StopKind.HONOREE:
        return HONOREE, {"id": stop.target}
    if stop.kind is StopKind.ERA:
        return era_room(stop.target), {}
    if stop.kind is StopKind.TIMELINE:
        return "timeline", {"year": stop.target}
    if stop.kind is StopKind.MAP:
        return "map", {"district": stop.target}
    if stop.kind is StopKind.LINEAGE:
        return "lineage", {"id": stop.target}
    return stop.target, {}


def handout_html(tour: Tour, describe: Callable[[Stop], str], hall_name: str) -> str:
    """A printable A4 handout: the tour's stops, one line each, for the group to take along."""
    rows = "\n".join(f"<li>{html.escape(line)}</li>" for line in handout_lines(tour, describe))
    title = html.escape(tour.title.zh)
    return (
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>"
        f"<title>{title}</title><style>@page {{ size: A4; margin: 18mm; }}"
        "body { font-family: 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; font-size: 12pt; }"
        "h1 { font-size: 18pt; margin: 0 0 4mm; } li { margin: 2.5mm 0; }</style></head><body>"
        f"<p>{html.escape(hall_name)}</p><h1>{title}</h1>"
        f"<p>{html.escape(tour.audience)} · {tour.planned} min</p><ol>{rows}</ol></body></html>"
    )
