"""活动 — the association at work: coming and past activities, figures, an activity's own page,
booking a group visit and asking for a talk, the status page, the kiosk, the big screen, a
docent's groups, the curators' desk, and what a person and a studio do now."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import streamlit as st

from hall.geo import studios_in
from hall.labels import t
from hall.pack import Catalog, load_catalog
from hall.store import BookingStatus, Store
from tests.hall.activities.conftest import write_activities
from tests.support.apptest import (
    HOSTILE,
    PIN,
    capture_downloads,
    markdown_shown,
    sign_in_curator,
    switch_mode,
    texts,
    unlock,
)

TODAY = dt.date.today()


def _day(n: int) -> str:
    return (TODAY + dt.timedelta(days=n)).isoformat()


@pytest.fixture
def act_pack(pack_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The room pack with activities dated around today, the seed's real talk and a roster."""
    pack = tmp_path / "actpack"
    shutil.copytree(pack_env, pack)
    cat = load_catalog(pack)
    sample = [h for h in cat.honorees if h.sample]
    studio = studios_in(cat)[0]  # the first card of the studios room
    speaker, other = sample[0].id, sample[1].id
    rows = [
        (
            "a0001",
            "2021",
            "",
            "school",
            "classroom",
            "开学第一天",
            "",
            "",
            "r001、r002、r003",
            "7000",
            "true",
            "false",
            "《用劳模精神引领时代风尚》（绍兴市劳模协会专版）",
        ),
        (
            "c1",
            _day(2),
            "10:00",
            "talk",
            "enterprise",
            "工匠精神进企业",
            "柯桥区",
            "",
            speaker,
            "120",
            "",
            "true",
        ),
        ("c2", _day(5), "14:00", "school", "classroom", "劳模进校园", "诸暨市", "", other, "600", "", "true"),
        (
            "c3",
            _day(0),
            "09:00",
            "volunteer",
            "community",
            "医护劳模免费义诊",
            "嵊州市",
            "",
            other,
            "60",
            "",
            "true",
        ),
        (
            "p1",
            _day(-30),
            "09:00",
            "talk",
            "community",
            "劳动创造幸福",
            "越城区",
            "",
            speaker,
            "80",
            "",
            "true",
        ),
        (
            "s1",
            _day(10),
            "",
            "open_day",
            "",
            "工作室开放日",
            studio.district,
            studio.id,
            "",
            "30",
            "",
            "true",
        ),
    ]
    roster = [{"honoree_id": speaker, "topics": "工匠精神、安全生产", "since": "2020", "sample": "true"}]
    write_activities(pack, rows, roster)
    monkeypatch.setenv("HALL_PACK", str(pack))
    st.cache_resource.clear()
    return pack


@pytest.fixture
def acat(act_pack: Path) -> Catalog:
    return load_catalog(act_pack)


def test_the_room_lists_whats_coming_with_a_calendar_and_filters(act_pack, open_room) -> None:
    at = open_room("activities")
    assert not at.exception
    page = texts(at)
    assert t("act_count", n=4) in page  # c3 (today), c1, c2, s1
    assert "工匠精神进企业" in page
    assert "劳动创造幸福" not in page  # past
    assert t("act_weekday_short_0") in page  # the calendar's head row
    at.selectbox(key="act_kind").set_value("talk").run()
    assert t("act_count", n=1) in texts(at)


def test_past_activities_go_by_year_latest_first(act_pack, open_room) -> None:
    at = open_room("activities", view="past")
    assert not at.exception
    years = at.button_group(key="act_year")
    assert years.value == (TODAY - dt.timedelta(days=30)).year
    assert "劳动创造幸福" in texts(at)
    at.button_group(key="act_year").set_value(2021).run()
    assert "开学第一天" in texts(at)


def test_figures_are_charts_each_with_a_sentence_and_the_cited_programme(
    act_pack, open_room, acat: Catalog
) -> None:
    at = open_room("activities", view="figures")
    assert not at.exception
    assert len(at.get("plotly_chart")) == 4
    page = texts(at)
    assert "131" in page
    assert "674" in page
    reached = len({a.district_code for a in acat.activities.items} - {""})
    assert t("act_fig_districts_alt", reached=reached, of=6) in page
    assert t("act_fig_totals", n="6", audience="7,890") in page


def test_an_activity_has_its_own_page_with_its_people_source_and_calendar(
    act_pack, open_room, monkeypatch
) -> None:
    downloads = capture_downloads(monkeypatch)
    at = open_room("activities", id="a0001")
    assert not at.exception
    page = texts(at)
    assert "丁卫松" in page
    assert "董建奎" in page
    assert "赵龙" in page
    assert "绍兴市劳模协会专版" in page
    assert "ics_a0001" not in downloads  # a year only: no calendar entry
    at = open_room("activities", id="c1")
    body = downloads["ics_c1"]()
    assert b"SUMMARY:\xe5\xb7\xa5\xe5\x8c\xa0" in body  # 工匠… in UTF-8
    assert "activities?id=c1" in texts(at)
    at = open_room("activities", id="nope")
    assert t("act_unknown") in texts(at)


def test_a_group_books_a_visit_and_reads_its_status_without_its_contact(
    act_pack, open_room, store: Store
) -> None:
    at = open_room("activities", view="book")
    at.date_input(key="book_day").set_value(TODAY + dt.timedelta(days=3)).run()
    at.number_input(key="book_people").set_value(25)
    at.text_input(key="book_group").input("绍兴市某小学")
    at.text_input(key="book_contact").input("13800000000")
    at = at.button(key="book_send").click().run()
    assert not at.exception
    (booking,) = store.bookings()
    assert (booking.people, booking.group, booking.contact) == (25, "绍兴市某小学", "13800000000")
    assert booking.contact_until == booking.day + dt.timedelta(days=30)
    assert t("book_thanks", ref=booking.ref) in texts(at)
    status = open_room("activities", ref=booking.ref)
    page = texts(status)
    assert t("book_status_pending") in page
    assert "13800000000" not in page


def test_a_booking_over_whats_left_is_refused_and_nothing_is_stored(
    act_pack, open_room, store: Store
) -> None:
    day = TODAY + dt.timedelta(days=3)
    store.book_visit(
        target="hall",
        day=day,
        slot="09:00",
        people=38,
        group="先到",
        contact="x",
        capacity=40,
        contact_until=day,
    )
    at = open_room("activities", view="book")
    at.date_input(key="book_day").set_value(day).run()
    assert t("book_slot_left", slot="09:00", n=2) in str(at.radio(key="book_slot").options)
    at.number_input(key="book_people").set_value(5)
    at.text_input(key="book_group").input("<b>团</b> **x**")
    at.text_input(key="book_contact").input("13800000000")
    at = at.button(key="book_send").click().run()
    assert t("book_refused_full", left=2) in texts(at)
    assert len(store.bookings()) == 1


def test_a_school_asks_for_a_talk_by_a_roster_speaker(
    act_pack, open_room, store: Store, acat: Catalog
) -> None:
    at = open_room("activities", view="book")
    at.button_group(key="book_what").set_value("talk").run()
    speaker = next(iter(acat.activities.speakers))
    at.text_input(key="talk_group").input("某中学")
    at.text_input(key="talk_topic").input("工匠精神")
    at.selectbox(key="talk_speaker").set_value(speaker)
    at.text_input(key="talk_contact").input("a@example.org")
    at = at.button(key=f"FormSubmitter:talk_request-{t('talk_send')}").click().run()
    assert not at.exception
    (asked,) = store.bookings()
    assert (asked.kind.value, asked.speaker_id, asked.topic) == ("talk", speaker, "工匠精神")


def test_a_curator_confirms_a_booking_and_exports_the_days_list(
    act_pack, open_room, store: Store, monkeypatch
) -> None:
    day = TODAY
    booking = store.book_visit(
        target="hall",
        day=day,
        slot="09:00",
        people=30,
        group=HOSTILE,
        contact="138",
        capacity=40,
        contact_until=day,
    )
    downloads = capture_downloads(monkeypatch)
    at = sign_in_curator(open_room, monkeypatch)
    assert not at.exception
    assert HOSTILE not in markdown_shown(at)  # a group's name is data in a table, never Markdown
    at = at.button(key="desk_confirm").click().run()
    assert store.booking(booking.ref).status is BookingStatus.CONFIRMED
    assert t("desk_done_confirmed", ref=booking.ref) in texts(at)
    csv_text = downloads["desk_export"]().decode("utf-8-sig")
    assert booking.ref in csv_text
    assert "138" in csv_text
    printed = downloads["desk_print"]().decode()
    assert "&lt;script&gt;" in printed
    assert "<script>" not in printed


def test_the_kiosk_shows_today_and_this_week_with_a_qr_code_and_no_form(
    act_pack, open_room, monkeypatch
) -> None:
    switch_mode("kiosk", monkeypatch)
    at = open_room("activities", view="book")
    assert not at.exception
    page = texts(at)
    assert "医护劳模免费义诊" in page  # today's
    assert not at.text_input
    assert not at.get("form")
    assert not at.date_input
    assert t("act_book_on_phone") in page


def test_the_big_screen_shows_the_days_programme(act_pack, open_room, monkeypatch) -> None:
    switch_mode("screen", monkeypatch)
    at = open_room("activities")
    assert not at.exception
    assert "医护劳模免费义诊" in texts(at)
    assert "工匠精神进企业" not in texts(at)  # in two days: not today's programme


def test_a_docent_sees_todays_groups_after_the_pin(act_pack, open_room, store: Store, monkeypatch) -> None:
    store.book_visit(
        target="hall",
        day=TODAY,
        slot="09:00",
        people=30,
        group="今天的团队",
        contact="x",
        capacity=40,
        contact_until=TODAY,
    )
    monkeypatch.setenv("HALL_DOCENT_PIN", PIN)
    switch_mode("docent", monkeypatch)
    at = open_room("activities")
    assert "今天的团队" not in str(at.get("arrow_data_frame"))
    at = unlock(at)
    assert "今天的团队" in str([d.value for d in at.dataframe])


def test_a_persons_page_shows_their_talks_and_topics_and_a_studio_card_its_open_days(
    act_pack, open_room, acat: Catalog
) -> None:
    speaker = next(iter(acat.activities.speakers))
    at = open_room("honoree", id=speaker)
    page = texts(at)
    assert t("now_member") in page
    assert "工匠精神、安全生产" in page
    assert "工匠精神进企业" in page
    real = open_room("honoree", id="r001")
    assert "开学第一天" in texts(real)
    studios = open_room("studios")
    assert t("now_studio", open_days=1, shows=0) in texts(studios).replace("\\", "")
