"""Visit stats, what the 数说展馆 room shows: visits by day and mode, rooms, most viewed and liked
people, searches, from aggregate queries over the daily sums and the latest events."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import Counter
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hall.config import Mode
from hall.errors import StoreUnavailable
from hall.store.events import EventKind, EventStore, daily, rolled_through
from hall.store.guestbook import count_pending
from hall.store.likes import top_likes, total_likes
from hall.store.schema import events_t
from hall.store.values import Tally


@dataclass(frozen=True, slots=True)
class DayCount:
    """Visits on one calendar day of the hall's zone."""

    day: dt.date
    count: int


@dataclass(frozen=True, slots=True)
class VisitStats:
    """What the 数说展馆 room shows: `days` days up to `until`, plus all-time totals."""

    days: int
    since: dt.date
    until: dt.date
    total_visits: int = 0  # all time
    visits: int = 0  # in the period
    visits_by_day: tuple[DayCount, ...] = ()  # every day of the period, zeros included
    visits_by_mode: tuple[Tally, ...] = ()  # every mode, zeros included
    room_views: tuple[Tally, ...] = ()  # room keys
    most_viewed: tuple[Tally, ...] = ()  # honoree ids, in the period
    most_liked: tuple[Tally, ...] = ()  # honoree ids, all time
    searches: int = 0
    top_searches: tuple[Tally, ...] = ()
    zero_result_searches: tuple[Tally, ...] = ()
    total_likes: int = 0
    pending_messages: int = 0


class VisitStatsStore(EventStore):
    """The store's visit stats."""

    def visit_stats(self, days: int = 30, top: int = 10) -> VisitStats:
        """Visit stats for the `days` days up to today: daily sums for closed days, the
        events themselves for the last few (each page view stays a single INSERT).

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        today = self.today()
        # A store that cannot write just now still counts, from the events themselves.
        with contextlib.suppress(StoreUnavailable):
            self.roll_up(today)
        with self.transaction(write=False) as conn:
            return compute_visit_stats(conn, until=today, days=days, top=top)


def compute_visit_stats(
    conn: Connection,
    *,
    until: dt.date,
    days: int = 30,
    top: int = 10,
    events: sa.Table = events_t,
    rolled: bool = True,
) -> VisitStats:
    """The visit stats from aggregate queries: daily sums up to the last summed day, events after it.

    rolled=False reads the events alone (`events` may be any table of their shape: the tests
    check the sums against it, the benchmark times it on an unindexed copy).
    """
    days = max(1, int(days))
    since = until - dt.timedelta(days=days - 1)
    through = rolled_through(conn) if rolled else None

    def per_day(kind: EventKind, start: dt.date | None = since) -> sa.Subquery:
        return daily(events, kind, start, through)

    def total(sub: sa.Subquery, column: str = "n") -> int:
        return int(conn.execute(sa.select(sa.func.coalesce(sa.func.sum(sub.c[column]), 0))).scalar_one())

    def ranked(sub: sa.Subquery, column: str = "n") -> tuple[Tally, ...]:
        count = sa.func.sum(sub.c[column]).label("count")
        rows = conn.execute(
            sa.select(sub.c.subject, count)
            # A search whose text was not kept (it looked personal) counts, but names nothing.
            .where(sub.c.subject != "")
            .group_by(sub.c.subject)
            .having(count > 0)
            .order_by(count.desc(), sub.c.subject)
            .limit(top)
        )
        return tuple(Tally(subject, int(n)) for subject, n in rows)

    visits = per_day(EventKind.VISIT)
    by_day: Counter[dt.date] = Counter()
    by_mode: Counter[str] = Counter()
    for day, mode, count in conn.execute(
        sa.select(visits.c.day, visits.c.mode, sa.func.sum(visits.c.n)).group_by(visits.c.day, visits.c.mode)
    ):
        by_day[day] += int(count)
        by_mode[mode] += int(count)
    searches = per_day(EventKind.SEARCH)

    # Old rows may carry a mode this version dropped: keep them rather than lose visits.
    modes = [m.value for m in Mode] + sorted(set(by_mode) - {m.value for m in Mode})
    return VisitStats(
        days=days,
        since=since,
        until=until,
        total_visits=total(per_day(EventKind.VISIT, None)),
        visits=sum(by_day.values()),
        visits_by_day=tuple(
            DayCount(d, by_day.get(d, 0)) for d in (since + dt.timedelta(days=i) for i in range(days))
        ),
        visits_by_mode=tuple(Tally(m, by_mode.get(m, 0)) for m in modes),
        room_views=ranked(per_day(EventKind.ROOM_VIEW)),
        most_viewed=ranked(per_day(EventKind.HONOREE_VIEW)),
        most_liked=top_likes(conn, top),
        searches=total(searches),
        top_searches=ranked(searches),
        zero_result_searches=ranked(searches, "zero"),
        total_likes=total_likes(conn),
        pending_messages=count_pending(conn),
    )
