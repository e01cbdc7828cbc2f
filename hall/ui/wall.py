"""The wall of names (名录墙): every honoree's name, coloured by era, each a link to the person —
still on the welcome hall, slowly moving on the kiosk's attract screen."""

from __future__ import annotations

import datetime as dt
import html

import streamlit as st

from hall.exhibition import wall, wall_html
from hall.labels import t
from hall.rooms import HONOREE, room
from hall.ui.data import catalog


@st.cache_resource(show_spinner=False, max_entries=4)
def _wall_markup(day: dt.date) -> tuple[str, int, int]:
    """The wall's links (built once a day per process: the same for every visitor and language),
    how many names it shows, and how many people the hall holds."""
    cat = catalog()
    hung = wall(cat, day)
    era_class = {era.id: f"e{i}" for i, era in enumerate(cat.eras)}
    return wall_html(hung.names, era_class, room(HONOREE).url), len(hung.names), hung.total


def name_wall(lang: str, *, moving: bool = False) -> None:
    """The wall, with its legend; `moving` scrolls it slowly (paused by the visitor, and still for
    anyone whose device asks for reduced motion)."""
    cat = catalog()
    links, shown, total = _wall_markup(dt.date.today())
    legend = "".join(
        f'<span class="e{i}">{_escape(era.name.get(lang))} {era.span(lang)}</span>'
        for i, era in enumerate(cat.eras)
    )
    count = (
        t("wall_count", lang, n=f"{total:,}")
        if shown == total
        else t("wall_sample", lang, n=f"{shown:,}", total=f"{total:,}")
    )
    paused = " paused" if motion_paused() else ""
    motion = f" moving{paused}" if moving else ""
    title = _escape(t("wall_title", lang))
    st.html(
        f'<div class="hall-wall-legend">{legend}<span class="r">{_escape(t("wall_real", lang))}</span>'
        f"<span>{_escape(count)}</span></div>"
        f'<nav class="hall-wall{motion}" aria-label="{title}">'
        f'<div class="hall-wall-names">{links}</div></nav>'
    )
    if moving:
        st.button(
            t("wall_resume" if paused else "wall_pause", lang),
            key="wall_pause",
            on_click=_toggle_pause,
            icon=":material/play_arrow:" if paused else ":material/pause:",
        )


def motion_paused() -> bool:
    """Whether the visitor paused the attract screen's motion: the wall and the changing slides."""
    return bool(st.session_state.get("wall_paused"))


def _toggle_pause() -> None:
    st.session_state["wall_paused"] = not st.session_state.get("wall_paused", False)


def _escape(text: str) -> str:
    return html.escape(text, quote=True)
