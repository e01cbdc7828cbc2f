"""The timeline: yearly and decade counts by level, era bands, milestones, spans, selections, life lines."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from hall.honours import HonourTable, People
from hall.pack import Catalog, load_catalog
from hall.pack.records import Era, Level, Milestone, Text
from hall.timeline import (
    LifeEvent,
    decade_buckets,
    decade_counts,
    era_bands,
    hall_years,
    life_line,
    milestone_marks,
    span_of_selection,
    span_people,
    year_counts,
)
from tests.support.packs import HONOURS, write_pack


@pytest.fixture(scope="module")
def cat(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return load_catalog(write_pack(tmp_path_factory.mktemp("timeline") / "pack"))


@pytest.fixture(scope="module")
def table(cat: Catalog) -> HonourTable:
    return HonourTable.build(cat)


def _by_year_and_level(cat: Catalog) -> Counter[tuple[int, Level]]:
    """Counted the plain way, straight from the records, for comparison."""
    return Counter(
        (x.year, cat.honour_kinds[x.code].level)
        for h in cat.honorees
        for x in h.honours
        if x.year is not None
    )


def test_year_counts_equal_what_the_catalogue_says(cat: Catalog, table: HonourTable) -> None:
    counts = year_counts(table, 1949, 2026)
    expected = _by_year_and_level(cat)
    assert counts.starts == tuple(range(1949, 2027)) == counts.ends
    for level in Level:
        for i, year in enumerate(counts.starts):
            assert counts.of(level)[i] == expected[(year, level)], (year, level)
    assert sum(counts.totals) == sum(expected.values()) == 9


def test_decade_counts_equal_what_the_catalogue_says(cat: Catalog, table: HonourTable) -> None:
    counts = decade_counts(table, 1949, 2026)
    expected = _by_year_and_level(cat)
    for level in Level:
        for i, (start, end) in enumerate(zip(counts.starts, counts.ends, strict=True)):
            want = sum(n for (year, lv), n in expected.items() if lv is level and start <= year <= end)
            assert counts.of(level)[i] == want, (start, end, level)


def test_levels_are_stacked_best_first_and_only_those_that_occur(table: HonourTable) -> None:
    counts = year_counts(table, 1949, 2026)
    assert [level for level, _ in counts.by_level] == [Level.NATIONAL, Level.PROVINCIAL, Level.MUNICIPAL]


def test_honours_without_a_year_are_left_out_and_counted_apart(table: HonourTable) -> None:
    undated = sum(1 for _, _, year in HONOURS if not year)
    assert undated == 1
    assert year_counts(table, 1949, 2026).undated == undated
    assert decade_counts(table, 1949, 2026).undated == undated


@pytest.mark.parametrize(
    ("first", "last", "buckets"),
    [
        (
            1949,
            2026,
            [
                (1949, 1959),
                (1960, 1969),
                (1970, 1979),
                (1980, 1989),
                (1990, 1999),
                (2000, 2009),
                (2010, 2019),
                (2020, 2026),
            ],
        ),
        (1945, 1962, [(1945, 1949), (1950, 1959), (1960, 1962)]),
        (1950, 1950, [(1950, 1950)]),
        (1948, 1955, [(1948, 1955)]),
        (1949, 1949, [(1949, 1949)]),
    ],
)
def test_decades_fold_a_short_first_decade_into_the_next(
    first: int, last: int, buckets: list[tuple[int, int]]
) -> None:
    assert decade_buckets(first, last) == buckets


def test_timeline_runs_from_the_first_era_to_this_year(cat: Catalog, table: HonourTable) -> None:
    assert hall_years(table, cat.eras, 2026) == (1949, 2026)


@pytest.mark.parametrize(
    ("start", "end", "ids"),
    [
        (1956, 1956, ["t02"]),
        (1978, 1979, ["t02", "t03"]),  # t02 (national 1956) ranks first
        (2017, 2022, ["t05", "t01", "t06", "t07"]),
        (1990, 2000, []),
        (1949, 2026, ["t02", "t05", "t03", "t04", "t01", "t06", "t07"]),
    ],
)
def test_a_span_lists_whoever_was_honoured_in_it_best_first(
    cat: Catalog, table: HonourTable, start: int, end: int, ids: list[str]
) -> None:
    people = People(cat.honorees, span_people(table, start, end))
    assert list(people.ids) == ids
    expected = {h.id for h in cat.honorees if any(x.year and start <= x.year <= end for x in h.honours)}
    assert set(people.ids) == expected


def test_people_are_read_a_page_at_a_time(cat: Catalog, table: HonourTable) -> None:
    people = People(cat.honorees, span_people(table, 1949, 2026))
    assert len(people) == 7
    assert [h.id for h in people[2:4]] == ["t03", "t04"]
    assert people[0].id == "t02"


@pytest.mark.parametrize(
    ("selection", "span"),
    [
        ({"points": [{"x": 1985, "customdata": [1985, 1985]}], "box": []}, (1985, 1985)),
        (
            {"points": [{"customdata": [1980, 1989]}, {"customdata": [1980, 1989]}], "box": []},
            (1980, 1989),
        ),
        ({"points": [{"customdata": [1984, 1984]}, {"customdata": [1991, 1991]}]}, (1984, 1991)),
        ({"points": [], "box": [{"x": [1979.6, 1985.2], "y": [0, 1]}]}, (1980, 1985)),
        ({"points": [], "box": [{"x": [1940.0, 1952.0]}]}, (1949, 1952)),  # clipped to the timeline
        ({"points": [{"customdata": [1949, 1959]}], "box": []}, (1949, 1959)),
        ({"points": [], "box": [], "lasso": []}, None),
        ({"points": [{"customdata": ["a", "b"]}]}, None),
        ({"points": [], "box": [{"x": [2030.0, 2040.0]}]}, None),
        ({}, None),
        (None, None),
    ],
)
def test_a_chart_selection_becomes_a_year_span(selection: dict | None, span: tuple[int, int] | None) -> None:
    assert span_of_selection(selection, 1949, 2026) == span


def test_era_bands_end_at_the_last_year_shown_and_skip_eras_not_begun() -> None:
    eras = (
        Era("a", Text("甲"), 1949, 1978),
        Era("b", Text("乙"), 1979, None),
        Era("c", Text("丙"), 2030, None),
    )
    bands = era_bands(eras, 2026)
    assert [(b.era_id, b.start, b.end) for b in bands] == [("a", 1949, 1978), ("b", 1979, 2026)]


def test_milestones_of_one_year_share_a_mark() -> None:
    milestones = (
        Milestone(1978, title=Text("全国科学大会")),
        Milestone(1978, title=Text("财贸会议"), kind="national_conference"),
        Milestone(1985, title=Text("五一劳动奖章"), kind="honour_start"),
        Milestone(1940, title=Text("太早")),
    )
    marks = milestone_marks(milestones, 1949, 2026)
    assert [(m.year, len(m.titles)) for m in marks] == [(1978, 2), (1985, 1)]
    assert marks[1].kinds == ("honour_start",)


def test_life_line_is_birth_then_each_honour_with_its_era_then_the_role(cat: Catalog) -> None:
    h = cat.honoree("t02")  # born 1931, 全国劳动模范 1956, 绍兴市劳动模范 1979
    assert life_line(cat, h) == (
        LifeEvent(1931, "birth"),
        LifeEvent(1956, "honour", "national_model", Level.NATIONAL, "revolution"),
        LifeEvent(1979, "honour", "sx_model", Level.MUNICIPAL, "reform"),
        LifeEvent(None, "role", position="挡车工", employer="国营绍兴棉纺织厂"),
    )


def test_life_line_invents_nothing_the_record_leaves_out(cat: Catalog) -> None:
    h = cat.honoree("t01")  # no birth year; one honour has no year
    events = life_line(cat, h)
    assert [e.kind for e in events] == ["honour", "honour", "role"]
    assert events[0] == LifeEvent(2018, "honour", "zj_craftsman", Level.PROVINCIAL, "new_era")
    assert events[1] == LifeEvent(None, "honour", "zj_model", Level.PROVINCIAL, "")


def test_life_line_of_a_person_without_honours_or_role(tmp_path: Path) -> None:
    pack = write_pack(tmp_path, honorees=[("x1", "无名", "", "", "", "", "", "", "true")], honours=[])
    cat = load_catalog(pack)
    assert life_line(cat, cat.honoree("x1")) == ()
