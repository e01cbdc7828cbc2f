"""The one gate in front of the rooms that need a secret — the curators' password, the docents'
PIN — with its guessing limits kept in the store, and the curators' list of lockouts to lift."""

from __future__ import annotations

import datetime as dt
import hmac
import logging
import math
from dataclasses import dataclass

import streamlit as st

from hall.config import MAX_PIN
from hall.errors import GuessRefused, StoreUnavailable
from hall.labels import t
from hall.store import EVERYONE, Lockout
from hall.ui.client import client_key
from hall.ui.data import settings, store
from hall.ui.limits import minutes_until

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Gate:
    name: str  # the session flag once opened, the gate in the store's counters, and in the log
    form: str  # the form's key
    field: str  # the secret field's key
    field_label: str  # labels keys: the field, "locked" when no secret is set, "wrong"
    locked_label: str
    wrong_label: str
    max_chars: int | None = None


CURATORS = Gate("curator", "signin", "admin_pw", "admin_password", "admin_locked", "admin_wrong")
DOCENTS = Gate(
    "docent", "docent_pin", "pin", "docent_pin", "docent_locked", "docent_wrong", max_chars=MAX_PIN
)
GATES = {gate.name: gate for gate in (CURATORS, DOCENTS)}


def opened(gate: Gate, secret: str, lang: str) -> bool:
    """True once this session gave the secret; otherwise draws the form (or, with no secret
    set, says the rooms are locked; while locked for this visitor, says until when)."""
    if st.session_state.get(gate.name):
        return True
    if not secret:
        st.info(t(gate.locked_label, lang))
        return False
    client = client_key()
    if settings().limits and _shows_lockout(gate, client, lang):
        return False
    with st.form(gate.form):
        given = st.text_input(
            t(gate.field_label, lang), type="password", key=gate.field, max_chars=gate.max_chars
        )
        sent = st.form_submit_button(t("admin_sign_in", lang), icon=":material/login:")
    if sent and _check(gate, secret, given, client, lang):
        st.session_state[gate.name] = True
        st.rerun()
    return False


def close(gate: Gate) -> None:
    """Sign this session out again."""
    st.session_state.pop(gate.name, None)


def _shows_lockout(gate: Gate, client: str, lang: str) -> bool:
    """Says so, instead of the form, when the gate is locked for this client (or everyone)."""
    try:
        lockout = store().lockout(gate.name, client)
    except StoreUnavailable:
        return False  # the try itself will say the store is down
    if lockout is None:
        return False
    reason = "gate_locked" if lockout.everyone else "locked"
    st.warning(_refusal_text(GuessRefused(reason, lockout.until, lockout.failures), lang))
    return True


def _check(gate: Gate, secret: str, given: str, client: str, lang: str) -> bool:
    """Whether `given` is the secret. The try is counted in the store before it is compared, so
    parallel sessions and processes share one count; a pause in this session alone would not."""
    limits = settings().limits
    if limits:
        try:
            attempt = store().begin_try(gate.name, client)
        except GuessRefused as refused:
            log.warning(
                "%s sign-in refused before comparing: %s until %s (client %s, %d wrong tries in a row)",
                gate.name,
                refused.reason,
                refused.until.isoformat(timespec="seconds"),
                client,
                refused.failures,
            )
            st.warning(_refusal_text(refused, lang))
            return False
        except StoreUnavailable:
            log.warning("%s sign-in refused: the store cannot count tries now (client %s)", gate.name, client)
            st.warning(t("gate_unavailable", lang))
            return False
    if hmac.compare_digest(given.encode("utf-8"), secret.encode("utf-8")):
        if limits:
            try:
                store().clear_tries(gate.name, client)
            except StoreUnavailable:
                log.warning("%s sign-in: the store could not forget client %s's tries", gate.name, client)
        log.info("%s signed in (client %s)", gate.name, client)
        return True
    if not limits:
        log.warning("%s sign-in refused: wrong secret (client %s; limits are off)", gate.name, client)
    else:
        log.warning(
            "%s sign-in refused: wrong secret (client %s, try %d in a row, %d at this gate)",
            gate.name,
            client,
            attempt.number,
            attempt.gate_number,
        )
        if attempt.client_locked_until is not None:
            log.error(
                "%s gate locked for client %s until %s after %d wrong tries in a row",
                gate.name,
                client,
                attempt.client_locked_until.isoformat(timespec="seconds"),
                attempt.number,
            )
        if attempt.gate_locked_until is not None:
            log.error(
                "%s gate locked for everyone until %s after %d wrong tries (the last from client %s)",
                gate.name,
                attempt.gate_locked_until.isoformat(timespec="seconds"),
                attempt.gate_number,
                client,
            )
    st.error(t(gate.wrong_label, lang))
    return False


def _refusal_text(refused: GuessRefused, lang: str) -> str:
    seconds = max(1, math.ceil((refused.until - dt.datetime.now(dt.UTC)).total_seconds()))
    return t(
        refused.label_key,
        lang,
        seconds=seconds,
        minutes=minutes_until(refused.until),
        time=refused.until.astimezone().strftime("%H:%M"),
    )


def lockouts_panel(lang: str) -> None:
    """The curators' list of gates locked now, each with a button to lift it."""
    st.caption(t("lockouts_help", lang))
    if st.session_state.pop("_lift_failed", False):
        st.warning(t("figures_down", lang))
    elif st.session_state.pop("_lifted", False):
        st.success(t("lockouts_lifted", lang))
    try:
        current = store().lockouts()
    except StoreUnavailable:
        st.warning(t("figures_down", lang))
        return
    if not current:
        st.info(t("lockouts_none", lang))
        return
    for lockout in current:
        text, lift = st.columns([5, 1], vertical_alignment="center")
        text.text(_lockout_text(lockout, lang))
        lift.button(
            t("lockouts_lift", lang),
            key=f"lift_{lockout.gate}_{lockout.client}",
            on_click=_lift,
            args=(lockout,),
            icon=":material/lock_open:",
        )


def _lockout_text(lockout: Lockout, lang: str) -> str:
    gate = GATES.get(lockout.gate)
    return t(
        "lockouts_row",
        lang,
        gate=t(gate.field_label, lang) if gate else lockout.gate,
        client=t("lockouts_everyone", lang) if lockout.client == EVERYONE else lockout.client,
        failures=lockout.failures,
        time=lockout.until.astimezone().strftime("%Y-%m-%d %H:%M"),
    )


def _lift(lockout: Lockout) -> None:
    try:
        store().lift_lockout(lockout.gate, lockout.client)
    except StoreUnavailable:
        st.session_state["_lift_failed"] = True
        return
    st.session_state["_lifted"] = True
    log.warning("%s gate lockout for client %s lifted by a curator", lockout.gate, lockout.client)
