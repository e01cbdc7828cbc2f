"""The rules of a visit or a talk request, checked before anything is stored."""

from __future__ import annotations

import datetime as dt

import pytest

from hall.activities import HALL, BookingRules, Place, bookable_days, check_talk, check_visit, places
from hall.errors import BookingRefused
from hall.pack.records import Level, Studio

RULES = BookingRules(hall_capacity=40, studio_capacity=20, slots=("09:00", "14:00"), days_ahead=30)
TODAY = dt.date(2026, 12, 6)
HALL_PLACE = Place(HALL, 40)


def test_places_are_the_hall_and_open_studios_with_their_own_or_the_default_capacity() -> None:
    studios = [
        Studio("w1", "开放工作室", Level.MUNICIPAL, open_for_visits=True, visit_capacity=12),
        Studio("w2", "默认容量工作室", Level.MUNICIPAL, open_for_visits=True),
        Studio("w3", "不开放的工作室", Level.MUNICIPAL, open_for_visits=False),
    ]
    found = places(RULES, studios)
    assert {k: p.capacity for k, p in found.items()} == {HALL: 40, "w1": 12, "w2": 20}
    assert bookable_days(RULES, TODAY) == (dt.date(2026, 12, 7), dt.date(2027, 1, 5))


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"day": TODAY}, "past"),
        ({"day": TODAY - dt.timedelta(days=3)}, "past"),
        ({"day": TODAY + dt.timedelta(days=31)}, "too_far"),
        ({"slot": "10:00"}, "no_slot"),
        ({"people": 0}, "people"),
        ({"people": 41}, "people"),
        ({"group": "  "}, "group"),
        ({"group": "团" * 61}, "group"),
        ({"place": None}, "closed"),
    ],
)
def test_a_visit_that_breaks_a_rule_is_refused_with_its_reason(
    change: dict[str, object], reason: str
) -> None:
    values: dict[str, object] = {
        "day": TODAY + dt.timedelta(days=1),
        "slot": "09:00",
        "people": 30,
        "group": "某小学",
    }
    values.update(change)
    place = values.pop("place", HALL_PLACE)
    with pytest.raises(BookingRefused) as refused:
        check_visit(RULES, place, today=TODAY, **values)  # type: ignore[arg-type]
    assert refused.value.reason == reason


def test_a_good_visit_passes_with_its_name_tidied() -> None:
    group = check_visit(
        RULES,
        HALL_PLACE,
        day=TODAY + dt.timedelta(days=2),
        slot="14:00",
        people=40,
        group=" 某  小学 ",
        today=TODAY,
    )
    assert group == "某 小学"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"day": TODAY}, "past"),
        ({"audience": 0}, "audience"),
        ({"speaker": "stranger"}, "speaker"),
        ({"topic": ""}, "topic"),
        ({"group": ""}, "group"),
    ],
)
def test_a_talk_request_that_breaks_a_rule_is_refused(change: dict[str, object], reason: str) -> None:
    values: dict[str, object] = {
        "day": TODAY + dt.timedelta(days=10),
        "group": "某社区",
        "topic": "工匠精神",
        "audience": 100,
        "speaker": "s1",
    }
    values.update(change)
    with pytest.raises(BookingRefused) as refused:
        check_talk(RULES, speakers=["s1"], today=TODAY, **values)  # type: ignore[arg-type]
    assert refused.value.reason == reason
