"""Choosing activities (coming or past, by kind, 五进 setting, district, speaker, studio, year) and
the programme's figures, on the activities' column arrays: fast at 100,000 activities."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from hall.activities.records import Activities, Activity, Kind, Setting


@dataclass(frozen=True, slots=True)
class Filters:
    """What a visitor picked; "" (or None) means any."""

    kind: str = ""
    setting: str = ""
    district: str = ""  # adcode
    speaker: str = ""  # honoree id
    studio: str = ""
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Figures:
    """The programme in numbers for the activities chosen: per year, per 五进 setting, the
    audience reached per year, and how many of the hall's districts were reached."""

    years: tuple[int, ...]
    per_year: tuple[int, ...]
    audience_per_year: tuple[int, ...]
    settings: tuple[str, ...]
    per_setting: tuple[int, ...]
    districts: tuple[str, ...]  # adcodes, the hall's order
    per_district: tuple[int, ...]
    total: int
    audience: int

    @property
    def districts_reached(self) -> int:
        return sum(1 for n in self.per_district if n)


def select(acts: Activities, filters: Filters, *, today: dt.date, coming: bool | None = None) -> np.ndarray:
    """Positions in `acts.items` of the activities matching `filters`, in date order: only those
    from today on (coming=True), only those before today (False), or all (None)."""
    mask = np.ones(len(acts), dtype=bool)
    if coming is not None:
        mask &= (acts.days >= today.toordinal()) if coming else (acts.days < today.toordinal())
    if filters.kind:
        mask &= acts.kinds == list(Kind).index(Kind(filters.kind))
    if filters.setting:
        mask &= acts.settings == ["", *Setting].index(Setting(filters.setting))
    if filters.district:
        code = acts.district_codes.index(filters.district) if filters.district in acts.district_codes else -1
        mask &= acts.districts == code
    if filters.year is not None:
        first, last = dt.date(filters.year, 1, 1).toordinal(), dt.date(filters.year, 12, 31).toordinal()
        mask &= (acts.days >= first) & (acts.days <= last)
    for index, wanted in ((acts.by_person, filters.speaker), (acts.by_studio, filters.studio)):
        if wanted:
            only = np.zeros(len(acts), dtype=bool)
            only[list(index.get(wanted, ()))] = True
            mask &= only
    return np.flatnonzero(mask)


def between(acts: Activities, first: dt.date, last: dt.date) -> tuple[Activity, ...]:
    """The dated activities from `first` to `last`, both included, in order."""
    lo = int(np.searchsorted(acts.days, first.toordinal(), side="left"))
    hi = int(np.searchsorted(acts.days, last.toordinal(), side="right"))
    return tuple(a for a in acts.items[lo:hi] if a.dated)


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of the week holding `day`."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def years(acts: Activities, positions: np.ndarray) -> tuple[int, ...]:
    """The years the chosen activities fall in, latest first."""
    if not len(positions):
        return ()
    first = dt.date.fromordinal(int(acts.days[positions].min())).year
    last = dt.date.fromordinal(int(acts.days[positions].max())).year
    starts = np.array([dt.date(y, 1, 1).toordinal() for y in range(first, last + 2)])
    counts = np.bincount(
        np.searchsorted(starts, acts.days[positions], side="right") - 1, minlength=last - first + 1
    )
    return tuple(first + i for i in range(last - first, -1, -1) if counts[i])


def figures(acts: Activities, positions: np.ndarray, districts: tuple[str, ...]) -> Figures:
    """Counts and audiences of the activities at `positions`, by year, setting and district."""
    days = acts.days[positions]
    if len(days):
        first = dt.date.fromordinal(int(days.min())).year
        last = dt.date.fromordinal(int(days.max())).year
    else:
        first = last = dt.date.today().year
    starts = np.array([dt.date(y, 1, 1).toordinal() for y in range(first, last + 2)])
    slot = np.searchsorted(starts, days, side="right") - 1
    span = last - first + 1
    per_year = np.bincount(slot, minlength=span)
    audience = np.bincount(slot, weights=acts.audiences[positions], minlength=span)
    setting_codes = np.bincount(acts.settings[positions], minlength=len(Setting) + 1)
    district_counts = np.bincount(acts.districts[positions], minlength=len(acts.district_codes))
    per_code = dict(zip(acts.district_codes, district_counts.tolist(), strict=False))
    return Figures(
        years=tuple(range(first, last + 1)),
        per_year=tuple(int(x) for x in per_year),
        audience_per_year=tuple(int(x) for x in audience),
        settings=tuple(s.value for s in Setting),
        per_setting=tuple(int(x) for x in setting_codes[1:]),
        districts=districts,
        per_district=tuple(int(per_code.get(d, 0)) for d in districts),
        total=len(positions),
        audience=int(acts.audiences[positions].sum()),
    )
