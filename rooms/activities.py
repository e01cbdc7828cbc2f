"""活动 — what the association's people do now: talks (宣讲), school visits, volunteer services,
studio open days and skill shows, coming and past, in figures, each on its own page; and booking a
group visit or asking for a talk. A kiosk shows today and this week with a QR code to book on a
phone; the big screen the day's programme; a docent's tablet today's booked groups."""

import streamlit as st

from hall.config import Mode
from hall.labels import t
from hall.ui import activities as ui
from hall.ui import activity_views, bookings
from hall.ui.data import catalog, settings
from hall.ui.frame import subject
from hall.ui.lang import current

cat, lang, mode = catalog(), current(), settings().mode
asked = st.query_params
if asked.get("id"):
    found = cat.activities.get(asked["id"])
    if found is not None:
        subject(found.title.get(lang))
    ui.activity_page(cat, asked["id"], lang)
elif asked.get("ref") and mode in (Mode.ONLINE, Mode.DOCENT):
    bookings.status_page(cat, asked["ref"], lang)
elif mode is Mode.SCREEN:
    activity_views.screen_view(cat, lang)
elif mode is Mode.KIOSK:
    activity_views.kiosk_view(cat, lang)
else:
    st.title(t("room_activities", lang), anchor=False)
    st.markdown(t("act_intro", lang))
    if mode is Mode.DOCENT:
        bookings.todays_groups(cat, lang)
    views = ["coming", "past", "figures", "book"]
    if "act_view" not in st.session_state and asked.get("view") in views:
        st.session_state["act_view"] = asked["view"]
    view = (
        st.segmented_control(
            t("act_view", lang),
            views,
            default="coming",
            key="act_view",
            format_func=lambda v: t(f"act_view_{v}", lang),
        )
        or "coming"
    )
    if view == "book":
        bookings.book_view(cat, lang)
    else:
        chosen = ui.filters(cat, lang)
        {"coming": ui.coming, "past": ui.past, "figures": activity_views.figures_view}[view](
            cat, lang, chosen
        )
