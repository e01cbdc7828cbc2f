"""The rules of group visits and talk requests, before anything is stored: which places take
groups and how many a slot, which days and slots can be booked, what a request must hold."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from hall.activities.records import BookingRules
from hall.errors import BookingRefused
from hall.pack.records import Studio

HALL = "hall"  # the target of a visit to the hall itself (a studio's is its id)
MAX_GROUP = 60  # a school, company or community's name
MAX_TOPIC = 200
MAX_PEOPLE = 500
MAX_AUDIENCE = 100_000


@dataclass(frozen=True, slots=True)
class Place:
    """Somewhere a group can visit: the hall, or a studio open for visits."""

    target: str  # HALL or a studio id
    capacity: int  # places in one slot


def places(rules: BookingRules, studios: Iterable[Studio]) -> dict[str, Place]:
    """The hall and every studio open for visits, with their places per slot (a studio's own
    visit_capacity from studios.csv, else hall.yaml's studio_capacity)."""
    found = {HALL: Place(HALL, rules.hall_capacity)}
    for s in studios:
        if s.open_for_visits:
            found[s.id] = Place(s.id, s.visit_capacity or rules.studio_capacity)
    return found


def bookable_days(rules: BookingRules, today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day a group may book: from tomorrow (the front desk needs a day) to
    `days_ahead` days on."""
    return today + dt.timedelta(days=1), today + dt.timedelta(days=rules.days_ahead)


def _text(value: str, limit: int, reason: str, *, required: bool = True) -> str:
    value = " ".join((value or "").split())
    if (required and not value) or len(value) > limit:
        raise BookingRefused(reason, limit=limit)
    return value  # control characters are refused by the store (hall.store.bookings)


def check_contact(contact: str, max_contact: int) -> str:
    """A phone number or e-mail as stored.

    Raises:
        BookingRefused: empty or too long.
    """
    return _text(contact, max_contact, "contact")


def check_visit(
    rules: BookingRules,
    place: Place | None,
    *,
    day: dt.date,
    slot: str,
    people: int,
    group: str,
    today: dt.date,
) -> str:
    """The group's name as stored, when the visit can be asked for at all (places are counted by
    the store).

    Raises:
        BookingRefused: not a place taking visits, a day past or too far ahead, no such slot, a
            group of no one or more than a slot holds, or a bad name.
    """
    if place is None:
        raise BookingRefused("closed")
    first, last = bookable_days(rules, today)
    if day < first:
        raise BookingRefused("past")
    if day > last:
        raise BookingRefused("too_far", days=rules.days_ahead)
    if slot not in rules.slots:
        raise BookingRefused("no_slot")
    if not 1 <= people <= min(place.capacity, MAX_PEOPLE):
        raise BookingRefused("people", limit=min(place.capacity, MAX_PEOPLE))
    return _text(group, MAX_GROUP, "group")


def check_talk(
    rules: BookingRules,
    *,
    day: dt.date,
    group: str,
    topic: str,
    audience: int,
    speaker: str,
    speakers: Iterable[str],
    today: dt.date,
) -> tuple[str, str]:
    """(group, topic) as stored, when a talk can be asked for on `day`.

    Raises:
        BookingRefused: a day past or too far ahead, an audience of no one or too many, a speaker
            not in the 宣讲团, or a bad name or topic.
    """
    first, last = bookable_days(rules, today)
    if day < first:
        raise BookingRefused("past")
    if day > last:
        raise BookingRefused("too_far", days=rules.days_ahead)
    if not 1 <= audience <= MAX_AUDIENCE:
        raise BookingRefused("audience", limit=MAX_AUDIENCE)
    if speaker and speaker not in set(speakers):
        raise BookingRefused("speaker")
    return _text(group, MAX_GROUP, "group"), _text(topic, MAX_TOPIC, "topic")
