"""The activities and 名师高徒 sources: what each passage says, where it links, what it cites,
and that a sample record says so and a record's hostile text stays text."""

from __future__ import annotations

import dataclasses

import pytest

from hall.activities import Activities
from hall.ask.passages import Passage, sources
from hall.ui.text import plain
from tests.support.hostile import live_links, live_markup


def _of(full, name: str) -> dict[str, Passage]:
    return {p.key: p for p in sources()[name](full)}


def test_they_are_registered_after_the_halls_own() -> None:
    assert list(sources()) == ["hall", "milestones", "people", "studios", "activities", "lineage"]


def test_an_activity_passage_holds_its_record(full) -> None:
    got = _of(full, "activities")
    real, sample = got["a1"], got["sa1"]
    for part in ("2021年", "开学第一课", "进校园", "进课堂", "丁卫松", "王建国", "7000人", "七千名师生"):
        assert part in real.text
    assert (real.kind, real.cite, real.ids) == ("activity", "某报2021年报道", ("t01", "t02"))
    assert real.link.url("activities") == "/activities?id=a1"
    # a sample one: said in its text and title, today's district name, no citation
    assert sample.text.startswith("示例活动：2024-05-08 14:30，青瓷工坊开放日")
    assert "诸暨市" in sample.text
    assert "（示例）" in sample.title
    assert sample.cite == ""
    assert "示例" not in real.text + real.title


def test_the_programmes_figures_are_cited_passages(full) -> None:
    fact = _of(full, "activities")["programme-1"]
    assert (fact.text, fact.cite) == ("2021年组建由131人组成的宣讲团。", "协会专版")
    assert fact.link.url("activities") == "/activities?view=figures"


def test_a_pair_passage_holds_its_record(full) -> None:
    got = _of(full, "lineage")
    real, sample = got["p1"], got["p2"]
    for part in ("师傅丁卫松", "徒弟丁澄洋", "绍兴技师学院", "焊接", "2016年", "全国技术能手"):
        assert part in real.text
    assert (real.kind, real.cite, real.ids) == ("pair", "某报报道", ("t01",))
    assert real.link.url("lineage") == "/lineage?id=t01"  # the master's line
    assert sample.text.startswith("示例名师高徒：师傅陈志强带徒弟吕文斌")
    assert "陈志强劳模创新工作室" in sample.text
    assert sample.ids == ("t06", "t07")


def test_a_pack_without_activities_or_pairs_has_none_of_their_passages(cat) -> None:
    bare = dataclasses.replace(cat, activities=Activities(), pairs=())
    assert not list(sources()["activities"](bare))
    assert not list(sources()["lineage"](bare))


@pytest.mark.parametrize(
    ("question", "holds", "link", "sample"),
    [
        ("开学第一课有多少人观看？", "7000人", "/activities?id=a1", False),
        ("青瓷工坊开放日是哪一天？", "2024-05-08", "/activities?id=sa1", True),
        ("宣讲团由多少人组成？", "131人", "/activities?view=figures", False),
        ("丁卫松的徒弟是谁？", "丁澄洋", "/lineage?id=t01", False),
        ("丁澄洋的师傅是谁？", "丁卫松", "/lineage?id=t01", False),
        ("吕文斌的师傅是谁？", "陈志强", "/lineage?id=t06", True),
        ("陈志强带过哪些徒弟？", "吕文斌", "/lineage?id=t06", True),
        # not 陈志强 by a typo, nor 陈志强's pairs for the 陈志 inside his name
        ("陈志的师傅是谁？", "师傅曾丽华带徒弟陈志", "/lineage?id=t05", True),
    ],
)
def test_questions_are_answered_from_them(full_asker, question, holds, link, sample) -> None:
    answer = full_asker.ask(question)
    assert answer.answered, answer
    assert holds in answer.text
    assert answer.sources[0].link == link
    # a sample record is marked as sample in the answer itself, a real one is not
    assert ("示例" in answer.text) is sample


def test_a_person_question_is_not_answered_with_their_lineage_unless_asked(full_asker) -> None:
    assert "徒弟" not in full_asker.ask("丁卫松在哪里工作？").text
    assert full_asker.ask("丁卫松是谁？").sources[0].link == "/honoree?id=t01"


def test_hostile_text_in_an_activity_title_is_never_markup(full_asker) -> None:
    answer = full_asker.ask("蓝星宣讲是哪一天？")
    assert answer.answered
    assert "示例" in answer.text
    assert "<script>" in answer.text  # the record's own words, kept as words …
    for text in (answer.text, *(s.title for s in answer.sources), *(s.quote for s in answer.sources)):
        shown = plain(text)  # … and what the room shows of them is inert
        assert live_markup(shown) == [], shown
        assert live_links(shown) == [], shown


@pytest.mark.parametrize("question", ["诸暨市的青瓷工坊开放日有几个？", "青瓷工坊开放日有多少场？"])
def test_how_many_is_answered_only_by_a_number_of_that_thing(full_asker, question: str) -> None:
    # the open day's passage holds every word, but no number of 家 or 个: no answer, not its 44人
    assert not full_asker.ask(question).answered


def test_a_name_inside_a_longer_name_is_not_that_person(full_asker) -> None:
    # 陈志 (an apprentice) is inside 陈志强 and his 陈志强劳模创新工作室, which hold 工作 too
    answer = full_asker.ask("陈志在哪里工作？")
    assert "陈志强" not in answer.text
    assert not answer.answered or "嵊州市人民医院" in answer.text
