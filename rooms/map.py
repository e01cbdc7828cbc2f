"""地图 — honorees per district on the pack's own boundaries, by era and honour; a district's people."""

import streamlit as st

from hall.errors import PackError
from hall.geo import district_of_selection, studios_in
from hall.labels import t
from hall.pack.records import HonourType
from hall.ui import charts
from hall.ui.data import catalog
from hall.ui.lang import current
from hall.ui.nav import link
from hall.ui.studios import studio_list
from hall.ui.widgets import choice, district_chips, era_name, kiosk, picked_district

cat, lang = catalog(), current()
adcodes = [d.adcode for d in cat.districts]
names = charts.district_names(lang)


def pick_district() -> None:
    """A tap on a district (or on one of its studios) selects it in the chips below the map."""
    adcode = district_of_selection(charts.selection("map_chart"), adcodes)
    if adcode:
        st.session_state["district"] = adcode


touch = kiosk()
st.title(t("room_map", lang), anchor=False)
if not touch:
    st.caption(t("map_intro", lang, city=cat.info.city.get(lang)))
    former = [name for d in cat.districts for name in d.former][:4]
    if former:
        st.caption(t("map_former", lang, names=(", " if lang == "en" else "、").join(former)))

# On a kiosk the map takes most of the width and its filters stand beside it; online they sit
# above it in a row and the district chips below.
layout = st.container(key="map_layout")
main, side = layout.container(key="map_main"), layout.container(key="map_side")
left, right, toggle = (side, side, side) if touch else side.columns([2, 2, 1.4], vertical_alignment="bottom")
with left:
    era = choice(
        t("filter_era", lang), [e.id for e in cat.eras], "map_era", lambda e: era_name(e, lang), lang
    )
with right:
    # National first; within a level, hall.yaml's own order (sorted() keeps it).
    kinds = sorted(
        (k for k in cat.honour_kinds.values() if k.type is not HonourType.COLLECTIVE),
        key=lambda k: k.level.rank,
    )
    honour = choice(
        t("filter_honour", lang),
        [k.code for k in kinds],
        "map_honour",
        lambda c: cat.honour_name(c, lang),
        lang,
    )
# Off at first: the counts are the map's story; the studios room shows every studio.
with_studios = toggle.toggle(t("map_show_studios", lang), key="map_studios")

tally = charts.district_tally(era, honour)
picked = picked_district(adcodes)
with main:
    try:
        fig = charts.map_chart(lang, era=era, honour=honour, with_studios=with_studios, selected=picked)
    except PackError as exc:
        charts.map_problems(exc, lang)
    else:
        charts.show(fig, key="map_chart", about=t("map_intro", lang), on_select=pick_district)
    if tally.get(""):
        st.caption(t("map_no_district", lang, n=tally[""]))

with side if touch else st.container():
    district = district_chips(t("filter_district", lang), names, tally)
if not district:
    st.info(t("map_pick", lang), icon=":material/touch_app:")
    st.stop()

st.subheader(t("map_people", lang, district=names[district]), anchor=False)
charts.people_page(
    charts.district_people(district, era, honour), f"page_district_{district}_{era}_{honour}", lang
)

st.subheader(t("map_studios_here", lang, district=names[district]), anchor=False)
studios = studios_in(cat, district)
if studios:
    studio_list(studios, cat, lang, key=f"page_studios_{district}")
else:
    st.caption(t("map_no_studio_here", lang))
link("studios", t("map_all_studios", lang), ":material/handyman:", district=district)
