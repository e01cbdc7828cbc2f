"""时间长廊 — honours per decade or year since 1949 by level, over eras and milestones; a span's people."""

import streamlit as st

from hall import timeline
from hall.labels import t
from hall.pack.records import Honoree
from hall.timeline import decade_buckets, decade_of, span_of_selection
from hall.ui import charts
from hall.ui.data import catalog
from hall.ui.lang import current
from hall.ui.text import plain

cat, lang = catalog(), current()
year = charts.this_year()
first, last = charts.timeline_years(year)
decades_at = {start: (start, end) for start, end in decade_buckets(first, last)}


def pick_span() -> None:
    """A tap on a decade or milestone, or a drag across years, becomes the slider's span."""
    span = span_of_selection(charts.selection("timeline_chart"), first, last)
    if span:
        st.session_state["span"] = span


def all_years() -> None:
    st.session_state["span"] = (first, last)


def pick_decade() -> None:
    """A decade chip: the touch way to pick a decade (plotly takes no taps on bars)."""
    start = st.session_state.get("decade")
    st.session_state["span"] = decades_at.get(start, (first, last))


def in_span(h: Honoree) -> str:
    """Which of the person's honours fall in the span, e.g. 1985 全国五一劳动奖章."""
    return plain(
        (", " if lang == "en" else "、").join(
            f"{x.year} {cat.honour_name(x.code, lang)}" for x in h.honours if start <= (x.year or 0) <= end
        )
    )


st.title(t("room_timeline", lang), anchor=False)
st.caption(t("timeline_intro", lang, first=first, city=cat.info.city.get(lang)))
left, right = st.columns([1, 2], vertical_alignment="bottom")
view = left.segmented_control(
    t("timeline_view", lang),
    list(timeline.VIEWS),
    key="view",
    default="decade",
    required=True,
    format_func=lambda v: t(f"view_{v}", lang),
)
decades = view != "year"
# The span lives in the slider (shareable as ?span=1980&span=1989); the chart only writes to it.
# A docent's tour stop opens one year as ?year=1985.
if "span" not in st.session_state:
    asked = st.query_params.get("year", "")
    one = int(asked) if asked.isdigit() and first <= int(asked) <= last else None
    st.session_state["span"] = (one, one) if one else (first, last)
start, end = right.slider(t("timeline_span", lang), first, last, key="span", bind="query-params")

charts.show(
    charts.timeline_chart(decades, lang, (start, end), year),
    key="timeline_chart",
    about=t("timeline_intro", lang),
    on_select=pick_span,
    selection_mode=("points", "box"),
)
# The chips show the span when it is exactly one decade, however it was picked.
st.session_state["decade"] = next((s for s, span in decades_at.items() if span == (start, end)), None)
st.pills(
    t("timeline_decades", lang),
    list(decades_at),
    key="decade",
    on_change=pick_decade,
    format_func=lambda s: t("decade_label", lang, decade=decade_of(*decades_at[s])),
)
notes = [t("timeline_hint_decade" if decades else "timeline_hint_year", lang)]
undated = charts.timeline_counts(decades, year).undated
if undated:
    notes.append(t("timeline_undated", lang, n=undated))
st.caption(" ".join(notes))

marks = [m for m in cat.milestones if start <= m.year <= end]
if marks:
    with st.expander(f"{t('timeline_milestones', lang)} ({len(marks)})", icon=":material/flag:"):
        for m in marks:
            st.markdown(f"**{m.year}**　{plain(m.title.get(lang))}")

title = (
    t("timeline_people_year", lang, year=start)
    if start == end
    else t("timeline_people_span", lang, start=start, end=end)
)
with st.container(horizontal=True, vertical_alignment="center"):
    st.subheader(title, width="stretch", anchor=False)
    if (start, end) != (first, last):
        st.button(t("timeline_all_years", lang), key="all_years", on_click=all_years, icon=":material/undo:")


charts.people_page(charts.span_people(start, end), f"page_span_{start}_{end}", lang, in_span)
