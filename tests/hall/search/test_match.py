"""What a query matches: names, pinyin, initials, mixes, variants, typos, fields and values."""

from __future__ import annotations

import pytest

from hall.search import SearchIndex, match
from tests.support.standin import CASE_IDS, CASES, PEOPLE


@pytest.mark.parametrize(("query", "filters", "first"), CASES, ids=CASE_IDS)
def test_real_world_queries(index: SearchIndex, query: str, filters: dict, first: str) -> None:
    result = index.search(query, **filters)  # type: ignore[arg-type]
    if not first:
        assert result.total == 0
        assert result.ids == ()
        return
    assert result.ids, (query, filters, result)
    assert result.ids[0] == first, (query, filters, result.ids[:5], dict(result.reasons))
    assert result.total >= len(result.ids)


def test_there_are_at_least_forty_cases() -> None:
    assert len(CASES) >= 40


MIXED = [("ding卫松", "p01"), ("丁ws", "p01"), ("曾zhiwei", "p04")]


@pytest.mark.parametrize(("query", "first"), MIXED)
def test_mixed_queries_narrow_down_large_candidate_sets(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch, query: str, first: str
) -> None:
    monkeypatch.setattr(match, "MIXED_CHECK_ALL", 0)
    index.clear_cache()
    assert index.search(query).ids[:1] == (first,)
    index.clear_cache()


HOSTILE = [
    "丁" * 10_000,
    "a" * 10_000,
    "丁卫松 " * 3000,
    ".*[a-z]+(?=x)\\d{1,3}$^|()",
    "[[[[",
    "\\",
    "'; DROP TABLE honorees; --",
    '" OR 1=1 --',
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "😀😀😀",
    "👨‍👩‍👧 丁卫松 🎉",
    "\x00\x01\x02\x1b[31m",
    "\u200b\u200e\u202e\ufeff",
    "\ud800",  # a lone surrogate
    "%s %d {0} {name}",
    "NULL",
    "   ",
    "\t\n\r",
    "ｓｅｌｅｃｔ＊",
    "丁" + "\u0301" * 50,
    "Ꭰ𝔡𝔦𝔫𝔤",
    "1" * 300,
    "-1",
]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_answer_normally(index: SearchIndex, query: str) -> None:
    result = index.search(query)
    assert isinstance(result.total, int)
    assert result.total >= len(result.ids)
    assert sum(result.facets["district"].values()) == result.total
    for hid in result.ids:
        for m in result.reasons[hid]:
            assert isinstance(m.text, str)
    filtered = index.search(query, district=query, era=query, honour=query, industry=query)
    assert filtered.total == 0 or query.strip() == ""


def test_not_a_string_query_is_an_empty_query(index: SearchIndex) -> None:
    assert index.search(None).total == len(PEOPLE)  # type: ignore[arg-type]
