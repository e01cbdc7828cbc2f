"""创新工作室 — the innovation studios on the map and as a list: after the hall, go on to the studios."""

from collections import Counter

import streamlit as st

from hall.errors import PackError
from hall.geo import district_of_selection, studios_in
from hall.labels import t
from hall.ui import charts
from hall.ui.data import catalog
from hall.ui.lang import current
from hall.ui.studios import studio_list
from hall.ui.widgets import district_chips, kiosk

cat, lang = catalog(), current()
adcodes = [d.adcode for d in cat.districts]
names = charts.district_names(lang)
per_district = Counter(s.district_code for s in cat.studios)


def pick_district() -> None:
    adcode = district_of_selection(charts.selection("studios_map"), adcodes)
    if adcode:
        st.session_state["district"] = adcode


touch = kiosk()
st.title(t("room_studios", lang), anchor=False)
if not touch:
    st.markdown(t("studios_intro", lang))
# On a kiosk the map and the list stand side by side (wide) or one above the other (upright).
layout = st.container(key="map_layout")
main, side = layout.container(key="map_main"), layout.container(key="map_side")
with side:
    district = district_chips(t("filter_district", lang), names, per_district)
    open_only = st.toggle(t("studios_open_only", lang), key="studios_open")
studios = studios_in(cat, district, open_only)

with main:
    try:
        fig = charts.map_chart(
            lang,
            shaded=False,
            with_studios=True,
            studio_district=district,
            open_only=open_only,
            selected=district,
        )
    except PackError as exc:
        charts.map_problems(exc, lang)
    else:
        charts.show(fig, key="studios_map", about=t("room_studios", lang), on_select=pick_district)
    unplaced = sum(1 for s in studios if s.lon is None or s.lat is None)
    if unplaced:
        st.caption(t("studios_unplaced", lang, n=unplaced))

with side if touch else st.container():
    studio_list(studios, cat, lang, key=f"page_studios_{district}_{open_only}")
