"""One row checked: honours and districts written any known way, unknown ones refused, personal
values refused unquoted, spreadsheet formulas refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hall.importer import plan_import


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("省劳模", "zj_model"),
        ("浙江省劳模", "zj_model"),
        ("浙江省劳动模范", "zj_model"),
        ("浙江省劳动模范称号", "zj_model"),
        ("浙江省劳动模范获得者", "zj_model"),
        (" 省 劳 模 ", "zj_model"),
        ("zj_model", "zj_model"),
        ("Zhejiang Model Worker", "zj_model"),
        ("全国劳动模范称号获得者", "national_model"),
        ("全国五一劳动奖章获得者", "national_may1"),
        ("浙江省五一劳动奖章", "zj_may1"),
        ("县(市、区)劳动模范", "county_model"),
        ("县（市、区）劳动模范", "county_model"),
        ("最美浙江人·最美工匠", "zj_craftsman"),
        ("荣获绍兴工匠称号", "sx_craftsman"),
    ],
)
def test_an_honour_written_any_known_way_finds_its_code(written: str, code: str, pack: Path) -> None:
    text = f"姓名,荣誉称号,获评年份\n张三,{written},2020\n"
    (person,) = plan_import(text.encode("utf-8"), "h.csv", pack).people
    assert person.honours_added == ((code, 2020),)


@pytest.mark.parametrize(
    ("written", "code"),
    [("优秀共产党员", "unknown_honour"), ("全国工人先锋号", "collective_honour"), ("劳模", "unknown_honour")],
)
def test_an_honour_the_hall_does_not_know_rejects_the_row(written: str, code: str, pack: Path) -> None:
    text = f"姓名,荣誉称号,获评年份\n张三,{written},2020\n"
    assert [i.code for i in plan_import(text.encode(), "h.csv", pack).report.rejected] == [code]


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("柯桥区", "柯桥区"),
        ("绍兴县", "绍兴县"),
        ("上虞市", "上虞市"),
        ("诸暨", "诸暨市"),
        ("浙江省绍兴市柯桥区", "柯桥区"),
        ("绍兴市越城区", "越城区"),
        ("浙江绍兴嵊州市", "嵊州市"),
        ("绍兴市城区", "绍兴市城区"),
        (" 嵊 县 ", "嵊县"),
    ],
)
def test_districts_are_found_by_current_former_or_short_name(written: str, printed: str, pack: Path) -> None:
    text = f"姓名,所在区县,荣誉称号\n张三,{written},省劳模\n"
    (person,) = plan_import(text.encode(), "d.csv", pack).people
    assert person.district == printed


def test_a_personal_value_is_refused_without_being_quoted(pack: Path) -> None:
    text = "姓名,荣誉称号,获评年份,主要事迹\n赵六,省劳模,2005,电话 0575-88001122 欢迎来访\n"
    report = plan_import(text.encode(), "x.csv", pack).report
    assert [(i.row, i.column, i.code) for i in report.rejected] == [(2, "主要事迹", "phone")]
    assert "88001122" not in json.dumps(report.to_json(), ensure_ascii=False)


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("工作单位", '=HYPERLINK("http://evil.example","点我")'),
        ("职务", "+cmd|' /C calc'!A0"),
        ("主要事迹", "-2+3+cmd|' /C calc'!A0"),
        ("姓名", "=1+1"),
        ("行业", "@SUM(A1:A9)"),
        ("工作单位", "  =1+1"),
    ],
)
def test_a_formula_is_refused_with_row_and_column(column: str, value: str, pack: Path) -> None:
    cell = '"' + value.replace('"', '""') + '"'
    text = f"姓名,荣誉称号,获评年份,{column}\n赵六,省劳模,2005,{cell}\n"
    if column == "姓名":
        text = f"姓名,荣誉称号,获评年份\n{cell},省劳模,2005\n"
    plan = plan_import(text.encode(), "x.csv", pack)
    assert plan.people == ()
    (issue,) = plan.report.rejected
    assert (issue.row, issue.column, issue.code) == (2, column, "formula")
    assert "looks like a spreadsheet formula" in issue.reason
    assert value.strip() not in issue.reason  # not quoted back


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("主要事迹", "- 参与技术攻关，三次获奖"),
        ("主要事迹", "-"),
        ("职务", "— 高级技师"),
        ("出生年月", "1968.05"),
    ],
)
def test_dashes_and_numbers_are_not_formulas(column: str, value: str, pack: Path) -> None:
    text = f"姓名,荣誉称号,获评年份,{column}\n赵六,省劳模,2005,{value}\n"
    plan = plan_import(text.encode(), "x.csv", pack)
    assert plan.report.rejected == ()
    assert [p.name for p in plan.people] == ["赵六"]
