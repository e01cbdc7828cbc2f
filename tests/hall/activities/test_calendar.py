"""Calendar files: one event per dated activity, at the hall's local time, text kept as text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar

from hall.activities import activity_link, calendar_file
from hall.pack import load_catalog


def test_a_feed_holds_every_dated_activity_and_reads_back(act_pack: Path) -> None:
    acts = load_catalog(act_pack).activities
    body = calendar_file(
        acts.items, name="活动", timezone="Asia/Shanghai", base_url="https://hall.example.cn/"
    )
    cal = icalendar.Calendar.from_ical(body)
    events = {str(e["uid"]).split("@")[0]: e for e in cal.walk("VEVENT")}
    assert set(events) == {"a2", "a3", "a4", "a5"}  # a1 has a year only: no calendar entry
    talk = events["a2"]
    assert talk.decoded("dtstart") == dt.datetime(2024, 3, 5, 9, 30, tzinfo=talk.decoded("dtstart").tzinfo)
    assert talk.decoded("dtstart").utcoffset() == dt.timedelta(hours=8)
    assert talk.decoded("duration") == dt.timedelta(minutes=90)
    assert (
        str(talk["url"])
        == activity_link("https://hall.example.cn", "a2")
        == "https://hall.example.cn/activities?id=a2"
    )
    assert events["a4"].decoded("dtstart") == dt.date(2025, 6, 1)  # no time of day: all day
    assert cal.walk("VTIMEZONE"), "the zone is described for programs that do not know it"


def test_hostile_text_stays_text_in_a_calendar(act_pack: Path) -> None:
    acts = load_catalog(act_pack).activities
    hostile = "<script>alert(1)</script>\nBEGIN:VEVENT"
    from dataclasses import replace

    a = replace(acts.get("a2"), summary=hostile)
    cal = icalendar.Calendar.from_ical(calendar_file([a], name="x", timezone="Asia/Shanghai"))
    (event,) = cal.walk("VEVENT")
    assert str(event["description"]) == hostile
    assert len(cal.walk("VEVENT")) == 1  # the newline did not start an event of its own
