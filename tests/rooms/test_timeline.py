"""时间长廊 — the timeline."""

from __future__ import annotations

from collections import Counter

from hall.labels import t
from hall.pack import Catalog
from hall.pack.records import Level
from hall.ui.charts import LIST_PER_PAGE
from tests.support.apptest import (
    best_first,
    person_ids,
    plotly_spec,
    texts,
)


def test_timeline_bars_count_each_decades_honours_by_level(open_room, cat: Catalog) -> None:
    at = open_room("timeline")
    assert not at.exception
    bars = [d for d in plotly_spec(at)["data"] if d["type"] == "bar"]
    level_of = {t(f"level_{lv.value}"): lv for lv in Level}
    assert {d["name"] for d in bars} <= set(level_of)
    for trace in bars:
        level = level_of[trace["name"]]
        for (start, end), count in zip(trace["customdata"], trace["y"], strict=True):
            expected = sum(
                1
                for h in cat.honorees
                for x in h.honours
                if x.year and start <= x.year <= end and cat.honour_kinds[x.code].level is level
            )
            assert count == expected, (trace["name"], start, end)
    first_decade = bars[0]["customdata"][0]
    assert first_decade == [1949, 1959]


def test_timeline_year_view_has_one_bar_per_year_and_counts_undated_apart(open_room, cat: Catalog) -> None:
    at = open_room("timeline")
    at.button_group(key="view").set_value("year").run()
    bars = [d for d in plotly_spec(at)["data"] if d["type"] == "bar"]
    years = [start for start, _ in bars[0]["customdata"]]
    assert years[0] == 1949
    assert years == list(range(1949, years[-1] + 1))
    dated = Counter(x.year for h in cat.honorees for x in h.honours if x.year)
    totals = [sum(trace["y"][i] for trace in bars) for i in range(len(years))]
    assert dict(zip(years, totals, strict=True)) == {y: dated.get(y, 0) for y in years}
    undated = sum(1 for h in cat.honorees for x in h.honours if x.year is None)
    assert undated
    assert t("timeline_undated", n=undated) in texts(at)


def test_timeline_marks_milestones_and_names_the_eras(open_room, cat: Catalog) -> None:
    spec = plotly_spec(open_room("timeline"))
    marks = next(d for d in spec["data"] if d["type"] == "scatter")
    assert sorted(set(marks["x"])) == sorted({m.year for m in cat.milestones})
    hover = " ".join(marks["hovertext"])
    for m in cat.milestones:
        assert m.title.zh[:8] in hover
    notes = " ".join(a["text"].replace("<br>", "") for a in spec["layout"]["annotations"])
    for era in cat.eras:
        assert era.name.zh in notes
    assert len(spec["layout"]["shapes"]) == len(cat.eras)  # no span highlighted while all years show


def test_selecting_a_span_lists_the_people_honoured_in_it(open_room, cat: Catalog) -> None:
    at = open_room("timeline")
    at.slider(key="span").set_value((1980, 1989)).run()
    expected = [h for h in cat.honorees if any(x.year and 1980 <= x.year <= 1989 for x in h.honours)]
    page = texts(at)
    assert t("timeline_people_span", start=1980, end=1989) in page
    assert t("shown_count", n=len(expected)) in page
    assert person_ids(at) == best_first(cat, expected)[:LIST_PER_PAGE]
    shapes = plotly_spec(at)["layout"]["shapes"]
    assert any(s["x0"] == 1979.5 and s["x1"] == 1989.5 for s in shapes)  # the span is highlighted


def test_a_single_year_and_its_milestones(open_room, cat: Catalog) -> None:
    year = next(m.year for m in cat.milestones if m.year >= 1985)
    at = open_room("timeline")
    at.session_state["span"] = (year, year)
    at.run()
    page = texts(at)
    assert t("timeline_people_year", year=year) in page
    for m in cat.milestones:
        assert (m.title.zh in page.replace("\\", "")) is (m.year == year)
    at.button(key="all_years").click().run()
    assert at.session_state["span"] == (1949, at.slider(key="span").max)


def test_a_shared_link_opens_the_timeline_on_its_span(open_room, cat: Catalog) -> None:
    at = open_room("timeline", span=["2015", "2019"])
    assert at.slider(key="span").value == (2015, 2019)
    expected = {h.id for h in cat.honorees if any(x.year and 2015 <= x.year <= 2019 for x in h.honours)}
    assert t("shown_count", n=len(expected)) in texts(at)


def test_a_tour_stop_opens_the_timeline_on_its_year(open_room, cat: Catalog) -> None:
    at = open_room("timeline", year="1989")
    assert at.slider(key="span").value == (1989, 1989)
    assert t("timeline_people_year", year=1989) in texts(at)


def test_a_decade_chip_picks_that_decade_and_shows_it_picked(open_room, cat: Catalog) -> None:
    at = open_room("timeline")
    at.button_group(key="decade").set_value(1970).run()
    assert at.slider(key="span").value == (1970, 1979)
    expected = {h.id for h in cat.honorees if any(x.year and 1970 <= x.year <= 1979 for x in h.honours)}
    assert t("shown_count", n=len(expected)) in texts(at)
    at.slider(key="span").set_value((1949, 1959)).run()
    assert at.button_group(key="decade").value == 1949  # the chips follow the slider
    at.slider(key="span").set_value((1950, 1952)).run()
    assert at.button_group(key="decade").value is None
