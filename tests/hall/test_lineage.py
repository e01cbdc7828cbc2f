"""名师高徒 as a graph: a person's line two generations each way, filters, layout, figures."""

from __future__ import annotations

import pytest

from hall.figures.lineage import lineage_figure
from hall.lineage import Filters, Lineage, tapped_person
from hall.pack import Catalog, load_catalog
from tests.support.packs import write_pack
from tests.support.pairs import write_pairs


@pytest.fixture(scope="module")
def cat(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    root = write_pack(tmp_path_factory.mktemp("lineage"))
    write_pairs(root)
    return load_catalog(root)


@pytest.fixture(scope="module")
def lin(cat: Catalog) -> Lineage:
    return Lineage.of(cat)


def _names(levels) -> list[list[str]]:
    return [[p.name for p in level] for level in levels]


@pytest.mark.parametrize(
    ("key", "up", "down"),
    [
        ("t04", [["李秀英"], ["王建国"]], [["陈志强"], ["吕文斌", "小王"]]),  # two generations each way
        ("t02", [], [["李秀英"], ["单晓东"]]),  # a first master: two generations down, no further
        ("t07", [["陈志强"], ["单晓东"]], []),
        ("~小王|绍兴黄酒集团", [["陈志强"], ["单晓东"]], []),
    ],
)
def test_a_line_reaches_two_generations_up_and_down(lin: Lineage, key: str, up, down) -> None:
    line = lin.line(key)
    assert line is not None
    assert _names(line.up) == up
    assert _names(line.down) == down


def test_someone_in_no_pair_has_no_line(lin: Lineage) -> None:
    assert lin.line("t05") is None
    assert not lin.has("t05")


def test_a_line_draws_exactly_the_pairs_between_its_people(lin: Lineage) -> None:
    line = lin.line("t04")
    assert [lin.pairs[i].id for i in line.pairs] == ["p1", "p2", "p3", "p4", "p5"]
    view = lin.line_view(line)
    assert len(view.edges) == 5
    rows = dict(zip(view.keys, view.ys, strict=True))
    assert rows["t02"] > rows["t03"] > rows["t04"] > rows["t06"] > rows["t07"]  # masters above


@pytest.mark.parametrize(
    ("filters", "ids"),
    [
        (Filters(), ["p1", "p2", "p3", "p4", "p5", "p6"]),
        (Filters(craft="手工开耙"), ["p4", "p5"]),
        (Filters(studio="w1"), ["p4", "p5"]),
        (Filters(industry="农业"), ["p2"]),  # the master's industry
        (Filters(district="330602"), ["p3", "p4", "p5"]),  # 越城区: the master's or the apprentice's
        (Filters(craft="点钞"), []),
    ],
)
def test_filters_keep_the_pairs_they_name(lin: Lineage, filters: Filters, ids: list[str]) -> None:
    assert [lin.pairs[i].id for i in lin.select(filters)] == ids


def test_the_layout_puts_a_master_above_the_taught_and_families_apart(lin: Lineage) -> None:
    view = lin.view(lin.select(Filters()))
    at = dict(zip(view.keys, zip(view.xs, view.ys, strict=True), strict=True))
    for _x0, y0, _x1, y1 in view.edges:
        assert y0 > y1
    assert at["t01"][0] != at["t02"][0]  # two families side by side, not on top of each other
    assert len(view.edges) == 6


def test_the_layout_is_made_once_per_catalogue(cat: Catalog) -> None:
    assert Lineage.of(cat) is Lineage.of(cat)


def test_roots_are_the_first_masters_biggest_line_first(lin: Lineage) -> None:
    assert lin.roots(lin.select(Filters())) == ("t02", "t01")
    assert lin.roots(lin.select(Filters(studio="w1"))) == ("t06",)


def test_figures_count_years_studios_and_what_became_of_apprentices(lin: Lineage, cat: Catalog) -> None:
    everything = lin.select(Filters())
    assert lin.per_year(everything) == {1975: 1, 1990: 1, 2005: 1, 2012: 1, 2016: 1, 2020: 1}
    assert lin.per_studio(everything) == {"w1": 2}
    # t03 honoured 1978 after pairing in 1975; t04 2005 after 1990; t06 2019 after 2005; t07 2022 after 2012
    assert lin.honoured_later(everything, cat) == {"after": 4, "before": 0, "not_yet": 2}


def test_the_graph_carries_each_persons_key_for_a_tap(lin: Lineage) -> None:
    view = lin.line_view(lin.line("t04"))
    fig = lineage_figure(
        view.keys,
        view.xs,
        view.ys,
        view.edges,
        names={k: lin.people[k].name for k in view.keys},
        honorees={k for k in view.keys if lin.people[k].honoree},
        focus="t04",
    )
    tapped = [k for trace in fig.data[1:] for k in trace.customdata]
    assert sorted(tapped) == sorted(view.keys)
    shown = {str(x) for trace in fig.data[1:] for x in trace.text}
    assert "小王" in shown
    assert "单晓东" in shown


def test_names_on_the_graph_are_inert(lin: Lineage) -> None:
    fig = lineage_figure(["a"], [0.0], [0.0], [], names={"a": "<b>x</b>"}, honorees=set(), focus="")
    assert list(fig.data[1].text) == ["&lt;b&gt;x&lt;/b&gt;"]


@pytest.mark.parametrize(
    ("selection", "key"),
    [
        ({"points": [{"customdata": "t04", "x": 1}]}, "t04"),
        ({"points": [{"customdata": ["~小王|绍兴黄酒集团"]}]}, "~小王|绍兴黄酒集团"),
        ({"points": [{"x": 1, "y": 2}]}, ""),  # a line, not a person
        ({"points": [{"customdata": "t05"}]}, ""),  # someone in no pair
        ({"points": [{"customdata": "<script>"}]}, ""),
        ({}, ""),
        (None, ""),
    ],
)
def test_a_tap_on_the_graph_picks_the_person_of_the_dot(lin: Lineage, selection, key: str) -> None:
    assert tapped_person(selection, lin) == key
