"""线路 — the docent's tour builder: pick stops from search, order them, write talking points
and minutes, see the total, save for the presenter, export YAML and a printable handout."""

import streamlit as st

from hall.errors import StoreUnavailable
from hall.labels import t
from hall.pack.tours import AUDIENCES, StopKind, handout_html, parse_tour, tour_to_yaml
from hall.rooms import TOUR_STOPS
from hall.rooms import room as room_of
from hall.ui.data import catalog, index, store
from hall.ui.docent import all_tours, describe, targets, unlocked
from hall.ui.lang import current
from hall.ui.lineage import lineage
from hall.ui.nav import title
from hall.ui.text import plain
from hall.ui.tour_draft import add_stop, draft_doc, draft_from, edit_stops, new_draft

cat, lang = catalog(), current()
st.title(t("room_tours", lang), anchor=False)
if not unlocked(lang):
    st.stop()

try:
    tours = all_tours()
except StoreUnavailable:
    tours = {tour.id: tour for tour in cat.tours}
    st.warning(t("screen_store_down", lang))
start_from = st.selectbox(
    t("builder_start", lang),
    [None, *tours],
    key="builder_from",
    format_func=lambda i: t("builder_new", lang) if i is None else tours[i].title.get(lang),
)
if st.session_state.get("_draft_from", "") != start_from or "draft" not in st.session_state:
    st.session_state["draft"] = draft_from(tours[start_from]) if start_from else new_draft()
    st.session_state["_draft_from"] = start_from
draft = st.session_state["draft"]

left, mid, right = st.columns([1, 2, 1])
draft["id"] = left.text_input(
    t("builder_id", lang), value=draft["id"], key=f"d_id_{start_from}", max_chars=40
)
draft["title"] = mid.text_input(t("builder_title", lang), value=draft["title"], key=f"d_title_{start_from}")
draft["audience"] = right.selectbox(
    t("builder_audience", lang),
    AUDIENCES,
    key=f"d_aud_{start_from}",
    index=AUDIENCES.index(draft["audience"]),
)

st.subheader(t("builder_add", lang), anchor=False)
people, era, year, place, room = st.tabs(
    [
        t("stop_honoree", lang),
        t("stop_era", lang),
        t("stop_timeline_tab", lang),
        t("stop_map", lang),
        t("stop_room", lang),
    ]
)
with people:
    query = st.text_input(t("search_box", lang), key="builder_q", max_chars=50)
    if query:
        for hid in index().search(query, limit=6).ids:
            h = cat.honoree(hid)
            st.button(
                f"+ {plain(h.name)} · {plain(h.employer)}",
                key=f"add_{hid}",
                on_click=add_stop,
                args=(StopKind.HONOREE, hid),
            )
            if lineage().has(hid):  # a stop at this person's line of masters and apprentices
                st.button(
                    f"+ {t('stop_lineage', lang)}：{plain(h.name)}",
                    key=f"add_line_{hid}",
                    on_click=add_stop,
                    args=(StopKind.LINEAGE, hid),
                )
with era:
    chosen = st.selectbox(
        t("stop_era", lang),
        [e.id for e in cat.eras],
        key="add_era",
        format_func=lambda e: cat.era(e).name.get(lang),
    )
    st.button(t("builder_add_stop", lang), key="add_era_btn", on_click=add_stop, args=(StopKind.ERA, chosen))
with year:
    chosen_year = st.number_input(t("stop_year", lang), 1949, 2100, 1985, key="add_year")
    st.button(
        t("builder_add_stop", lang),
        key="add_year_btn",
        on_click=add_stop,
        args=(StopKind.TIMELINE, str(chosen_year)),
    )
with place:
    chosen_district = st.selectbox(
        t("stop_map", lang),
        [d.adcode for d in cat.districts],
        key="add_district",
        format_func=lambda c: cat.district(c).name.get(lang),
    )
    st.button(
        t("builder_add_stop", lang),
        key="add_map_btn",
        on_click=add_stop,
        args=(StopKind.MAP, chosen_district),
    )
with room:
    chosen_room = st.selectbox(
        t("stop_room", lang),
        sorted(TOUR_STOPS),
        key="add_room",
        format_func=lambda k: title(room_of(k), lang),
    )
    st.button(
        t("builder_add_stop", lang), key="add_room_btn", on_click=add_stop, args=(StopKind.ROOM, chosen_room)
    )

st.subheader(t("builder_stops", lang), anchor=False)
edit_stops(draft, cat, lang)
tour, problems = parse_tour(draft_doc(draft), targets(cat), "builder")
st.metric(t("builder_total", lang), t("minutes", lang, n=sum(s["minutes"] for s in draft["stops"])))
for problem in problems:
    st.warning(plain(f"{problem.column}: {problem.reason}"))

if tour is not None:
    save, export, handout = st.columns(3)
    if save.button(t("builder_save", lang), key="save_tour", type="primary", icon=":material/save:"):
        try:
            store().save_tour(tour.id, tour_to_yaml(tour))
            st.success(t("builder_saved", lang))
        except StoreUnavailable:
            st.warning(t("screen_store_down", lang))
    export.download_button(
        t("builder_export", lang),
        tour_to_yaml(tour),
        f"{tour.id}.yaml",
        mime="application/x-yaml",
        key="export_yaml",
        icon=":material/download:",
    )
    handout.download_button(
        t("builder_handout", lang),
        handout_html(tour, lambda s: describe(s, cat, "zh"), cat.info.name.zh),
        f"{tour.id}-handout.html",
        mime="text/html",
        key="handout",
        icon=":material/print:",
    )
