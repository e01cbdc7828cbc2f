"""序厅 — the welcome hall: the wall of names, the hall's numbers, the three era doors, today's people.

On a kiosk the wall and the doors share the first screen: the wall beside the doors when the
screen lies wide, above them when it stands upright."""

import datetime as dt

import streamlit as st

from hall.labels import t
from hall.rooms import era_room, room
from hall.ui.cards import card_grid
from hall.ui.data import catalog
from hall.ui.guestbook import guestbook
from hall.ui.lang import current
from hall.ui.nav import link, page
from hall.ui.realroll import real_count_line
from hall.ui.wall import name_wall
from hall.ui.widgets import kiosk

cat, lang = catalog(), current()
stats = cat.stats()
touch = kiosk()

st.title(cat.info.name.get(lang), anchor=False)
if not touch:
    st.markdown(t("home_welcome", lang, city=cat.info.city.get(lang)))
    st.markdown(f"#### {t('home_spirit', lang)}")

with st.container(key="home_top"):
    with st.container(key="home_wall"):
        st.header(t("wall_title", lang), anchor=False)
        st.caption(t("wall_intro", lang))
        name_wall(lang)
    with st.container(key="home_doors"):
        with st.container(horizontal=True, key="stats", gap="medium"):
            for key, value in (
                ("stat_honorees", stats["honorees"]),
                ("stat_eras", stats["eras"]),
                ("stat_craftsmen", stats["craftsmen"]),
                ("stat_studios", stats["studios"]),
            ):
                st.metric(t(key, lang), f"{value:,}", width="content")
        st.caption(real_count_line(cat, lang))
        st.header(t("home_doors", lang), anchor=False)
        # Side by side on a page; one above the other beside a kiosk's wall, each a full row.
        places = [st.container() for _ in cat.eras] if touch else st.columns(len(cat.eras))
        for place, era in zip(places, cat.eras, strict=True):
            with place, st.container(border=True, key=f"door_{era.id}"):
                st.subheader(era.name.get(lang), anchor=False)
                st.caption(f"{era.span(lang)} · {t('era_door_count', lang, n=cat.count('era', era.id))}")
                if not touch:  # a kiosk's door keeps to what fits beside the wall
                    st.markdown("　".join(trait.get(lang) for trait in era.traits))
                # On a kiosk the door's own title names the era: the button stays short beside it.
                era_label = t(room(era_room(era.id)).label, lang)
                label = t("enter_door", lang) if touch else t("enter_era", lang, era=era_label)
                st.page_link(page(era_room(era.id)), label=label, icon=":material/arrow_forward:")

st.header(t("home_featured", lang), anchor=False)
card_grid(cat.featured(dt.date.today(), 8), cat, lang)

left, right = st.columns(2)
with left:
    link("craftsmen", t("more_craftsmen", lang), ":material/construction:")
with right:
    link("directory", t("open_directory", lang), ":material/menu_book:")

if not touch:  # a touchscreen has no keyboard to write with
    guestbook(None, lang)
