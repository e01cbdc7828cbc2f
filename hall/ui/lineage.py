"""名师高徒 on screen: a person's 师承, the lines as text and as a graph, a studio's pairs.

The lineage and its layout are built once per process (like the catalogue); a graph is
cached per person followed or per filter, so a tap redraws from memory.
"""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

from hall.figures.lineage import lineage_figure
from hall.figures.style import PLOTLY_CONFIG
from hall.labels import t
from hall.lineage import Filters, Line, Lineage, Person, View, tapped_person
from hall.pack import Catalog, Honoree
from hall.pack.pairs import Pair
from hall.pack.records import Studio
from hall.rooms import HONOREE
from hall.ui.charts import selection, text_px
from hall.ui.data import catalog
from hall.ui.nav import exists, link, page
from hall.ui.text import cited, plain, t_inert
from hall.ui.widgets import kiosk

ROOM = "lineage"
LABELLED_UP_TO = 60  # people on a graph before names would overlap: past it, dots with hover names
OVERVIEW_SLOTS = {False: 80.0, True: 100.0}  # a row of families: a page's width, a kiosk's
SHOWN_PAIRS = 6  # a studio card lists this many pairs, then links to the room for the rest


@st.cache_resource(show_spinner=False)
def lineage() -> Lineage:
    """The pack's lineage, laid out once per process (read-only)."""
    return Lineage.of(catalog())


def person_label(p: Person, lang: str) -> str:
    if p.honoree or not p.employer:
        return p.name
    return t("lineage_named", lang, name=p.name, employer=p.employer)


def person_link(p: Person, lang: str) -> None:
    """An honoree's name as a link to their page; anyone else as their name and employer."""
    if p.honoree:
        st.page_link(
            page(HONOREE),
            label=plain(t("lineage_open_person", lang, name=p.name)),
            query_params={"id": p.key},
            icon=":material/person:",
        )
    else:  # no page of their own: their name and employer, as plain text
        st.markdown(plain(person_label(p, lang)))


def follow(key: str) -> None:
    """Show this person's line in the 传承 room (a button's callback there)."""
    st.query_params["id"] = key


def follow_button(p: Person, lang: str, *, key: str) -> None:
    """A button (≥ 60 px on a kiosk) that follows the line on to this person."""
    st.button(
        plain(t("lineage_follow", lang, name=p.name)),
        key=key,
        on_click=follow,
        args=(p.key,),
        icon=":material/account_tree:",
    )


def generations(line: Line, lang: str) -> list[tuple[str, tuple[Person, ...]]]:
    """The line's generations with their headings, farthest master first."""
    up_names = ("lineage_masters", "lineage_masters_masters")
    down_names = ("lineage_apprentices", "lineage_apprentices_apprentices")
    rows: list[tuple[str, tuple[Person, ...]]] = []
    for n, level in reversed(list(enumerate(line.up, start=1))):
        rows.append((t(up_names[n - 1], lang) if n <= 2 else t("lineage_generation_up", lang, n=n), level))
    for n, level in enumerate(line.down, start=1):
        rows.append(
            (t(down_names[n - 1], lang) if n <= 2 else t("lineage_generation_down", lang, n=n), level)
        )
    return rows


def person_section(h: Honoree, cat: Catalog, lang: str) -> None:  # type: ignore[valid-type]
    """师承 on a person's page: masters' masters, masters, apprentices and theirs, each a link,
    then the way into the 传承 room at this person's line."""
    lin = lineage()
    line = lin.line(h.id)  # type: ignore[attr-defined]
    if line is None:
        return
    st.subheader(t("lineage_section", lang), anchor=False)
    with st.container(key="person_lineage"):
        for heading, people in generations(line, lang):
            st.markdown(f"**{plain(heading)}**")
            for p in people:
                person_link(p, lang)
                pair = _pair_between(lin, line, p)
                if pair is not None:
                    st.caption(plain(pair_note(pair, lang)))
        if exists(ROOM):
            link(ROOM, plain(t("lineage_follow", lang, name=h.name)), ":material/account_tree:", id=h.id)  # type: ignore[attr-defined]


def _pair_between(lin: Lineage, line: Line, p: Person) -> Pair | None:  # type: ignore[valid-type]
    """The pair that ties `p` to the line's person, when they are master or apprentice to them."""
    here = line.person.key
    for i in lin.masters_of.get(here, ()) + lin.apprentices_of.get(here, ()):
        pair = lin.pairs[i]
        if p.key in (pair.master_id, pair.apprentice_key):
            return pair
    return None


def pair_note(pair: Pair, lang: str) -> str:  # type: ignore[valid-type]
    """When and in what a pair was made, and what came of it."""
    craft = pair.craft or "—"
    when = (
        t("lineage_pair", lang, year=pair.year, craft=craft)
        if pair.year
        else t("lineage_pair_no_year", lang, craft=craft)
    )
    parts = [when]
    if pair.outcome:
        parts.append(t("lineage_outcome", lang, text=pair.outcome))
    if pair.sample:
        parts.append(t("sample_tag", lang))
    return " · ".join(parts)


def pair_source(pair: Pair, lang: str) -> None:  # type: ignore[valid-type]
    if pair.source:
        st.caption(f"{plain(t('source', lang))}：{cited(pair.source, links=not kiosk())}")


def studio_pairs(s: Studio, cat: Catalog, lang: str) -> None:  # type: ignore[valid-type]
    """A studio card's pairs: how many, the first few (master → apprentice, year), and the way
    into the 传承 room with the studio picked."""
    lin = lineage()
    mine = [lin.pairs[i] for i in lin.select(Filters(studio=s.id))]  # type: ignore[attr-defined]
    if not mine:
        return
    st.markdown(f"**{plain(t('studio_pairs', lang, n=len(mine)))}**")
    if not kiosk():
        for pair in mine[:SHOWN_PAIRS]:
            master, apprentice = lin.people[pair.master_id], lin.people[pair.apprentice_key]
            note = f"{pair.year}" if pair.year else ""
            st.markdown(plain(f"{master.name} → {person_label(apprentice, lang)} {note}".strip()))
    if exists(ROOM):
        link(ROOM, t_inert("studio_pairs_link", lang, studio=s.name), ":material/account_tree:", studio=s.id)  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------------------
# Graphs, cached per line or filter
# ---------------------------------------------------------------------------------------


def _figure(lin: Lineage, v: View, focus: str, touch: bool) -> go.Figure:
    labelled = len(v.keys) <= LABELLED_UP_TO
    return lineage_figure(
        v.keys,
        v.xs,
        v.ys,
        v.edges,
        names={k: lin.people[k].name for k in v.keys},
        honorees={k for k in v.keys if lin.people[k].honoree},
        focus=focus,
        labelled=labelled,
        text_px=text_px(),
        dot_px=(30 if labelled else 16) if touch else (16 if labelled else 9),
        # The whole city unlabelled is its shape: generations close together, to fit a screen.
        row_px=90 if labelled else (18 if touch else 24),
    )


@st.cache_resource(show_spinner=False, max_entries=512)
def line_chart(key: str, touch: bool) -> go.Figure | None:
    lin = lineage()
    line = lin.line(key)
    return None if line is None else _figure(lin, lin.line_view(line), key, touch)


@st.cache_resource(show_spinner=False, max_entries=256)
def overview_chart(f: Filters, touch: bool) -> go.Figure:
    lin = lineage()
    return _figure(lin, lin.view(lin.select(f), OVERVIEW_SLOTS[touch]), "", touch)


def chart(fig: go.Figure, *, key: str, alt: str, on_select: Callable[[], None] | None = None) -> None:
    """A lineage chart with the hall's offline config and `alt` as its accessible name (the same
    sentence is printed below it for everyone)."""
    if on_select is None:
        st.plotly_chart(fig, key=key, config=PLOTLY_CONFIG, width="stretch", alt=alt)
    else:
        st.plotly_chart(
            fig,
            key=key,
            config=PLOTLY_CONFIG,
            width="stretch",
            alt=alt,
            on_select=on_select,
            selection_mode=("points",),
        )


def tapped(key: str) -> str:
    """The person tapped on the graph with `key` ("" when none)."""
    return tapped_person(selection(key), lineage())
