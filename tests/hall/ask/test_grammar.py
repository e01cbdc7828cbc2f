"""The counting and listing grammar: questions read into the catalogue's filters, or not at all."""

from __future__ import annotations

import pytest

from hall.ask.grammar import Grammar


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("诸暨有多少位全国劳模？", {"intent": "count", "district": "330681", "honours": ("national_model",)}),
        ("諸暨縣有幾位全國勞模", {"intent": "count", "district": "330681", "honours": ("national_model",)}),
        ("绍兴县有几位劳模", {"intent": "count", "district": "330603", "kind": "model_worker"}),
        ("2018年有哪些浙江工匠？", {"intent": "list", "years": (2018, 2018), "honours": ("zj_craftsman",)}),
        ("二〇一八年有哪些浙江工匠", {"intent": "list", "years": (2018, 2018)}),
        (
            "2010—2015年评出的省劳模有多少",
            {"intent": "count", "years": (2010, 2015), "honours": ("zj_model",)},
        ),
        ("八十年代出生的女工匠有几位", {"birth": (1980, 1989), "gender": "女", "kind": "craftsman"}),
        ("2000年以来有多少位绍兴工匠", {"years": (2000, None)}),
        ("1978年以前有多少位劳模", {"years": (None, 1977)}),
        ("新时代有多少位劳模", {"era": "new_era", "kind": "model_worker"}),
        ("哪个区的绍兴工匠最多？", {"intent": "most", "group": "district", "honours": ("sx_craftsman",)}),
        ("哪一年评出的浙江工匠最多", {"intent": "most", "group": "year"}),
        ("最早的全国劳模是谁", {"intent": "earliest", "honours": ("national_model",)}),
        ("最年长的浙江工匠是谁", {"intent": "oldest"}),
        ("柯桥区有多少个创新工作室", {"intent": "count", "subject": "studios", "district": "330603"}),
        ("全国级的劳模有几位", {"honours": ("national_model", "national_advanced", "national_may1")}),
        ("展馆里一共有多少人", {"intent": "count"}),
        ("真实人物有哪些", {"intent": "list", "sample": False}),
    ],
)
def test_question_reads_as_filters(cat, question: str, expected: dict) -> None:
    reading = Grammar(cat).read(question)
    assert reading is not None
    for name, value in expected.items():
        assert getattr(reading, name) == value, name


@pytest.mark.parametrize(
    "question",
    [
        "杭州有多少位全国劳模？",  # a place the hall does not have: never Shaoxing's number
        "诸暨市有多少家企业？",  # companies are not records
        "丁卫松在哪里工作？",  # a person: not a filter
        "谁会蒙眼点钞？",
        "五一劳动奖章是哪一年设立的？",  # 哪一年 without 最多 asks a fact
        "柯桥和诸暨有多少位劳模",  # two districts at once
        "男女劳模各有多少",
        "",
    ],
)
def test_question_with_anything_not_understood_is_left_alone(cat, question: str) -> None:
    assert Grammar(cat).read(question) is None
