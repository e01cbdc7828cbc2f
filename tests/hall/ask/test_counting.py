"""Counting over hall.ask.table's columns agrees with the search index's own filters wherever
those can say the question, on a generated pack of a few hundred people."""

from __future__ import annotations

import pytest

from hall.ask.counting import Counting
from hall.ask.grammar import Grammar
from hall.pack import load_catalog
from hall.search import SearchIndex

QUESTIONS = [
    "诸暨有多少位全国劳模？",
    "绍兴县有几位劳模？",
    "柯桥区有多少位工匠？",
    "新时代有多少人？",
    "改革开放时期有多少人？",
    "2018年有多少人？",
    "2000年以来有多少人？",
    "纺织印染行业有多少位劳模？",
    "全国级的劳模有几位？",
    "上虞有多少位浙江省五一劳动奖章？",
    "一共有多少位工匠？",
]


@pytest.fixture(scope="module")
def counting(tmp_path_factory) -> tuple[Counting, Grammar]:
    from tools.samplepack import write_pack

    root = tmp_path_factory.mktemp("countpack")
    write_pack(root, count=400, seed=3)
    cat = load_catalog(root)
    return Counting(cat, SearchIndex.build(cat)), Grammar(cat)


@pytest.mark.parametrize("question", QUESTIONS)
def test_columns_count_what_the_index_counts(counting, question: str) -> None:
    count, grammar = counting
    reading = grammar.read(question)
    assert reading is not None
    expected = count.index_count(reading)
    assert expected is not None
    ids = count.ids(reading)
    assert len(ids) == expected
    assert ids == count.index.search("", **reading.filters(), limit=max(1, expected)).ids[:expected]
