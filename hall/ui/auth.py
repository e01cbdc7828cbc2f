"""The curators' sign-in: a password from HALL_ADMIN_PASSWORD or Streamlit secrets."""

from __future__ import annotations

import hmac
import logging
import time

import streamlit as st

from hall.labels import t
from hall.ui.data import settings

log = logging.getLogger(__name__)


def _expected() -> str:
    if settings().admin_password:
        return settings().admin_password
    try:
        return str(st.secrets.get("admin_password", "") or "")
    except Exception:  # no secrets file at all is the usual case
        return ""


def curator(lang: str) -> bool:
    """True once this session has signed in; otherwise draws the sign-in form."""
    if st.session_state.get("curator"):
        return True
    expected = _expected()
    if not expected:
        st.info(t("admin_locked", lang))
        return False
    with st.form("signin"):
        password = st.text_input(t("admin_password", lang), type="password", key="admin_pw")
        sent = st.form_submit_button(t("admin_sign_in", lang), icon=":material/login:")
    if sent:
        # Constant-time comparison, and a pause that makes guessing slow.
        if hmac.compare_digest(password.encode("utf-8"), expected.encode("utf-8")):
            st.session_state["curator"] = True
            st.rerun()
        time.sleep(0.5)
        log.warning("curator sign-in refused")
        st.error(t("admin_wrong", lang))
    return False


def sign_out_button(lang: str) -> None:
    def out() -> None:
        st.session_state.pop("curator", None)

    st.button(t("admin_sign_out", lang), key="sign_out", on_click=out, icon=":material/logout:")
