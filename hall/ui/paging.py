"""The one pager: a count above, one page of items, previous / next below (cards, studios …)."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from hall.labels import t
from hall.ui import large

PER_PAGE = 24
KIOSK_PER_PAGE = 12  # what a kiosk screen holds with its pager in view, in either orientation


def paged(
    total: int,
    key: str,
    lang: str,
    draw: Callable[[int, int], None],
    *,
    per_page: int = PER_PAGE,
    counted: str = "shown_count",
    empty: str = "no_people",
) -> None:
    """Draw page `key` of `total` items: the count (label `counted`), then `draw(start, stop)`
    for the items of this page, then the pager; `empty` is the label shown when there are none.
    The page number lives in session state under `key`, so a new key starts at page one."""
    st.caption(t(counted, lang, n=total))
    if not total:
        st.info(t(empty, lang))
        return
    if large.on():
        per_page = min(per_page, large.PER_PAGE)
    pages = max(1, -(-total // per_page))
    page = min(max(1, st.session_state.get(key, 1)), pages)
    st.session_state[key] = page
    start = (page - 1) * per_page
    draw(start, min(total, start + per_page))
    if pages > 1:
        _pager(page, pages, key, lang)


def _pager(page: int, pages: int, key: str, lang: str) -> None:
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
