"""The curators' sign-in: a password from HALL_ADMIN_PASSWORD or Streamlit secrets."""

from __future__ import annotations

import streamlit as st

from hall.labels import t
from hall.ui.data import settings
from hall.ui.gate import CURATORS, close, opened


def _expected() -> str:
    if settings().admin_password:
        return settings().admin_password
    try:
        return str(st.secrets.get("admin_password", "") or "")
    except Exception:  # no secrets file at all is the usual case
        return ""


def curator(lang: str) -> bool:
    """True once this session has signed in; otherwise draws the sign-in form."""
    return opened(CURATORS, _expected(), lang)


def sign_out_button(lang: str) -> None:
    st.button(
        t("admin_sign_out", lang), key="sign_out", on_click=close, args=(CURATORS,), icon=":material/logout:"
    )
