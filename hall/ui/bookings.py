"""Booking from a phone or PC: a group's visit to the hall or a studio in a slot, a request for a
talk, and the status page a reference opens; on a docent's tablet, today's booked groups."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from hall.activities import HALL, Setting, bookable_days, check_talk, check_visit, places
from hall.activities.booking import MAX_GROUP, MAX_TOPIC
from hall.errors import BookingRefused, StoreUnavailable
from hall.labels import t
from hall.pack import Catalog
from hall.store import MAX_CONTACT, Action, Booking, BookingKind, BookingStatus
from hall.ui import activities as ui
from hall.ui.cards import display_name
from hall.ui.data import store
from hall.ui.docent import unlocked
from hall.ui.limits import refusal_text, spend
from hall.ui.nav import page
from hall.ui.text import plain


def place_names(cat: Catalog, lang: str) -> dict[str, str]:
    """The hall and every studio open for visits, by target."""
    names = {HALL: t("book_place_hall", lang)}
    names.update({s.id: s.name for s in cat.studios if s.open_for_visits})
    return names


def _refused(refusal: BookingRefused, lang: str) -> None:
    st.warning(t(refusal.label_key, lang, **refusal.params))


def _contact_note(cat: Catalog, lang: str) -> None:
    st.caption(t("book_contact_note", lang, days=cat.activities.rules.contact_days))


def _booked(b: Booking, lang: str) -> None:
    st.success(t("book_thanks", lang, ref=b.ref))
    st.page_link(
        page(ui.ROOM),
        label=t("book_status_link", lang, ref=b.ref),
        query_params={"ref": b.ref},
        icon=":material/confirmation_number:",
    )


def visit_form(cat: Catalog, lang: str) -> None:
    """A group's visit: place, day, slot (with the places left), size, name and contact."""
    rules = cat.activities.rules
    open_places = places(rules, cat.studios)
    names = place_names(cat, lang)
    asked = st.query_params.get("studio", "")
    if "book_place" not in st.session_state and asked in open_places:
        st.session_state["book_place"] = asked
    target = st.selectbox(
        t("book_place", lang), list(open_places), format_func=names.__getitem__, key="book_place"
    )
    first, last = bookable_days(rules, ui.today())
    day = st.date_input(t("book_day", lang), value=first, min_value=first, max_value=last, key="book_day")
    place = open_places[target]
    try:
        taken = store().places_taken(target, day)
    except StoreUnavailable:
        st.info(t("store_down_message", lang))
        return
    left = {slot: max(0, place.capacity - taken.get(slot, 0)) for slot in rules.slots}
    slot = st.radio(
        t("book_slot", lang),
        list(rules.slots),
        format_func=lambda s: t("book_slot_left", lang, slot=s, n=left[s]),
        horizontal=True,
        key="book_slot",
    )
    people = st.number_input(
        t("book_people", lang), 1, place.capacity, min(20, place.capacity), key="book_people"
    )
    group = st.text_input(t("book_group", lang), max_chars=MAX_GROUP, key="book_group")
    contact = st.text_input(t("book_contact", lang), max_chars=MAX_CONTACT, key="book_contact")
    _contact_note(cat, lang)
    if not st.button(t("book_send", lang), key="book_send", icon=":material/send:"):
        return
    try:
        group = check_visit(
            rules, place, day=day, slot=slot, people=int(people), group=group, today=ui.today()
        )
        if not contact.strip():
            raise BookingRefused("contact", limit=MAX_CONTACT)
        refused = spend(Action.BOOKING)  # a booking refused anyway costs nothing of the limit
        if refused is not None:
            st.warning(refusal_text(refused, lang))
            return
        booking = store().book_visit(
            target=target,
            day=day,
            slot=slot,
            people=int(people),
            group=group,
            contact=contact.strip(),
            capacity=place.capacity,
            contact_until=day + dt.timedelta(days=rules.contact_days),
        )
    except BookingRefused as refusal:
        _refused(refusal, lang)
    except StoreUnavailable:
        st.warning(t("store_down_message", lang))
    else:
        _booked(booking, lang)


def talk_form(cat: Catalog, lang: str) -> None:
    """A school, company or community asks for a talk: who asks, where, topic, speaker or anyone,
    the day, the audience and a contact."""
    acts = cat.activities
    rules = acts.rules
    roster = sorted((h for h in acts.speakers if cat.has(h)), key=lambda h: cat.honoree(h).name_en)
    with st.form("talk_request", clear_on_submit=False):
        group = st.text_input(t("talk_group", lang), max_chars=MAX_GROUP, key="talk_group")
        setting = st.selectbox(
            t("act_filter_setting", lang),
            [s.value for s in Setting],
            format_func=lambda s: t(f"act_setting_{s}", lang),
            key="talk_setting",
        )
        topic = st.text_input(t("talk_topic", lang), max_chars=MAX_TOPIC, key="talk_topic")
        speaker = st.selectbox(
            t("talk_speaker", lang),
            ["", *roster],
            format_func=lambda h: t("talk_anyone", lang) if not h else display_name(cat.honoree(h), lang),
            key="talk_speaker",
        )
        first, last = bookable_days(rules, ui.today())
        day = st.date_input(
            t("talk_day", lang),
            value=first + dt.timedelta(days=13),
            min_value=first,
            max_value=last,
            key="talk_day",
        )
        audience = st.number_input(t("talk_audience", lang), 1, 100_000, 100, key="talk_audience")
        contact = st.text_input(t("book_contact", lang), max_chars=MAX_CONTACT, key="talk_contact")
        _contact_note(cat, lang)
        sent = st.form_submit_button(t("talk_send", lang), icon=":material/send:")
    if not sent:
        return
    try:
        group, topic = check_talk(
            rules,
            day=day,
            group=group,
            topic=topic,
            audience=int(audience),
            speaker=speaker,
            speakers=roster,
            today=ui.today(),
        )
        if not contact.strip():
            raise BookingRefused("contact", limit=MAX_CONTACT)
        refused = spend(Action.BOOKING)
        if refused is not None:
            st.warning(refusal_text(refused, lang))
            return
        booking = store().request_talk(
            day=day,
            group=group,
            setting=setting,
            topic=topic,
            speaker_id=speaker,
            audience=int(audience),
            contact=contact.strip(),
            contact_until=day + dt.timedelta(days=rules.contact_days),
        )
    except BookingRefused as refusal:
        _refused(refusal, lang)
    except StoreUnavailable:
        st.warning(t("store_down_message", lang))
    else:
        _booked(booking, lang)


def book_view(cat: Catalog, lang: str) -> None:
    """Both forms, and a box to look a reference up."""
    what = (
        st.segmented_control(
            t("book_what", lang),
            ["visit", "talk"],
            default="visit",
            key="book_what",
            format_func=lambda k: t(f"book_what_{k}", lang),
        )
        or "visit"
    )
    if what == "visit":
        visit_form(cat, lang)
    else:
        talk_form(cat, lang)
    ref = st.text_input(t("book_lookup", lang), max_chars=12, key="book_lookup")
    if ref.strip():
        st.page_link(
            page(ui.ROOM),
            label=t("book_status_link", lang, ref=plain(ref.strip().upper())),
            query_params={"ref": ref.strip()},
        )


def status_page(cat: Catalog, ref: str, lang: str) -> None:
    """What became of a booking or request (/activities?ref=…): never its contact."""
    st.title(t("book_status_title", lang), anchor=False)
    try:
        b = store().booking(ref)
    except StoreUnavailable:
        st.info(t("store_down_message", lang))
        return
    if b is None:
        st.info(t("book_unknown_ref", lang))
    else:
        names = place_names(cat, lang)
        colour = {
            BookingStatus.PENDING: "orange",
            BookingStatus.CONFIRMED: "green",
            BookingStatus.DECLINED: "gray",
        }[b.status]
        st.markdown(f":{colour}-badge[{t(f'book_status_{b.status.value}', lang)}] **{plain(b.ref)}**")
        rows = [
            ("book_what", t(f"book_what_{b.kind.value}", lang)),
            ("book_place", names.get(b.target, "") if b.kind is BookingKind.VISIT else ""),
            ("book_day", ui.when_day(b.day, lang) + (f" {b.slot}" if b.slot else "")),
            ("book_group", b.group),
            ("talk_topic", b.topic),
            ("book_people" if b.kind is BookingKind.VISIT else "talk_audience", str(b.people)),
        ]
        speaker = b.assigned_id or b.speaker_id
        if speaker and cat.has(speaker):
            rows.append(("talk_speaker", display_name(cat.honoree(speaker), lang)))
        for key, value in rows:
            if value:
                st.markdown(f"**{t(key, lang)}**：{plain(value)}")
        st.caption(t("book_contact_until", lang, date=ui.when_day(b.contact_until, lang)))
    st.page_link(page(ui.ROOM), label=t("act_back", lang), icon=":material/event:")


def todays_groups(cat: Catalog, lang: str) -> None:
    """On a docent's tablet (after the PIN): the groups booked for today, by slot."""
    with st.expander(t("docent_groups_today", lang), icon=":material/groups:"):
        if not unlocked(lang):
            return
        try:
            booked = [
                b
                for b in store().bookings(day=ui.today())
                if b.kind is BookingKind.VISIT and b.status is not BookingStatus.DECLINED
            ]
        except StoreUnavailable:
            st.info(t("store_down_message", lang))
            return
        if not booked:
            st.caption(t("docent_no_groups", lang))
            return
        names = place_names(cat, lang)
        st.dataframe(
            {
                t("book_slot", lang): [b.slot for b in booked],
                t("book_place", lang): [names.get(b.target, b.target) for b in booked],
                t("book_group", lang): [b.group for b in booked],
                t("book_people", lang): [b.people for b in booked],
                t("book_status", lang): [t(f"book_status_{b.status.value}", lang) for b in booked],
            },
            hide_index=True,
            width="stretch",
        )
