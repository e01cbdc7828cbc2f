"""Group visits and talk requests in the store: places counted atomically on both databases, the
same request refused twice, declined visits give their places back, contacts deleted on time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa

from hall.errors import BookingRefused, RateLimited, StoreUnavailable
from hall.store import RATE_LIMITS, Action, BookingKind, BookingStatus, Store
from tests.hall.store.conftest import TZ, Clock, Target, all_at_once

DAY = dt.date(2025, 5, 20)
KEEP_UNTIL = DAY + dt.timedelta(days=30)
CONTACT = "booker-13912345678"


def _visit(store: Store, people: int, group: str = "绍兴市某小学", contact: str = "13800000000", **kw):
    values = {"target": "hall", "day": DAY, "slot": "09:00", "capacity": 40, "contact_until": KEEP_UNTIL}
    values.update(kw)
    return store.book_visit(people=people, group=group, contact=contact, **values)


def _open(target: Target) -> Store:
    """A store whose clock stands before DAY (T0), so no contact is due to be deleted yet."""
    return target.open(clock=Clock(), tz=TZ)


def _rows(store: Store) -> int:
    with store.transaction(write=False) as conn:
        return conn.execute(sa.text("SELECT count(*) FROM bookings")).scalar_one()


def test_twenty_bookings_at_once_for_the_last_five_places_give_exactly_five(target: Target) -> None:
    first = _open(target)
    _visit(first, 35, group="先到的团队")
    stores = [_open(target) for _ in range(20)]  # a connection each, released together
    results = all_at_once(stores, lambda s: _visit(s, 1, group=f"团队{id(s)}", contact=f"c{id(s)}"))
    booked = [r for r in results if not isinstance(r, BaseException)]
    refused = [r for r in results if isinstance(r, BookingRefused)]
    assert len(booked) == 5, results
    assert len(refused) == 15
    assert {r.reason for r in refused} == {"full"}
    assert first.places_taken("hall", DAY) == {"09:00": 40}
    assert _rows(first) == 6  # a refused booking stored nothing


@pytest.mark.parametrize(
    ("people", "left"),
    [(41, 40), (40, 40)],
)
def test_a_group_larger_than_what_is_left_is_refused_whole(target: Target, people: int, left: int) -> None:
    store = _open(target)
    if people == 40:
        _visit(store, 1, group="一人")
        left = 39
    with pytest.raises(BookingRefused) as refused:
        _visit(store, people)
    assert refused.value.reason == "full"
    assert refused.value.params == {"left": left}
    assert _rows(store) == (1 if people == 40 else 0)


def test_the_same_request_twice_is_refused_and_counts_no_places(target: Target) -> None:
    store = _open(target)
    _visit(store, 10, group="绍兴市某小学", contact="138 0000 0000")
    with pytest.raises(BookingRefused) as refused:
        _visit(store, 10, group=" 绍兴市某小学", contact="13800000000")  # spaces do not make it new
    assert refused.value.reason == "duplicate"
    assert store.places_taken("hall", DAY) == {"09:00": 10}
    talk = {"day": DAY, "group": "某社区", "setting": "community", "topic": "工匠精神", "audience": 80}
    store.request_talk(speaker_id="", contact="x@example.org", contact_until=KEEP_UNTIL, **talk)
    with pytest.raises(BookingRefused, match="duplicate"):
        store.request_talk(speaker_id="", contact="X@example.org", contact_until=KEEP_UNTIL, **talk)


def test_a_declined_visit_gives_its_places_back_and_may_be_asked_again(target: Target) -> None:
    store = _open(target)
    booking = _visit(store, 30)
    declined = store.decide(booking.ref, BookingStatus.DECLINED)
    assert declined is not None
    assert declined.status is BookingStatus.DECLINED
    assert store.places_taken("hall", DAY) == {"09:00": 0}
    again = _visit(store, 30)
    assert store.decide(booking.ref, BookingStatus.CONFIRMED).status is BookingStatus.DECLINED  # stays
    assert store.decide(again.ref, BookingStatus.CONFIRMED).status is BookingStatus.CONFIRMED
    assert store.places_taken("hall", DAY) == {"09:00": 30}
    assert store.decide("NOSUCHREF", BookingStatus.CONFIRMED) is None


def test_a_talk_request_gets_a_reference_a_status_and_an_assigned_speaker(target: Target) -> None:
    store = _open(target)
    asked = store.request_talk(
        day=DAY,
        group="某机械公司",
        setting="enterprise",
        topic="安全生产",
        speaker_id="",
        audience=120,
        contact="13700000000",
        contact_until=KEEP_UNTIL,
    )
    assert asked.kind is BookingKind.TALK
    assert asked.status is BookingStatus.PENDING
    assert len(asked.ref) == 8
    found = store.booking(asked.ref.lower()[:4] + " " + asked.ref.lower()[4:])
    assert found == asked
    store.decide(asked.ref, BookingStatus.CONFIRMED, assigned_id="s00042")
    done = store.booking(asked.ref)
    assert done is not None
    assert (done.status, done.assigned_id) == (BookingStatus.CONFIRMED, "s00042")
    assert store.booking("") is None
    assert store.booking("ZZZZZZZZ") is None


@pytest.mark.parametrize("bad", ["名字\x00", "名\u202e字"])
def test_hostile_text_is_refused_and_nothing_is_stored(target: Target, bad: str) -> None:
    store = _open(target)
    with pytest.raises(BookingRefused, match="text"):
        _visit(store, 5, group=bad)
    assert _rows(store) == 0
    assert store.places_taken("hall", DAY) == {}


def _database_files(target: Target, store: Store) -> bytes:
    if target.backend == "sqlite":
        return b"".join(p.read_bytes() for p in sorted(Path(target.data_dir).glob("hall.sqlite*")))
    assert target.cluster is not None
    with store.transaction(write=True, single=True) as conn:
        conn.execute(sa.text("CHECKPOINT"))
        path = conn.execute(sa.text("SELECT pg_relation_filepath('bookings')")).scalar_one()
    return (target.cluster.data / path).read_bytes()


def test_a_contact_is_deleted_once_its_day_has_passed_also_from_the_files(
    target: Target, clock: Clock
) -> None:
    clock.now = dt.datetime.combine(DAY - dt.timedelta(days=10), dt.time(10), TZ)
    store = target.open(clock=clock, tz=TZ)
    gone = _visit(store, 5, contact=CONTACT, contact_until=DAY + dt.timedelta(days=3))
    kept = _visit(
        store, 5, group="后一天", contact="later-13700000000", contact_until=DAY + dt.timedelta(days=4)
    )
    assert CONTACT.encode() in _database_files(target, store)  # the check below can fail
    clock.now = dt.datetime.combine(DAY + dt.timedelta(days=3), dt.time(23), TZ)
    assert store.forget_contacts() == 0  # the last day of keeping it is not over yet
    clock.now = dt.datetime.combine(DAY + dt.timedelta(days=4), dt.time(9), TZ)
    assert store.forget_contacts() == 1
    assert store.booking(gone.ref).contact == ""
    assert store.booking(kept.ref).contact == "later-13700000000"
    assert CONTACT.encode() not in _database_files(target, store)
    assert store.booking(gone.ref).status is BookingStatus.PENDING  # the booking itself stays


def test_a_days_list_exports_as_safe_csv_without_declined_ones(target: Target) -> None:
    store = _open(target)
    _visit(store, 12, group='=HYPERLINK("x")')
    declined = _visit(store, 3, group="取消的团队")
    store.decide(declined.ref, BookingStatus.DECLINED)
    text = store.export_day_csv(DAY, {"hall": "展馆"}).decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert "展馆" in text
    assert "取消的团队" not in text


def test_a_store_that_is_down_says_so_and_keeps_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    store = Store.open(None, blocker)
    with pytest.raises(StoreUnavailable):
        _visit(store, 5)
    blocker.unlink()
    assert store.bookings() == []


def test_bookings_have_an_hourly_limit_per_address_like_the_other_forms(target: Target) -> None:
    store = _open(target)
    limit = RATE_LIMITS[Action.BOOKING].per_client
    for _ in range(limit):
        store.spend(Action.BOOKING, "clientkey0001")
    with pytest.raises(RateLimited) as refused:
        store.spend(Action.BOOKING, "clientkey0001")
    assert refused.value.label_key == "limit_client_booking"
    store.spend(Action.BOOKING, "clientkey0002")  # another address is not held up
