"""The visitor's way to ask for a record to be corrected or withdrawn (people and families)."""

from __future__ import annotations

import streamlit as st

from hall.errors import MessageRefused, StoreUnavailable
from hall.labels import t
from hall.store import MAX_CONTACT, MAX_TEXT, REQUEST_KINDS, Action, check_message
from hall.ui.data import store
from hall.ui.limits import refusal_text, spend


def change_request_form(honoree_id: str, lang: str) -> None:
    with st.expander(t("request_title", lang), icon=":material/edit_note:"):
        st.caption(t("request_help", lang))
        with st.form(f"request_{honoree_id}", clear_on_submit=True):
            kind = st.radio(
                t("request_kind", lang),
                list(REQUEST_KINDS),
                horizontal=True,
                format_func=lambda k: t(f"request_{k}", lang),
                key="request_kind",
            )
            details = st.text_area(t("request_details", lang), max_chars=MAX_TEXT, key="request_details")
            contact = st.text_input(
                t("request_contact_optional", lang), max_chars=MAX_CONTACT, key="request_contact"
            )
            sent = st.form_submit_button(t("request_send", lang), icon=":material/send:")
        if sent:
            try:
                check_message(details, contact)  # a request refused anyway costs nothing of the limit
                refused = spend(Action.REQUEST)
                if refused is not None:
                    st.warning(refusal_text(refused, lang))
                else:
                    number = store().request_change(honoree_id, kind, details, contact)
                    st.success(t("request_thanks", lang, n=number))
            except MessageRefused as refusal:
                st.warning(t(refusal.label_key, lang, **refusal.params))
            except StoreUnavailable:
                st.warning(t("store_down_message", lang))
