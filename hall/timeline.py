"""The hall across the years: honours per year and decade by level, eras, milestones, spans, life lines."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from hall.honours import NO_YEAR, HonourTable
from hall.pack import Catalog
from hall.pack.records import Era, Honoree, Level, Milestone, Text

# How the timeline counts: by decade or by year (labels view_<name>).
VIEWS = ("decade", "year")
# A first decade shorter than this (1949 alone) is folded into the next one.
MIN_FIRST_DECADE_YEARS = 5


@dataclass(frozen=True, slots=True)
class Counts:
    """Dated honours per bucket (a year or a decade) and level; undated honours counted apart.

    `starts[i]`..`ends[i]` (inclusive) is bucket i; `by_level` holds only the levels that occur,
    best first, each with one count per bucket.
    """

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    by_level: tuple[tuple[Level, tuple[int, ...]], ...]
    undated: int

    @property
    def totals(self) -> tuple[int, ...]:
        if not self.by_level:
            return (0,) * len(self.starts)
        return tuple(sum(c) for c in zip(*(v for _, v in self.by_level), strict=True))

    def of(self, level: Level) -> tuple[int, ...]:
        return dict(self.by_level).get(level, (0,) * len(self.starts))


@dataclass(frozen=True, slots=True)
class EraBand:
    era_id: str
    name: Text
    start: int
    end: int  # inclusive; an open era ends at the last year shown


@dataclass(frozen=True, slots=True)
class MilestoneMark:
    """The milestones of one year, drawn as one marker."""

    year: int
    titles: tuple[Text, ...]
    kinds: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LifeEvent:
    """One entry of a person's life line, exactly as the record gives it (year None: undated)."""

    year: int | None
    kind: str  # birth | honour | role
    code: str = ""
    level: Level | None = None
    era: str = ""
    position: str = ""
    employer: str = ""


def hall_years(table: HonourTable, eras: Sequence[Era], this_year: int) -> tuple[int, int]:
    """First and last year the timeline shows: the first era's start (or an earlier honour) to now."""
    dated = table.year[table.year != NO_YEAR]
    first, last = (eras[0].start if eras else this_year), this_year
    if dated.size:
        first, last = min(first, int(dated.min())), max(last, int(dated.max()))
    return first, last


def year_counts(table: HonourTable, first: int, last: int) -> Counts:
    """Dated honours of each year from `first` to `last`, by level."""
    return _counts(table, first, last, list(range(first, last + 1)), list(range(first, last + 1)))


def decade_buckets(first: int, last: int) -> list[tuple[int, int]]:
    """(start, end) of each decade from `first` to `last`; a short first decade joins the next."""
    buckets = []
    start = first
    decade = first // 10 * 10
    if first % 10 and decade + 10 - first < MIN_FIRST_DECADE_YEARS and decade + 10 <= last:
        decade += 10
    while start <= last:
        end = min(decade + 9, last)
        buckets.append((start, end))
        start, decade = end + 1, decade + 10
    return buckets


def decade_counts(table: HonourTable, first: int, last: int) -> Counts:
    """Dated honours of each decade (see decade_buckets), by level."""
    buckets = decade_buckets(first, last)
    return _counts(table, first, last, [b[0] for b in buckets], [b[1] for b in buckets])


def decade_of(start: int, end: int) -> int:
    """The decade a bucket is named after (1949–1959 is the 1950s)."""
    return end // 10 * 10


def _counts(table: HonourTable, first: int, last: int, starts: list[int], ends: list[int]) -> Counts:
    dated = table.year != NO_YEAR
    inside = dated & (table.year >= first) & (table.year <= last)
    # Each year's bucket index, so a decade count is one bincount, like a year count.
    bucket_of_year = np.zeros(last - first + 1, dtype=np.int64)
    for i, (s, e) in enumerate(zip(starts, ends, strict=True)):
        bucket_of_year[s - first : e - first + 1] = i
    by_level = []
    for level in Level:
        keep = inside & (table.level == level.rank)
        if keep.any():
            buckets = bucket_of_year[table.year[keep] - first]
            counts = np.bincount(buckets, minlength=len(starts))
            by_level.append((level, tuple(int(c) for c in counts)))
    return Counts(tuple(starts), tuple(ends), tuple(by_level), undated=int((~dated).sum()))


def era_bands(eras: Sequence[Era], last: int) -> tuple[EraBand, ...]:
    """The eras as shaded spans up to `last` (an era not yet begun is left out)."""
    return tuple(
        EraBand(e.id, e.name, e.start, min(e.end if e.end is not None else last, last))
        for e in eras
        if e.start <= last
    )


def milestone_marks(milestones: Sequence[Milestone], first: int, last: int) -> tuple[MilestoneMark, ...]:
    """One mark per year holding milestones, in order; those outside [first, last] left out."""
    by_year: dict[int, list[Milestone]] = {}
    for m in milestones:
        if first <= m.year <= last:
            by_year.setdefault(m.year, []).append(m)
    return tuple(
        MilestoneMark(year, tuple(m.title for m in ms), tuple(m.kind for m in ms))
        for year, ms in sorted(by_year.items())
    )


def span_people(table: HonourTable, start: int, end: int, level: Level | None = None) -> np.ndarray:
    """Positions of the honorees with an honour dated within [start, end], in ranking order."""
    return table.holders(table.mask(start=start, end=end, level=level))


def span_of_selection(selection: Mapping[str, Any] | None, first: int, last: int) -> tuple[int, int] | None:
    """The year span a chart selection stands for, or None when it selects nothing.

    Bars and milestone marks carry `customdata` [start, end]; a box without points (dragged
    between bars) is rounded to the years it covers. The result is clipped to [first, last].
    """
    if not selection:
        return None
    spans = []
    for point in selection.get("points") or ():
        data = point.get("customdata")
        if isinstance(data, Sequence) and len(data) >= 2:
            try:
                spans.append((int(data[0]), int(data[1])))
            except (TypeError, ValueError):
                continue
    if not spans:
        for box in selection.get("box") or ():
            xs = [x for x in box.get("x") or () if isinstance(x, int | float)]
            if len(xs) >= 2:
                spans.append((math.ceil(min(xs) - 0.5), math.floor(max(xs) + 0.5)))
    if not spans:
        return None
    start = max(first, min(s for s, _ in spans))
    end = min(last, max(e for _, e in spans))
    return (start, end) if start <= end else None


def life_line(cat: Catalog, h: Honoree) -> tuple[LifeEvent, ...]:
    """Birth, each honour with its era and level, then the role as recorded: nothing more.

    The record gives a role without dates, so it comes last with year None; undated honours
    keep year None too.
    """
    events = []
    if h.birth_year:
        events.append(LifeEvent(h.birth_year, "birth"))
    for x in h.honours:
        kind = cat.honour_kinds.get(x.code)
        events.append(LifeEvent(x.year, "honour", x.code, kind.level if kind else None, x.era))
    if h.position or h.employer:
        events.append(LifeEvent(None, "role", position=h.position, employer=h.employer))
    return tuple(events)
