"""工匠馆 — the craftsmen (浙江工匠, 绍兴工匠): who they are and the trades they master."""

import streamlit as st

from hall.labels import t
from hall.pack.records import HonourType
from hall.ui.cards import found_people, person_pages
from hall.ui.data import catalog, index
from hall.ui.lang import current
from hall.ui.widgets import kiosk

cat, lang, idx = catalog(), current(), index()
kinds = [k for k in cat.honour_kinds.values() if k.type is HonourType.CRAFTSMAN]
everyone = idx.search("", kind="craftsman", limit=0)

with st.container(horizontal=True, gap="medium", vertical_alignment="bottom", key="craft_head"):
    st.title(t("room_craftsmen", lang), anchor=False, width="stretch")
    for kind in kinds:
        st.metric(kind.name.get(lang), everyone.facets["honour"].get(kind.code, 0), width=180)
if not kiosk():
    st.markdown(t("craftsmen_intro", lang))
    st.subheader(t("craftsmen_skills", lang), anchor=False)
trades = sorted(everyone.facets["industry"].items(), key=lambda kv: -kv[1])
names = {i.name.zh: i.name.get(lang) for i in cat.industries}
industry = st.pills(
    t("filter_industry", lang),
    [name for name, _ in trades],
    key="craft_industry",
    format_func=lambda zh: f"{names.get(zh, zh)} {everyone.facets['industry'][zh]}",
    label_visibility="collapsed" if kiosk() else "visible",
)
honour = st.segmented_control(
    t("filter_honour", lang),
    [k.code for k in kinds],
    key="craft_honour",
    format_func=lambda c: cat.honour_name(c, lang),
    label_visibility="collapsed" if kiosk() else "visible",
)

key = f"page_craft_{industry}_{honour}"
filters = {"kind": "craftsman", "industry": industry, "honour": honour}
total = idx.search("", **filters, limit=0).total
person_pages(total, key, lang, found_people(**filters))
