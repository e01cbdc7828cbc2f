"""The 真实记录 switch: one tap to see only the real roll (people with a cited public source)."""

from __future__ import annotations

import streamlit as st

from hall.labels import t
from hall.pack import Catalog
from hall.realroll import real_and_sample
from hall.ui.widgets import kiosk

URL_PARAM = "real"  # ?real=1 opens a room on the real roll, in either language


def real_only(key: str, lang: str) -> bool:
    """Whether the visitor asked for real records only: a chip on a kiosk (a tap target like the
    other filters), a toggle elsewhere, first set from the link's ?real=1 and kept in it."""
    if kiosk():
        chip = st.pills(
            t("filter_real", lang),
            ["real"],
            key=f"{key}_chip",
            format_func=lambda _: t("filter_real", lang),
            label_visibility="collapsed",
        )
        return chip == "real"
    if key not in st.session_state:
        st.session_state[key] = st.query_params.get(URL_PARAM) == "1"
    on = st.toggle(t("filter_real", lang), key=key, help=t("filter_real_help", lang))
    if on:
        st.query_params[URL_PARAM] = "1"
    elif URL_PARAM in st.query_params:
        del st.query_params[URL_PARAM]
    return on


def real_count_line(cat: Catalog, lang: str) -> str:
    """How many of the hall's people are real and how many invented, in one sentence."""
    real, sample = real_and_sample(cat)
    return (
        t("home_real_count", lang, real=f"{real:,}", sample=f"{sample:,}")
        if sample
        else t("home_real_count_all", lang, real=f"{real:,}")
    )
