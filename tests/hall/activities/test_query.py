"""Choosing activities and counting them: coming or past, by kind, setting, district, speaker,
studio and year; the figures per year, setting and district."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hall.activities import Filters, between, figures, select, week_of, years
from hall.pack import load_catalog

TODAY = dt.date(2025, 1, 1)


@pytest.mark.parametrize(
    ("filters", "coming", "ids"),
    [
        (Filters(), None, ["a1", "a2", "a3", "a4", "a5"]),
        (Filters(), True, ["a4", "a5"]),
        (Filters(), False, ["a1", "a2", "a3"]),
        (Filters(kind="talk"), None, ["a2", "a3"]),
        (Filters(setting="community"), None, ["a3", "a5"]),
        (Filters(district="330603"), None, ["a2", "a3"]),
        (Filters(speaker="t06"), None, ["a2", "a3", "a4"]),
        (Filters(speaker="t06", kind="talk", setting="enterprise"), None, ["a2"]),
        (Filters(studio="w1"), None, ["a4"]),
        (Filters(year=2024), None, ["a2", "a3"]),
        (Filters(speaker="nobody"), None, []),
        (Filters(district="999999"), None, []),
    ],
)
def test_select_keeps_exactly_the_matching_activities_in_date_order(
    act_pack: Path, filters: Filters, coming: bool | None, ids: list[str]
) -> None:
    acts = load_catalog(act_pack).activities
    assert [acts.items[i].id for i in select(acts, filters, today=TODAY, coming=coming)] == ids


def test_between_lists_the_dated_activities_of_a_span_and_weeks_start_on_monday(act_pack: Path) -> None:
    acts = load_catalog(act_pack).activities
    assert [a.id for a in between(acts, dt.date(2021, 1, 1), dt.date(2024, 12, 31))] == [
        "a2",
        "a3",
    ]  # a1 has no day
    assert week_of(dt.date(2024, 3, 7)) == (dt.date(2024, 3, 4), dt.date(2024, 3, 10))


def test_figures_count_per_year_setting_and_district_and_years_list_latest_first(act_pack: Path) -> None:
    cat = load_catalog(act_pack)
    acts = cat.activities
    everything = select(acts, Filters(), today=TODAY)
    assert years(acts, everything) == (2030, 2025, 2024, 2021)
    f = figures(acts, everything, tuple(d.adcode for d in cat.districts))
    per_year = dict(zip(f.years, f.per_year, strict=True))
    assert (per_year[2021], per_year[2024], per_year[2025], per_year[2026], per_year[2030]) == (1, 2, 1, 0, 1)
    assert dict(zip(f.years, f.audience_per_year, strict=True))[2024] == 200
    assert dict(zip(f.settings, f.per_setting, strict=True)) == {
        "enterprise": 1,
        "classroom": 1,
        "office": 0,
        "community": 2,
        "family": 0,
    }
    per_district = dict(zip(f.districts, f.per_district, strict=True))
    assert (per_district["330603"], per_district["330602"], per_district["330683"]) == (2, 1, 1)
    assert f.districts_reached == 3
    assert (f.total, f.audience) == (5, 7300)
