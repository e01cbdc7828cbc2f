"""问展馆 — ask the hall in your own words; it answers from its own records and shows where from.

On a kiosk there is no typing: ten questions to tap, and the initials keyboard, whose people are
asked about with a tap; the answer beside them (wide screen) or under them (upright)."""

import streamlit as st

from hall.ask import MAX_CHARS
from hall.labels import t
from hall.ui.ask import QUESTION, people_by_initials, show_answer, suggestion_buttons
from hall.ui.lang import current
from hall.ui.widgets import keyboard, kiosk

lang = current()
if kiosk():
    layout = st.container(key="ask_kiosk")
    with layout.container(key="ask_keys"):
        people_by_initials(keyboard("ka", lang), lang)
    with layout.container(key="ask_found"):
        st.subheader(t("room_ask", lang), anchor=False)
        suggestion_buttons(lang)
        show_answer(st.session_state.get(QUESTION, ""), lang)
else:
    st.title(t("room_ask", lang), anchor=False)
    st.caption(t("ask_intro", lang))
    question = st.text_input(
        t("ask_box", lang), key=QUESTION, placeholder=t("ask_placeholder", lang), max_chars=MAX_CHARS
    )
    suggestion_buttons(lang)
    show_answer(question, lang)
