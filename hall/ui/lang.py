"""The visitor's interface language: chosen per session, seeded from ?lang= or the default."""

from __future__ import annotations

import streamlit as st

from hall.labels import LANGS, t
from hall.ui.data import settings


def current() -> str:
    if "lang" not in st.session_state:
        asked = st.query_params.get("lang", "")
        st.session_state["lang"] = asked if asked in LANGS else settings().lang
    return st.session_state["lang"]


def _toggle() -> None:
    st.session_state["lang"] = "en" if current() == "zh" else "zh"
    st.query_params["lang"] = st.session_state["lang"]


def switch(lang: str) -> None:
    """The 中文 / English button; it changes the whole interface on the next run."""
    st.button(t("lang_switch", lang), key="lang_switch", help=t("lang_help", lang), on_click=_toggle)
