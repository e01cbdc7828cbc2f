"""Input widgets that suit the device: menus on phones and PCs, big tap targets on a kiosk."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from hall.config import Mode
from hall.labels import t
from hall.ui.data import settings

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def kiosk() -> bool:
    """A touchscreen in the hall, or a big screen a docent drives: no typing, nothing to sign."""
    return settings().mode in (Mode.KIOSK, Mode.SCREEN)


def choice(label: str, options: Sequence[Any], key: str, format_func: Callable[[Any], str], lang: str) -> Any:
    """One optional value: tap chips on a kiosk, a compact menu elsewhere; None means all."""
    if kiosk():
        return st.pills(label, list(options), key=key, format_func=format_func)
    return st.selectbox(
        label,
        [None, *options],
        key=key,
        format_func=lambda v: t("filter_any", lang) if v is None else format_func(v),
    )


def keyboard(key: str, lang: str) -> str:
    """An on-screen A–Z keyboard of pinyin initials (no system keyboard or IME needed)."""
    typed = st.session_state.setdefault(key, "")

    def press(letter: str) -> None:
        st.session_state[key] = (st.session_state.get(key, "") + letter)[:12]

    def delete() -> None:
        st.session_state[key] = st.session_state.get(key, "")[:-1]

    def clear() -> None:
        st.session_state[key] = ""

    st.subheader(t("keyboard_title", lang))
    st.caption(t("keyboard_hint", lang))
    st.markdown(f"## {typed or '—'}")
    for start in range(0, len(LETTERS), 9):
        with st.container(horizontal=True, gap="small"):
            for letter in LETTERS[start : start + 9]:
                st.button(letter, key=f"key_{letter}", on_click=press, args=(letter.lower(),))
    with st.container(horizontal=True, gap="small"):
        st.button(t("key_delete", lang), key="key_delete", on_click=delete, icon=":material/backspace:")
        st.button(t("key_clear", lang), key="key_clear", on_click=clear, icon=":material/clear:")
    return st.session_state[key]
