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
from hall.ui.nav import link, page
from hall.ui.text import plain
from hall.ui.widgets import choice


def show(era_id: str) -> None:
    cat, lang, idx = catalog(), current(), index()
    era = cat.era(era_id)
    banner = art_url(settings().pack, f"era-{era_id}.svg")
    if banner:
        st.image(banner, alt="", width="stretch")  # decorative: the title says what it is
    st.title(era.name.get(lang))
    st.caption(era.span(lang))
    with st.container(key="era_panel"):
        st.markdown(plain(era.intro.get(lang)))
        traits = "　".join(f":red-badge[{plain(trait.get(lang))}]" for trait in era.traits)
        st.markdown(f"**{t('era_traits', lang)}**　{traits}")
    _milestones(era, lang)
    _stories(era_id, lang)

    everyone = idx.search("", era=era_id, limit=0)
    honours = sorted(everyone.facets["honour"], key=lambda c: (cat.honour_kinds[c].level.rank, c))
    left, right = st.columns(2)
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

    st.subheader(t("era_people", lang))
    key = f"page_{era_id}_{honour}_{district}"
    total = idx.search("", era=era_id, honour=honour, district=district, limit=0).total
    person_pages(total, key, lang, found_people(era=era_id, honour=honour, district=district), era=era_id)


def _milestones(era: Era, lang: str) -> None:
    """The era's dated events in a strip, and the way to them on the timeline."""
    marks = era_milestones(catalog(), era)
    if not marks:
        return
    st.subheader(t("era_milestones", lang))
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
    st.subheader(t("era_stories", lang))
    for col, h in zip(st.columns(len(people), gap="medium"), people, strict=True):
        with col, st.container(border=True, key=f"story_{h.id}"):
            st.image(portrait_url(h, "page"), width=160, alt=h.name)
            st.page_link(page(HONOREE), label=plain(display_name(h, lang)), query_params={"id": h.id})
            line = plain(honour_summary(h, cat, lang, era_id))
            if h.sample:
                line += f" :gray-badge[{t('sample_tag', lang)}]"
            st.caption(line)
            for paragraph in h.paragraphs[:2]:
                st.markdown(plain(paragraph))
            if h.quote:
                st.markdown(f"> {plain(h.quote)}")
