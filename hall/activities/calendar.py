"""Calendar files (.ics, RFC 5545) through icalendar: one per activity, and a feed of what is coming."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import icalendar

from hall.activities.records import Activity

PRODID = "-//Model Workers and Craftsmen Hall//activities//ZH"
DEFAULT_MINUTES = 90  # an activity whose length is not given


def activity_link(base_url: str, activity_id: str) -> str:
    """The online hall's address of one activity's page."""
    return f"{base_url.rstrip('/')}/activities?id={activity_id}"


def _event(
    a: Activity, *, tz: ZoneInfo, base_url: str, host: str, stamp: dt.datetime, lang: str
) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"{a.id}@{host}")
    event.add("dtstamp", stamp)
    event.add("summary", a.title.get(lang))
    start = a.starts_at(tz)
    if start is None:  # a day without a time: an all-day entry
        event.add("dtstart", a.day)
        event.add("dtend", a.day + dt.timedelta(days=1))
    else:
        event.add("dtstart", start)
        event.add("duration", dt.timedelta(minutes=a.minutes or DEFAULT_MINUTES))
    where = "，".join(x for x in (a.place, a.district) if x)
    if where:
        event.add("location", where)
    if a.summary:
        event.add("description", a.summary)
    if base_url:
        event.add("url", activity_link(base_url, a.id))
    return event


def calendar_file(
    activities: Iterable[Activity],
    *,
    name: str,
    timezone: str,
    base_url: str = "",
    lang: str = "zh",
    stamp: dt.datetime | None = None,
) -> bytes:
    """An .ics holding every dated activity given (undated ones have no place in a calendar).

    Text is written as given: a calendar program shows it as text, never as markup.

    Raises:
        zoneinfo.ZoneInfoNotFoundError: `timezone` is unknown (hall.yaml's is checked at load).
    """
    tz = ZoneInfo(timezone)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", timezone)
    host = (base_url.split("//", 1)[-1].split("/", 1)[0] or "hall.local").lower()
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    for a in activities:
        if a.dated:
            cal.add_component(_event(a, tz=tz, base_url=base_url, host=host, stamp=stamp, lang=lang))
    cal.add_missing_timezones()
    return cal.to_ical()
