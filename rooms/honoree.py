"""人物 — one honoree: portrait, honours by era, deeds, quote, source and related people."""

import streamlit as st

from hall.labels import t
from hall.qr import deep_link
from hall.rooms import HOME, era_room
from hall.ui.cards import card_grid, display_name, portrait_url
from hall.ui.change_request import change_request_form
from hall.ui.charts import life_line
from hall.ui.data import catalog
from hall.ui.guestbook import guestbook, like_button
from hall.ui.kiosk import hand_off, reading_time
from hall.ui.lang import current
from hall.ui.nav import link
from hall.ui.text import cited, plain
from hall.ui.widgets import kiosk

cat, lang = catalog(), current()
honoree_id = st.query_params.get("id", "")
if not honoree_id:
    st.info(t("honoree_pick", lang))
    link(HOME, t("back_home", lang), ":material/home:")
    st.stop()
h = cat.honoree(honoree_id)  # an unknown id becomes a message in the frame

pic, facts = st.columns([1, 3], gap="large")
with pic, st.container(key="portrait"):
    st.image(portrait_url(h, "page"), width=240)
with facts:
    st.title(plain(display_name(h, lang)))
    if h.sample:
        st.markdown(f":orange-badge[{t('sample_badge', lang)}]", help=t("sample_note", lang))
    district = cat.district(h.district_code)
    place = h.district
    if district and district.name.zh != h.district:
        place = f"{h.district}（{t('district_now', lang, name=district.name.get(lang))}）"
    rows = [
        ("employer", h.employer),
        ("position", h.position),
        ("district", place),
        ("industry", next((i.name.get(lang) for i in cat.industries if i.name.zh == h.industry), h.industry)),
        ("born", str(h.birth_year or "")),
        ("gender", h.gender if lang == "zh" else ""),
    ]
    for key, value in rows:
        if value:
            st.markdown(f"**{t(key, lang)}**：{plain(value)}")
    like_button(h.id, lang)

life_line(h, lang)  # 个人年表: birth and dated honours over the eras, the role as recorded

st.subheader(t("honours", lang))
if not h.honours:
    st.caption(t("no_honour_listed", lang))
for honour in h.honours:
    year = str(honour.year) if honour.year else t("year_unknown", lang)
    era = cat.era(honour.era).name.get(lang) if honour.era else ""
    line = " · ".join(x for x in (year, cat.honour_name(honour.code, lang), era) if x)
    if honour.era:
        link(era_room(honour.era), plain(line), ":material/military_tech:")
    else:
        st.markdown(f":material/military_tech: {plain(line)}")

if h.deeds:
    st.subheader(t("deeds", lang))
    for paragraph in h.paragraphs:
        st.markdown(plain(paragraph))
    if kiosk():
        reading_time(len(h.deeds) // 8)  # about eight characters a second, read aloud or not
if h.quote:
    st.subheader(t("quote", lang))
    st.markdown(f"> {plain(h.quote)}")
if h.source:  # as plain text on a kiosk: no link may lead out of the hall
    source = f"{t('source', lang)}：{h.source}"
    if kiosk():
        st.text(source)
    else:
        st.caption(cited(source))  # the pack's own web addresses stay links

related = cat.related(h, 4)
if related:
    st.subheader(t("related", lang))
    card_grid(related, cat, lang)

if kiosk():
    hand_off(cat, h.id, lang)
else:
    st.caption(t("share_link", lang))
    st.code(deep_link(cat.info.base_url, h.id), language=None)
    guestbook(h.id, lang)
    change_request_form(h.id, lang)
