"""名录 — the whole directory as a sortable, filterable table with a CSV download."""

import pandas as pd
import streamlit as st

from hall.directory import directory_csv, public_columns, rows_at
from hall.labels import t
from hall.pack.records import Level
from hall.ui.book import open_data_download
from hall.ui.data import catalog, directory, index
from hall.ui.lang import current
from hall.ui.realroll import real_only
from hall.ui.widgets import choice

MAX_ROWS = 2000
AS_TEXT_ROWS = 50  # the grid is drawn on a canvas: its first rows again as a table for screen readers

cat, lang, idx = catalog(), current(), index()
frame = directory(lang)

st.title(t("room_directory", lang), anchor=False)
st.caption(t("directory_intro", lang))
industries = {i.name.zh: i.name.get(lang) for i in cat.industries}
c1, c2, c3, c4 = st.columns(4)
with c1:
    era = choice(
        t("filter_era", lang), [e.id for e in cat.eras], "dir_era", lambda e: cat.era(e).name.get(lang), lang
    )
with c2:
    level = choice(
        t("filter_level", lang),
        [lv.rank for lv in Level],
        "dir_level",
        lambda r: t(f"level_{list(Level)[r].value}", lang),
        lang,
    )
with c3:
    district = choice(
        t("filter_district", lang),
        [d.adcode for d in cat.districts],
        "dir_district",
        lambda c: cat.district(c).name.get(lang),
        lang,
    )
with c4:
    industry = choice(
        t("filter_industry", lang), list(industries), "dir_industry", industries.__getitem__, lang
    )
text = st.text_input(t("search_box", lang), key="dir_text", max_chars=50)
real = real_only("dir_real", lang) or None

filters = {"era": era, "district": district, "industry": industry, "real": real}


def matching(limit: int) -> tuple[int, pd.DataFrame]:
    """The rows that pass every filter, in search order, up to `limit` before the level filter."""
    if not text.strip() and not any(filters.values()) and level is not None:
        everyone = frame[frame["_level"] == level]  # one vectorised mask, no need to ask the index
        return len(everyone), everyone
    found = idx.search(text, **filters, limit=limit)
    return found.total, rows_at(frame, [cat.position(i) for i in found.ids], level)


# The level filter is a table column, not an index facet: only then does the table need every row.
total, rows = matching(len(cat.honorees) if level is not None else MAX_ROWS)
if level is not None:
    total = len(rows)
st.caption(t("shown_count", lang, n=total))
if total > MAX_ROWS:  # a browser table of 100,000 rows helps no one; the CSV has them all
    st.caption(t("table_capped", lang, n=MAX_ROWS))
shown = public_columns(rows.head(MAX_ROWS))
alt = t("directory_alt", lang, n=total, shown=min(len(shown), AS_TEXT_ROWS))
st.dataframe(shown, hide_index=True, width="stretch", height=560, alt=alt)
with st.expander(t("directory_as_text", lang, n=min(len(shown), AS_TEXT_ROWS))):
    st.table(shown.head(AS_TEXT_ROWS), hide_index=True)  # an HTML table a screen reader walks
st.download_button(
    t("download_csv", lang),
    data=lambda: directory_csv(matching(len(cat.honorees))[1], lang),
    file_name="directory.csv",
    mime="text/csv",
    key="dir_csv",
    icon=":material/download:",
)
open_data_download(cat, lang, key="dir_open_data")

if cat.problems:
    with st.expander(t("load_problems", lang, n=len(cat.problems))):
        st.caption(t("load_problems_help", lang))
        st.text("\n".join(str(p) for p in cat.problems[:200]))
