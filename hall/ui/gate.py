"""The one gate in front of the rooms that need a secret: the curators' password, the docents' PIN."""

from __future__ import annotations

import hmac
import logging
import time
from dataclasses import dataclass

import streamlit as st

from hall.labels import t

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Gate:
    name: str  # the session flag once opened, and the name in the log
    form: str  # the form's key
    field: str  # the secret field's key
    field_label: str  # labels keys: the field, "locked" when no secret is set, "wrong"
    locked_label: str
    wrong_label: str
    max_chars: int | None = None


CURATORS = Gate("curator", "signin", "admin_pw", "admin_password", "admin_locked", "admin_wrong")
DOCENTS = Gate("docent", "docent_pin", "pin", "docent_pin", "docent_locked", "docent_wrong", max_chars=20)


def opened(gate: Gate, secret: str, lang: str) -> bool:
    """True once this session gave the secret; otherwise draws the form (or, with no secret
    set, says the rooms are locked)."""
    if st.session_state.get(gate.name):
        return True
    if not secret:
        st.info(t(gate.locked_label, lang))
        return False
    with st.form(gate.form):
        given = st.text_input(
            t(gate.field_label, lang), type="password", key=gate.field, max_chars=gate.max_chars
        )
        sent = st.form_submit_button(t("admin_sign_in", lang), icon=":material/login:")
    if sent:
        # Constant-time comparison, and a pause that makes guessing slow.
        if hmac.compare_digest(given.encode("utf-8"), secret.encode("utf-8")):
            st.session_state[gate.name] = True
            st.rerun()
        time.sleep(0.5)
        log.warning("%s sign-in refused", gate.name)
        st.error(t(gate.wrong_label, lang))
    return False


def close(gate: Gate) -> None:
    """Sign this session out again."""
    st.session_state.pop(gate.name, None)
