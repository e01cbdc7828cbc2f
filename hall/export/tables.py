"""The open data's two tables — people and their honours — built from the published fields only.

A person's row is every field hall.pack.schema marks `published` (never `portrait`, the file
name of a photo), then what the hall works out: today's district, the highest honour's level,
the first year, the eras and the person's page in the online hall. Each honour is a row of its
own, keyed by the person's stable id.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from hall.pack import Catalog, Honoree, Level
from hall.pack.schema import HONOREE, Field, FieldType
from hall.qr import deep_link

PUBLISHED: tuple[Field, ...] = HONOREE.published()

# Frictionless (Table Schema) types of the pack's field types.
_TYPES: dict[FieldType, str] = {
    FieldType.TEXT: "string",
    FieldType.YEAR: "year",
    FieldType.INT: "integer",
    FieldType.FLOAT: "number",
    FieldType.BOOL: "boolean",
    FieldType.GENDER: "string",
    FieldType.LEVEL: "string",
    FieldType.LIST: "string",
}


@dataclass(frozen=True, slots=True)
class Column:
    """One column of an open-data table: its name, Table Schema type, description and rules."""

    name: str
    type: str
    description: str
    constraints: tuple[tuple[str, object], ...] = ()

    def schema(self) -> dict[str, object]:
        out: dict[str, object] = {"name": self.name, "type": self.type, "description": self.description}
        if self.constraints:
            out["constraints"] = dict(self.constraints)
        return out


_DESCRIPTIONS = {
    "id": "stable id of the person in this hall: never reused, the same in every download",
    "name": "name as recorded",
    "name_en": "name in pinyin",
    "gender": "男 or 女, as recorded",
    "birth_year": "year of birth, where a source gives it",
    "district": "district (区县) as printed in the source; it may be a former name",
    "employer": "employer (工作单位) as recorded",
    "position": "position or title (职务)",
    "industry": "industry (行业)",
    "deeds": "deeds (主要事迹), paragraphs separated by line breaks",
    "quote": "the person's own words",
    "sample": "true for people invented for demonstration (示例), not real",
    "source": "the sources of the record: titles and web addresses, separated by ；",
}
LEVELS = tuple(level.value for level in Level)


def _field_column(f: Field) -> Column:
    constraints: list[tuple[str, object]] = []
    if f.name == "id":
        constraints += [("required", True), ("unique", True)]
    elif f.name == "name":
        constraints.append(("required", True))
    elif f.type is FieldType.GENDER:
        constraints.append(("enum", ["男", "女"]))
    return Column(f.name, _TYPES[f.type], _DESCRIPTIONS.get(f.name, f.name), tuple(constraints))


PEOPLE: tuple[Column, ...] = (
    *(_field_column(f) for f in PUBLISHED),
    Column("district_code", "string", "today's district: its administrative code (adcode)"),
    Column("district_today", "string", "today's district: its name"),
    Column("level", "string", "level of the highest honour", (("enum", list(LEVELS)),)),
    Column("first_year", "year", "year of the first honour with a known year"),
    Column("honours", "string", "the honours and their years, separated by ；(one row each in honours.csv)"),
    Column("eras", "string", "the eras of the person's honours (era ids of the hall), separated by ;"),
    Column("url", "string", "the person's page in the online hall"),
)
HONOURS: tuple[Column, ...] = (
    Column("honoree_id", "string", "the person's id (people.id)", (("required", True),)),
    Column("honour", "string", "the honour's code in this hall", (("required", True),)),
    Column("honour_name", "string", "the honour's name"),
    Column("level", "string", "the honour's level", (("enum", list(LEVELS)),)),
    Column("kind", "string", "model_worker, craftsman or collective"),
    Column("year", "year", "the year of the honour; blank where no source gives it"),
    Column("era", "string", "the era the year falls in (an era id of the hall)"),
)


def page_url(cat: Catalog, h: Honoree, base_url: str = "") -> str:
    """The person's page: absolute under the hall's public address, else relative to the hall."""
    return deep_link(base_url or cat.info.base_url, h.id)


def person_row(cat: Catalog, h: Honoree, base_url: str = "") -> dict[str, object]:
    """One person's published fields and worked-out columns, by column name (None when blank)."""
    row: dict[str, object] = {}
    for f in PUBLISHED:
        value = getattr(h, f.attribute)
        row[f.name] = None if value in ("", None) and f.type is not FieldType.BOOL else value
    district = cat.district(h.district_code)
    row["district_code"] = h.district_code or None
    row["district_today"] = district.name.zh if district else None
    row["level"] = LEVELS[h.best_level] if h.best_level < len(LEVELS) else None
    row["first_year"] = h.first_year
    row["honours"] = "；".join(f"{cat.honour_name(x.code)}({x.year or '?'})" for x in h.honours) or None
    row["eras"] = ";".join(h.eras) or None
    row["url"] = page_url(cat, h, base_url)
    return row


def honour_rows(cat: Catalog, h: Honoree) -> Iterator[dict[str, object]]:
    for x in h.honours:
        kind = cat.honour_kinds.get(x.code)
        yield {
            "honoree_id": h.id,
            "honour": x.code,
            "honour_name": kind.name.zh if kind else x.code,
            "level": kind.level.value if kind else None,
            "kind": kind.type.value if kind else None,
            "year": x.year,
            "era": x.era or None,
        }
