"""数说展馆 — the hall in numbers: visits by day and by mode, most viewed and liked people,
and for curators the searches people make and those that found nothing."""

import streamlit as st

from hall.errors import StoreUnavailable
from hall.figures import visits_by_day_figure, visits_by_mode_figure
from hall.labels import t
from hall.rooms import HONOREE
from hall.store import VisitStats
from hall.ui import charts
from hall.ui.charts import text_px
from hall.ui.data import catalog, store
from hall.ui.lang import current
from hall.ui.nav import page
from hall.ui.text import plain

cat, lang = catalog(), current()


@st.cache_data(ttl=30, show_spinner=False)
def figures(days: int) -> VisitStats:
    return store().visit_stats(days=days)  # aggregate queries; cached so a busy day costs little


st.title(t("room_figures", lang), anchor=False)
days = (
    st.segmented_control(
        t("figures_period", lang),
        [7, 30, 90, 365],
        default=30,
        key="fig_days",
        format_func=lambda d: t("figures_days", lang, n=d),
    )
    or 30
)
try:
    fig = figures(days)
except StoreUnavailable:
    st.info(t("figures_down", lang))
    st.stop()

with st.container(horizontal=True, gap="medium"):
    st.metric(t("figures_total_visits", lang), f"{fig.total_visits:,}", width=200)
    st.metric(t("figures_visits", lang, n=days), f"{fig.visits:,}", width=200)
    st.metric(t("figures_likes", lang), f"{fig.total_likes:,}", width=200)
    st.metric(t("figures_searches", lang), f"{fig.searches:,}", width=200)

by_day = visits_by_day_figure(
    [d.day for d in fig.visits_by_day], [d.count for d in fig.visits_by_day], lang=lang, text_px=text_px()
)
charts.show(by_day, key="fig_by_day", about=t("figures_by_day", lang))
modes = visits_by_mode_figure(
    [m.key for m in fig.visits_by_mode], [m.count for m in fig.visits_by_mode], lang=lang, text_px=text_px()
)
charts.show(modes, key="fig_by_mode", about=t("figures_by_mode", lang))


def people(title: str, tallies) -> None:
    st.subheader(title, anchor=False)
    shown = [(cat.honoree(x.key), x.count) for x in tallies if cat.has(x.key)]
    if not shown:
        st.caption(t("figures_none", lang))
    for h, count in shown:
        st.page_link(page(HONOREE), label=f"{plain(h.name)} · {count}", query_params={"id": h.id})


left, right = st.columns(2)
with left:
    people(t("figures_most_viewed", lang), fig.most_viewed)
with right:
    people(t("figures_most_liked", lang), fig.most_liked)

st.subheader(t("figures_search_terms", lang), anchor=False)
if st.session_state.get("curator"):
    left, right = st.columns(2)
    for col, title, rows in (
        (left, "figures_top_searches", fig.top_searches),
        (right, "figures_zero_searches", fig.zero_result_searches),
    ):
        col.caption(t(title, lang))
        col.dataframe(
            {t("col_query", lang): [r.key for r in rows], t("col_count", lang): [r.count for r in rows]},
            hide_index=True,
            width="stretch",
        )
else:
    st.caption(t("figures_search_private", lang))
