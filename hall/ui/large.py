"""长辈版: large text, strong contrast, big targets and fewer items a screen, for the many elderly
visitors (China's 适老化 rules): a switch in the online header, remembered in the link as
?size=large; on a kiosk the 大字·高对比 button turns on the same state."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from hall.labels import t

_CSS = (Path(__file__).with_name("large.css")).read_text(encoding="utf-8")
STATE = "large"
PARAM, VALUE = "size", "large"
BODY_PX = 24  # body text; headings ≥ 30 px, targets ≥ 60 px, contrast ≥ 7:1 (large.css)
PER_PAGE = 6  # cards a page: fewer items a screen


def on() -> bool:
    """Whether this visitor asked for large text (seeded once from the link)."""
    if STATE not in st.session_state:
        st.session_state[STATE] = st.query_params.get(PARAM) == VALUE
    return bool(st.session_state[STATE])


def toggle() -> None:
    st.session_state[STATE] = not on()
    keep_in_link()


def keep_in_link() -> None:
    """Keep ?size=large in the address bar (a page change drops it), so a shared or bookmarked
    link opens the hall as this visitor reads it."""
    if on():
        if st.query_params.get(PARAM) != VALUE:
            st.query_params[PARAM] = VALUE
    elif PARAM in st.query_params:
        del st.query_params[PARAM]


def style() -> None:
    """The 长辈版's look, on top of the hall's, when on."""
    if on():
        st.html(f"<style>{_CSS}</style>")


def switch(lang: str) -> None:
    """The header's 长辈版 / 标准版 button."""
    st.button(
        t("large_off" if on() else "large_on", lang),
        key="large_switch",
        on_click=toggle,
        icon=":material/text_increase:" if not on() else ":material/text_decrease:",
        help=None if on() else t("large_help", lang),  # no pop-ups in the 长辈版
    )
