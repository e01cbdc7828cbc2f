"""The store's schema versions: each migration brings a database one version on, none loses a row."""

from __future__ import annotations

import logging
from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hall.errors import StoreUnavailable
from hall.personal import looks_personal
from hall.store.schema import schema_version
from hall.store.values import naive_utc, utcnow

log = logging.getLogger(__name__)

# Frozen like the tables below: the id column type every version has used.
_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

_PG_MIGRATION_LOCK = 0x4A11  # pg_advisory_xact_lock key: one migrating process at a time


# Each migration below holds frozen copies of the tables as they were at its version, widths as
# numbers. Intended: a migration must not change when the current schema (schema.py) does.


def _migrate_v1(conn: Connection) -> None:
    """The first schema: likes, messages, events. Written out in full so it never changes."""
    md = sa.MetaData()
    sa.Table(
        "likes",
        md,
        sa.Column("honoree_id", sa.String(40), primary_key=True),
        sa.Column("session_ref", sa.String(32), primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    sa.Table(
        "messages",
        md,
        sa.Column("id", _ID, primary_key=True, autoincrement=True),
        sa.Column("honoree_id", sa.String(40), nullable=False, server_default=""),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("signature", sa.String(30), nullable=False, server_default=""),
        sa.Column("status", sa.String(10), nullable=False, server_default="pending"),
        sa.Column("session_ref", sa.String(32), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("moderated_at", sa.DateTime, nullable=True),
        sa.Index("ix_messages_status", "status", "id"),
        sa.Index("ix_messages_honoree", "honoree_id", "status", "id"),
        sa.Index("ix_messages_session", "session_ref", "created_at"),
    )
    sa.Table(
        "events",
        md,
        sa.Column("id", _ID, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("mode", sa.String(8), nullable=False),
        sa.Column("room", sa.String(40), nullable=False, server_default=""),
        sa.Column("honoree_id", sa.String(40), nullable=False, server_default=""),
        sa.Column("query", sa.String(100), nullable=False, server_default=""),
        sa.Column("results", sa.Integer, nullable=True),
        sa.Index("ix_events_day", "day"),
    )
    md.create_all(conn)


def _migrate_v2(conn: Connection) -> None:
    """Scale: like totals kept beside the likes (filled from them), covering indexes for figures."""
    md = sa.MetaData()
    totals = sa.Table(
        "like_totals",
        md,
        sa.Column("honoree_id", sa.String(40), primary_key=True),
        sa.Column("likes", sa.Integer, nullable=False),
    )
    totals.create(conn)
    likes = sa.Table("likes", md, sa.Column("honoree_id"), sa.Column("session_ref"))
    conn.execute(
        sa.insert(totals).from_select(
            ["honoree_id", "likes"],
            sa.select(likes.c.honoree_id, sa.func.count()).group_by(likes.c.honoree_id),
        )
    )
    events = sa.Table(
        "events",
        md,
        *(sa.Column(c) for c in ("kind", "day", "mode", "room", "honoree_id", "query", "results")),
    )
    e = events.c
    sa.Index("ix_events_day", e.day).drop(conn)
    sa.Index("ix_events_kind_day", e.kind, e.day, e.mode, e.room).create(conn)
    sa.Index("ix_events_honoree", e.kind, e.honoree_id, e.day).create(conn)
    sa.Index("ix_events_query", e.kind, e.query, e.day, e.results).create(conn)


def _migrate_v3(conn: Connection) -> None:
    """Docents: tours saved from the builder, and big screens paired with a tablet."""
    md = sa.MetaData()
    sa.Table(
        "saved_tours",
        md,
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("yaml", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    sa.Table(
        "screens",
        md,
        sa.Column("code", sa.String(8), primary_key=True),
        sa.Column("screen_ref", sa.String(32), nullable=False, unique=True),
        sa.Column("docent_ref", sa.String(32), nullable=True),
        sa.Column("room", sa.String(40), nullable=False, server_default=""),
        sa.Column("params", sa.Text, nullable=False, server_default="{}"),
        sa.Column("seq", sa.Integer, nullable=False, server_default="0"),
        sa.Column("expires_at", sa.DateTime, nullable=False),
        sa.Index("ix_screens_docent", "docent_ref"),
    )
    md.create_all(conn)


def _migrate_v4(conn: Connection) -> None:
    """Correction and withdrawal requests for a person's record."""
    md = sa.MetaData()
    sa.Table(
        "change_requests",
        md,
        sa.Column("id", _ID, primary_key=True, autoincrement=True),
        sa.Column("honoree_id", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("details", sa.Text, nullable=False),
        sa.Column("contact", sa.String(30), nullable=False, server_default=""),
        sa.Column("status", sa.String(8), nullable=False, server_default="open"),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("closed_at", sa.DateTime, nullable=True),
        sa.Index("ix_change_requests_status", "status", "id"),
    )
    md.create_all(conn)


def _migrate_v5(conn: Connection) -> None:
    """Figures from daily sums (filled by figures() as days close); the per-query event indexes go."""
    md = sa.MetaData()
    sa.Table(
        "event_days",
        md,
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("mode", sa.String(8), primary_key=True),
        sa.Column("subject", sa.String(100), primary_key=True),
        sa.Column("n", sa.Integer, nullable=False),
        sa.Column("zero", sa.Integer, nullable=False),
    )
    rollup = sa.Table(
        "event_rollup",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("through", sa.Date, nullable=True),
    )
    md.create_all(conn)
    conn.execute(sa.insert(rollup).values(id=1, through=None))
    events = sa.Table(
        "events", md, *(sa.Column(c) for c in ("kind", "honoree_id", "query", "day", "results"))
    )
    e = events.c
    # Each page view paid for these two; the daily sums answer their questions now.
    sa.Index("ix_events_honoree", e.kind, e.honoree_id, e.day).drop(conn)
    sa.Index("ix_events_query", e.kind, e.query, e.day, e.results).drop(conn)


# The four rooms whose URL path, which version 5 and before recorded, differs from their key in
# the room registry. Intended: a frozen copy, not read from hall.rooms, because the registry may
# change later and this migration must go on renaming exactly what those versions wrote.
_ROOM_KEYS_V6 = {
    "revolution": "era_revolution",
    "reform": "era_reform",
    "new-era": "era_new_era",
    "present": "presenter",
}


def _migrate_v6(conn: Connection) -> None:
    """Rooms by key: events, screens and the daily sums of room views named four rooms by their
    URL path. Only the names change; every count stays, and running it again changes nothing."""
    md = sa.MetaData()
    old_names = list(_ROOM_KEYS_V6)
    for name in ("events", "screens"):
        table = sa.Table(name, md, sa.Column("room", sa.String(40)))
        renamed = sa.case(_ROOM_KEYS_V6, value=table.c.room, else_=table.c.room)
        # One statement a table: a single pass over a long history of events.
        conn.execute(sa.update(table).where(table.c.room.in_(old_names)).values(room=renamed))

    days = sa.Table(
        "event_days",
        md,
        sa.Column("kind", sa.String(16)),
        sa.Column("day", sa.Date),
        sa.Column("mode", sa.String(8)),
        sa.Column("subject", sa.String(100)),
        sa.Column("n", sa.Integer),
        sa.Column("zero", sa.Integer),
    )
    d, other = days.c, days.alias("other").c
    room_views = d.kind == "room_view"  # the only kind whose subject is a room

    def same_slot(subject: str) -> sa.ColumnElement[bool]:
        """Another row of the day, kind and mode of the row being changed, for this subject."""
        return sa.and_(
            other.kind == d.kind, other.day == d.day, other.mode == d.mode, other.subject == subject
        )

    for old, new in _ROOM_KEYS_V6.items():
        # Version 5 was written under both names (the URL path, then the key since the room
        # registry), so one day may hold a row for each: the old row's counts go into the new ...
        old_n = sa.select(other.n).where(same_slot(old)).scalar_subquery()
        old_zero = sa.select(other.zero).where(same_slot(old)).scalar_subquery()
        conn.execute(
            sa.update(days)
            .where(room_views, d.subject == new, sa.exists().where(same_slot(old)))
            .values(n=d.n + old_n, zero=d.zero + old_zero)
        )
        # ... an old row alone on its day takes the new name ...
        conn.execute(
            sa.update(days)
            .where(room_views, d.subject == old, ~sa.exists().where(same_slot(new)))
            .values(subject=new)
        )
        # ... and what is left under the old name was counted into the new row above.
        conn.execute(sa.delete(days).where(room_views, d.subject == old))


def _migrate_v7(conn: Connection) -> None:
    """Limits that hold across sessions and processes: tries at the gates' secrets, and hourly
    counts of likes, messages and requests (both hold only keyed digests of addresses)."""
    md = sa.MetaData()
    sa.Table(
        "guesses",
        md,
        sa.Column("gate", sa.String(16), primary_key=True),
        sa.Column("client", sa.String(32), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("first_at", sa.DateTime, nullable=False),
        sa.Column("last_at", sa.DateTime, nullable=False),
        sa.Column("locked_until", sa.DateTime, nullable=True),
    )
    sa.Table(
        "rate_counts",
        md,
        sa.Column("action", sa.String(12), primary_key=True),
        sa.Column("bucket", sa.String(73), primary_key=True),
        sa.Column("window_start", sa.DateTime, primary_key=True),
        sa.Column("n", sa.Integer, nullable=False),
        sa.Index("ix_rate_counts_window", "window_start"),
    )
    md.create_all(conn)


def _migrate_v8(conn: Connection) -> None:
    """Searches that look personal, already stored, are emptied: an ID-card, bank-card or phone
    number or an e-mail address typed into search is no longer kept (every count stays).

    Numbered 8, after version 7 (rate limits), whatever order the two land in: it touches only
    the events and the daily sums, which version 7 leaves alone. Intended: it asks
    `hall.personal.looks_personal`, not a frozen copy of its patterns, because it runs once per
    database and should forget whatever the hall counts as personal when it does.
    """
    md = sa.MetaData()
    events = sa.Table(
        "events",
        md,
        sa.Column("id", _ID),
        sa.Column("kind", sa.String(16)),
        sa.Column("query", sa.String(100)),
    )
    e = events.c
    found = [
        row.id
        for row in conn.execute(sa.select(e.id, e.query).where(e.kind == "search", e.query != ""))
        if looks_personal(row.query)
    ]
    for start in range(0, len(found), 500):  # stay under SQLite's bound-parameter limit
        conn.execute(sa.update(events).where(e.id.in_(found[start : start + 500])).values(query=""))

    days = sa.Table(
        "event_days",
        md,
        sa.Column("kind", sa.String(16)),
        sa.Column("day", sa.Date),
        sa.Column("mode", sa.String(8)),
        sa.Column("subject", sa.String(100)),
        sa.Column("n", sa.Integer),
        sa.Column("zero", sa.Integer),
    )
    d = days.c
    summed = [
        row
        for row in conn.execute(
            sa.select(d.day, d.mode, d.subject, d.n, d.zero).where(d.kind == "search", d.subject != "")
        )
        if looks_personal(row.subject)
    ]
    # A day's searches that looked personal add up under the empty subject, one row per day
    # and mode (the key), beside any such row already there.
    merged: dict[tuple[object, str], list[int]] = {}
    for row in summed:
        counts = merged.setdefault((row.day, row.mode), [0, 0])
        counts[0] += row.n
        counts[1] += row.zero
        conn.execute(
            sa.delete(days).where(
                d.kind == "search", d.day == row.day, d.mode == row.mode, d.subject == row.subject
            )
        )
    for (day, mode), (n, zero) in merged.items():
        slot = sa.and_(d.kind == "search", d.day == day, d.mode == mode, d.subject == "")
        added = conn.execute(sa.update(days).where(slot).values(n=d.n + n, zero=d.zero + zero))
        if not added.rowcount:
            new = {"kind": "search", "day": day, "mode": mode, "subject": "", "n": n, "zero": zero}
            conn.execute(sa.insert(days).values(**new))


def _migrate_v9(conn: Connection) -> None:
    """Group visits and talk requests (the 活动 room), and the places taken in each slot."""
    md = sa.MetaData()
    sa.Table(
        "bookings",
        md,
        sa.Column("id", _ID, primary_key=True, autoincrement=True),
        sa.Column("ref", sa.String(12), nullable=False, unique=True),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("target", sa.String(40), nullable=False, server_default=""),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("slot", sa.String(5), nullable=False, server_default=""),
        sa.Column("people", sa.Integer, nullable=False),
        sa.Column("group_name", sa.String(60), nullable=False),
        sa.Column("setting", sa.String(12), nullable=False, server_default=""),
        sa.Column("topic", sa.String(200), nullable=False, server_default=""),
        sa.Column("speaker_id", sa.String(40), nullable=False, server_default=""),
        sa.Column("assigned_id", sa.String(40), nullable=False, server_default=""),
        sa.Column("contact", sa.String(30), nullable=False, server_default=""),
        sa.Column("contact_until", sa.Date, nullable=False),
        sa.Column("status", sa.String(10), nullable=False, server_default="pending"),
        sa.Column("dedupe", sa.String(32), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("decided_at", sa.DateTime, nullable=True),
        sa.Index("ix_bookings_day", "day", "kind", "slot"),
        sa.Index("ix_bookings_contact", "contact_until"),
    )
    sa.Table(
        "booking_slots",
        md,
        sa.Column("target", sa.String(40), primary_key=True),
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("slot", sa.String(5), primary_key=True),
        sa.Column("taken", sa.Integer, nullable=False),
    )
    md.create_all(conn)


# Append only: a released migration is never edited, and none may drop visitors' data.
MIGRATIONS: tuple[Callable[[Connection], None], ...] = (
    _migrate_v1,
    _migrate_v2,
    _migrate_v3,
    _migrate_v4,
    _migrate_v5,
    _migrate_v6,
    _migrate_v7,
    _migrate_v8,
    _migrate_v9,
)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: Connection, *, target: int = SCHEMA_VERSION) -> int:
    """Apply the missing migrations up to `target` inside the caller's (write) transaction.

    Returns the version the database was at before.

    Raises:
        StoreUnavailable: the database is at a newer version than this program knows;
            nothing is changed.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
    current = database_version(conn)
    if current == 0:
        schema_version.create(conn, checkfirst=True)
    for version in range(current + 1, target + 1):
        MIGRATIONS[version - 1](conn)
        conn.execute(sa.insert(schema_version).values(version=version, applied_at=naive_utc(utcnow())))
        log.info("store schema migrated to version %d", version)
    return current


def database_version(conn: Connection) -> int:
    """The database's schema version, 0 when empty.

    Raises:
        StoreUnavailable: the database is newer than this program: nothing may touch it.
    """
    if not sa.inspect(conn).has_table(schema_version.name):
        return 0
    current = conn.execute(sa.select(sa.func.coalesce(sa.func.max(schema_version.c.version), 0))).scalar_one()
    if current > SCHEMA_VERSION:
        raise StoreUnavailable(
            f"the database is at schema version {current}, newer than this program's "
            f"{SCHEMA_VERSION}: upgrade the program (the database was left untouched)"
        )
    return current
