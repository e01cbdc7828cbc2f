"""Rows from several public sources: one citation a row kept on the person, one name as two
people when neither unit nor district agrees, and what the sources disagree on noted."""

from __future__ import annotations

from pathlib import Path

import pytest

from hall.importer import apply_import, plan_import
from hall.importer.sources import agree, conflict_note, gather, same_unit
from hall.pack import load_catalog

HEADER = "姓名,工作单位,所在区县,荣誉称号,获评年份,来源,资料说明"
A = "《甲报》 http://a.example/1"
B = "《乙报》 http://b.example/2"


def _plan(pack: Path, *rows: str):
    return plan_import("\n".join([HEADER, *rows, ""]).encode(), "real.csv", pack)


@pytest.mark.parametrize(
    ("rows", "people"),
    [
        # same unit (printed two ways), two sources: one person
        ((f"李四,绍兴柯桥排水有限公司,柯桥区,省劳模,2015,{A},", f"李四,柯桥排水公司,,浙江工匠,2018,{B},"), 1),
        # same district, units not comparable: one person
        ((f"李四,某厂,诸暨市,省劳模,2015,{A},", f"李四,另一厂,诸暨县,浙江工匠,2018,{B},"), 1),
        # neither unit nor district agrees: two people of one name
        ((f"李四,某厂,诸暨市,省劳模,2015,{A},", f"李四,另一厂,嵊州市,浙江工匠,2018,{B},"), 2),
        # one source states neither: nothing tells them apart, the name decides
        ((f"李四,某厂,诸暨市,省劳模,2015,{A},", f"李四,,,浙江工匠,2018,{B},"), 1),
    ],
)
def test_one_name_is_one_person_only_when_unit_or_district_agree(
    rows: tuple[str, ...], people: int, pack: Path
) -> None:
    plan = _plan(pack, *rows)
    assert len([p for p in plan.people if p.name == "李四"]) == people
    splits = [w.code for w in plan.report.warnings if w.code == "namesake_split"]
    assert len(splits) == people - 1


def test_each_rows_citation_is_kept_on_the_person(pack: Path) -> None:
    plan = _plan(pack, f"李四,某厂,诸暨市,省劳模,2015,{A},", f"李四,某厂,诸暨市,浙江工匠,2018,{B},")
    apply_import(plan)
    li = next(h for h in load_catalog(pack).honorees if h.name == "李四")
    assert li.source == f"{A}；{B}"
    assert {(o.code, o.year) for o in li.honours} == {("zj_model", 2015), ("zj_craftsman", 2018)}
    assert li.sample is False


def test_a_value_two_sources_print_differently_is_noted_on_the_record(pack: Path) -> None:
    plan = _plan(
        pack,
        f"李四,某厂,诸暨市,省劳模,2015,{A},来源未给单位全称",
        f"李四,另一厂,诸暨市,浙江工匠,2018,{B},",
    )
    apply_import(plan)
    li = next(h for h in load_catalog(pack).honorees if h.name == "李四")
    assert li.employer == "某厂"  # the first source's, as printed
    assert li.note == "来源未给单位全称；工作单位：《乙报》作“另一厂”"
    assert [w.code for w in plan.report.warnings] == ["conflict"]


def test_a_person_of_the_pack_keeps_their_sources_and_gains_the_rows(pack: Path) -> None:
    text = (
        "id,姓名,工作单位,荣誉称号,获评年份,来源\n"
        f"t05,郑海涛,柯桥另一印染厂,浙江工匠,2019,{A}\n"
        f"t05,郑海涛,,省劳模,2020,{A}\n"
    )
    apply_import(plan_import(text.encode(), "ids.csv", pack))
    zheng = load_catalog(pack).honoree("t05")
    assert zheng.employer == "柯桥某印染厂"  # the pack's value is never overwritten
    assert zheng.source.endswith(A)
    assert zheng.source.count("http://a.example/1") == 1
    assert zheng.note == "工作单位：《甲报》作“柯桥另一印染厂”"


def test_a_pack_namesake_whose_unit_and_district_differ_is_another_person(pack: Path) -> None:
    text = "姓名,出生年份,工作单位,所在区县,荣誉称号,获评年份,来源\n"
    text += f"周文斌,1960,新昌某医院,新昌县,省劳模,2015,{A}\n"
    plan = plan_import(text.encode(), "real.csv", pack)
    assert [(p.name, p.new) for p in plan.people] == [("周文斌", True)]
    assert [w.code for w in plan.report.warnings] == ["namesake_split"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("绍兴柯桥排水有限公司", "柯桥排水公司", True),
        ("浙江医药股份有限公司昌海生物分公司", "浙江医药股份有限公司", True),  # a branch of the company
        ("绍兴钢铁厂", "嵊州市供销社", False),
        ("浙江医药昌海生物分公司", "昌海生物", True),
        ("有限公司", "有限公司", False),  # only the common words: says nothing
    ],
)
def test_units_are_the_same_when_one_is_inside_the_other(a: str, b: str, same: bool) -> None:
    assert same_unit(a, b) is same


def test_rows_without_unit_or_district_agree_with_anyone() -> None:
    never = lambda a, b: False  # noqa: E731
    assert agree({"employer": "", "district": ""}, {"employer": "某厂", "district": "诸暨市"}, never)
    assert not agree({"employer": "甲厂", "district": ""}, {"employer": "乙厂", "district": ""}, never)


@pytest.mark.parametrize(
    ("have", "more", "field", "expected"),
    [
        (A, B, "source", f"{A}；{B}"),
        (A, "《甲报》重发 http://a.example/1", "source", A),  # same address: cited once
        (f"{A}；{B}", B, "source", f"{A}；{B}"),
        ("", B, "source", B),
        ("年份未给", "年份未给；单位未给", "note", "年份未给；单位未给"),
        ("他种粮。", "他种粮。\n他带徒。", "deeds", "他种粮。\n他带徒。"),
    ],
)
def test_gathering_adds_only_what_is_new(have: str, more: str, field: str, expected: str) -> None:
    assert gather(have, more, field) == expected


@pytest.mark.parametrize(
    ("source", "named"),
    [
        ("《乙报》，某出版社，2020 http://b.example/2", "《乙报》"),
        ("（学校新闻：慰问劳模），某大学 http://c.example/3", "（学校新闻：慰问劳模）"),
        ("浙江工人日报 2017-04-27", "浙江工人日报 2017-04-27"),
        ("", "另一来源"),
    ],
)
def test_a_conflict_note_names_the_source_that_prints_the_other_value(source: str, named: str) -> None:
    assert conflict_note("employer", "另一厂", source) == f"工作单位：{named}作“另一厂”"
