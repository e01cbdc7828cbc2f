"""One era's room: its intro and spirit, and its people as filterable portrait cards."""

from __future__ import annotations

import streamlit as st

from hall.labels import t
from hall.ui.cards import card_grid, paged, pager
from hall.ui.data import catalog
from hall.ui.lang import current


def show(era_id: str) -> None:
    cat, lang = catalog(), current()
    era = cat.era(era_id)
    st.title(era.name.get(lang))
    st.caption(era.span(lang))
    st.markdown(era.intro.get(lang))
    st.markdown(
        f"**{t('era_traits', lang)}**　" + "　".join(f":red-badge[{trait.get(lang)}]" for trait in era.traits)
    )

    people = cat.members("era", era_id)
    honour_codes = sorted(
        {h.code for p in people for h in p.honours if h.era == era_id},
        key=lambda c: (cat.honour_kinds[c].level.rank, c),
    )
    left, right = st.columns(2)
    honour = left.selectbox(
        t("filter_honour", lang),
        [None, *honour_codes],
        key=f"{era_id}_honour",
        format_func=lambda c: t("filter_any", lang) if c is None else cat.honour_name(c, lang),
    )
    district = right.selectbox(
        t("filter_district", lang),
        [None, *(d.adcode for d in cat.districts)],
        key=f"{era_id}_district",
        format_func=lambda c: t("filter_any", lang) if c is None else cat.district(c).name.get(lang),
    )
    if honour:
        people = tuple(p for p in people if any(h.code == honour and h.era == era_id for h in p.honours))
    if district:
        people = tuple(p for p in people if p.district_code == district)

    st.subheader(t("era_people", lang))
    st.caption(t("shown_count", lang, n=len(people)))
    if not people:
        st.info(t("no_people", lang))
        return
    key = f"page_{era_id}_{honour}_{district}"
    card_grid(paged(people, key, lang), cat, lang)
    pager(len(people), key, lang)
