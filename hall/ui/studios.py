"""Innovation studios (劳模/工匠创新工作室) as cards: what visitors see there and whether it takes visits."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from hall.labels import t
from hall.pack import Catalog
from hall.pack.records import Studio
from hall.rooms import HONOREE
from hall.ui.cards import display_name
from hall.ui.doing_now import studio_now
from hall.ui.lineage import studio_pairs
from hall.ui.nav import page
from hall.ui.paging import paged
from hall.ui.text import plain
from hall.ui.widgets import kiosk

PER_PAGE = 12


def studio_card(s: Studio, cat: Catalog, lang: str) -> None:
    with st.container(border=True, key=f"studio_{s.id}"):
        st.markdown(f"**{plain(s.name)}**")
        state = (
            f":green-badge[{t('studio_open', lang)}]"
            if s.open_for_visits
            else f":gray-badge[{t('studio_closed', lang)}]"
        )
        level = t("studio_level", lang, level=t(f"level_{s.level.value}", lang))
        district = cat.district(s.district_code)
        where = district.name.get(lang) if district else s.district
        facts = " · ".join(plain(x) for x in (level, where) if x)
        sample = f" :gray-badge[{t('sample_tag', lang)}]" if s.sample else ""
        st.markdown(f"{state} {facts}{sample}")
        if s.what_to_see:
            st.markdown(plain(s.what_to_see))
        studio_pairs(s, cat, lang)
        studio_now(s, cat, lang)  # its open days and skill shows
        if s.leader_id and cat.has(s.leader_id):
            leader = cat.honoree(s.leader_id)
            st.page_link(
                page(HONOREE),
                label=plain(t("studio_leader", lang, name=display_name(leader, lang))),
                query_params={"id": leader.id},
                icon=":material/person:",
            )


def studio_list(studios: Sequence[Studio], cat: Catalog, lang: str, key: str, columns: int = 3) -> None:
    """The studios a page at a time, as cards in a grid, with the count above and a pager below;
    beside a kiosk's map, one at a time (a card now also names its pairs and open days), so the
    pager stays in view."""
    per_page, columns = (1, 1) if kiosk() else (PER_PAGE, columns)

    def draw(start: int, stop: int) -> None:
        shown = studios[start:stop]
        for row in range(0, len(shown), columns):
            for col, s in zip(st.columns(columns), shown[row : row + columns], strict=False):
                with col:
                    studio_card(s, cat, lang)

    paged(len(studios), key, lang, draw, per_page=per_page, counted="studios_count", empty="studios_none")
