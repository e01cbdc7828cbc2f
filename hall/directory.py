"""The directory (名录) as a table: one row per honoree, columns in the visitor's language.

The record's own columns are the honoree fields that hall.pack.schema labels for the
directory; then what the hall works out from the honours.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from hall.csvsafe import csv_bytes
from hall.labels import t
from hall.pack import Catalog, Honoree, Level
from hall.pack.schema import HONOREE, FieldType

FIELDS = tuple(f for f in HONOREE.fields if f.label and f.published)


def directory_frame(cat: Catalog, lang: str) -> pd.DataFrame:
    """Every honoree as a row, in catalogue order; hidden: `_level`, the best honour's rank, and
    `_id`, the person's id (a visitor never needs it on screen; the download carries it)."""
    levels = {lvl.rank: t(f"level_{lvl.value}", lang) for lvl in Level}
    eras = {e.id: e.name.get(lang) for e in cat.eras}
    districts = {d.adcode: d.name.get(lang) for d in cat.districts}
    industries = {i.name.zh: i.name.get(lang) for i in cat.industries}
    yes, no = t("yes", lang), t("no", lang)

    def shown(field_name: str, value: object) -> object:
        if field_name == "industry":
            return industries.get(str(value), value)
        if isinstance(value, bool):
            return yes if value else no
        return value

    worked_out: tuple[tuple[str, Callable[[Honoree], object]], ...] = (
        (
            "col_honours",
            lambda h: "、".join(f"{cat.honour_name(x.code, lang)}({x.year or '?'})" for x in h.honours),
        ),
        ("col_level", lambda h: levels.get(h.best_level, "")),
        ("col_first_year", lambda h: h.first_year),
        ("col_eras", lambda h: "、".join(eras[e] for e in h.eras)),
        ("col_district", lambda h: districts.get(h.district_code, "")),
    )
    rows = [
        (
            *(shown(f.name, getattr(h, f.attribute)) for f in FIELDS),
            *(value(h) for _, value in worked_out),
            h.best_level,
            h.id,
        )
        for h in cat.honorees
    ]
    columns = [t(f.label, lang) for f in FIELDS] + [t(label, lang) for label, _ in worked_out]
    frame = pd.DataFrame(rows, columns=[*columns, "_level", "_id"])
    years = [f.label for f in FIELDS if f.type is FieldType.YEAR] + ["col_first_year"]
    for col in years:
        frame[t(col, lang)] = frame[t(col, lang)].astype("Int64")
    return frame


def public_columns(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[[c for c in frame.columns if not c.startswith("_")]]


def directory_csv(frame: pd.DataFrame, lang: str) -> bytes:
    """The public columns of `frame`, after each person's stable id, as the directory's CSV
    download (hall.csvsafe: UTF-8 with a BOM for Excel, text that would run as a formula shown
    as text); blanks stay blank."""
    public = public_columns(frame)
    cells = public.astype(object).where(public.notna(), None)
    rows = ((i, *row) for i, row in zip(frame["_id"], cells.itertuples(index=False, name=None), strict=True))
    return csv_bytes([t("col_id", lang), *public.columns], rows)


def rows_at(frame: pd.DataFrame, positions: list[int], level: int | None = None) -> pd.DataFrame:
    """The rows at these catalogue positions, in that order, optionally of one honour level."""
    rows = frame.iloc[positions]
    return rows if level is None else rows[rows["_level"] == level]
