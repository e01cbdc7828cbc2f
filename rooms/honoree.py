"""人物 — one honoree: portrait, honours by era, deeds, words, source and related people.

On a kiosk the first screen holds all a visitor needs — portrait, name, honours, the story, 致敬
and the QR code to continue on a phone; online the page reads from top to bottom."""

import streamlit as st

from hall.labels import t
from hall.rooms import HOME
from hall.ui import person
from hall.ui.cards import card_grid
from hall.ui.change_request import change_request_form
from hall.ui.charts import life_line
from hall.ui.data import catalog
from hall.ui.frame import subject
from hall.ui.guestbook import guestbook
from hall.ui.lang import current
from hall.ui.nav import link
from hall.ui.text import plain
from hall.ui.widgets import kiosk

cat, lang = catalog(), current()
honoree_id = st.query_params.get("id", "")
if not honoree_id:
    st.info(t("honoree_pick", lang))
    link(HOME, t("back_home", lang), ":material/home:")
    st.stop()
h = cat.honoree(honoree_id)  # an unknown id becomes a message in the frame
subject(h.name)

touch = kiosk()
person.first_screen(h, cat, lang, kiosk=touch)

life_line(h, lang)  # 个人年表: birth and dated honours over the eras, the role as recorded
if not touch:  # on a kiosk these are in the first screen already
    person.honours(h, cat, lang)
    person.deeds(h, lang)
person.recordings(h, lang)
if h.quote:
    st.subheader(t("quote", lang), anchor=False)
    st.markdown(f"> {plain(h.quote)}")
person.sources(h, lang, kiosk=touch)

related = cat.related(h, 4)
if related:
    st.subheader(t("related", lang), anchor=False)
    card_grid(related, cat, lang)

if not touch:
    person.share(h, lang)
    guestbook(h.id, lang)
    change_request_form(h.id, lang)
