"""Attract screen (kiosk): the wall of names moving slowly, one person at a time coming forward;
a touch begins the visit."""

import datetime as dt
import time

import streamlit as st

from hall.config import Mode
from hall.labels import t
from hall.rooms import HOME
from hall.ui.capacity import fragment
from hall.ui.cards import honour_summary, portrait_url
from hall.ui.data import catalog, settings
from hall.ui.kiosk import touch_to_start
from hall.ui.lang import current
from hall.ui.nav import page
from hall.ui.screen import pairing_code
from hall.ui.text import plain
from hall.ui.wall import motion_paused, name_wall

SLIDE_SECONDS = 8
cat, lang = catalog(), current()
driven = settings().mode is Mode.SCREEN
if driven:  # a docent's screen: the pairing code, refreshed before it expires
    fragment(run_every=30)(lambda: pairing_code(lang))()
else:
    touch_to_start()


@fragment(run_every=SLIDE_SECONDS)
def showcase() -> None:
    people = cat.featured(dt.date.today(), 12)
    slides = [*people[:4], cat.eras[0], *people[4:8], cat.eras[1], *people[8:], cat.eras[2]]
    now = int(time.time() // SLIDE_SECONDS) % len(slides)
    # Paused (WCAG 2.2.2), the slide on screen stays until the visitor resumes.
    held = st.session_state.setdefault("attract_held", now) if motion_paused() else None
    if held is None:
        st.session_state.pop("attract_held", None)
    slide = slides[now if held is None else held]
    with st.container(key="attract_slide"):
        if hasattr(slide, "intro"):  # an era
            st.title(slide.name.get(lang), anchor=False)
            st.header(slide.span(lang), anchor=False)
            st.subheader("　".join(trait.get(lang) for trait in slide.traits), anchor=False)
            st.markdown(slide.intro.get(lang))
            return
        st.image(portrait_url(slide, "page"), width=240, alt=slide.name)
        st.title(plain(slide.name), anchor=False)
        line = plain(honour_summary(slide, cat, lang))
        if slide.sample:
            line += f" :orange-badge[{t('sample_tag', lang)}]"
        st.subheader(line, anchor=False)
        if slide.paragraphs:
            st.markdown(plain(slide.paragraphs[0]))


wall_side, person_side = st.columns([3, 2], gap="large")
with wall_side:
    name_wall(lang, moving=True)
with person_side:
    showcase()
if not driven:
    with st.container(key="attract_touch"):
        st.page_link(page(HOME), label=t("kiosk_touch", lang), icon=":material/touch_app:", width="stretch")
badge = f" :orange-badge[{t('sample_badge', lang)}]" if cat.info.sample_data else ""
st.caption(f"{plain(cat.info.name.get(lang))}{badge}")
