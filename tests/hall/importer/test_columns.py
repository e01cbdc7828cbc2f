"""Headers: the words the schema gives each field find their columns, in Chinese or English."""

from __future__ import annotations

from pathlib import Path

import pytest

from hall.importer import FIELDS, FILLABLE, plan_import
from hall.importer.columns import (
    EMPLOYER_POSITION,
    EMPLOYER_POSITION_HEADERS,
    column_letter,
    find_columns,
    header_field,
)
from hall.pack.schema import HONOREE, HONOUR


def test_english_field_names_work_as_headers(pack: Path) -> None:
    text = (
        "name,gender,birth_year,district,employer,position,industry,honour,year\n"
        "张三,male,1970,越城区,某厂,钳工,化工,zj_model,2001\n"
    )
    (person,) = plan_import(text.encode(), "e.csv", pack).people
    assert (person.name, person.gender, person.employer, person.position) == ("张三", "男", "某厂", "钳工")


def test_the_fields_an_import_fills_are_the_honorees_published_fields_but_sample() -> None:
    # The rule, read from the schema: what visitors may see, less the flag and the photo's file.
    assert tuple(f.name for f in HONOREE.fields if f.published and f.name != "sample") == FIELDS
    assert {"id", "name", "employer", "deeds", "source"} <= set(FIELDS)
    assert not {"sample", "portrait"} & set(FIELDS)
    # An import fills only facts an existing person lacks; never who they are.
    assert tuple(f for f in FIELDS if f not in ("id", "name", "name_en")) == FILLABLE


@pytest.mark.parametrize(
    ("field", "word"),
    [
        *((f.name, w) for f in HONOREE.fields if f.name in FIELDS for w in f.headers),
        *((f.name, w) for f in HONOUR.fields for w in f.headers),
        *((EMPLOYER_POSITION, w) for w in EMPLOYER_POSITION_HEADERS),
    ],
)
def test_every_header_word_of_the_schema_finds_its_field(field: str, word: str) -> None:
    assert header_field(word) == field
    assert header_field(f" {word.upper()}（注）") == field  # spacing, case and a bracketed note


@pytest.mark.parametrize("header", ["示例", "sample", "portrait", "照片", "备注", None])
def test_a_header_of_no_importable_field_finds_none(header: str | None) -> None:
    assert header_field(header) is None


@pytest.mark.parametrize(
    ("headers", "fields", "ignored", "twice"),
    [
        (["姓名", "工作单位及职务", "单位"], {"name": 0, "employer_position": 1}, ["单位"], []),
        (["姓名", "单位", "工作单位及职务"], {"name": 0, "employer": 1}, ["工作单位及职务"], []),
        (
            ["姓名", "职务", "单位", "职称"],
            {"name": 0, "position": 1, "employer": 2},
            [],
            [("position", 1, "职务", 3, "职称")],
        ),
        (["姓名", "单位", "姓名"], {"name": 0, "employer": 1}, [], [("name", 0, "姓名", 2, "姓名")]),
    ],
)
def test_the_header_row_is_found_below_a_title_and_a_field_named_twice_is_listed(
    headers: list[object], fields: dict[str, int], ignored: list[str], twice: list[tuple[object, ...]]
) -> None:
    rows: list[list[object]] = [
        ["2024年度劳模名录", None, None, None, None],
        [None] * 5,
        [*headers, "身份证号"],
        ["张三", "某厂 钳工", "某厂", "钳工", "330602197001011234"],
    ]
    columns = find_columns(rows)
    assert columns is not None
    assert (columns.header_row, columns.fields, columns.ignored, columns.twice) == (2, fields, ignored, twice)
    assert columns.personal == ["身份证号"]


@pytest.mark.parametrize(("index", "letter"), [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (16383, "XFD")])
def test_column_letters(index: int, letter: str) -> None:
    assert column_letter(index) == letter
