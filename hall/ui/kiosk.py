"""Kiosk chrome for the hall's touchscreens: locked down, big targets, idle reset, hand-off QR."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import streamlit as st

from hall.config import Mode
from hall.labels import t
from hall.pack import Catalog
from hall.publish import MIRROR, Style, honoree_link, published
from hall.qr import qr_svg
from hall.rooms import rooms_for
from hall.ui import lang as lang_ui
from hall.ui import large
from hall.ui.data import catalog, settings
from hall.ui.nav import page, title

_HERE = Path(__file__).parent
_CSS = (_HERE / "kiosk.css").read_text(encoding="utf-8")
_CONTRAST_CSS = (_HERE / "contrast.css").read_text(encoding="utf-8")
_JS = (_HERE / "kiosk.js").read_text(encoding="utf-8")
ATTRACT_URL = "./attract"


def chrome(cat: Catalog, lang: str, *, show_bar: bool = True, idle: bool = True) -> None:
    """Lock the screen down and install the idle watchdog; then the big room bar."""
    st.html(f"<style>{_CSS}</style>")
    if large.on():
        st.html(f"<style>{_CONTRAST_CSS}</style>")
    config = {
        "idle": cat.info.idle_seconds if idle else 0,
        "warn": cat.info.warning_seconds,
        "attract": ATTRACT_URL,
        "message": t("kiosk_still_there", lang),
    }
    # "<" escaped: no text in the config, ours or a pack's, can close the script element.
    cfg = json.dumps(config, ensure_ascii=False).replace("<", "\\u003c")
    st.html(
        f"<script>{_JS.replace('CFG', cfg)}</script>",
        unsafe_allow_javascript=True,
    )
    if show_bar:
        _bar(cat, lang)


def _bar(cat: Catalog, lang: str) -> None:
    """One row of big room buttons (two at most upright), large text, the language; and, while the
    pack is sample data, its badge — the kiosk has no other header."""
    with st.container(horizontal=True, key="kiosk_bar", gap="small", vertical_alignment="center"):
        for room in rooms_for(Mode.KIOSK):
            if room.visible:
                st.page_link(page(room.key), label=title(room, lang))
        st.button(
            t("kiosk_contrast", lang),
            key="contrast_switch",
            on_click=large.toggle,
            icon=":material/text_increase:",
        )
        lang_ui.switch(lang)
        if cat.info.sample_data:
            st.markdown(f":orange-badge[{t('sample_badge', lang)}]", help=t("sample_note", lang))


def reading_time(seconds: int) -> None:
    """Give a visitor reading a long text `seconds` more before the idle countdown."""
    st.html(f'<div data-hall-extra="{int(seconds)}"></div>')


def public_base() -> str:
    """The hall's public address: `base_url` from hall.yaml, or else the address this visitor
    reached the hall at (never a placeholder)."""
    configured = catalog().info.base_url
    if configured:
        return configured
    parts = urlsplit(st.context.url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def share_url(honoree_id: str) -> str:
    """Where a person's share link and QR code lead: their light page (HALL_LIGHT_URLS), which
    opens at once on any phone and leads into the hall; their page in the hall when light pages
    are off, or (served by Streamlit) not published yet."""
    style = Style(settings().light_urls)
    if style is Style.STATIC and not published(MIRROR, "p", honoree_id):
        style = Style.OFF
    return honoree_link(public_base(), honoree_id, style)


def hand_off(cat: Catalog, honoree_id: str, lang: str) -> None:
    """The QR code of this page in the online hall, to continue on a phone."""
    with st.container(border=True, key="qr"):
        st.subheader(t("qr_title", lang), anchor=False)
        st.image(qr_svg(share_url(honoree_id)), width=220, alt=t("qr_alt", lang))
        st.caption(t("qr_help", lang))


def touch_to_start() -> None:
    """On the attract screen, any touch opens the welcome hall in a fresh session."""
    st.html(
        # A name on the wall opens that person, and the wall's pause button pauses: a touch on
        # anything else begins the visit at the welcome hall.
        "<script>(() => { if (window.__hallAttract) return; window.__hallAttract = true;"
        " addEventListener('pointerdown', (e) => { if (e.target.closest('a, .st-key-wall_pause')) return;"
        " location.assign('./'); }, { capture: true }); })();</script>",
        unsafe_allow_javascript=True,
    )
