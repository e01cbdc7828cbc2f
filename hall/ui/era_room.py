"""One era's room as an exhibition: its banner, intro and spirit, its milestones, three stories
told at length — then its people as filterable portrait cards."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from hall.exhibition import era_milestones, era_stories
from hall.labels import t
from hall.pack import Era, Honoree
from hall.packmedia import art_url
from hall.rooms import HONOREE
from hall.ui.cards import display_name, found_people, honour_summary, person_pages, portrait_url
from hall.ui.data import catalog, index, settings
from hall.ui.lang import current
from hall.ui.listen import listen
from hall.ui.nav import link, page
from hall.ui.realroll import real_only
from hall.ui.text import plain
from hall.ui.widgets import choice, kiosk
from hall.voice import reading as voice

VIEWS = ("stories", "milestones", "people")  # a kiosk's era room, one screen each (labels era_view_*)


def show(era_id: str) -> None:
    """Online the room reads from top to bottom; a kiosk shows one screen at a time — the
    stories first, the milestones, the people — chosen with a switch always in view."""
    cat, lang = catalog(), current()
    era = cat.era(era_id)
    if not kiosk():
        _panel(era, lang)
        _milestones(era, lang)
        _stories(era_id, lang)
        _people(era_id, lang)
        return
    with st.container(horizontal=True, vertical_alignment="bottom", key="era_head"):
        st.title(era.name.get(lang), anchor=False, width="stretch")
        view = st.segmented_control(
            t("era_view", lang),
            VIEWS,
            key="era_view",
            default=VIEWS[0],
            required=True,
            format_func=lambda v: t(f"era_view_{v}", lang),
            label_visibility="collapsed",
        )
    if view == "stories":
        _panel(era, lang, title=False)
        _stories(era_id, lang)
    elif view == "milestones":
        _milestones(era, lang)
    else:
        _people(era_id, lang)


def _panel(era: Era, lang: str, *, title: bool = True) -> None:
    """The era's banner, name, years, intro and spirit."""
    banner = art_url(settings().pack, f"era-{era.id}.svg")
    if banner:
        st.image(banner, alt="", width="stretch")  # decorative: the title says what it is
    if title:
        st.title(era.name.get(lang), anchor=False)
    # The years and 听讲解 share a row: on a kiosk the era's stories keep their first screen.
    with st.container(horizontal=True, vertical_alignment="center", key="era_span"):
        st.caption(era.span(lang), width="content")
        listen(voice.era(era, lang), era.name.get(lang))
    with st.container(key="era_panel"):
        st.markdown(plain(era.intro.get(lang)))
        traits = "　".join(f":red-badge[{plain(trait.get(lang))}]" for trait in era.traits)
        st.markdown(f"**{t('era_traits', lang)}**　{traits}")


def _people(era_id: str, lang: str) -> None:
    """The era's people as cards, filtered by honour and district, a page at a time."""
    cat, idx = catalog(), index()
    everyone = idx.search("", era=era_id, limit=0)
    honours = sorted(everyone.facets["honour"], key=lambda c: (cat.honour_kinds[c].level.rank, c))
    left, right = (st.container(), st.container()) if kiosk() else st.columns(2)
    with left:
        honour = choice(
            t("filter_honour", lang),
            honours,
            f"{era_id}_honour",
            lambda c: f"{cat.honour_name(c, lang)} ({everyone.facets['honour'][c]})",
            lang,
        )
    with right:
        district = choice(
            t("filter_district", lang),
            [d.adcode for d in cat.districts],
            f"{era_id}_district",
            lambda c: cat.district(c).name.get(lang),
            lang,
        )
    real = real_only(f"{era_id}_real", lang) or None
    if not kiosk():
        st.subheader(t("era_people", lang), anchor=False)
    key = f"page_{era_id}_{honour}_{district}_{real}"
    total = idx.search("", era=era_id, honour=honour, district=district, real=real, limit=0).total
    people = found_people(era=era_id, honour=honour, district=district, real=real)
    person_pages(total, key, lang, people, era=era_id)


def _milestones(era: Era, lang: str) -> None:
    """The era's dated events in a strip, and the way to them on the timeline."""
    marks = era_milestones(catalog(), era)
    if not marks:
        return
    st.subheader(t("era_milestones", lang), anchor=False)
    with st.container(key="era_milestones"):
        for i, m in enumerate(marks):
            with st.container(key=f"milestone_{i}", border=True):
                st.markdown(f"**{m.year}**")
                st.caption(plain(m.title.get(lang)))
    end = era.end if era.end is not None else dt.date.today().year
    link("timeline", t("era_on_timeline", lang), ":material/timeline:", span=[str(era.start), str(end)])


@st.cache_resource(show_spinner=False, max_entries=16)
def _told(era_id: str) -> tuple[Honoree, ...]:
    """The era's three stories: chosen once per process (at 100,000 people, a sort of thousands)."""
    return era_stories(catalog(), era_id)


def _stories(era_id: str, lang: str) -> None:
    """Three people of the era, their story told at length: real people first."""
    cat = catalog()
    people = _told(era_id)
    if not people:
        return
    st.subheader(t("era_stories", lang), anchor=False)
    for col, h in zip(st.columns(len(people), gap="medium"), people, strict=True):
        with col, st.container(border=True, key=f"story_{h.id}"):
            st.image(portrait_url(h, "page"), width=160, alt=h.name)
            st.page_link(page(HONOREE), label=plain(display_name(h, lang)), query_params={"id": h.id})
            line = plain(honour_summary(h, cat, lang, era_id))
            if h.sample:
                line += f" :gray-badge[{t('sample_tag', lang)}]"
            st.caption(line)
            for paragraph in h.paragraphs[: 1 if kiosk() else 2]:  # a kiosk's story fits its screen
                st.markdown(plain(paragraph))
            if h.quote:
                st.markdown(f"> {plain(h.quote)}")
