"""The frame around every room: page setup, look, language, sample badge, error boundary."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import streamlit as st

from hall.config import Mode
from hall.errors import HallError, HonoreeNotFound, PackError
from hall.labels import t
from hall.rooms import ATTRACT, HOME, by_url, room, rooms_for
from hall.ui import capacity, kiosk, large, screen, visits
from hall.ui import lang as lang_ui
from hall.ui.data import catalog, settings
from hall.ui.nav import page, pages
from hall.ui.text import ECHO_LIMIT, plain, t_inert

log = logging.getLogger(__name__)

# Kept free of "<" so DOMPurify never drops the block (see research notes, st.html).
_CSS = (Path(__file__).with_name("hall.css")).read_text(encoding="utf-8")
_JS = (Path(__file__).with_name("frame.js")).read_text(encoding="utf-8")
_PAGE = "_page"  # (hall name, room key, language) of this run, for subject()


def run() -> None:
    """Frame and route one run of the app (the whole body of hall_app.py)."""
    st.set_page_config(
        page_title="劳模工匠云展馆",
        page_icon="/app/static/favicon.png",  # a URL: a file path is read and hashed on every run
        layout="wide",
        initial_sidebar_state="collapsed",
    )
    st.html(f"<style>{_CSS}</style>")
    lang = lang_ui.current()
    let_in = capacity.admit()
    mode = settings().mode
    try:
        cat = catalog()
    except PackError as exc:
        st.error(t_inert("error_pack", lang, reason=exc))
        return
    kiosk_mode = mode is Mode.KIOSK
    touch_screen = mode in (Mode.KIOSK, Mode.SCREEN)
    large_text = large.on() and not touch_screen  # a kiosk has its own 大字·高对比 (kiosk.py)
    if large_text:
        large.keep_in_link()
        large.style()
    # The 长辈版 shows the rooms as a row of big links instead of the menu (no pop-ups).
    top_menu = not (touch_screen or large_text) and let_in
    room = st.navigation(pages(mode, lang), position="top" if top_menu else "hidden")
    if not let_in:  # more visitors than this process serves well: the busy page, no rooms
        capacity.busy_page(lang)
        return
    shown = by_url(room.url_path)
    here = shown.key if shown else HOME
    if touch_screen:
        # A driven screen is never touched: no room bar, and no idle reset that would lose its pairing.
        kiosk.chrome(cat, lang, show_bar=kiosk_mode and here != ATTRACT, idle=kiosk_mode)
    if mode is Mode.SCREEN:
        screen.follow(here)
    if mode is not Mode.KIOSK and here != ATTRACT:  # a kiosk's bar carries its sample badge
        _header(cat.info.name.get(lang), cat.info.sample_data, lang, switch=not touch_screen)
    visits.count_page(here)
    st.session_state[_PAGE] = (cat.info.name.get(lang), here, lang)
    page_setup()
    try:
        room.run()
    except HonoreeNotFound as exc:
        # The id comes from the link as typed: shown inert and cut, never as Markdown (issue 14).
        st.warning(t("honoree_missing", lang, id=plain(exc.honoree_id, limit=ECHO_LIMIT)))
        st.page_link(page(HOME), label=t("back_home", lang), icon=":material/home:")
    except HallError as exc:
        log.warning("hall error on %s: %s", room.url_path, exc)
        st.warning(plain(str(exc)))
        st.page_link(page(HOME), label=t("back_home", lang), icon=":material/home:")
    except Exception:
        log.exception("room %s failed", room.url_path)
        st.error(t("error_generic", lang))
        st.page_link(page(HOME), label=t("back_home", lang), icon=":material/home:")


def _header(hall_name: str, sample: bool, lang: str, *, switch: bool) -> None:
    large_text = large.on()
    with st.container(horizontal=True, vertical_alignment="center", key="hall_header"):
        badge = f" :orange-badge[{t('sample_badge', lang)}]" if sample else ""
        note = t("sample_note", lang) if sample and not large_text else None  # no pop-ups when large
        st.markdown(f"**{plain(hall_name)}**{badge}", help=note, width="stretch")
        if switch:
            if not large_text:
                _phone_menu(lang)
            large.switch(lang)
            lang_ui.switch(lang)
    if large_text and switch:
        if sample:
            st.caption(t("sample_note", lang))
        _room_bar(lang)


def _room_bar(lang: str) -> None:
    """The 长辈版's menu, in the page rather than a pop-up: every room as a big link, in rows on a
    wide screen; on a phone folded under one labelled line (large.css shows one or the other)."""
    with st.container(key="large_rooms"):
        _room_links(lang, "large_bar")
    with st.expander(t("menu", lang), icon=":material/menu:"):
        _room_links(lang, "large_fold")


def _room_links(lang: str, key: str) -> None:
    with st.container(horizontal=True, key=key):
        for r in rooms_for(settings().mode):
            if r.visible:
                st.page_link(page(r.key), label=t(r.label, lang), icon=r.icon)


def _phone_menu(lang: str) -> None:
    """On a phone the menu of rooms, behind one labelled button (hall.css shows it only there):
    Streamlit's own way in is an unlabelled 30 px mark in the corner."""
    with st.popover(t("menu", lang), icon=":material/menu:", key="phone_menu"):
        for r in rooms_for(settings().mode):
            if r.visible:
                st.page_link(page(r.key), label=t(r.label, lang), icon=r.icon)


def subject(text: str) -> None:
    """Name what this page shows (a person, a tour …): the browser's title starts with it."""
    page_setup(text)


def page_setup(what: str = "") -> None:
    """The page's language and title (what it shows, the room, the hall), and the hall's words
    for the few strings Streamlit writes in English."""
    hall_name, room_key, lang = st.session_state[_PAGE]
    where = t(room(room_key).label, lang)
    config = {
        "lang": "zh-CN" if lang == "zh" else "en",
        "title": f"{what} · {where} — {hall_name}" if what else f"{where} — {hall_name}",
        "skip": t("skip_to_content", lang),
        "help": t("help", lang),
        "anchor": t("link_to_heading", lang),
        "start": t("range_start", lang),
        "end": t("range_end", lang),
    }
    # "<" escaped: no text in the config, ours or a pack's, can close the script element.
    cfg = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c")
    st.html(f"<script>{_JS.replace('CFG', cfg)}</script>", unsafe_allow_javascript=True)
