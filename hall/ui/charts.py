"""The timeline, map and life-line charts in the rooms: cached aggregates and figures, drawn offline."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from hall import figures, geo, timeline
from hall.config import STATIC_DIR, Mode
from hall.figures import PLOTLY_CONFIG
from hall.figures.as_text import chart_lines
from hall.figures.style import KIOSK_TEXT_PX, TEXT_PX
from hall.geo import DistrictMap
from hall.honours import HonourTable, People
from hall.labels import t
from hall.pack import write_atomically
from hall.pack.records import Honoree
from hall.rooms import era_room, room
from hall.ui import lang as lang_ui
from hall.ui import large
from hall.ui.cards import person_pages
from hall.ui.data import catalog, settings
from hall.ui.text import plain

log = logging.getLogger(__name__)

GEO_CACHE = "cache/geo"  # under static/, git-ignored: a served copy of the pack's boundaries
# Lists under a chart show fewer cards than a room of people: the chart already fills a screen.
LIST_PER_PAGE = 12


def this_year() -> int:
    return dt.date.today().year


@st.cache_resource(show_spinner=False)
def honour_table() -> HonourTable:
    """Every honour as numpy columns (read-only), shared by every session."""
    return HonourTable.build(catalog())


# ---------------------------------------------------------------------------------------
# 时间长廊
# ---------------------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def timeline_years(year: int) -> tuple[int, int]:
    return timeline.hall_years(honour_table(), catalog().eras, year)


@st.cache_resource(show_spinner=False)
def timeline_counts(decades: bool, year: int) -> timeline.Counts:
    first, last = timeline_years(year)
    table = honour_table()
    return timeline.decade_counts(table, first, last) if decades else timeline.year_counts(table, first, last)


def timeline_chart(decades: bool, lang: str, span: tuple[int, int], year: int) -> go.Figure:
    return _timeline_chart(decades, lang, span, year, text_px())


@st.cache_resource(show_spinner=False, max_entries=128)
def _timeline_chart(decades: bool, lang: str, span: tuple[int, int], year: int, px: int) -> go.Figure:
    cat = catalog()
    first, last = timeline_years(year)
    return figures.timeline_figure(
        timeline_counts(decades, year),
        timeline.era_bands(cat.eras, last),
        timeline.milestone_marks(cat.milestones, first, last),
        lang=lang,
        decades=decades,
        span=span,
        text_px=px,
    )


@st.cache_resource(show_spinner=False, max_entries=128)
def span_people(start: int, end: int) -> People:
    """The honorees with an honour dated within [start, end], best honours first."""
    return People(catalog().honorees, timeline.span_people(honour_table(), start, end))


# ---------------------------------------------------------------------------------------
# 地图 and 创新工作室
# ---------------------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def district_map() -> DistrictMap:
    """The pack's checked district boundaries.

    Raises:
        PackError: the GeoJSON is missing, unreadable or does not match hall.yaml (not cached,
            so a fixed file is picked up on the next run).
    """
    cat = catalog()
    return geo.load_district_map(cat.pack, cat.districts)


@st.cache_resource(show_spinner=False)
def geojson_ref() -> str | dict[str, Any]:
    """Where plotly.js gets the boundaries: a served static copy, or inline if none can be written.

    A URL keeps every rerun's message small and lets the browser cache the file; the name
    carries a content hash, so a changed pack never meets a stale copy.
    """
    dmap = district_map()
    name = f"{GEO_CACHE}/districts-{dmap.digest}.geojson"
    path = STATIC_DIR / name
    try:
        if not path.exists():
            write_atomically(path, dmap.geojson_text.encode())
    except OSError as exc:  # a read-only install still draws the map, with bigger messages
        log.warning("cannot write %s (%s); sending the boundaries inline", path, exc)
        return dmap.feature_collection
    return f"app/static/{name}"


@st.cache_resource(show_spinner=False, max_entries=256)
def district_tally(era: str | None, honour: str | None) -> dict[str, int]:
    return geo.district_counts(catalog(), honour_table(), era, honour)


@st.cache_resource(show_spinner=False, max_entries=256)
def district_people(adcode: str, era: str | None, honour: str | None) -> People:
    return People(catalog().honorees, geo.district_people(honour_table(), adcode, era, honour))


def text_px() -> int:
    """Chart text: read standing at a kiosk, or at arm's length on a phone or PC; the 长辈版's
    body size when a visitor asked for large text."""
    if large.on():
        return large.BODY_PX
    return KIOSK_TEXT_PX if settings().mode in (Mode.KIOSK, Mode.SCREEN) else TEXT_PX


def map_height() -> int:
    """A kiosk's map fills most of its screen; online it shares the page."""
    return 780 if settings().mode in (Mode.KIOSK, Mode.SCREEN) else 440


def district_names(lang: str) -> dict[str, str]:
    return {d.adcode: d.name.get(lang) for d in catalog().districts}


def map_chart(lang: str, **options: Any) -> go.Figure:
    """The district map at this visitor's text size; `options` as for `_map_chart`.

    Raises:
        PackError: the pack's boundaries cannot be used (see district_map).
    """
    return _map_chart(lang, text_px(), **options)


@st.cache_resource(show_spinner=False, max_entries=256)
def _map_chart(
    lang: str,
    px: int,
    *,
    era: str | None = None,
    honour: str | None = None,
    shaded: bool = True,
    with_studios: bool = False,
    studio_district: str | None = None,
    open_only: bool = False,
    selected: str | None = None,
) -> go.Figure:
    """The district map, shaded by honorees (era/honour filters) or plain, studios as dots if asked.

    Raises:
        PackError: the pack's boundaries cannot be used (see district_map).
    """
    cat = catalog()
    return figures.district_map_figure(
        district_map(),
        district_names(lang),
        lang=lang,
        geojson=geojson_ref(),
        counts=district_tally(era, honour) if shaded else None,
        studios=geo.studios_in(cat, studio_district, open_only) if with_studios else (),
        selected=selected,
        height=map_height(),
        text_px=px,
    )


def map_problems(exc: Exception, lang: str) -> None:
    """A clear message instead of a blank map: what is wrong with which file."""
    st.error(t("map_unavailable", lang), icon=":material/map:")
    problems = getattr(exc, "problems", ())
    st.code("\n".join(str(p) for p in problems) or str(exc), language=None)


# ---------------------------------------------------------------------------------------
# 个人年表
# ---------------------------------------------------------------------------------------


@st.cache_resource(show_spinner=False, max_entries=512)
def life_chart(honoree_id: str, lang: str, year: int, px: int) -> go.Figure | None:
    cat = catalog()
    h = cat.honoree(honoree_id)
    return figures.life_line_figure(
        timeline.life_line(cat, h),
        timeline.era_bands(cat.eras, max((year, *(x.year or 0 for x in h.honours)))),
        lang=lang,
        honour_names={code: cat.honour_name(code, lang) for code in {x.code for x in h.honours}},
        # The eras' short names (their rooms'): a recent era's band is narrow.
        era_names={e.id: t(room(era_room(e.id)).label, lang) for e in cat.eras},
        text_px=px,
    )


def life_line(h: Honoree, lang: str) -> None:
    """个人年表: birth and dated honours on the eras' line, then what the record leaves undated."""
    events = timeline.life_line(catalog(), h)
    fig = life_chart(h.id, lang, this_year(), text_px())
    undated = sum(1 for e in events if e.kind == "honour" and e.year is None)
    role = next((e for e in events if e.kind == "role"), None)
    if fig is None and role is None:
        return
    st.subheader(t("life_line", lang), anchor=False)
    if fig is not None:
        show(fig, key="life_line", about=t("life_line", lang))
    notes = []
    if undated:
        notes.append(t("life_undated", lang, n=undated))
    if role is not None:
        joiner = ", " if lang == "en" else "，"
        notes.append(t("life_role", lang, role=joiner.join(x for x in (role.position, role.employer) if x)))
    for note in notes:
        st.caption(plain(note))


# ---------------------------------------------------------------------------------------
# Drawing
# ---------------------------------------------------------------------------------------


def people_page(
    people: People,
    key: str,
    lang: str,
    note: Callable[[Honoree], str] | None = None,
    per_page: int = LIST_PER_PAGE,
) -> None:
    """The people picked on a chart, a page of cards at a time; `note` adds a safe line to each."""
    person_pages(len(people), key, lang, lambda start, stop: people[start:stop], note, per_page)


def show(
    fig: go.Figure,
    *,
    key: str,
    about: str,
    on_select: Callable[[], None] | None = None,
    selection_mode: tuple[str, ...] = ("points",),
) -> None:
    """st.plotly_chart with the hall's offline config (no CDN, no mode bar, no scroll zoom), and
    below it the chart as text for a screen reader; `about` says what it shows."""
    alt = t("chart_alt", lang_ui.current(), title=about)
    if on_select is None:
        st.plotly_chart(fig, key=key, config=PLOTLY_CONFIG, width="stretch", alt=alt)
    else:
        st.plotly_chart(
            fig,
            key=key,
            config=PLOTLY_CONFIG,
            width="stretch",
            on_select=on_select,
            selection_mode=selection_mode,  # type: ignore[arg-type]
            alt=alt,
        )
    as_text(fig)


def as_text(fig: go.Figure) -> None:
    """The chart's marks as a table under a fold (WCAG 1.1.1). Not on a touchscreen: it has no
    screen reader, and its text lists already stand beside each chart."""
    if settings().mode in (Mode.KIOSK, Mode.SCREEN):
        return
    lines = chart_lines(fig)
    if not lines:
        return
    lang = lang_ui.current()
    with st.expander(t("chart_as_text", lang, n=len(lines))):
        series = [s for s, _ in lines]
        columns = {t("chart_series", lang): series} if any(series) else {}
        st.table(pd.DataFrame(columns | {t("chart_mark", lang): [w for _, w in lines]}), hide_index=True)


def selection(key: str) -> dict[str, Any]:
    """The current selection of the chart with `key` (empty when none)."""
    state = st.session_state.get(key)
    picked = getattr(state, "selection", None) if state is not None else None
    return dict(picked) if picked else {}
