"""The directory (名录) as a table: one row per honoree, columns in the visitor's language."""

from __future__ import annotations

import pandas as pd

from hall.labels import t
from hall.pack import Catalog
from hall.pack.records import Level

COLUMNS = (
    "col_id",
    "col_name",
    "col_pinyin",
    "col_gender",
    "col_birth",
    "col_honours",
    "col_level",
    "col_first_year",
    "col_eras",
    "col_district",
    "col_district_printed",
    "col_employer",
    "col_industry",
    "col_sample",
)


def directory_frame(cat: Catalog, lang: str) -> pd.DataFrame:
    """Every honoree as a row, in catalogue order; `_level` (hidden) is the best honour's rank."""
    levels = {lvl.rank: t(f"level_{lvl.value}", lang) for lvl in Level}
    eras = {e.id: e.name.get(lang) for e in cat.eras}
    districts = {d.adcode: d.name.get(lang) for d in cat.districts}
    industries = {i.name.zh: i.name.get(lang) for i in cat.industries}
    rows = []
    for h in cat.honorees:
        rows.append(
            (
                h.id,
                h.name,
                h.name_en,
                h.gender,
                h.birth_year,
                "、".join(f"{cat.honour_name(x.code, lang)}({x.year or '?'})" for x in h.honours),
                levels.get(h.best_level, ""),
                h.first_year,
                "、".join(eras[e] for e in h.eras),
                districts.get(h.district_code, ""),
                h.district,
                h.employer,
                industries.get(h.industry, h.industry),
                t("yes", lang) if h.sample else t("no", lang),
                h.best_level,
            )
        )
    frame = pd.DataFrame(rows, columns=[t(c, lang) for c in COLUMNS] + ["_level"])
    for col in (t("col_birth", lang), t("col_first_year", lang)):
        frame[col] = frame[col].astype("Int64")
    return frame


def public_columns(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[[c for c in frame.columns if not c.startswith("_")]]


def rows_at(frame: pd.DataFrame, positions: list[int], level: int | None = None) -> pd.DataFrame:
    """The rows at these catalogue positions, in that order, optionally of one honour level."""
    rows = frame.iloc[positions]
    return rows if level is None else rows[rows["_level"] == level]
