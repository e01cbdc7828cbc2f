"""讲解 — the docent's tablet: the current stop large, its talking points (here only),
next / previous, time used against time planned, and the big screen it drives."""

import time

import streamlit as st

from hall.errors import PairingRefused, StoreUnavailable
from hall.labels import t
from hall.pack.tours import stop_room
from hall.ui.capacity import fragment
from hall.ui.data import catalog, store
from hall.ui.docent import all_tours, describe, docent_key, unlocked
from hall.ui.lang import current
from hall.ui.listen import listen
from hall.ui.nav import page
from hall.ui.text import plain, t_inert
from hall.voice import reading as voice

cat, lang = catalog(), current()
st.title(t("room_presenter", lang), anchor=False)
if not unlocked(lang):
    st.stop()

try:
    tours = all_tours()
except StoreUnavailable:
    tours = {tour.id: tour for tour in cat.tours}
if not tours:
    st.info(t("presenter_no_tours", lang))
    st.page_link(page("tours"), label=t("room_tours", lang), icon=":material/route:")
    st.stop()
tour_id = st.selectbox(
    t("presenter_tour", lang),
    list(tours),
    key="tour_id",
    format_func=lambda i: (
        f"{tours[i].title.get(lang)} · {tours[i].audience} · {t('minutes', lang, n=tours[i].planned)}"
    ),
)
tour = tours[tour_id]
if st.session_state.get("_tour") != tour_id:  # a new tour starts at its first stop
    st.session_state.update(_tour=tour_id, stop=0, started=time.time(), _sent=None)
index = min(st.session_state["stop"], len(tour.stops) - 1)
stop = tour.stops[index]
room, params = stop_room(stop)


def send() -> None:
    """Show the current stop on the paired screen (at most once per change)."""
    here = (tour_id, st.session_state["stop"])
    if st.session_state.get("_sent") == here or not st.session_state.get("paired"):
        return
    current_stop = tour.stops[st.session_state["stop"]]
    try:
        store().show_on_screen(docent_key(), *stop_room(current_stop))
        st.session_state["_sent"] = here
    except StoreUnavailable:
        st.session_state["_screen_down"] = True


def move(delta: int) -> None:
    st.session_state["stop"] = max(0, min(len(tour.stops) - 1, st.session_state["stop"] + delta))
    send()


with st.container(key="stop_card", border=True):
    st.caption(t("presenter_stop_of", lang, n=index + 1, total=len(tour.stops)))
    st.header(plain(describe(stop, cat, lang)), anchor=False)
    listen(voice.stop(tour.id, index + 1, stop, lang), describe(stop, cat, lang))
    for point in stop.points:
        st.markdown(f"- {plain(point)}")
    st.page_link(
        page(room),
        label=t("presenter_open_here", lang),
        query_params=params or None,
        icon=":material/open_in_new:",
    )

prev, nxt = st.columns(2)
prev.button(
    t("prev_stop", lang),
    key="prev_stop",
    on_click=move,
    args=(-1,),
    disabled=index == 0,
    width="stretch",
    icon=":material/skip_previous:",
)
nxt.button(
    t("next_stop", lang),
    key="next_stop",
    on_click=move,
    args=(1,),
    type="primary",
    disabled=index == len(tour.stops) - 1,
    width="stretch",
    icon=":material/skip_next:",
)


@fragment(run_every=15)
def clock() -> None:
    used = (time.time() - st.session_state["started"]) / 60
    planned = sum(s.minutes for s in tour.stops[: index + 1])
    left, right = st.columns(2)
    left.metric(t("presenter_elapsed", lang), t("minutes", lang, n=int(used)))
    right.metric(
        t("presenter_planned", lang),
        t("minutes", lang, n=planned),
        delta=t("minutes", lang, n=int(planned - used)),
        delta_color="normal",
    )


clock()

st.subheader(t("presenter_screen", lang), anchor=False)
if st.session_state.get("paired"):
    st.success(t_inert("presenter_paired", lang, code=st.session_state["paired"]))
    if st.button(t("presenter_end", lang), key="end_tour", icon=":material/stop_circle:"):
        try:
            store().end_pairing(docent_key())
        except StoreUnavailable:
            st.warning(t("screen_store_down", lang))
        st.session_state.pop("paired", None)
        st.rerun()
else:
    with st.form("pair"):
        code = st.text_input(t("presenter_code", lang), max_chars=6, key="pair_code")
        sent = st.form_submit_button(t("presenter_pair", lang), icon=":material/cast:")
    if sent:
        try:
            store().pair_screen(code, docent_key())
            st.session_state["paired"] = code.strip()
            st.session_state["_sent"] = None
            send()
            st.rerun()
        except PairingRefused as refusal:
            st.error(t(f"pairing_{refusal.reason}", lang))
        except StoreUnavailable:
            st.warning(t("screen_store_down", lang))
if st.session_state.pop("_screen_down", False):
    st.warning(t("screen_store_down", lang))
