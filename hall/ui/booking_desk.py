"""The curators' desk for group visits and talk requests in 管理: what waits for an answer, a day's
list to confirm, decline or assign a speaker, and that list to print or export for the front desk."""

from __future__ import annotations

import datetime as dt
import html

import streamlit as st

from hall.errors import StoreUnavailable
from hall.labels import t
from hall.pack import Catalog
from hall.store import Booking, BookingKind, BookingStatus
from hall.ui import activities as ui
from hall.ui.bookings import place_names
from hall.ui.cards import display_name
from hall.ui.data import store


def _names(cat: Catalog, lang: str) -> dict[str, str]:
    names = place_names(cat, lang)
    names.update({h: cat.honoree(h).name for h in cat.activities.speakers if cat.has(h)})
    return names


def _table(rows: list[Booking], cat: Catalog, lang: str) -> dict[str, list[object]]:
    names = _names(cat, lang)
    return {
        t("book_ref", lang): [b.ref for b in rows],
        t("book_day", lang): [b.day.isoformat() for b in rows],
        t("book_slot", lang): [b.slot for b in rows],
        t("book_what", lang): [t(f"book_what_{b.kind.value}", lang) for b in rows],
        t("book_place", lang): [names.get(b.target, b.target) for b in rows],
        t("book_group", lang): [b.group for b in rows],
        t("book_people", lang): [b.people for b in rows],
        t("talk_topic", lang): [b.topic for b in rows],
        t("talk_speaker", lang): [names.get(b.assigned_id or b.speaker_id, "") for b in rows],
        t("book_status", lang): [t(f"book_status_{b.status.value}", lang) for b in rows],
        t("book_contact", lang): [b.contact for b in rows],
    }


def printable(rows: list[Booking], day: dt.date, cat: Catalog, lang: str) -> bytes:
    """A day's list as an HTML page to print (A4, every cell escaped: a group's name is text)."""
    table = _table([b for b in rows if b.status is not BookingStatus.DECLINED], cat, lang)
    head = "".join(f"<th>{html.escape(str(k))}</th>" for k in table)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(col[i]))}</td>" for col in table.values()) + "</tr>"
        for i in range(len(next(iter(table.values()))))
    )
    title = html.escape(t("desk_print_title", lang, date=ui.when_day(day, lang)))
    return (
        f'<!doctype html><html lang="{"zh-CN" if lang == "zh" else "en"}"><meta charset="utf-8">'
        f"<title>{title}</title><style>@page{{size:A4 landscape;margin:12mm}}body{{font-family:sans-serif}}"
        "table{border-collapse:collapse;width:100%}"
        "th,td{border:1px solid #444;padding:4px 6px;font-size:11pt}</style>"
        f"<h1>{title}</h1><table><tr>{head}</tr>{body}</table></html>"
    ).encode()


def panel(cat: Catalog, lang: str) -> None:
    """Pending requests of every day, then one day's list with its actions and downloads."""
    try:
        store().forget_contacts()  # a contact whose day has come is not shown, nor kept
        waiting = store().bookings(status=BookingStatus.PENDING, limit=200)
    except StoreUnavailable:
        st.info(t("store_down_message", lang))
        return
    st.subheader(t("desk_pending", lang, n=len(waiting)), anchor=False)
    if waiting:
        st.dataframe(_table(waiting, cat, lang), hide_index=True, width="stretch")
    day = st.date_input(t("desk_day", lang), value=ui.today(), key="desk_day")
    rows = store().bookings(day=day)
    st.subheader(t("desk_day_list", lang, date=ui.when_day(day, lang), n=len(rows)), anchor=False)
    if not rows:
        st.caption(t("desk_none", lang))
    else:
        st.dataframe(_table(rows, cat, lang), hide_index=True, width="stretch")
        _actions(rows, cat, lang)
    names = _names(cat, lang)
    with st.container(horizontal=True, gap="small"):
        st.download_button(
            t("desk_export", lang),
            data=lambda: store().export_day_csv(day, names),
            file_name=f"bookings-{day.isoformat()}.csv",
            mime="text/csv",
            key="desk_export",
            icon=":material/download:",
        )
        st.download_button(
            t("desk_print", lang),
            data=lambda: printable(store().bookings(day=day), day, cat, lang),
            file_name=f"bookings-{day.isoformat()}.html",
            mime="text/html",
            key="desk_print",
            icon=":material/print:",
        )


def _actions(rows: list[Booking], cat: Catalog, lang: str) -> None:
    """Confirm, decline or assign a speaker to exactly the booking picked by its reference."""
    by_ref = {b.ref: b for b in rows}
    ref = st.selectbox(
        t("desk_pick", lang),
        list(by_ref),
        format_func=lambda r: f"{r} · {by_ref[r].slot} · {by_ref[r].group}",
        key="desk_pick",
    )
    chosen = by_ref[ref]
    roster = sorted((h for h in cat.activities.speakers if cat.has(h)), key=lambda h: cat.honoree(h).name_en)
    assign = ""
    if chosen.kind is BookingKind.TALK:
        assign = st.selectbox(
            t("desk_assign", lang),
            ["", *roster],
            format_func=lambda h: "—" if not h else display_name(cat.honoree(h), lang),
            key="desk_assign",
        )
    with st.container(horizontal=True, gap="small"):
        confirm = st.button(t("desk_confirm", lang, ref=ref), key="desk_confirm", icon=":material/check:")
        decline = st.button(t("desk_decline", lang, ref=ref), key="desk_decline", icon=":material/close:")
    if confirm or decline:
        status = BookingStatus.CONFIRMED if confirm else BookingStatus.DECLINED
        try:
            done = store().decide(ref, status, assigned_id=assign)
        except StoreUnavailable:
            st.warning(t("store_down_message", lang))
            return
        if done is not None and done.status is status:
            st.success(t(f"desk_done_{status.value}", lang, ref=ref))
        else:
            st.warning(t("desk_not_changed", lang, ref=ref))
