"""Facet counts over a result, and the filters that narrow it."""

from __future__ import annotations

import pytest

from hall.search import FACETS, SearchIndex
from hall.search.facets import Filters
from tests.support.standin import CASES, PEOPLE


@pytest.mark.parametrize("query", [q for q, _, _ in CASES] + ["", "丁", "d", "工", "绍兴"])
def test_facets_add_up_to_the_total(index: SearchIndex, query: str) -> None:
    result = index.search(query, limit=3)
    assert set(result.facets) == set(FACETS)
    assert sum(result.facets["district"].values()) == result.total
    assert sum(result.facets["industry"].values()) == result.total
    # a person counts under each of their eras / honours: never fewer than the total
    assert sum(result.facets["era"].values()) >= result.total
    assert sum(result.facets["honour"].values()) >= result.total


def test_facet_counts_per_person(index: SearchIndex) -> None:
    everyone = index.search("")
    assert everyone.total == len(PEOPLE)
    assert everyone.facets["district"]["330603"] == 5  # printed 绍兴县 or 柯桥区
    assert everyone.facets["district"][""] == 1  # p23 has no district
    assert everyone.facets["industry"][""] == 3
    assert everyone.facets["era"][""] == 2  # p17 (year unknown) and p23 (no honours)
    assert everyone.facets["era"]["reform"] == 15  # p01 has two honours in reform: counted once
    assert everyone.facets["honour"]["zj_craftsman"] == 2
    ding = index.search("丁卫松")
    assert ding.facets["honour"] == {"national_model": 1, "zj_model": 1}


def test_filter_values_may_be_lists(index: SearchIndex) -> None:
    both = index.search("", district=["330603", "嵊县"])
    assert both.total == 7
    assert set(both.facets["district"]) == {"330603", "330683"}


FILTERS = [
    ({}, Filters()),
    ({"era": "", "honour": [], "district": None, "kind": ""}, Filters()),
    ({"district": "嵊县"}, Filters(district=("嵊县",))),
    ({"district": ["330603", "", "嵊县"]}, Filters(district=("330603", "嵊县"))),
    ({"years": (None, None)}, Filters()),
    ({"years": ("1990", 2000)}, Filters(years=(1990, 2000))),
    ({"years": (None, 1985)}, Filters(years=(None, 1985))),
    ({"kind": "craftsman"}, Filters(kind="craftsman")),
    ({"real": True}, Filters(real=True)),
    ({"real": "1"}, Filters(real=True)),
    ({"real": False}, Filters()),
]


@pytest.mark.parametrize(("given", "normalised"), FILTERS)
def test_filters_are_normalised_before_they_are_memoised(given: dict, normalised: Filters) -> None:
    assert Filters.of(**given) == normalised


def test_unknown_kind_matches_nobody(index: SearchIndex) -> None:
    assert index.search("", kind="astronaut").total == 0


def test_the_real_filter_keeps_only_people_not_marked_sample(index: SearchIndex) -> None:
    real = {p.id for p in PEOPLE if not p.sample}
    assert real
    assert len(real) < len(PEOPLE)
    found = index.search("", real=True, limit=0)
    assert found.total == len(real)
    assert set(index.search("", real=True, limit=len(PEOPLE)).ids) == real
    assert index.search("", real=False).total == len(PEOPLE)
