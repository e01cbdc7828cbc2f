"""工匠馆 — the craftsmen (浙江工匠, 绍兴工匠): who they are and the trades they master."""

from collections import Counter

import streamlit as st

from hall.labels import t
from hall.records import HonourType
from hall.ui.cards import card_grid, paged, pager
from hall.ui.data import catalog
from hall.ui.lang import current

cat, lang = catalog(), current()
people = cat.craftsmen
kinds = [k for k in cat.honour_kinds.values() if k.type is HonourType.CRAFTSMAN]

st.title(t("room_craftsmen", lang))
st.markdown(t("craftsmen_intro", lang))
for col, kind in zip(st.columns(len(kinds) or 1), kinds, strict=False):
    col.metric(kind.name.get(lang), cat.count("honour", kind.code))

st.subheader(t("craftsmen_skills", lang))
trades = Counter(p.industry for p in people if p.industry)
names = {i.name.zh: i.name.get(lang) for i in cat.industries}
industry = st.pills(
    t("filter_industry", lang),
    [name for name, _ in trades.most_common()],
    key="craft_industry",
    format_func=lambda zh: f"{names.get(zh, zh)} {trades[zh]}",
)
honour = st.segmented_control(
    t("filter_honour", lang),
    [k.code for k in kinds],
    key="craft_honour",
    format_func=lambda c: cat.honour_name(c, lang),
)
if industry:
    people = tuple(p for p in people if p.industry == industry)
if honour:
    people = tuple(p for p in people if any(h.code == honour for h in p.honours))

st.caption(t("shown_count", lang, n=len(people)))
if not people:
    st.info(t("no_people", lang))
else:
    key = f"page_craft_{industry}_{honour}"
    card_grid(paged(people, key, lang), cat, lang)
    pager(len(people), key, lang)
