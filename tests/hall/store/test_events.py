"""Events on SQLite and PostgreSQL: one INSERT a page view, the hall's calendar days, cleaned
search text, daily sums made once however many stores sum, the CSV export."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
import sqlalchemy as sa

from hall.config import Mode
from hall.store import MAX_QUERY, EventKind, Store
from tests.hall.store.conftest import TZ, Clock, Target, all_at_once


def test_a_page_view_costs_one_insert(store: Store) -> None:
    store.record(EventKind.VISIT, mode=Mode.ONLINE)  # connect and migrate first
    statements: list[str] = []

    def seen(conn, cursor, statement, *args) -> None:
        statements.append(statement.strip().split()[0].upper())

    sa.event.listen(sa.Engine, "before_cursor_execute", seen)
    try:
        store.record(EventKind.ROOM_VIEW, mode=Mode.KIOSK, room="craftsmen")
    finally:
        sa.event.remove(sa.Engine, "before_cursor_execute", seen)
    assert [s for s in statements if s != "BEGIN"] == ["INSERT"]


def test_unknown_event_kind_or_mode_is_a_programming_error(store: Store) -> None:
    with pytest.raises(ValueError, match="click"):
        store.record("click", mode="online")
    with pytest.raises(ValueError, match="disco"):
        store.record("visit", mode="disco")


def test_stores_summing_days_together_count_each_day_once(target: Target, clock: Clock) -> None:
    first = target.open(clock=clock, tz=TZ)
    for _ in range(30):
        first.record("visit", mode="online")
        clock.advance(hours=12)
    stores = [target.open(clock=clock, tz=TZ) for _ in range(4)]
    results = all_at_once(stores, lambda store: store.roll_up())
    assert len(set(results)) == 1, results
    assert first.visit_stats(days=30).visits == 30


def test_days_follow_the_halls_calendar(store: Store, clock: Clock) -> None:
    clock.now = dt.datetime(2025, 5, 1, 15, 59, tzinfo=dt.UTC)  # 23:59 in UTC+8
    store.record("visit", mode="online")
    clock.advance(minutes=2)  # 00:01 the next day in UTC+8
    store.record("visit", mode="online")
    by_day = {d.day: d.count for d in store.visit_stats(days=2).visits_by_day}
    assert by_day == {dt.date(2025, 5, 1): 1, dt.date(2025, 5, 2): 1}


def test_search_text_is_trimmed_and_cleaned(store: Store) -> None:
    store.record("search", mode="online", query="  张\x00三\n  李四 " + "长" * 300, results=0)
    store.record("room_view", mode="online", room="r" * 100, query="ignored")
    (top,) = store.visit_stats().top_searches
    assert top.key.startswith("张 三 李四 长")
    assert len(top.key) == MAX_QUERY
    rows = list(csv.DictReader(io.StringIO(store.export_events_csv().decode("utf-8-sig"))))
    assert [r["kind"] for r in rows] == ["search", "room_view"]
    assert rows[1]["query"] == ""
    assert len(rows[1]["room"]) == 40


def test_events_export_as_csv_for_excel(store: Store, clock: Clock) -> None:
    store.record("search", mode="kiosk", query="=1+1", results=3)
    clock.advance(days=10)
    store.record("visit", mode="online")
    data = store.export_events_csv()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == ["created_at", "day", "kind", "mode", "room", "honoree_id", "query", "results"]
    assert (rows[0]["query"], rows[0]["results"], rows[0]["day"]) == ("'=1+1", "3", "2025-05-01")
    assert rows[1]["results"] == ""
    recent = list(csv.DictReader(io.StringIO(store.export_events_csv(days=1).decode("utf-8-sig"))))
    assert [r["kind"] for r in recent] == ["visit"]


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("13900001234", ""),  # a mobile number
        ("139 0000 1234", ""),
        ("电话 0575-88001122", ""),
        ("330681199001011234", ""),  # an ID-card number
        ("33068119900101123X", ""),
        ("３３０６８１１９９００１０１１２３４", ""),  # typed full-width
        ("3306 8119 9001 0112 34", ""),  # typed in groups
        ("6222 0212 3456 7890 123", ""),  # a bank card
        ("zhang.san@example.com", ""),
        ("张三＠example.com", ""),
        ("丁卫松", "丁卫松"),  # what searches are for: kept as typed
        ("dws", "dws"),
        ("1985", "1985"),
        ("2003 省劳模", "2003 省劳模"),
        ("0575", "0575"),
    ],
)
def test_search_text_that_looks_personal_is_counted_but_not_kept(store: Store, typed: str, kept: str) -> None:
    # Finding 10: a phone or ID number typed into search was stored as typed and exported.
    store.record("search", mode="online", query=typed, results=2)
    (row,) = csv.DictReader(io.StringIO(store.export_events_csv().decode("utf-8-sig")))
    assert (row["query"], row["results"]) == (kept, "2")
    stats = store.visit_stats()
    assert stats.searches == 1
    assert [s.key for s in stats.top_searches] == ([kept] if kept else [])
