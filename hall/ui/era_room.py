"""One era's room: its intro and spirit, and its people as filterable portrait cards."""

from __future__ import annotations

import streamlit as st

from hall.labels import t
from hall.ui.cards import found_people, person_pages
from hall.ui.data import catalog, index
from hall.ui.lang import current
from hall.ui.widgets import choice


def show(era_id: str) -> None:
    cat, lang, idx = catalog(), current(), index()
    era = cat.era(era_id)
    st.title(era.name.get(lang))
    st.caption(era.span(lang))
    st.markdown(era.intro.get(lang))
    traits = "　".join(f":red-badge[{trait.get(lang)}]" for trait in era.traits)
    st.markdown(f"**{t('era_traits', lang)}**　{traits}")

    everyone = idx.search("", era=era_id, limit=0)
    honours = sorted(everyone.facets["honour"], key=lambda c: (cat.honour_kinds[c].level.rank, c))
    left, right = st.columns(2)
    with left:
        honour = choice(
            t("filter_honour", lang),
            honours,
            f"{era_id}_honour",
            lambda c: f"{cat.honour_name(c, lang)} ({everyone.facets['honour'][c]})",
            lang,
        )
    with right:
        district = choice(
            t("filter_district", lang),
            [d.adcode for d in cat.districts],
            f"{era_id}_district",
            lambda c: cat.district(c).name.get(lang),
            lang,
        )

    st.subheader(t("era_people", lang))
    key = f"page_{era_id}_{honour}_{district}"
    total = idx.search("", era=era_id, honour=honour, district=district, limit=0).total
    person_pages(total, key, lang, found_people(era=era_id, honour=honour, district=district))
