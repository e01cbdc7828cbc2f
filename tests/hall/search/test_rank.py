"""The order of a result: the tier of the match, then the hall's one rank key."""

from __future__ import annotations

from hall.pack.records import rank_key
from hall.search import SearchIndex
from tests.support.standin import PEOPLE


def test_ranking_order_within_a_query(index: SearchIndex) -> None:
    ids = index.search("dingwei").ids
    assert ids[:2] == ("p02", "p01")  # exact full pinyin, then prefix
    ids = index.search("陈明").ids
    assert ids == ("p19", "p20")  # name, then deeds
    ids = index.search("陈建").ids
    assert ids[:2] == ("p13", "p12")


def test_exact_matches_rank_above_typos(index: SearchIndex) -> None:
    result = index.search("chenjian")
    assert result.ids[0] == "p13"
    typo = index.search("chenjain")
    assert "p13" in typo.ids
    assert typo.reasons["p13"][0].field == "typo"


def test_empty_query_lists_by_level_then_year(index: SearchIndex) -> None:
    ids = index.search("", limit=100).ids
    levels = [next(h.best_level for h in PEOPLE if h.id == i) for i in ids]
    assert levels == sorted(levels)
    assert ids[:3] == ("p20", "p01", "p14")  # national: 1979, 1985, 2015


def test_ties_follow_the_halls_rank_key(index: SearchIndex) -> None:
    assert index.search("", limit=100).ids == tuple(h.id for h in sorted(PEOPLE, key=rank_key))
    # every name starting with 陈 is a prefix match: the rank key alone orders them; then p20,
    # a national model whose deeds mention 陈明, in a lower tier
    chen = sorted((h for h in PEOPLE if h.name.startswith("陈")), key=rank_key)
    assert index.search("陈").ids == (*(h.id for h in chen), "p20")


def test_paging(index: SearchIndex) -> None:
    everyone = index.search("", limit=100).ids
    page = index.search("", limit=5, offset=5)
    assert page.ids == everyone[5:10]
    assert page.total == len(PEOPLE)
    assert index.search("", limit=5, offset=1000).ids == ()
    assert index.search("陈", limit=0).ids == ()
    assert index.search("陈", limit=0).total == 5
