"""Input widgets that suit the device: menus on phones and PCs, big tap targets on a kiosk."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import streamlit as st

from hall.config import Mode
from hall.labels import t
from hall.rooms import era_room, room
from hall.ui.data import catalog, settings
from hall.ui.text import plain

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def kiosk() -> bool:
    """A touchscreen in the hall, or a big screen a docent drives: no typing, nothing to sign."""
    return settings().mode in (Mode.KIOSK, Mode.SCREEN)


def era_name(era_id: str, lang: str) -> str:
    """An era's name for a chip or a menu: on a kiosk the room bar's short one, which fits beside
    its neighbours; elsewhere the era's whole name."""
    if kiosk():
        return t(room(era_room(era_id)).label, lang)
    return catalog().era(era_id).name.get(lang)


def choice(label: str, options: Sequence[Any], key: str, format_func: Callable[[Any], str], lang: str) -> Any:
    """One optional value: tap chips on a kiosk, a compact menu elsewhere; None means all."""
    if kiosk():  # the chips say what they are: no label row on a screen with no room to spare
        return st.pills(label, list(options), key=key, format_func=format_func, label_visibility="collapsed")
    return st.selectbox(
        label,
        [None, *options],
        key=key,
        format_func=lambda v: t("filter_any", lang) if v is None else format_func(v),
    )


def district_chips(label: str, names: Mapping[str, str], counts: Mapping[str, int]) -> str | None:
    """The district picked from chips "柯桥区 120" (adcode, or None), kept in the URL as
    ?district=<adcode> so a shared link opens on it in either language."""
    picked_district(list(names))
    district = st.pills(
        label,
        list(names),
        key="district",
        format_func=lambda a: f"{names[a]} {counts.get(a, 0):,}",
        label_visibility="collapsed" if kiosk() else "visible",
    )
    if district:
        st.query_params["district"] = district
    elif "district" in st.query_params:
        del st.query_params["district"]
    return district


def picked_district(adcodes: Sequence[str]) -> str | None:
    """The district picked so far: this session's, else the link's ?district=<adcode>."""
    if "district" not in st.session_state:
        asked = st.query_params.get("district", "")
        st.session_state["district"] = asked if asked in adcodes else None
    return st.session_state["district"]


def keyboard(key: str, lang: str) -> str:
    """An on-screen A–Z keyboard of pinyin initials (no system keyboard or IME needed): the
    letters, delete and clear as one grid (hall/ui/kiosk.css sets its columns so rows are even)."""
    typed = st.session_state.setdefault(key, "")

    def press(letter: str) -> None:
        st.session_state[key] = (st.session_state.get(key, "") + letter)[:12]

    def delete() -> None:
        st.session_state[key] = st.session_state.get(key, "")[:-1]

    def clear() -> None:
        st.session_state[key] = ""

    st.subheader(t("keyboard_title", lang), anchor=False)
    st.caption(t("keyboard_hint", lang))
    st.markdown(f"## {plain(typed) or '—'}")
    with st.container(key="keyboard", gap="small"):
        for letter in LETTERS:
            st.button(letter, key=f"key_{letter}", on_click=press, args=(letter.lower(),))
        st.button(t("key_delete", lang), key="key_delete", on_click=delete, icon=":material/backspace:")
        st.button(t("key_clear", lang), key="key_clear", on_click=clear, icon=":material/clear:")
    return st.session_state[key]
