"""The dry run: every rejection, duplicate, warning and dropped column of the messy directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from hall.importer import ImportFailed, plan_import
from tests.support.importing import messy_file

EXPECTED_REJECTED = [
    (10, "姓名", "no_name"),
    (11, "获评年份", "impossible_year"),
    (12, "获评年份", "two_digit_year"),
    (13, "荣誉称号", "unknown_honour"),
    (14, "所在区县", "unknown_district"),
    (15, "主要事迹", "phone"),
    (16, "主要事迹", "id_number"),
    (17, "姓名", "ambiguous_person"),
    (25, "获评年份", "before_honour_existed"),
]

EXPECTED_WARNINGS = [
    (None, "", "ignored_columns"),
    (7, "", "duplicate"),
    (20, "", "year_filled"),
    (21, "", "namesake"),
    (23, "", "duplicate"),
    (24, "工作单位及职务", "employer_not_split"),
    (26, "行业", "unknown_industry"),
    (27, "所在区县", "city_only"),
    (28, "性别", "unknown_gender"),
]


@pytest.mark.parametrize("kind", ["xlsx", "utf8_bom", "gbk"])
def test_report_lists_every_rejection_duplicate_and_dropped_column(
    kind: str, pack: Path, tmp_path: Path
) -> None:
    report = plan_import(messy_file(kind, tmp_path), None, pack).report
    assert (report.persons, report.honours) == (12, 14)
    assert (report.new_persons, report.existing_persons, report.honours_added) == (9, 3, 12)
    assert [(i.row, i.column, i.code) for i in report.rejected] == EXPECTED_REJECTED
    assert report.duplicates == (7, 23)
    assert report.dropped_columns == ("身份证号码", "联系电话", "家庭住址")
    assert [(i.row, i.column, i.code) for i in report.warnings] == EXPECTED_WARNINGS
    assert report.rejected_rows == (10, 11, 12, 13, 14, 15, 16, 17, 25)


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (
            "姓名,荣誉称号,获评年份,工作单位,工作单位",
            "columns D “工作单位” and E “工作单位” both give the employer field",
        ),
        ("姓名,荣誉称号,获评年份,姓名", "columns A “姓名” and D “姓名” both give the name field"),
        ("名字,荣誉称号,获评年份,姓名", "columns A “名字” and D “姓名”"),
    ],
)
def test_a_field_named_by_two_columns_refuses_the_file_naming_both(
    header: str, message: str, pack: Path
) -> None:
    text = f"{header}\n张三,省劳模,2005,某厂,另一厂\n"
    with pytest.raises(ImportFailed, match=message):
        plan_import(text.encode(), "dup.csv", pack)
