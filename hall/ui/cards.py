"""Portrait cards of honorees, with paging: the hall's main way of showing people."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from hall.labels import t
from hall.pack import Catalog
from hall.pack.records import Honoree
from hall.portraits import thumbnail_path, thumbnail_url
from hall.rooms import HONOREE
from hall.ui.nav import page
from hall.ui.text import plain

PER_PAGE = 24


def portrait_url(h: Honoree, size: str = "card") -> str:
    """A static URL for the honoree's portrait, or the era's dignified placeholder."""
    if h.portrait and thumbnail_path(h.id, size).exists():
        return thumbnail_url(h.id, size)
    return f"/app/static/placeholders/{h.primary_era or 'portrait'}.svg"


def honour_summary(h: Honoree, cat: Catalog, lang: str) -> str:
    """The best honour, its year and today's district, in one short line."""
    parts = []
    if h.honours:
        best = min(h.honours, key=lambda x: (cat.honour_kinds[x.code].level.rank, x.year or 9999))
        parts.append(cat.honour_name(best.code, lang))
        parts.append(str(best.year) if best.year else t("year_unknown", lang))
    district = cat.district(h.district_code)
    if district:
        parts.append(district.name.get(lang))
    return " · ".join(parts)


def display_name(h: Honoree, lang: str) -> str:
    return f"{h.name} {h.name_en}" if lang == "en" and h.name_en else h.name


def card(h: Honoree, cat: Catalog, lang: str, person_room: st.Page, note: str = "") -> None:
    """One portrait card; `note` is Markdown the caller has already made safe.

    Four elements, laid out by hall.css as a grid (portrait left, text right): every element
    is a message to the browser, and a page of cards is most of what a busy hall sends."""
    with st.container(border=True, key=f"card_{h.id}"):
        st.image(portrait_url(h), width=88)
        st.page_link(person_room, label=plain(display_name(h, lang)), query_params={"id": h.id})
        line = plain(honour_summary(h, cat, lang))
        if h.sample:
            line += f" :gray-badge[{t('sample_tag', lang)}]"
        st.caption(line)
        if note:
            st.markdown(note)


def card_grid(
    people: Sequence[Honoree],
    cat: Catalog,
    lang: str,
    notes: Mapping[str, str] | None = None,
) -> None:
    """Cards in as many columns as the screen is wide (hall.css): one on a phone, four on a kiosk."""
    person_room = page(HONOREE)
    with st.container(key="grid_cards"):  # one grid per page
        for h in people:
            card(h, cat, lang, person_room, (notes or {}).get(h.id, ""))


def result_page(
    cat: Catalog, ids: Sequence[str], total: int, key: str, lang: str, notes: Mapping[str, str] | None = None
) -> None:
    """A page of found people as cards, with the count above and the pager below."""
    st.caption(t("shown_count", lang, n=total))
    if not total:
        st.info(t("no_people", lang))
        return
    card_grid([cat.honoree(i) for i in ids], cat, lang, notes=notes)
    pager(total, key, lang)


def page_offset(key: str, total: int, per_page: int = PER_PAGE) -> int:
    """Where the current page of `key` starts (the page number lives in session state)."""
    pages = max(1, -(-total // per_page))
    page = min(max(1, st.session_state.get(key, 1)), pages)
    st.session_state[key] = page
    return (page - 1) * per_page


def pager(total: int, key: str, lang: str, per_page: int = PER_PAGE) -> None:
    """Previous / next buttons and "page n of m" under a page of cards."""
    pages = max(1, -(-total // per_page))
    if pages == 1:
        return
    page = st.session_state.get(key, 1)

    def go(delta: int) -> None:
        st.session_state[key] = max(1, min(pages, page + delta))

    prev, label, nxt = st.columns([1, 2, 1], vertical_alignment="center")
    prev.button(
        t("prev_page", lang),
        key=f"{key}_prev",
        disabled=page <= 1,
        on_click=go,
        args=(-1,),
        width="stretch",
        icon=":material/chevron_left:",
    )
    label.markdown(t("page_of", lang, page=page, pages=pages), text_alignment="center")
    nxt.button(
        t("next_page", lang),
        key=f"{key}_next",
        disabled=page >= pages,
        on_click=go,
        args=(1,),
        width="stretch",
        icon=":material/chevron_right:",
        icon_position="right",
    )
