"""The 活动 room's pieces: filters, activity cards, a month's calendar, the coming and past lists,
one activity's page, and calendar files. (Figures and the kiosk and big-screen views:
hall.ui.activity_views; bookings: hall.ui.bookings.)"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
from collections.abc import Sequence

import streamlit as st

from hall.activities import Activities, Activity, Filters, Kind, Setting, activity_link, calendar_file, select
from hall.activities import years as years_of
from hall.config import STATIC_DIR, STATIC_URL
from hall.labels import t
from hall.pack import Catalog, write_atomically
from hall.rooms import HONOREE
from hall.ui.cards import display_name
from hall.ui.data import catalog
from hall.ui.kiosk import public_base
from hall.ui.nav import page
from hall.ui.paging import paged
from hall.ui.text import cited, plain
from hall.ui.widgets import choice, kiosk

log = logging.getLogger(__name__)

ROOM = "activities"
FEED = "cache/calendar"  # under static/, git-ignored: the feed a calendar program subscribes to
PER_PAGE = 12
FEED_DAYS = 366
FEED_MAX = 1000  # events in the feed: a calendar program reads a year ahead, not a pack's worth


def today() -> dt.date:
    """The hall's calendar day (hall.yaml's bookings.timezone)."""
    from zoneinfo import ZoneInfo

    return dt.datetime.now(ZoneInfo(catalog().activities.rules.timezone)).date()


def when(a: Activity, lang: str) -> str:
    """The date as the visitor's language writes it, with the start time when given."""
    d = a.day
    if a.precision == "year":
        text = f"{d.year}年" if lang == "zh" else str(d.year)
    elif a.precision == "month":
        text = f"{d.year}年{d.month}月" if lang == "zh" else d.strftime("%B %Y")
    else:
        text = when_day(d, lang)
    return f"{text} {a.start}" if a.start else text


def when_day(d: dt.date, lang: str) -> str:
    weekday = t(f"act_weekday_{d.weekday()}", lang)
    return f"{d.year}年{d.month}月{d.day}日 {weekday}" if lang == "zh" else f"{weekday} {d.day} {d:%b %Y}"


def speaker_names(a: Activity, cat: Catalog, lang: str) -> str:
    return "、".join(display_name(cat.honoree(h), lang) for h in a.speakers if cat.has(h))


def place_of(a: Activity, cat: Catalog, lang: str) -> str:
    district = cat.district(a.district_code)
    where = district.name.get(lang) if district else a.district
    return " · ".join(x for x in (a.place, where if where not in a.place else "") if x)


def card(a: Activity, cat: Catalog, lang: str) -> None:
    """One activity: what and when (a link to its own page), where, who."""
    with st.container(border=True, key=f"act_{a.id}"):
        # The date in the link too: sample titles repeat, and each link must say where it leads.
        st.page_link(
            page(ROOM), label=plain(f"{a.title.get(lang)} · {when(a, lang)}"), query_params={"id": a.id}
        )
        badges = [f":blue-badge[{t(f'act_kind_{a.kind.value}', lang)}]"]
        if a.setting:
            badges.append(f":green-badge[{t(f'act_setting_{a.setting}', lang)}]")
        if a.online:
            badges.append(f":violet-badge[{t('act_online', lang)}]")
        badges.append(
            f":gray-badge[{t('sample_tag', lang)}]" if a.sample else f":red-badge[{t('act_real', lang)}]"
        )
        st.markdown(" ".join(badges))
        facts = [place_of(a, cat, lang)]
        people = speaker_names(a, cat, lang)
        if people:
            facts.append(t("act_with", lang, names=people))
        if a.audience:
            facts.append(t("act_audience", lang, n=f"{a.audience:,}"))
        st.caption(plain(" · ".join(x for x in facts if x)))


def cards(items: Sequence[Activity], cat: Catalog, lang: str, *, columns: int = 2) -> None:
    for row in range(0, len(items), columns):
        for col, a in zip(st.columns(columns), items[row : row + columns], strict=False):
            with col:
                card(a, cat, lang)


def filters(cat: Catalog, lang: str, *, speaker: bool = True) -> Filters:
    """Kind, 五进 setting, district and speaker, as menus (chips on a kiosk); a link's ?speaker=,
    ?studio= and ?kind= preselect."""
    acts = cat.activities
    asked = st.query_params
    for key, options in (("act_kind", [k.value for k in Kind]), ("act_setting", [s.value for s in Setting])):
        wanted = asked.get(key.removeprefix("act_"), "")
        if key not in st.session_state and wanted in options:
            st.session_state[key] = wanted
    row = st.columns(4 if speaker else 3)
    with row[0]:
        kind = choice(
            t("act_filter_kind", lang),
            [k.value for k in Kind],
            "act_kind",
            lambda k: t(f"act_kind_{k}", lang),
            lang,
        )
    with row[1]:
        setting = choice(
            t("act_filter_setting", lang),
            [s.value for s in Setting],
            "act_setting",
            lambda s: t(f"act_setting_{s}", lang),
            lang,
        )
    names = {d.adcode: d.name.get(lang) for d in cat.districts}
    with row[2]:
        district = choice(
            t("act_filter_district", lang), list(names), "act_district", names.__getitem__, lang
        )
    who = ""
    if speaker:
        people = sorted((h for h in acts.speakers if cat.has(h)), key=lambda h: cat.honoree(h).name_en)
        wanted = asked.get("speaker", "")
        if wanted and cat.has(wanted) and wanted not in people:
            people.insert(0, wanted)
        if "act_speaker" not in st.session_state and wanted in people:
            st.session_state["act_speaker"] = wanted
        with row[3]:
            who = choice(
                t("act_filter_speaker", lang),
                people,
                "act_speaker",
                lambda h: display_name(cat.honoree(h), lang),
                lang,
            )
    studio = asked.get("studio", "")
    return Filters(
        kind or "", setting or "", district or "", who or "", studio if studio in acts.by_studio else ""
    )


def month_calendar(acts: Activities, year: int, month: int, lang: str, *, chosen: Filters) -> None:
    """A month as a table of weeks: each day's number, and how many activities it has."""
    first = dt.date(year, month, 1)
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    positions = select(acts, chosen, today=first, coming=True)
    counts: dict[int, int] = {}
    for i in positions:
        d = acts.items[i].day
        if d > last:
            break
        if acts.items[i].dated:
            counts[d.day] = counts.get(d.day, 0) + 1
    head = [t(f"act_weekday_short_{i}", lang) for i in range(7)]
    lines = ["| " + " | ".join(head) + " |", "|" + " :-: |" * 7]
    for week in calendar.monthcalendar(year, month):
        cells = []
        for day in week:
            n = counts.get(day, 0)
            cells.append("" if not day else (f"**{day}** · {n}" if n else str(day)))
        lines.append("| " + " | ".join(cells) + " |")
    st.markdown(f"**{t('act_month', lang, year=year, month=month)}**")
    st.markdown("\n".join(lines))
    st.caption(t("act_calendar_alt", lang, n=sum(counts.values()), days=len(counts)))


def coming(cat: Catalog, lang: str, chosen: Filters) -> None:
    """What is on from today: a month's calendar, then the list, a page at a time."""
    acts, day = cat.activities, today()
    months = [f"{day.year + (day.month - 1 + i) // 12}-{(day.month - 1 + i) % 12 + 1:02d}" for i in range(3)]
    shown = (
        st.segmented_control(
            t("act_pick_month", lang),
            months,
            default=months[0],
            key="act_month",
            format_func=lambda ym: t("act_month", lang, year=int(ym[:4]), month=int(ym[5:])),
        )
        or months[0]
    )
    month_calendar(acts, int(shown[:4]), int(shown[5:]), lang, chosen=chosen)
    positions = select(acts, chosen, today=day, coming=True)
    feed_links(cat, lang, positions)
    _list(acts, positions, cat, lang, key=f"act_coming_{hash(chosen)}", empty="act_none_coming")


def past(cat: Catalog, lang: str, chosen: Filters) -> None:
    """What has been, a year at a time, latest first."""
    acts = cat.activities
    positions = select(acts, chosen, today=today(), coming=False)
    years = years_of(acts, positions)
    if not years:
        st.info(t("act_none_past", lang))
        return
    year = (
        st.segmented_control(t("act_pick_year", lang), list(years), default=years[0], key="act_year")
        or years[0]
    )
    positions = select(acts, Filters(**{**_as_dict(chosen), "year": year}), today=today(), coming=False)
    _list(acts, positions[::-1], cat, lang, key=f"act_past_{year}_{hash(chosen)}", empty="act_none_past")


def _as_dict(f: Filters) -> dict[str, object]:
    return {name: getattr(f, name) for name in f.__slots__}


def _list(
    acts: Activities, positions: Sequence[int], cat: Catalog, lang: str, *, key: str, empty: str
) -> None:
    def draw(start: int, stop: int) -> None:
        cards([acts.items[i] for i in positions[start:stop]], cat, lang)

    paged(len(positions), key, lang, draw, per_page=PER_PAGE, counted="act_count", empty=empty)


def activity_page(cat: Catalog, activity_id: str, lang: str) -> None:
    """One activity's own page (/activities?id=…): everything known, who took part, the source,
    its calendar file, and its address to share (a QR code on a kiosk)."""
    a = cat.activities.get(activity_id)
    if a is None:
        st.info(t("act_unknown", lang))
        st.page_link(page(ROOM), label=t("act_back", lang), icon=":material/event:")
        return
    st.title(plain(a.title.get(lang)), anchor=False)
    if a.sample:
        st.markdown(f":orange-badge[{t('sample_badge', lang)}]", help=t("sample_note", lang))
    rows = [
        ("act_when", when(a, lang)),
        ("act_kind", t(f"act_kind_{a.kind.value}", lang)),
        ("act_setting", t(f"act_setting_{a.setting}", lang) if a.setting else ""),
        ("act_where", place_of(a, cat, lang)),
        ("act_how", t("act_online", lang) if a.online else t("act_on_site", lang)),
        ("act_reached", f"{a.audience:,}" if a.audience else ""),
    ]
    for key, value in rows:
        if value:
            st.markdown(f"**{t(key, lang)}**：{plain(value)}")
    studio = next((s for s in cat.studios if s.id == a.studio_id), None) if a.studio_id else None
    if studio is not None:
        st.page_link(
            page("studios"),
            label=plain(studio.name),
            query_params={"district": studio.district_code},
            icon=":material/handyman:",
        )
    if a.summary:
        st.markdown(plain(a.summary))
    if a.speakers:
        st.subheader(t("act_speakers", lang), anchor=False)
        for hid in a.speakers:
            if cat.has(hid):
                h = cat.honoree(hid)
                st.page_link(
                    page(HONOREE),
                    label=plain(display_name(h, lang)),
                    query_params={"id": hid},
                    icon=":material/person:",
                )
    if a.source:
        st.caption(f"{plain(t('source', lang))}：{cited(a.source, links=not kiosk())}")
    if kiosk():
        from hall.ui.activity_views import qr_box  # it lists activities with this module's cards

        qr_box(activity_link(public_base(), a.id), lang, title=t("qr_title", lang))
        return
    if a.dated:
        st.download_button(
            t("act_ics_one", lang),
            data=lambda: calendar_file(
                [a],
                name=a.title.get(lang),
                timezone=cat.activities.rules.timezone,
                base_url=public_base(),
                lang=lang,
            ),
            file_name=f"{a.id}.ics",
            mime="text/calendar",
            key=f"ics_{a.id}",
            icon=":material/event:",
        )
    st.caption(t("share_link", lang))
    st.code(activity_link(public_base(), a.id), language=None, wrap_lines=True)
    st.page_link(page(ROOM), label=t("act_back", lang), icon=":material/event:")


@st.cache_resource(show_spinner=False)
def feed_file(lang: str) -> str:
    """The coming year's activities as an .ics under static/ (a URL a calendar program can
    subscribe to), rewritten when the pack changes; "" when it cannot be written."""
    cat = catalog()
    day = today()
    acts = cat.activities
    coming_ = [acts.items[i] for i in select(acts, Filters(), today=day, coming=True)[:FEED_MAX]]
    coming_ = [a for a in coming_ if a.day <= day + dt.timedelta(days=FEED_DAYS)]
    body = calendar_file(
        coming_,
        name=t("room_activities", lang),
        timezone=acts.rules.timezone,
        base_url=public_base(),
        lang=lang,
    )
    name = f"activities-{lang}.ics"  # one address to subscribe to, rewritten as the pack changes
    try:
        write_atomically(STATIC_DIR / FEED / name, body)
    except OSError as exc:
        log.warning("calendar feed not written: %s", exc)
        return ""
    return f"{STATIC_URL}/{FEED}/{name}"


def feed_links(cat: Catalog, lang: str, positions: Sequence[int]) -> None:
    """Download the chosen coming activities as one .ics; or subscribe to the whole feed."""
    if kiosk():
        return
    acts = cat.activities
    with st.container(horizontal=True, gap="small"):
        st.download_button(
            t("act_ics_feed", lang),
            data=lambda: calendar_file(
                [acts.items[i] for i in positions[:FEED_MAX]],
                name=t("room_activities", lang),
                timezone=acts.rules.timezone,
                base_url=public_base(),
                lang=lang,
            ),
            file_name="activities.ics",
            mime="text/calendar",
            key="ics_feed",
            icon=":material/calendar_month:",
        )
        url = feed_file(lang)
        if url:
            st.link_button(t("act_subscribe", lang), url, icon=":material/rss_feed:")
