"""The schema is the one definition of a record's fields: classes, reader and columns follow it."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from hall.pack import load_catalog, records, schema
from hall.pack.problems import Problems
from hall.pack.read import read_csv, read_row
from hall.pack.records import Level, Text, derive
from hall.pack.schema import Field, FieldType, RecordKind, Required
from tests.support.packs import write_pack

KINDS = [
    (schema.HONOREE, records.Honoree, ("district_code", "honours", "best_level", "is_craftsman")),
    (schema.HONOUR, records.Honour, ("era",)),
    (schema.COLLECTIVE, records.Collective, ("era", "district_code")),
    (schema.STUDIO, records.Studio, ("district_code",)),
    (schema.MILESTONE, records.Milestone, ()),
    (schema.TOUR, records.Tour, ("source",)),
    (schema.STOP, records.Stop, ()),
]


@pytest.mark.parametrize(("kind", "cls", "derived"), KINDS, ids=lambda v: getattr(v, "name", ""))
def test_each_record_class_has_exactly_its_kinds_fields_then_what_is_derived(kind, cls, derived) -> None:
    names = tuple(f.name for f in dataclasses.fields(cls))
    assert names == (*(f.attribute for f in kind.fields), *derived)


def test_a_field_added_to_a_kind_reaches_the_class_and_the_reader(tmp_path: Path) -> None:
    favourite_colour = Field("favourite_colour", headers=("喜欢的颜色",))
    kind = RecordKind("honoree", "honorees.csv", (*schema.HONOREE.fields, favourite_colour))
    cls = derive(kind, "Honoree", records.Honoree.__mro__[1])
    path = tmp_path / "exhibits" / "honorees.csv"
    path.parent.mkdir(parents=True)
    path.write_text("id,name,favourite_colour\nx1,王建国,红色\n", encoding="utf-8")
    ((line, row),) = list(read_csv(tmp_path / "exhibits", kind, Problems()))
    values, reasons = read_row(kind, row)
    person = cls(**values)
    assert (line, person.favourite_colour, person.name, reasons) == (2, "红色", "王建国", {})


@pytest.mark.parametrize(
    ("field", "cell", "value", "reason"),
    [
        (Field("x"), " as typed ", " as typed ", ""),
        (Field("x", FieldType.YEAR), "1985", 1985, ""),
        (Field("x", FieldType.YEAR), "1985.0", 1985, ""),
        (Field("x", FieldType.YEAR), "", None, ""),
        (Field("x", FieldType.YEAR), "八五年", None, "not a whole number: '八五年'"),
        (Field("x", FieldType.INT), "", 0, ""),
        (Field("x", FieldType.FLOAT), "120.5", 120.5, ""),
        (Field("x", FieldType.FLOAT), "east", None, "not a number: 'east'"),
        (Field("x", FieldType.BOOL), "是", True, ""),
        (Field("x", FieldType.BOOL), "false", False, ""),
        (Field("x", FieldType.GENDER), "F", "女", ""),
        (Field("x", FieldType.GENDER), "?", "", "unknown gender '?'; left blank"),
        (Field("x", FieldType.LEVEL), "national", Level.NATIONAL, ""),
        (Field("x", FieldType.LEVEL), "galactic", Level.COUNTY, "unknown level 'galactic'"),
        (Field("x", FieldType.LIST), "宣讲、志愿服务；技能展示", ("宣讲", "志愿服务", "技能展示"), ""),
    ],
)
def test_a_cell_is_read_by_its_fields_type(field: Field, cell: str, value: object, reason: str) -> None:
    kind = RecordKind("k", "k.csv", (field,))
    values, reasons = read_row(kind, {"x": cell})
    assert values["x"] == value
    assert reasons.get("x", "") == reason


def test_a_bilingual_field_spans_two_columns_and_needs_its_chinese() -> None:
    title = schema.MILESTONE.field("title")
    assert title.columns == ("title_zh", "title_en")
    assert "title_zh" in schema.MILESTONE.required_columns
    assert "title_en" not in schema.MILESTONE.required_columns
    values, _ = read_row(RecordKind("m", "m.csv", (title,)), {"title_zh": "会议", "title_en": "Meeting"})
    assert values["title"] == Text("会议", "Meeting")


def test_required_means_the_column_or_the_value_as_declared() -> None:
    year = schema.HONOUR.field("year")
    assert year.required is Required.COLUMN
    assert "year" in schema.HONOUR.required_columns
    assert schema.HONOREE.required_columns == ("id", "name")


def test_only_published_fields_are_for_visitors() -> None:
    assert "portrait" not in {f.name for f in schema.HONOREE.published()}
    assert {"name", "deeds", "source"} <= {f.name for f in schema.HONOREE.published()}


def test_the_files_of_a_pack_are_its_tables() -> None:
    assert set(schema.BY_FILE) == {
        "honorees.csv",
        "honours.csv",
        "collectives.csv",
        "studios.csv",
        "milestones.csv",
    }
    with pytest.raises(KeyError, match="no field"):
        schema.HONOREE.field("favourite_colour")


def test_derived_records_pickle_by_name_as_plain_tuples(tmp_path: Path) -> None:
    cat = load_catalog(write_pack(tmp_path / "pack"))
    h = cat.honorees[1]
    assert type(h).__module__ == "hall.pack.records"
    assert pickle.loads(pickle.dumps(h)) == h
    assert h.__reduce__()[0] is records.Honoree
