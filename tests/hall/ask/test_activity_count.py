"""Counting activities: read whole or not at all, counted with the activities room's own filter,
and a count of sample activities says so (the small pack's four activities: tests/hall/ask/conftest.py)."""

from __future__ import annotations

import pytest

from hall.ask.activity_count import ActivityCount, ActivityQuestion
from hall.ask.answer import COUNT


@pytest.fixture(scope="module")
def counter(full) -> ActivityCount:
    return ActivityCount(full)


@pytest.mark.parametrize(
    ("question", "read", "n"),
    [
        ("2025年有多少场宣讲？", ActivityQuestion(kind="talk", year=2025), 2),
        ("2025年有多少场宣讲", ActivityQuestion(kind="talk", year=2025), 2),
        ("2025年的宣讲有几场？", ActivityQuestion(kind="talk", year=2025), 2),
        ("诸暨有多少场宣讲？", ActivityQuestion(kind="talk", district="330681"), 1),
        (
            "诸暨县2024年举办了几场开放日？",
            ActivityQuestion(kind="open_day", district="330681", year=2024),
            1,
        ),
        ("诸暨市进企业的宣讲有多少场？", ActivityQuestion("talk", "enterprise", "330681"), 1),
        ("2025年有多少场进家庭的活动？", ActivityQuestion(setting="family", year=2025), 1),
        ("2021年一共有多少场进校园？", ActivityQuestion(kind="school", year=2021), 1),
        ("一共有多少场活动？", ActivityQuestion(), 4),
        ("2023年有多少场宣讲？", ActivityQuestion(kind="talk", year=2023), 0),
    ],
)
def test_a_count_of_activities_is_read_and_counted(counter, question, read, n) -> None:
    assert counter.read(question) == read
    answer = counter.answer(question)
    assert (answer.kind, answer.count) == (COUNT, n)
    assert f"共有 {n} 场" in answer.text
    assert answer.sources[0].link == "/activities?view=figures"


@pytest.mark.parametrize(
    "question",
    [
        "杭州有多少场宣讲？",  # a place the pack does not know
        "丁卫松有多少场宣讲？",  # a person: not a filter this reads
        "2021年劳模工匠宣讲团开展了多少场次五进宣讲？",  # the programme's cited figure, not a count
        "2025年有多少场宣讲和志愿服务？",  # two kinds
        "2025年有多少场讲座？",  # not a kind the hall has
        "2025年有多少位劳模？",  # people, the grammar's
        "宣讲是什么？",
    ],
)
def test_anything_else_is_left_to_the_rest(counter, question) -> None:
    assert counter.read(question) is None
    assert counter.answer(question) is None


def test_sample_activities_are_said_to_be_sample(counter) -> None:
    assert "2 场是示例活动" in counter.answer("2025年有多少场宣讲？").text
    assert "示例" not in counter.answer("2021年有多少场进校园？").text  # the real one
    assert "3 场是示例活动" in counter.answer("一共有多少场活动？").text


def test_it_answers_in_english_too(counter) -> None:
    text = counter.answer("诸暨市2025年有多少场宣讲？", "en").text
    assert text.startswith("The hall's activity records hold 1: Talk — in 2025, Zhuji")
    assert "1 of them are sample activities" in text


def test_the_asker_counts_activities_after_people(full_asker) -> None:
    assert full_asker.ask("2025年有多少场宣讲？").count == 2
    assert full_asker.ask("诸暨有多少位全国劳模？").kind == COUNT  # still the grammar's
    # the programme's own figure is quoted, not counted from the records
    assert "131人" in full_asker.ask("宣讲团由多少人组成？").text
