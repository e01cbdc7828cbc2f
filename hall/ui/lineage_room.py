"""The 传承 room's body: the city's lines (graph, text list, figures, filters), or one person's
line followed by a tap — on a kiosk by big buttons, never by dots alone."""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

from hall.figures.lineage import NAMED, bars_figure
from hall.labels import t
from hall.lineage import Filters, Lineage
from hall.pack import Catalog
from hall.ui.charts import text_px
from hall.ui.data import catalog
from hall.ui.lineage import (
    chart,
    follow_button,
    generations,
    line_chart,
    lineage,
    overview_chart,
    pair_source,
    person_link,
    tapped,
)
from hall.ui.paging import KIOSK_PER_PAGE, paged
from hall.ui.text import plain
from hall.ui.widgets import choice, kiosk

VIEWS = ("graph", "list", "figures")  # a kiosk shows one at a time, switched beside the title
VIEW_LABELS = {"graph": "lineage_view_graph", "list": "lineage_list", "figures": "lineage_figures"}
TOP_STUDIOS = 10
KIOSK_CHIPS = 8


def show_room(cat: Catalog, lang: str) -> None:
    """The room: one person's line when the address names one (?id=), else the city's lines."""
    lin = lineage()
    focus = st.query_params.get("id", "")
    if focus:
        _line(lin, focus, lang)
    else:
        _city(lin, cat, lang)


def _on_tap(chart: str) -> Callable[[], None]:
    def pick() -> None:
        key = tapped(chart)
        if key:
            st.query_params["id"] = key

    return pick


def _back() -> None:
    st.query_params.pop("id", None)


def _heading(lang: str, touch: bool, title: str) -> str:
    """The room's title, and on a kiosk the switch between its views beside it."""
    if not touch:
        st.title(plain(title), anchor=False)
        return ""
    with st.container(horizontal=True, vertical_alignment="bottom", key="lineage_head"):
        st.title(plain(title), anchor=False, width="stretch")
        return st.segmented_control(
            t("lineage_view", lang),
            VIEWS,
            key="lineage_view",
            default=VIEWS[0],
            required=True,
            format_func=lambda v: t(VIEW_LABELS[v], lang),
            label_visibility="collapsed",
        )


def _line(lin: Lineage, key: str, lang: str) -> None:
    touch = kiosk()
    line = lin.line(key)
    if line is None:
        st.title(t("room_lineage", lang), anchor=False)
        st.info(t("lineage_unknown", lang))
        st.button(t("lineage_all", lang), key="lineage_back", on_click=_back, icon=":material/arrow_back:")
        return
    person = line.person
    st.title(plain(t("lineage_this_line", lang, name=person.name)), anchor=False)
    graph, text = st.columns([3, 2], gap="large")
    with graph:
        fig = line_chart(key, touch)
        alt = t(
            "lineage_line_alt", lang, name=person.name, up=len(line.up), down=len(line.down), people=line.size
        )
        if fig is not None:
            name = f"lineage_line_{abs(hash(key)) % 10**8}"  # a new chart (and selection) per person
            chart(fig, key=name, alt=alt, on_select=_on_tap(name))
        st.caption(plain(alt))  # the alt is an attribute; on the page a name is shown as typed
    with text, st.container(key="lineage_line_list"):
        st.button(t("lineage_all", lang), key="lineage_back", on_click=_back, icon=":material/arrow_back:")
        if not touch:
            person_link(person, lang)
        for heading, people in generations(line, lang):
            st.markdown(f"**{plain(heading)}**")
            for p in people:
                follow_button(p, lang, key=f"lineage_go_{p.key}")
                if not touch:
                    person_link(p, lang)
        for i in line.pairs:
            if not lin.pairs[i].sample:
                pair_source(lin.pairs[i], lang)
                break


def _filters(lin: Lineage, cat: Catalog, lang: str) -> Filters:
    """Craft, industry, district and studio; a studio's card opens the room at its studio."""
    studio = st.query_params.get("studio", "")
    if studio and "lineage_studio" not in st.session_state:
        st.session_state["lineage_studio"] = studio
    options = lin.choices()
    studios = {s.id: s.name for s in cat.studios}
    districts = {d.adcode: d.name.get(lang) for d in cat.districts}
    industries = {i.name.zh: i.name.get(lang) for i in cat.industries}
    touch = kiosk()
    with st.container(horizontal=not touch, key="lineage_filters"):
        # A kiosk shows chips: the districts and the commonest industries, no long menus.
        craft = (
            None
            if touch
            else choice(t("lineage_filter_craft", lang), options["craft"], "lineage_craft", str, lang)
        )
        industry = choice(
            t("lineage_filter_industry", lang),
            options["industry"][: KIOSK_CHIPS if touch else None],
            "lineage_industry",
            lambda v: industries.get(v, v),
            lang,
        )
        district = choice(
            t("lineage_filter_district", lang),
            list(districts),
            "lineage_district",
            districts.__getitem__,
            lang,
        )
        studio = (
            st.session_state.get("lineage_studio")
            if touch
            else choice(
                t("lineage_filter_studio", lang),
                [s for s in options["studio"] if s in studios],
                "lineage_studio",
                lambda v: studios.get(v, v),
                lang,
            )
        )
    return Filters(craft or "", industry or "", district or "", studio or "")


def _city(lin: Lineage, cat: Catalog, lang: str) -> None:
    touch = kiosk()
    view = _heading(lang, touch, t("room_lineage", lang))
    if not touch:
        st.markdown(t("lineage_intro", lang))
    f = _filters(lin, cat, lang)
    chosen = lin.select(f)
    people = {k for i in chosen for k in (lin.pairs[i].master_id, lin.pairs[i].apprentice_key)}
    roots = lin.roots(chosen)
    st.caption(t("lineage_counts", lang, pairs=len(chosen), people=len(people), lines=len(roots)))
    if not chosen:
        st.info(t("lineage_none", lang))
        return
    if not touch or view == "graph":
        alt = t("lineage_graph_alt", lang, people=len(people), pairs=len(chosen))
        chart(overview_chart(f, touch), key="lineage_city", alt=alt, on_select=_on_tap("lineage_city"))
        st.caption(alt)
        st.caption(t("lineage_tap_hint", lang))
    if not touch or view == "list":
        _list(lin, roots, lang, touch, key=f"lineage_page_{hash(f)}")
    if not touch or view == "figures":
        _figures(f, lang)


def _list(lin: Lineage, roots: tuple[str, ...], lang: str, touch: bool, key: str) -> None:
    """The lines as text: each first master, how many they taught, and the way to follow them."""
    st.subheader(t("lineage_list", lang), anchor=False)

    def draw(start: int, stop: int) -> None:
        for root in roots[start:stop]:
            p = lin.people[root]
            with st.container(key=f"lineage_root_{root}", horizontal=True, vertical_alignment="center"):
                follow_button(p, lang, key=f"lineage_follow_{root}")
                st.markdown(plain(t("lineage_root_line", lang, name=p.name, n=len(lin.apprentices(root)))))

    paged(
        len(roots),
        key,
        lang,
        draw,
        per_page=KIOSK_PER_PAGE // 2 if touch else 20,
        counted="lineage_lines_count",
        empty="lineage_none",
    )


@st.cache_resource(show_spinner=False, max_entries=256)
def _figure_set(f: Filters, lang: str, px: int) -> tuple[tuple[str, str, go.Figure, str], ...]:
    """The room's figures for a filter, each (chart key, heading, figure, its text), built once."""
    lin, cat = lineage(), catalog()
    chosen = lin.select(f)
    out = []
    years = lin.per_year(chosen)
    if years:
        top = max(years, key=lambda y: (years[y], -y))
        alt = t(
            "lineage_per_year_alt",
            lang,
            first=min(years),
            last=max(years),
            total=sum(years.values()),
            year=top,
            n=years[top],
        )
        fig = bars_figure([str(y) for y in years], list(years.values()), text_px=px)
        out.append(("lineage_years", t("lineage_per_year", lang), fig, alt))
    studios = lin.per_studio(chosen)
    if studios:
        names = {s.id: s.name for s in cat.studios}
        shown = list(studios.items())[:TOP_STUDIOS]
        fig = bars_figure(
            [names.get(k, k) for k, _ in shown], [n for _, n in shown], horizontal=True, text_px=px
        )
        top = ("、" if lang == "zh" else ", ").join(f"{names.get(k, k)} ({n})" for k, n in shown[:3])
        alt = t("lineage_per_studio_alt", lang, studios=len(studios), top=top)
        out.append(("lineage_studios", t("lineage_per_studio", lang), fig, alt))
    honoured = lin.honoured_later(chosen, cat)
    keys = ("lineage_honoured_after", "lineage_honoured_before", "lineage_honoured_not_yet")
    values = [honoured["after"], honoured["before"], honoured["not_yet"]]
    fig = bars_figure([t(k, lang) for k in keys], values, horizontal=True, text_px=px, colour=NAMED)
    alt = t("lineage_honoured_alt", lang, **honoured)
    out.append(("lineage_honoured", t("lineage_honoured", lang), fig, alt))
    return tuple(out)


def _figures(f: Filters, lang: str) -> None:
    """Pairs per year, per studio, and what became of the apprentices, each with its text below."""
    st.subheader(t("lineage_figures", lang), anchor=False)
    for key, heading, fig, alt in _figure_set(f, lang, text_px()):
        st.markdown(f"**{heading}**")
        chart(fig, key=key, alt=f"{heading}：{alt}")
        st.caption(plain(alt))
