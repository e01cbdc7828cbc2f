"""The visitor's respect: a 致敬 (like) button with its count, and the moderated guestbook."""

from __future__ import annotations

import streamlit as st

from hall.errors import MessageRefused, StoreUnavailable
from hall.labels import t
from hall.store import MAX_SIGNATURE, MAX_TEXT, Action, check_message
from hall.ui.capacity import fragment
from hall.ui.data import store
from hall.ui.limits import refusal_text, spend
from hall.ui.text import plain
from hall.ui.visits import session_key


@fragment
def like_button(honoree_id: str, lang: str) -> None:
    """致敬 with the live count; one per visitor session, within the hourly limits of the
    visitor's address; says so plainly when it cannot save.

    A fragment: a salute redraws the button alone, not the person's whole page (6 messages to
    the phone instead of ~70)."""
    try:
        count = store().likes(honoree_id)
        mine = store().liked(honoree_id, session_key())
    except StoreUnavailable:
        st.caption(t("store_down_like", lang))
        return

    def like() -> None:
        try:
            refused = spend(Action.LIKE, honoree_id)
            if refused is not None:
                st.session_state["_like_limited"] = refusal_text(refused, lang)
                return
            store().like(honoree_id, session_key())
        except StoreUnavailable:
            st.session_state["_like_failed"] = True

    def unlike() -> None:  # a second press takes the salute back: the button never goes dead
        try:
            store().unlike(honoree_id, session_key())
        except StoreUnavailable:
            st.session_state["_like_failed"] = True

    label = t("liked" if mine else "like", lang, n=count)
    st.button(
        label,
        key="like",
        on_click=unlike if mine else like,
        icon=":material/favorite:",
        type="primary",
        help=t("liked_help", lang) if mine else None,
    )
    if st.session_state.pop("_like_failed", False):
        st.warning(t("store_down_like", lang))
    if limited := st.session_state.pop("_like_limited", ""):
        st.warning(limited)


@fragment
def guestbook(honoree_id: str | None, lang: str) -> None:
    """Leave a message (to the hall, or to one person) and read the approved ones; the author
    also sees their own message, marked as awaiting review. A fragment, like 致敬: sending a
    message redraws the guestbook, not the page around it."""
    st.subheader(t("guestbook_title" if honoree_id is None else "guestbook_to_person", lang), anchor=False)
    form_key = f"guestbook_{honoree_id or 'hall'}"
    with st.form(form_key, clear_on_submit=True):
        text = st.text_area(t("guestbook_prompt", lang), max_chars=MAX_TEXT, key=f"{form_key}_text")
        signature = st.text_input(
            t("guestbook_signature", lang), max_chars=MAX_SIGNATURE, key=f"{form_key}_sig"
        )
        sent = st.form_submit_button(t("guestbook_send", lang), icon=":material/send:")
    if sent:
        try:
            check_message(text, signature)  # a message refused anyway costs nothing of the hour's limit
            refused = spend(Action.MESSAGE)
            if refused is not None:
                st.warning(refusal_text(refused, lang))
            else:
                store().post_message(
                    text, session_key=session_key(), honoree_id=honoree_id, signature=signature
                )
                st.success(t("guestbook_thanks", lang))
        except MessageRefused as refusal:
            st.warning(t(refusal.label_key, lang, **refusal.params))
        except StoreUnavailable:
            st.warning(t("store_down_message", lang))
    try:
        shown = store().messages(honoree_id, session_key=session_key(), limit=20)
    except StoreUnavailable:
        st.caption(t("store_down_read", lang))
        return
    if not shown:
        st.caption(t("guestbook_empty", lang))
    for message in shown:
        with st.container(border=True):
            st.text(message.text)  # as typed: never Markdown or HTML
            byline = [message.signature or t("guestbook_anonymous", lang), f"{message.created_at:%Y-%m-%d}"]
            if message.awaiting_review:
                byline.append(t("guestbook_pending", lang))
            st.caption(plain(" · ".join(byline)))
