"""Visit stats on SQLite and PostgreSQL: visits, views, likes and searches counted, and the same
from the daily sums as from the events themselves."""

from __future__ import annotations

import datetime as dt
import random

from hall.config import Mode
from hall.store import ROLLUP_GRACE, EventKind, Store, compute_visit_stats
from tests.hall.store.conftest import Clock, Target


def test_visit_stats_count_visits_views_likes_and_searches(store: Store, clock: Clock) -> None:
    # Day 1 (2025-05-01 in the hall's zone): 2 online visits, 1 kiosk; day 3: 1 docent visit.
    for mode in ("online", "online", "kiosk"):
        store.record("visit", mode=mode)
    store.record("room_view", mode="kiosk", room="craftsmen")
    for hid, n in (("h1", 3), ("h2", 5), ("h3", 1)):
        for _ in range(n):
            store.record("honoree_view", mode="online", honoree_id=hid)
    store.record("search", mode="online", query="王", results=4)
    store.record("search", mode="online", query="王", results=4)
    store.record("search", mode="kiosk", query="zhangsan", results=0)
    store.like("h3", "s1")
    store.like("h3", "s2")
    store.like("h1", "s1")
    store.post_message("待审", session_key="s1")
    clock.advance(days=2)
    store.record("visit", mode="docent")
    store.record("search", mode="docent", query="不存在的人", results=0)

    fig = store.visit_stats(days=7, top=2)
    today = dt.date(2025, 5, 3)
    assert (fig.since, fig.until, fig.days) == (today - dt.timedelta(days=6), today, 7)
    assert (fig.total_visits, fig.visits) == (4, 4)
    assert len(fig.visits_by_day) == 7
    assert fig.visits_by_day[-1].day == today
    by_day = {d.day: d.count for d in fig.visits_by_day}
    assert by_day[dt.date(2025, 5, 1)] == 3
    assert by_day[today] == 1
    assert sum(by_day.values()) == 4
    every_mode = dict.fromkeys((m.value for m in Mode), 0)
    assert {x.key: x.count for x in fig.visits_by_mode} == every_mode | {"online": 2, "kiosk": 1, "docent": 1}
    assert [(x.key, x.count) for x in fig.room_views] == [("craftsmen", 1)]
    assert [(x.key, x.count) for x in fig.most_viewed] == [("h2", 5), ("h1", 3)]
    assert [(x.key, x.count) for x in fig.most_liked] == [("h3", 2), ("h1", 1)]
    assert fig.searches == 4
    assert [(x.key, x.count) for x in fig.top_searches] == [("王", 2), ("zhangsan", 1)]
    assert [(x.key, x.count) for x in fig.zero_result_searches] == [("zhangsan", 1), ("不存在的人", 1)]
    assert (fig.total_likes, fig.pending_messages) == (3, 1)

    recent = store.visit_stats(days=1)
    assert (recent.total_visits, recent.visits, recent.searches) == (4, 1, 1)
    assert [(x.key, x.count) for x in recent.zero_result_searches] == [("不存在的人", 1)]
    assert recent.most_viewed == ()


def test_daily_sums_give_the_same_visit_stats_as_the_events(
    target: Target, store: Store, clock: Clock
) -> None:
    rng = random.Random(42)

    def traffic(n: int) -> None:
        for _ in range(n):
            store.record(
                rng.choice(list(EventKind)),
                mode=rng.choice(["online", "kiosk", "docent"]),
                room=rng.choice(["home", "craftsmen", "search"]),
                honoree_id=rng.choice(["h1", "h2", "h3", "h4"]),
                query=rng.choice(["王", "李", "zhang", "无此人"]),
                results=rng.choice([0, 1, 5]),
            )
            clock.advance(hours=rng.choice([1, 3, 7]))

    traffic(150)  # about three weeks
    engine = target.raw_engine()
    try:
        for _ in range(2):
            for days in (1, 3, 7, 30, 365):
                fig = store.visit_stats(days=days, top=3)
                with engine.connect() as conn:
                    assert fig == compute_visit_stats(conn, until=fig.until, days=days, top=3, rolled=False)
            traffic(40)  # then days close while the sums exist
    finally:
        engine.dispose()
    assert store.roll_up() == store.visit_stats().until - ROLLUP_GRACE
