"""The directory (名录) as a table: one row per honoree, columns in the visitor's language."""

from __future__ import annotations

import pandas as pd

from hall.catalog import Catalog
from hall.labels import t
from hall.records import Level

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
    """Every honoree as a row; filters work on the hidden code columns `_era`, `_level`, …"""
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
                "|".join(h.eras),
                h.best_level,
                h.district_code,
                h.industry,
                f"{h.name}\x1f{h.name_en.lower()}\x1f{h.employer}",
            )
        )
    frame = pd.DataFrame(
        rows, columns=[t(c, lang) for c in COLUMNS] + ["_eras", "_level", "_district", "_industry", "_hay"]
    )
    for col in (t("col_birth", lang), t("col_first_year", lang)):
        frame[col] = frame[col].astype("Int64")
    return frame


def filter_frame(
    frame: pd.DataFrame,
    *,
    era: str | None = None,
    level: int | None = None,
    district: str | None = None,
    industry: str | None = None,
    text: str = "",
) -> pd.DataFrame:
    """Rows matching every given filter; `text` looks in the name, pinyin and employer."""
    mask = pd.Series(True, index=frame.index)
    if era:
        mask &= frame["_eras"].str.split("|").apply(lambda eras: era in eras)
    if level is not None:
        mask &= frame["_level"] == level
    if district:
        mask &= frame["_district"] == district
    if industry:
        mask &= frame["_industry"] == industry
    text = text.strip().lower()
    if text:
        mask &= frame["_hay"].str.contains(text, regex=False)
    return frame[mask]


def public_columns(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[[c for c in frame.columns if not c.startswith("_")]]
