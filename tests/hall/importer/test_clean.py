"""Cleaning cells, table-driven: years, employer and position, names, personal column headers."""

from __future__ import annotations

import datetime as dt

import pytest

from hall.importer import clean_name, is_personal_header, parse_year, split_employer


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1985", (1985, "")),
        ("1985年", (1985, "")),
        ("1985年度", (1985, "")),
        ("１９８５", (1985, "")),
        ("１９８５年度", (1985, "")),
        ("一九八五年", (1985, "")),
        ("1968.05", (1968, "")),
        ("1968-05", (1968, "")),
        ("1968/5", (1968, "")),
        ("1968-05-12", (1968, "")),
        ("1968年5月", (1968, "")),
        ("1968年05月12日", (1968, "")),
        ("19680512", (1968, "")),
        ("196805", (1968, "")),
        ("1985.0", (1985, "")),
        (1985, (1985, "")),
        (1985.0, (1985, "")),
        (1968.05, (1968, "")),
        (dt.datetime(1968, 5, 12), (1968, "")),
        (dt.date(1968, 5, 12), (1968, "")),
        ("", (None, "")),
        (None, (None, "")),
        ("85", (None, "two_digit_year")),
        ("85年", (None, "two_digit_year")),
        ("1980年代", (None, "decade")),
        ("1985-1990", (None, "range")),
        ("1968.13", (None, "bad_year")),
        ("不详", (None, "bad_year")),
        ("25569", (None, "bad_year")),
    ],
)
def test_years_are_read_however_offices_wrote_them(value: object, expected: tuple[int | None, str]) -> None:
    assert parse_year(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("绍兴市城建档案馆 馆长", ("绍兴市城建档案馆", "馆长", True)),
        ("绍兴 柯桥 排水有限公司 高级技师", ("绍兴柯桥排水有限公司", "高级技师", True)),
        ("诸暨市绿康果蔬专业合作社，理事", ("诸暨市绿康果蔬专业合作社", "理事", True)),
        ("某公司/总经理", ("某公司", "总经理", True)),
        ("嵊州市人民医院内科主任、主任医师", ("嵊州市人民医院", "内科主任、主任医师", True)),
        ("浙江医药股份有限公司昌海生物分公司副总裁", ("浙江医药股份有限公司昌海生物分公司", "副总裁", True)),
        ("国网诸暨市供电公司枫桥供电所党支部书记", ("国网诸暨市供电公司枫桥供电所", "党支部书记", True)),
        ("绍兴市蕺山中心小学校长、高级教师", ("绍兴市蕺山中心小学", "校长、高级教师", True)),
        ("某某纺织厂副厂长", ("某某纺织厂副厂长", "", False)),
        ("东湖村党支部书记", ("东湖村党支部书记", "", False)),
        ("绍兴市第一医院", ("绍兴市第一医院", "", False)),
        ("", ("", "", True)),
    ],
)
def test_employer_and_position_are_cut_only_where_the_cut_is_clear(
    text: str, expected: tuple[str, str, bool]
) -> None:
    assert split_employer(text) == expected


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("陈 建 华", "陈建华"),
        ("王\u3000丽", "王丽"),
        (" 丁卫松 ", "丁卫松"),
        ("阿依古丽 • 买买提", "阿依古丽·买买提"),
        ("丁\u200b卫松", "丁卫松"),
        ("John  Smith", "John Smith"),
    ],
)
def test_names_lose_stray_spaces(raw: str, clean: str) -> None:
    assert clean_name(raw) == clean


@pytest.mark.parametrize(
    ("header", "personal"),
    [
        ("身份证号码", True),
        ("公民身份号码", True),
        ("身份证号", True),
        ("联系电话", True),
        ("手机号码", True),
        ("家庭住址", True),
        ("通讯地址", True),
        ("电子邮箱", True),
        ("银行账号", True),
        ("民族", True),
        ("政治面貌", True),
        ("Phone", True),
        ("E-mail", True),
        ("姓名", False),
        ("出生年月", False),
        ("所在区县", False),
        ("地区", False),
        ("主要事迹", False),
    ],
)
def test_personal_columns_are_recognised_by_their_header(header: str, personal: bool) -> None:
    assert is_personal_header(header) is personal
