"""Answers: from the records, with their sources, never invented; bad input gets a plain reply."""

from __future__ import annotations

import pytest

from hall.ask import MAX_CHARS
from hall.labels import t
from tests.support.hostile import CORPUS


def test_count_answer_carries_number_ids_and_source(asker) -> None:
    answer = asker.ask("诸暨有几位劳模？")
    assert (answer.kind, answer.count, answer.ids) == ("count", 1, ("t03",))
    assert answer.sources[0].link == "/search?district=330681"
    assert "诸暨市" in answer.text
    assert "1 位" in answer.text


def test_honour_and_year_are_one_honour(asker) -> None:
    # t02 was a national model in 1956 and a city model in 1979: not a national model of 1979
    assert asker.ask("1979年有多少位全国劳模？").count == 0
    assert asker.ask("1956年有哪些全国劳模？").ids == ("t02",)


@pytest.mark.parametrize(
    ("question", "kind", "ids"),
    [
        ("哪个区的绍兴工匠最多？", "most", ("t06", "t07")),
        ("最早的全国劳模是谁？", "first", ("t02",)),
        ("最年轻的工匠是谁？", "first", ("t07",)),
        ("越城区有多少个创新工作室？", "count", ("t06",)),
    ],
)
def test_superlatives_and_firsts(asker, question: str, kind: str, ids: tuple[str, ...]) -> None:
    answer = asker.ask(question)
    assert answer.kind == kind
    assert set(answer.ids) == set(ids)


@pytest.mark.parametrize(
    ("question", "holds"),
    [
        ("丁卫松在哪里工作？", "绍兴柯桥排水有限公司"),
        ("丁卫淞在哪里工作？", "绍兴柯桥排水有限公司"),  # a typo in the name
        ("dingweisong在哪里工作？", "绍兴柯桥排水有限公司"),  # pinyin
        ("李秀英是哪一年出生的？", "1950"),
        ("李秀英是哪里人？", "诸暨县"),
    ],
)
def test_person_question_quotes_the_sentence_that_holds_it(asker, question: str, holds: str) -> None:
    answer = asker.ask(question)
    assert answer.kind == "person"
    assert any(holds in s.quote and s.link.startswith("/honoree?id=") for s in answer.sources)


def test_a_record_that_does_not_say_is_not_answered(asker) -> None:
    answer = asker.ask("丁卫松是哪一年出生的？")  # no birth year in his record
    assert answer.kind == "none"
    assert answer.nearest == ("t01",)
    assert answer.text == t("ask_slot_missing", name="丁卫松")


def test_personal_data_is_never_answered(asker) -> None:
    answer = asker.ask("丁卫松的电话号码是多少？")
    assert (answer.kind, answer.text) == ("none", t("ask_personal"))


@pytest.mark.parametrize(
    "question", ["绍兴的GDP是多少？", "杭州有多少位全国劳模？", "明天天气怎么样？", "谁发明了电灯？"]
)
def test_unanswerable_question_gets_no_answer(asker, question: str) -> None:
    answer = asker.ask(question)
    assert answer.kind == "none"
    assert answer.text == t("ask_not_found")
    assert not answer.sources


def test_fact_from_milestones_is_quoted_with_its_source(asker) -> None:
    answer = asker.ask("全国劳模代表会议是哪一年召开的？")
    assert answer.kind == "fact"
    assert "1950" in answer.sources[0].quote
    assert answer.sources[0].link == "/timeline?span=1950&span=1950"


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("", "ask_empty"),
        ("   ", "ask_empty"),
        ("劳" * 10_000, "ask_too_long"),
        ("🎉🎉🙂", "ask_no_words"),
        ("How many model workers are there in Zhuji?", "ask_chinese_only"),
    ],
)
def test_bad_input_gets_a_clear_reply(asker, question: str, reply: str) -> None:
    answer = asker.ask(question)
    assert answer.kind == "invalid"
    assert answer.text == t(reply, n=MAX_CHARS)


@pytest.mark.parametrize("text", CORPUS.values(), ids=CORPUS.keys())
def test_hostile_text_is_never_part_of_an_answer(asker, text: str) -> None:
    answer = asker.ask(text)
    for part in (answer.text, *(s.quote for s in answer.sources)):
        assert "evil" not in part
        assert "<" not in part
        assert "[" not in part
