"""The 活动 room's other views: the programme in figures (charts, each with its sentence), what is
on today and this week for a kiosk (with a QR code to book on a phone), the day's programme on the
big screen, and the QR box itself."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from hall.activities import Filters, between, figures, select
from hall.figures.activities import bar_figure, summary
from hall.labels import t
from hall.pack import Catalog
from hall.qr import qr_svg
from hall.ui import activities as ui
from hall.ui.charts import show, text_px
from hall.ui.data import catalog
from hall.ui.kiosk import public_base
from hall.ui.text import cited, plain
from hall.ui.widgets import kiosk

KIOSK_WEEK = 6  # what a kiosk's first screen holds beside the QR code


def programme_facts(cat: Catalog, lang: str) -> None:
    """The programme's own figures (e.g. 2021: 131 speakers, 674 talks), as cited text."""
    for fact in cat.activities.facts:
        with st.container(border=True):
            st.markdown(plain(fact.text.get(lang)))
            if fact.source:
                st.caption(f"{plain(t('source', lang))}：{cited(fact.source, links=not kiosk())}")


@st.cache_resource(show_spinner=False, max_entries=128)
def _charts(chosen: Filters, lang: str, px: int) -> tuple[tuple[object, str], ...]:
    cat = catalog()
    acts = cat.activities
    f = figures(
        acts, select(acts, chosen, today=ui.today(), coming=None), tuple(d.adcode for d in cat.districts)
    )
    years = [str(y) for y in f.years]
    settings = [t(f"act_setting_{s}", lang) for s in f.settings]
    districts = [d.name.get(lang) for d in cat.districts]
    return (
        (
            bar_figure(years, f.per_year, title=t("act_fig_per_year", lang), text_px=px),
            summary(years, f.per_year, key="act_fig_per_year_alt", lang=lang),
        ),
        (
            bar_figure(
                settings,
                f.per_setting,
                title=t("act_fig_per_setting", lang),
                colour=1,
                text_px=px,
                horizontal=True,
            ),
            summary(settings, f.per_setting, key="act_fig_per_setting_alt", lang=lang),
        ),
        (
            bar_figure(years, f.audience_per_year, title=t("act_fig_audience", lang), colour=2, text_px=px),
            summary(years, f.audience_per_year, key="act_fig_audience_alt", lang=lang),
        ),
        (
            bar_figure(
                districts,
                f.per_district,
                title=t("act_fig_districts", lang),
                colour=3,
                text_px=px,
                horizontal=True,
            ),
            t("act_fig_districts_alt", lang, reached=f.districts_reached, of=len(districts))
            + " "
            + summary(districts, f.per_district, key="act_fig_per_district_alt", lang=lang),
        ),
        (None, t("act_fig_totals", lang, n=f"{f.total:,}", audience=f"{f.audience:,}")),
    )


def figures_view(cat: Catalog, lang: str, chosen: Filters) -> None:
    """Talks per year and per 五进 setting, audience reached, districts covered: each chart with
    the same in one sentence below it (what a screen reader reads)."""
    programme_facts(cat, lang)
    charts = _charts(chosen, lang, text_px())
    st.markdown(plain(charts[-1][1]))
    left, right = st.columns(2)
    for n, (fig, alt) in enumerate(charts[:-1]):
        with left if n % 2 == 0 else right:
            show(fig, key=f"act_chart_{n}", about=alt)
            st.caption(plain(alt))
    st.caption(t("act_fig_sample_note", lang))


def qr_box(url: str, lang: str, *, title: str, help_key: str = "qr_help") -> None:
    """A QR code of `url`, to carry on with a phone."""
    with st.container(border=True, key="qr"):
        st.subheader(title, anchor=False)
        st.image(qr_svg(url), width=220, alt=t("qr_alt", lang))
        st.caption(t(help_key, lang))


def _compact(cat: Catalog, items, lang: str, *, limit: int) -> None:
    if not items:
        st.caption(t("act_none_today", lang))
        return
    for a in items[:limit]:
        st.page_link(
            ui.page(ui.ROOM),
            label=plain(f"{ui.when(a, lang)} · {a.title.get(lang)}"),
            query_params={"id": a.id},
            icon=":material/event:",
        )
    if len(items) > limit:
        st.caption(t("act_more", lang, n=len(items) - limit))


def kiosk_view(cat: Catalog, lang: str) -> None:
    """On a kiosk: today and this week beside a QR code to book a visit on a phone (no forms)."""
    day = ui.today()
    st.title(t("room_activities", lang), anchor=False)
    with st.container(key="act_kiosk", horizontal=True, gap="large"):
        with st.container(key="act_kiosk_list"):
            st.subheader(t("act_today", lang), anchor=False)
            _compact(cat, between(cat.activities, day, day), lang, limit=3)
            st.subheader(t("act_this_week", lang), anchor=False)
            # The next seven days, not the calendar week: on a Sunday that would be today alone.
            rest = between(cat.activities, day + dt.timedelta(days=1), day + dt.timedelta(days=7))
            _compact(cat, rest, lang, limit=KIOSK_WEEK)
        with st.container(key="act_kiosk_qr"):
            qr_box(
                f"{public_base().rstrip('/')}/activities?view=book", lang, title=t("act_book_on_phone", lang)
            )


def screen_view(cat: Catalog, lang: str) -> None:
    """On the big screen: the day's programme, large."""
    day = ui.today()
    st.title(t("act_programme_today", lang, date=ui.when_day(day, lang)), anchor=False)
    items = between(cat.activities, day, day)
    if not items:
        st.markdown(f"### {t('act_none_today', lang)}")
    for a in items:
        with st.container(border=True):
            st.markdown(f"## {plain(a.start or '')} {plain(a.title.get(lang))}")
            st.markdown(f"### {plain(ui.place_of(a, cat, lang))}")
            names = ui.speaker_names(a, cat, lang)
            if names:
                st.markdown(f"### {plain(t('act_with', lang, names=names))}")
