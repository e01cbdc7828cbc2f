"""Anonymous visit, page and search events: one INSERT each, summed into daily sums as days
close, read back per day (sums, then raw events), and exported for curators."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hall.config import Mode
from hall.csvsafe import csv_bytes
from hall.personal import looks_personal
from hall.store.engine import Engine
from hall.store.schema import MAX_ID, MAX_QUERY, event_days_t, event_rollup_t, events_t
from hall.store.values import iso, naive_utc, scrub

# Visit stats sum each closed day once. A day stays raw this long after it ends, so a replica
# whose clock lags still writes into a raw day; and a week is summed per write transaction, so
# the first summing of a long history never holds SQLite's write lock for long.
ROLLUP_GRACE = dt.timedelta(days=2)
ROLLUP_CHUNK = dt.timedelta(days=7)


class EventKind(StrEnum):
    VISIT = "visit"  # a session's first page
    ROOM_VIEW = "room_view"
    HONOREE_VIEW = "honoree_view"
    SEARCH = "search"


# The column each kind is counted by in the daily sums (their `subject`); visits by none.
_SUBJECT = {
    EventKind.ROOM_VIEW: "room",
    EventKind.HONOREE_VIEW: "honoree_id",
    EventKind.SEARCH: "query",
}


class EventStore(Engine):
    """The store's events and their daily sums."""

    def record(
        self,
        kind: EventKind | str,
        *,
        mode: Mode | str,
        room: str = "",
        honoree_id: str = "",
        query: str = "",
        results: int | None = None,
    ) -> None:
        """Count one anonymous event with a single INSERT. Nothing about the visitor is kept.

        `room` is the room's key in hall.rooms. A search stores what was typed (controls
        removed, cut to MAX_QUERY) and how many people it found — but text that looks like
        an ID-card, bank-card or phone number or an e-mail address is not stored at all (the
        event keeps an empty query and the count). Other fields are cut to their column width
        rather than refused.

        Raises:
            StoreUnavailable: the event cannot be saved now (callers may ignore it).
            ValueError: an unknown kind or mode.
        """
        kind = EventKind(kind)
        mode = Mode(mode)
        now = self.now()
        values = {
            "created_at": naive_utc(now),
            "day": self.today(now),
            "kind": kind.value,
            "mode": mode.value,
            "room": scrub(room, MAX_ID),
            "honoree_id": scrub(honoree_id, MAX_ID),
            "query": _search_text(query) if kind is EventKind.SEARCH else "",
            "results": max(0, int(results)) if kind is EventKind.SEARCH and results is not None else None,
        }
        with self.transaction(write=True, single=True) as conn:
            conn.execute(sa.insert(events_t), values)

    def roll_up(self, today: dt.date | None = None) -> dt.date | None:
        """Sum every closed day not summed yet into event_days, a week per write transaction.

        Returns the last day summed (None while there are no events).

        Raises:
            StoreUnavailable: the sums cannot be written now.
        """
        last = (today or self.today()) - ROLLUP_GRACE
        while True:
            with self.transaction(write=True) as conn:
                through = rolled_through(conn, lock=True)
                if through is None:
                    first = _first_event_day(conn)
                    if first is None:
                        return None
                    through = first - dt.timedelta(days=1)
                if through >= last:
                    return through
                upto = min(through + ROLLUP_CHUNK, last)
                for kind in EventKind:
                    conn.execute(_sum_days(kind, after=through, upto=upto))
                conn.execute(sa.update(event_rollup_t).where(event_rollup_t.c.id == 1).values(through=upto))
            if upto >= last:
                return upto

    def export_events_csv(self, days: int | None = None) -> bytes:
        """Events (all, or the last `days` days) as CSV: UTF-8 with BOM, formula-looking cells quoted.

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        e = events_t.c
        query = sa.select(
            e.created_at, e.day, e.kind, e.mode, e.room, e.honoree_id, e.query, e.results
        ).order_by(e.id)
        if days is not None:
            query = query.where(e.day >= self.today() - dt.timedelta(days=max(1, days) - 1))
        header = ("created_at", "day", "kind", "mode", "room", "honoree_id", "query", "results")
        with self.transaction(write=False) as conn:
            rows = conn.execution_options(yield_per=10_000).execute(query)  # streamed, not all at once
            return csv_bytes(
                header,
                (
                    (
                        iso(r.created_at),
                        r.day.isoformat(),
                        r.kind,
                        r.mode,
                        r.room,
                        r.honoree_id,
                        r.query,
                        r.results,
                    )
                    for r in rows
                ),
            )


def _search_text(query: str) -> str:
    # Checked before cutting: the first MAX_QUERY characters may hold part of a number only.
    return "" if looks_personal(query) else scrub(query, MAX_QUERY)


def daily(events: sa.Table, kind: EventKind, since: dt.date | None, through: dt.date | None) -> sa.Subquery:
    """(day, mode, subject, n, zero) for one kind from `since` on (None: from the first day):
    the daily sums up to `through` (None: read none), then the raw events after it."""
    e = events.c
    # One lower bound on day, not two: SQLite ranges its index scan on one and filters by the
    # other, which here would mean reading a year of events to keep two days.
    start = since if through is None else max(since or through, through + dt.timedelta(days=1))
    raw = _raw_days(events, kind, *([] if start is None else [e.day >= start]))
    if through is None or (since is not None and since > through):
        return raw.subquery()
    d = event_days_t.c
    summed = sa.select(d.day, d.mode, d.subject, d.n, d.zero).where(
        d.kind == kind.value, d.day <= through, *([] if since is None else [d.day >= since])
    )
    return sa.union_all(summed, raw).subquery()


def rolled_through(conn: Connection, *, lock: bool = False) -> dt.date | None:
    """The last day the daily sums hold (None before the first summing).

    lock=True keeps other summing processes out until the caller's transaction ends.
    """
    query = sa.select(event_rollup_t.c.through).where(event_rollup_t.c.id == 1)
    if lock and conn.dialect.name == "postgresql":
        query = query.with_for_update()  # SQLite's writer already holds the database's write lock
    return conn.execute(query).scalar_one_or_none()


def _raw_days(events: sa.Table, kind: EventKind, *where: sa.ColumnElement[bool]) -> sa.Select:
    """Events of one kind summed per day, mode and subject."""
    e = events.c
    subject = e[_SUBJECT[kind]] if kind in _SUBJECT else None
    columns = [
        e.day,
        e.mode,
        (subject if subject is not None else sa.literal("", sa.String)).label("subject"),
    ]
    zero = sa.func.coalesce(sa.func.sum(sa.case((e.results == 0, 1), else_=0)), 0)
    query = sa.select(*columns, sa.func.count().label("n"), zero.label("zero")).where(
        e.kind == kind.value, *where
    )
    # GROUP BY a constant is an error in PostgreSQL: visits group by day and mode only.
    return query.group_by(e.day, e.mode, *([subject] if subject is not None else []))


def _sum_days(kind: EventKind, *, after: dt.date, upto: dt.date) -> sa.Insert:
    e = events_t.c
    summed = _raw_days(events_t, kind, e.day > after, e.day <= upto)
    columns = ["day", "mode", "subject", "n", "zero"]
    with_kind = sa.select(sa.literal(kind.value, sa.String).label("kind"), *summed.subquery().c)
    return sa.insert(event_days_t).from_select(["kind", *columns], with_kind)


def _first_event_day(conn: Connection) -> dt.date | None:
    # One index seek per kind ((kind, day) leads the index) rather than a scan of every event.
    e = events_t.c
    days = [
        conn.execute(sa.select(sa.func.min(e.day)).where(e.kind == kind.value)).scalar_one()
        for kind in EventKind
    ]
    return min((d for d in days if d is not None), default=None)
