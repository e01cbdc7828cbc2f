"""The writable store: likes, the moderated guestbook and anonymous visit events, on SQLite or PostgreSQL."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
import json
import logging
import secrets
import threading
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from types import SimpleNamespace
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from hall.config import Mode
from hall.errors import MessageRefused, PairingRefused, StoreUnavailable
from hall.pack.tours import Targets, Tour, tour_from_yaml

log = logging.getLogger(__name__)

SQLITE_FILE = "hall.sqlite"

MAX_TEXT = 500
MAX_SIGNATURE = 30
MAX_QUERY = 100
MAX_ID = 40  # honoree ids and room keys
MAX_SESSION_KEY = 200
RATE_LIMIT = 3  # messages per session ...
RATE_WINDOW = dt.timedelta(minutes=10)  # ... in this window
# Figures sum each closed day once. A day stays raw this long after it ends, so a replica whose
# clock lags still writes into a raw day; and a week is summed per write transaction, so the
# first summing of a long history never holds SQLite's write lock for long.
ROLLUP_GRACE = dt.timedelta(days=2)
ROLLUP_CHUNK = dt.timedelta(days=7)
MAX_CONTACT = 30  # a phone number or e-mail, kept only until the request is closed
PAIRING_CODE_TTL = dt.timedelta(minutes=15)  # a code nobody typed is replaced
PAIRING_TTL = dt.timedelta(hours=2)  # a paired screen is freed after this long without a tap
# A PostgreSQL failure that took this long was a wait for an unreachable host, not a refusal:
# for RETRY_AFTER_S the store then says "unavailable" at once instead of every page view
# waiting out the connect timeout again. Fast failures (refused, stopped) retry at once.
SLOW_FAILURE_S = 1.0
RETRY_AFTER_S = 15.0

# Whitespace a visitor may type inside a message; every other control character is refused.
_ALLOWED_CONTROLS = frozenset("\n\t")
# Bidirectional overrides and isolates can make a message read differently from what is stored.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Spreadsheet programs run a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class EventKind(StrEnum):
    VISIT = "visit"  # a session's first page
    ROOM_VIEW = "room_view"
    HONOREE_VIEW = "honoree_view"
    SEARCH = "search"


class MessageStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


# ---------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Message:
    """A guestbook message; `honoree_id` is "" for a message to the hall itself."""

    id: int
    text: str
    created_at: dt.datetime  # UTC, aware
    status: MessageStatus = MessageStatus.PENDING
    signature: str = ""
    honoree_id: str = ""
    moderated_at: dt.datetime | None = None

    @property
    def awaiting_review(self) -> bool:
        return self.status is MessageStatus.PENDING


@dataclass(frozen=True, slots=True)
class Tally:
    """One row of a ranking: a key (honoree id, room, search text, mode) and how many times."""

    key: str
    count: int


@dataclass(frozen=True, slots=True)
class DayCount:
    day: dt.date
    count: int


@dataclass(frozen=True, slots=True)
class Figures:
    """What the figures room shows: `days` days up to `until`, plus all-time totals."""

    days: int
    since: dt.date
    until: dt.date
    total_visits: int = 0  # all time
    visits: int = 0  # in the period
    visits_by_day: tuple[DayCount, ...] = ()  # every day of the period, zeros included
    visits_by_mode: tuple[Tally, ...] = ()  # every mode, zeros included
    room_views: tuple[Tally, ...] = ()
    most_viewed: tuple[Tally, ...] = ()  # honoree ids, in the period
    most_liked: tuple[Tally, ...] = ()  # honoree ids, all time
    searches: int = 0
    top_searches: tuple[Tally, ...] = ()
    zero_result_searches: tuple[Tally, ...] = ()
    total_likes: int = 0
    pending_messages: int = 0


@dataclass(frozen=True, slots=True)
class ChangeRequest:
    """A request to correct or withdraw one honoree's record; the contact goes when closed."""

    id: int
    honoree_id: str
    kind: str  # correction | withdrawal
    details: str
    created_at: dt.datetime
    contact: str = ""
    open: bool = True


@dataclass(frozen=True, slots=True)
class ScreenState:
    """A big screen's pairing: its code, whether a docent drives it, and what to show."""

    code: str
    paired: bool
    room: str = ""
    params: Mapping[str, str] = field(default_factory=dict)
    seq: int = 0  # grows with every change the docent sends
    expires_at: dt.datetime | None = None


# ---------------------------------------------------------------- schema

METADATA = sa.MetaData()

# SQLite only aliases the rowid for exactly INTEGER PRIMARY KEY; PostgreSQL wants room to grow.
_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

schema_version = sa.Table(
    "schema_version",
    METADATA,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("applied_at", sa.DateTime, nullable=False),
)

likes_t = sa.Table(
    "likes",
    METADATA,
    # The key is the one-like-per-session rule; the database enforces it under any concurrency.
    sa.Column("honoree_id", sa.String(MAX_ID), primary_key=True),
    sa.Column("session_ref", sa.String(32), primary_key=True),
    sa.Column("created_at", sa.DateTime, nullable=False),
)

like_totals_t = sa.Table(
    "like_totals",
    METADATA,
    # v2: kept in step with likes inside the same transaction, so a count is one row read.
    sa.Column("honoree_id", sa.String(MAX_ID), primary_key=True),
    sa.Column("likes", sa.Integer, nullable=False),
)

messages_t = sa.Table(
    "messages",
    METADATA,
    sa.Column("id", _ID, primary_key=True, autoincrement=True),
    sa.Column("honoree_id", sa.String(MAX_ID), nullable=False, server_default=""),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("signature", sa.String(MAX_SIGNATURE), nullable=False, server_default=""),
    sa.Column("status", sa.String(10), nullable=False, server_default=MessageStatus.PENDING.value),
    sa.Column("session_ref", sa.String(32), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("moderated_at", sa.DateTime, nullable=True),
    sa.Index("ix_messages_status", "status", "id"),
    sa.Index("ix_messages_honoree", "honoree_id", "status", "id"),
    sa.Index("ix_messages_session", "session_ref", "created_at"),
)

events_t = sa.Table(
    "events",
    METADATA,
    sa.Column("id", _ID, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.DateTime, nullable=False),
    # The local calendar day, fixed at insert: figures group by it without date functions.
    sa.Column("day", sa.Date, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("mode", sa.String(8), nullable=False),
    sa.Column("room", sa.String(MAX_ID), nullable=False, server_default=""),
    sa.Column("honoree_id", sa.String(MAX_ID), nullable=False, server_default=""),
    sa.Column("query", sa.String(MAX_QUERY), nullable=False, server_default=""),
    sa.Column("results", sa.Integer, nullable=True),
    # Figures read recent days (and the days being summed) by kind and day: a range scan.
    sa.Index("ix_events_kind_day", "kind", "day", "mode", "room"),
)

event_days_t = sa.Table(
    "event_days",
    METADATA,
    # v5: one row per closed day, kind, mode and subject, so figures read a few rows per day
    # instead of every event. subject: the room, honoree id or search text ("" for a visit).
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("mode", sa.String(8), primary_key=True),
    sa.Column("subject", sa.String(MAX_QUERY), primary_key=True),
    sa.Column("n", sa.Integer, nullable=False),
    sa.Column("zero", sa.Integer, nullable=False),  # searches among n that found nobody
)

event_rollup_t = sa.Table(
    "event_rollup",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),  # a single row, id 1
    sa.Column("through", sa.Date, nullable=True),  # every event up to this day is in event_days
)


saved_tours_t = sa.Table(
    "saved_tours",
    METADATA,
    # v3: tours saved from the docents' builder, as the same YAML the pack's tours/ use.
    sa.Column("id", sa.String(MAX_ID), primary_key=True),
    sa.Column("yaml", sa.Text, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
)

screens_t = sa.Table(
    "screens",
    METADATA,
    # v3: a big screen's pairing with one docent's tablet; shared by every replica.
    sa.Column("code", sa.String(8), primary_key=True),
    sa.Column("screen_ref", sa.String(32), nullable=False, unique=True),
    sa.Column("docent_ref", sa.String(32), nullable=True),
    sa.Column("room", sa.String(MAX_ID), nullable=False, server_default=""),
    sa.Column("params", sa.Text, nullable=False, server_default="{}"),
    sa.Column("seq", sa.Integer, nullable=False, server_default="0"),
    sa.Column("expires_at", sa.DateTime, nullable=False),
    sa.Index("ix_screens_docent", "docent_ref"),
)


change_requests_t = sa.Table(
    "change_requests",
    METADATA,
    # v4: a person or their family asks for a record to be corrected or withdrawn (PIPL).
    sa.Column("id", _ID, primary_key=True, autoincrement=True),
    sa.Column("honoree_id", sa.String(MAX_ID), nullable=False),
    sa.Column("kind", sa.String(12), nullable=False),
    sa.Column("details", sa.Text, nullable=False),
    sa.Column("contact", sa.String(MAX_CONTACT), nullable=False, server_default=""),
    sa.Column("status", sa.String(8), nullable=False, server_default="open"),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("closed_at", sa.DateTime, nullable=True),
    sa.Index("ix_change_requests_status", "status", "id"),
)


def _migrate_v1(conn: Connection) -> None:
    """The first schema: likes, messages, events. Written out in full so it never changes."""
    md = sa.MetaData()
    sa.Table(
        "likes",
        md,
        sa.Column("honoree_id", sa.String(MAX_ID), primary_key=True),
        sa.Column("session_ref", sa.String(32), primary_key=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    sa.Table(
        "messages",
        md,
        sa.Column("id", _ID, primary_key=True, autoincrement=True),
        sa.Column("honoree_id", sa.String(MAX_ID), nullable=False, server_default=""),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("signature", sa.String(MAX_SIGNATURE), nullable=False, server_default=""),
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
        sa.Column("room", sa.String(MAX_ID), nullable=False, server_default=""),
        sa.Column("honoree_id", sa.String(MAX_ID), nullable=False, server_default=""),
        sa.Column("query", sa.String(MAX_QUERY), nullable=False, server_default=""),
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
        sa.Column("honoree_id", sa.String(MAX_ID), primary_key=True),
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
        sa.Column("id", sa.String(MAX_ID), primary_key=True),
        sa.Column("yaml", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    sa.Table(
        "screens",
        md,
        sa.Column("code", sa.String(8), primary_key=True),
        sa.Column("screen_ref", sa.String(32), nullable=False, unique=True),
        sa.Column("docent_ref", sa.String(32), nullable=True),
        sa.Column("room", sa.String(MAX_ID), nullable=False, server_default=""),
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
        sa.Column("honoree_id", sa.String(MAX_ID), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("details", sa.Text, nullable=False),
        sa.Column("contact", sa.String(MAX_CONTACT), nullable=False, server_default=""),
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
        sa.Column("subject", sa.String(MAX_QUERY), primary_key=True),
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


# Append only: a released migration is never edited, and none may drop visitors' data.
MIGRATIONS: tuple[Callable[[Connection], None], ...] = (
    _migrate_v1,
    _migrate_v2,
    _migrate_v3,
    _migrate_v4,
    _migrate_v5,
)
SCHEMA_VERSION = len(MIGRATIONS)
_PG_MIGRATION_LOCK = 0x4A11  # pg_advisory_xact_lock key: one migrating process at a time


def migrate(conn: Connection, *, target: int = SCHEMA_VERSION) -> int:
    """Apply the missing migrations up to `target` inside the caller's (write) transaction.

    Returns the version the database was at before.

    Raises:
        StoreUnavailable: the database is at a newer version than this program knows;
            nothing is changed.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
    current = _schema_version(conn)
    if current == 0:
        schema_version.create(conn, checkfirst=True)
    for version in range(current + 1, target + 1):
        MIGRATIONS[version - 1](conn)
        conn.execute(sa.insert(schema_version).values(version=version, applied_at=_naive_utc(_utcnow())))
        log.info("store schema migrated to version %d", version)
    return current


def _schema_version(conn: Connection) -> int:
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


# ---------------------------------------------------------------- helpers


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _naive_utc(moment: dt.datetime) -> dt.datetime:
    # Both databases store a plain timestamp in UTC: SQLite has no time zones, and a naive
    # value in a PostgreSQL timestamptz column would be read in the server's zone.
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    return None if moment is None else moment.replace(tzinfo=dt.UTC)


def session_ref(session_key: str) -> str:
    """What is stored for a session key: a hash, so a copy of the database cannot act as a session.

    Raises:
        ValueError: the key is empty or implausibly long (a programming error, not a visitor's).
    """
    if not isinstance(session_key, str) or not 0 < len(session_key) <= MAX_SESSION_KEY:
        raise ValueError("session_key must be a non-empty string of at most 200 characters")
    return hashlib.blake2b(session_key.encode("utf-8"), digest_size=16).hexdigest()


def _check_id(value: str, what: str) -> str:
    if not isinstance(value, str) or not 0 < len(value) <= MAX_ID:
        raise ValueError(f"{what} must be a non-empty string of at most {MAX_ID} characters: {value!r}")
    return value


def _is_refused_char(ch: str) -> bool:
    if ch in _ALLOWED_CONTROLS:
        return False
    # Cc: C0/C1 controls and DEL; Cs: lone surrogates, which no database can store as text.
    return unicodedata.category(ch) in ("Cc", "Cs") or ch in _BIDI_CONTROLS


def _scrub(value: str, limit: int) -> str:
    """A free-text event field made safe to count: controls become spaces, runs collapse, cut."""
    cleaned = "".join(" " if _is_refused_char(ch) or ch in _ALLOWED_CONTROLS else ch for ch in value)
    return " ".join(cleaned.split())[:limit]


def check_message(text: str, signature: str = "") -> tuple[str, str]:
    """The message and signature as they will be stored (stripped), or the reason they cannot be.

    Raises:
        MessageRefused: empty, too long, or holding control characters; `reason` says which.
    """
    text = (text or "").strip()
    signature = (signature or "").strip()
    if not text:
        raise MessageRefused("empty")
    if len(text) > MAX_TEXT:
        raise MessageRefused("too_long", limit=MAX_TEXT, length=len(text))
    if len(signature) > MAX_SIGNATURE:
        raise MessageRefused("signature_too_long", limit=MAX_SIGNATURE)
    if any(_is_refused_char(ch) for ch in text) or any(
        _is_refused_char(ch) or ch in _ALLOWED_CONTROLS for ch in signature
    ):
        raise MessageRefused("control_chars")
    return text, signature


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    buf = io.BytesIO()
    # Encoded as written, so a million rows never sit in memory twice (as text, then bytes).
    # The BOM makes Excel read the file as UTF-8 rather than the system code page.
    with io.TextIOWrapper(buf, encoding="utf-8-sig", newline="", write_through=True) as text:
        writer = csv.writer(text)
        writer.writerow(header)
        writer.writerows(rows)
        text.flush()
        return buf.getvalue()


def _iso(moment: dt.datetime | None) -> str:
    return "" if moment is None else moment.replace(tzinfo=dt.UTC).isoformat(timespec="seconds")


def _normalise_url(url: str) -> URL:
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError as exc:
        raise ValueError(f"HALL_DATABASE_URL does not parse as a database URL: {exc}") from None
    # Plain postgresql:// would pick psycopg2, which the hall does not install.
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise ValueError(f"HALL_DATABASE_URL must be a sqlite or postgresql URL, not {parsed.drivername}")
    return parsed


# ---------------------------------------------------------------- the store


class _Engines(NamedTuple):
    """Three views of one connection pool."""

    reader: Engine
    writer: Engine  # SQLite: BEGIN IMMEDIATE, the write lock taken up front
    single: Engine  # one statement; PostgreSQL runs it in autocommit (no BEGIN/COMMIT round trips)


class Store:
    """The hall's writable state. Thread-safe; share one per process.

    Every public method either succeeds or raises `StoreUnavailable` (the database cannot
    be reached or written right now; the next call tries again) — besides the documented
    `MessageRefused` for a visitor's message and `ValueError` for a programming error.
    """

    def __init__(
        self,
        url: URL,
        *,
        busy_timeout_s: float = 5.0,
        connect_timeout_s: int = 5,
        retry_after_s: float = RETRY_AFTER_S,
        clock: Callable[[], dt.datetime] = _utcnow,
        tz: dt.tzinfo | None = None,
    ) -> None:
        self._url = url
        self._busy_timeout_s = busy_timeout_s
        self._connect_timeout_s = connect_timeout_s
        self._retry_after_s = retry_after_s
        self._retry_at = 0.0  # time.monotonic() before which a slow failure is not tried again
        self._down_reason = ""
        self._clock = clock
        self._tz = tz
        self._engines: _Engines | None = None
        self._ready = False  # schema checked (and migrated) since the last failure
        self._down = False
        self._lock = threading.Lock()

    @classmethod
    def open(
        cls,
        url: str | None,
        data_dir: Path,
        *,
        busy_timeout_s: float = 5.0,
        connect_timeout_s: int = 5,
        retry_after_s: float = RETRY_AFTER_S,
        clock: Callable[[], dt.datetime] = _utcnow,
        tz: dt.tzinfo | None = None,
    ) -> Store:
        """A store on `url`, or on data_dir/hall.sqlite when url is empty. Connects lazily.

        busy_timeout_s: how long an SQLite writer waits for the lock before giving up;
        connect_timeout_s: how long to wait for PostgreSQL; retry_after_s: how long calls fail
        at once after PostgreSQL could not be reached in time; clock: the aware UTC now
        (tests); tz: the zone whose calendar days figures count (the machine's by default).

        Raises:
            ValueError: the URL is neither SQLite nor PostgreSQL, or does not parse.
        """
        if url:
            parsed = _normalise_url(url)
        else:
            parsed = URL.create("sqlite+pysqlite", database=str(Path(data_dir) / SQLITE_FILE))
        return cls(
            parsed,
            busy_timeout_s=busy_timeout_s,
            connect_timeout_s=connect_timeout_s,
            retry_after_s=retry_after_s,
            clock=clock,
            tz=tz,
        )

    # -- plumbing

    @property
    def backend(self) -> str:
        """The database kind: sqlite or postgresql."""
        return self._url.get_backend_name()

    def describe(self) -> str:
        """Where the store lives, for curators and logs (never shows a password)."""
        if self.backend == "sqlite":
            return f"SQLite {self._url.database}"
        return f"PostgreSQL {self._url.render_as_string(hide_password=True)}"

    def close(self) -> None:
        """Close pooled connections; the store reconnects if used again."""
        self._drop_pool()

    def _make_engines(self) -> _Engines:
        if self.backend == "sqlite":
            engine = sa.create_engine(self._url, connect_args={"timeout": self._busy_timeout_s})
            sa.event.listen(engine, "connect", _sqlite_on_connect)
            sa.event.listen(engine, "begin", _sqlite_on_begin)
            writer = engine.execution_options(hall_write=True)
            # A lone statement runs in SQLite's own autocommit transaction: the write lock is
            # held for that statement only, not across our Python between BEGIN and COMMIT.
            return _Engines(engine, writer, engine.execution_options(hall_single=True))
        engine = sa.create_engine(
            self._url,
            # A pooled connection from before a server restart is replaced, not handed out.
            pool_pre_ping=True,
            connect_args={"connect_timeout": self._connect_timeout_s, "application_name": "hall"},
        )
        return _Engines(engine, engine, engine.execution_options(isolation_level="AUTOCOMMIT"))

    def _prepare(self) -> _Engines:
        engines = self._engines
        if self._ready and engines is not None:  # the common case: no lock
            return engines
        with self._lock:
            if self._engines is None:
                self._engines = self._make_engines()
            engines = self._engines
            if not self._ready:
                if self.backend == "sqlite":
                    # Created on first use, and again if someone removed the data folder.
                    Path(self._url.database or "").parent.mkdir(parents=True, exist_ok=True)
                with engines.reader.begin() as conn:
                    current = _schema_version(conn)
                # Only a database behind the code needs the write lock: reads go on meanwhile.
                if current != SCHEMA_VERSION:
                    with engines.writer.begin() as conn:
                        migrate(conn)
                self._ready = True
            return engines

    @contextlib.contextmanager
    def _tx(self, *, write: bool, single: bool = False) -> Iterator[Connection]:
        """One transaction (or, with single=True, one statement); errors become StoreUnavailable."""
        if time.monotonic() < self._retry_at:  # PostgreSQL was out of reach a moment ago
            reason = self._down_reason
            raise StoreUnavailable(f"the store ({self.describe()}) cannot be used right now: {reason}")
        started = time.monotonic()
        try:
            engines = self._prepare()
            engine = engines.single if single else engines.writer if write else engines.reader
            with engine.begin() as conn:
                yield conn
        except StoreUnavailable as exc:
            self._failed(str(exc))
            raise
        except (SQLAlchemyError, OSError) as exc:
            if isinstance(exc, SQLAlchemyError) and not isinstance(
                exc, sa.exc.OperationalError | sa.exc.InterfaceError
            ):
                log.error("unexpected store error", exc_info=exc)
            reason = _first_line(exc)
            self._failed(reason)
            if self.backend == "postgresql" and time.monotonic() - started >= SLOW_FAILURE_S:
                self._retry_at = time.monotonic() + self._retry_after_s
                self._down_reason = reason
            raise StoreUnavailable(
                f"the store ({self.describe()}) cannot be used right now: {reason}"
            ) from exc
        if self._down:
            if write:
                self._down = False
                log.warning("store is back: %s", self.describe())
            else:
                # A read can succeed on a connection that cannot write (SQLite opens a file it
                # may not write read-only, for good): until a write succeeds, pool nothing.
                self._drop_pool()

    def _failed(self, reason: str) -> None:
        # A connection that failed (a file opened read-only, a server that went away) must not
        # be reused: drop the pool so the next call starts afresh, and check the schema again
        # (the database may come back empty, or the data folder may have been removed).
        self._drop_pool()
        self._ready = False
        if not self._down:
            self._down = True
            log.warning("store unavailable (%s): %s", self.describe(), reason)

    def _drop_pool(self) -> None:
        with self._lock:
            if self._engines is not None:
                self._engines.reader.dispose()

    def available(self) -> bool:
        """Whether the store can be read now (never raises; writing may still fail)."""
        try:
            with self._tx(write=False) as conn:
                conn.execute(sa.text("SELECT 1"))
        except StoreUnavailable:
            return False
        return True

    def schema_version(self) -> int:
        """The schema version the database is at (after this program's migrations).

        Raises:
            StoreUnavailable: the database cannot be reached.
        """
        with self._tx(write=False) as conn:
            return conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar_one()

    def _now(self) -> dt.datetime:
        return self._clock()

    def _today(self, now: dt.datetime | None = None) -> dt.date:
        return (now or self._now()).astimezone(self._tz).date()

    # -- likes

    def like(self, honoree_id: str, session_key: str) -> int:
        """Count this session's like of an honoree (once, however often it asks); the new total.

        Raises:
            StoreUnavailable: the like cannot be saved now.
            ValueError: an empty or over-long id or session key.
        """
        _check_id(honoree_id, "honoree_id")
        ref = session_ref(session_key)
        values = {"honoree_id": honoree_id, "session_ref": ref, "created_at": _naive_utc(self._now())}
        if self.backend == "postgresql":
            with self._tx(write=True, single=True) as conn:
                return conn.execute(_pg_like(values)).scalar_one()
        with self._tx(write=True) as conn:
            # The primary key decides whether this session already likes the honoree; only a
            # new like moves the total, in the same transaction.
            new_like = sqlite_dialect.insert(likes_t).values(**values).on_conflict_do_nothing()
            if conn.execute(new_like.returning(likes_t.c.honoree_id)).first() is not None:
                bump = sqlite_dialect.insert(like_totals_t).values(honoree_id=honoree_id, likes=1)
                conn.execute(
                    bump.on_conflict_do_update(
                        index_elements=[like_totals_t.c.honoree_id], set_={"likes": like_totals_t.c.likes + 1}
                    )
                )
            return _like_total(conn, honoree_id)

    def unlike(self, honoree_id: str, session_key: str) -> int:
        """Withdraw this session's like, if any; the new total.

        Raises:
            StoreUnavailable: the change cannot be saved now.
            ValueError: an empty or over-long id or session key.
        """
        _check_id(honoree_id, "honoree_id")
        ref = session_ref(session_key)
        with self._tx(write=True) as conn:
            removed = (
                conn.execute(
                    sa.delete(likes_t)
                    .where(likes_t.c.honoree_id == honoree_id, likes_t.c.session_ref == ref)
                    .returning(likes_t.c.honoree_id)
                ).first()
                is not None
            )
            if removed:
                conn.execute(
                    sa.update(like_totals_t)
                    .where(like_totals_t.c.honoree_id == honoree_id)
                    .values(likes=like_totals_t.c.likes - 1)
                )
            return _like_total(conn, honoree_id)

    def likes(self, honoree_id: str) -> int:
        """How many sessions like this honoree.

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        with self._tx(write=False) as conn:
            return _like_total(conn, honoree_id)

    def like_counts(self, honoree_ids: Iterable[str]) -> dict[str, int]:
        """Likes for several honorees at once (a card grid); ids without likes map to 0.

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        ids = list(dict.fromkeys(honoree_ids))
        counts = dict.fromkeys(ids, 0)
        if not ids:
            return counts
        t = like_totals_t.c
        with self._tx(write=False) as conn:
            for start in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
                rows = conn.execute(
                    sa.select(t.honoree_id, t.likes).where(t.honoree_id.in_(ids[start : start + 500]))
                )
                counts.update({hid: n for hid, n in rows})
        return counts

    def liked(self, honoree_id: str, session_key: str) -> bool:
        """Whether this session already likes the honoree.

        Raises:
            StoreUnavailable: the store cannot be read now.
            ValueError: an empty or over-long session key.
        """
        ref = session_ref(session_key)
        with self._tx(write=False) as conn:
            row = conn.execute(
                sa.select(sa.literal(1)).where(
                    likes_t.c.honoree_id == honoree_id, likes_t.c.session_ref == ref
                )
            ).first()
        return row is not None

    def top_liked(self, n: int = 10) -> tuple[Tally, ...]:
        """The n most liked honoree ids, most first (ties by id).

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        with self._tx(write=False) as conn:
            return _top_likes(conn, n)

    # -- guestbook

    def post_message(
        self, text: str, *, session_key: str, honoree_id: str | None = None, signature: str = ""
    ) -> Message:
        """Save a visitor's message as pending; only its author sees it until a curator approves.

        The text is stored exactly as typed (after trimming surrounding whitespace): it is
        never interpreted, so pages must show it with `hall.ui.text.plain()` or `st.text`.

        Raises:
            MessageRefused: empty, over MAX_TEXT characters, signature over MAX_SIGNATURE,
                control characters, the same text twice, or more than RATE_LIMIT messages
                in RATE_WINDOW from this session; `reason` and `params` fill the label.
            StoreUnavailable: the message cannot be saved now.
            ValueError: an over-long honoree id or a bad session key.
        """
        text, signature = check_message(text, signature)
        target = "" if honoree_id is None else _check_id(honoree_id, "honoree_id")
        ref = session_ref(session_key)
        now = self._now()
        with self._tx(write=True) as conn:
            if conn.dialect.name == "postgresql":
                # SQLite's write transaction already excludes other writers; here two
                # concurrent posts from one session must not both pass the rate check.
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(hashtextextended(:ref, 0))"), {"ref": ref})
            recent = conn.execute(
                sa.select(messages_t.c.text, messages_t.c.honoree_id).where(
                    messages_t.c.session_ref == ref,
                    messages_t.c.created_at >= _naive_utc(now - RATE_WINDOW),
                )
            ).all()
            if any(row.text == text and row.honoree_id == target for row in recent):
                raise MessageRefused("duplicate")
            if len(recent) >= RATE_LIMIT:
                raise MessageRefused(
                    "rate_limited", limit=RATE_LIMIT, minutes=int(RATE_WINDOW.total_seconds() // 60)
                )
            new_id = conn.execute(
                sa.insert(messages_t)
                .values(
                    honoree_id=target,
                    text=text,
                    signature=signature,
                    status=MessageStatus.PENDING.value,
                    session_ref=ref,
                    created_at=_naive_utc(now),
                )
                .returning(messages_t.c.id)
            ).scalar_one()
        return Message(
            id=new_id,
            text=text,
            signature=signature,
            honoree_id=target,
            status=MessageStatus.PENDING,
            created_at=now.astimezone(dt.UTC),
        )

    def messages(
        self,
        honoree_id: str | None = None,
        *,
        session_key: str | None = None,
        limit: int = 50,
        everywhere: bool = False,
    ) -> list[Message]:
        """Approved messages to one honoree (or, with None, to the hall), newest first, plus the
        given session's own pending ones (`awaiting_review`). everywhere=True ignores honoree_id.

        Raises:
            StoreUnavailable: the store cannot be read now.
            ValueError: a bad session key.
        """
        visible = messages_t.c.status == MessageStatus.APPROVED.value
        if session_key is not None:
            mine = sa.and_(
                messages_t.c.status == MessageStatus.PENDING.value,
                messages_t.c.session_ref == session_ref(session_key),
            )
            visible = sa.or_(visible, mine)
        query = sa.select(messages_t).where(visible)
        if not everywhere:
            query = query.where(messages_t.c.honoree_id == (honoree_id or ""))
        query = query.order_by(messages_t.c.id.desc()).limit(limit)
        with self._tx(write=False) as conn:
            return [_message(row) for row in conn.execute(query)]

    def pending(self, limit: int = 100) -> list[Message]:
        """The moderation queue: pending messages, oldest first.

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        query = (
            sa.select(messages_t)
            .where(messages_t.c.status == MessageStatus.PENDING.value)
            .order_by(messages_t.c.id)
            .limit(limit)
        )
        with self._tx(write=False) as conn:
            return [_message(row) for row in conn.execute(query)]

    def pending_count(self) -> int:
        """How many messages wait for a curator.

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        with self._tx(write=False) as conn:
            return _count_pending(conn)

    def moderate(self, ids: Iterable[int], approve: bool) -> int:
        """Approve or reject messages in bulk (a decision can be changed later); how many changed.

        Raises:
            StoreUnavailable: the decision cannot be saved now.
        """
        wanted = sorted({int(i) for i in ids})
        status = (MessageStatus.APPROVED if approve else MessageStatus.REJECTED).value
        changed = 0
        with self._tx(write=True) as conn:
            for start in range(0, len(wanted), 500):
                result = conn.execute(
                    sa.update(messages_t)
                    .where(messages_t.c.id.in_(wanted[start : start + 500]), messages_t.c.status != status)
                    .values(status=status, moderated_at=_naive_utc(self._now()))
                )
                changed += result.rowcount
        return changed

    def message(self, message_id: int) -> Message | None:
        """One message whatever its status (for curators), or None.

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        with self._tx(write=False) as conn:
            row = conn.execute(sa.select(messages_t).where(messages_t.c.id == message_id)).first()
        return None if row is None else _message(row)

    def export_messages_csv(self) -> bytes:
        """Every message (no session data) as CSV: UTF-8 with BOM, formula-looking cells quoted.

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        header = ("id", "created_at", "honoree_id", "status", "moderated_at", "signature", "text")
        with self._tx(write=False) as conn:
            rows = conn.execute(sa.select(messages_t).order_by(messages_t.c.id)).all()
        return _csv_bytes(
            header,
            (
                (
                    r.id,
                    _iso(r.created_at),
                    r.honoree_id,
                    r.status,
                    _iso(r.moderated_at),
                    _cell(r.signature),
                    _cell(r.text),
                )
                for r in rows
            ),
        )

    # -- events and figures

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

        A search stores what was typed (controls removed, cut to MAX_QUERY) and how many
        people it found; other fields are cut to their column width rather than refused.

        Raises:
            StoreUnavailable: the event cannot be saved now (callers may ignore it).
            ValueError: an unknown kind or mode.
        """
        kind = EventKind(kind)
        mode = Mode(mode)
        now = self._now()
        values = {
            "created_at": _naive_utc(now),
            "day": self._today(now),
            "kind": kind.value,
            "mode": mode.value,
            "room": _scrub(room, MAX_ID),
            "honoree_id": _scrub(honoree_id, MAX_ID),
            "query": _scrub(query, MAX_QUERY) if kind is EventKind.SEARCH else "",
            "results": max(0, int(results)) if kind is EventKind.SEARCH and results is not None else None,
        }
        with self._tx(write=True, single=True) as conn:
            conn.execute(sa.insert(events_t), values)

    def figures(self, days: int = 30, top: int = 10) -> Figures:
        """Visit figures for the `days` days up to today: daily sums for closed days, the
        events themselves for the last few (each page view stays a single INSERT).

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        today = self._today()
        # A store that cannot write just now still counts, from the events themselves.
        with contextlib.suppress(StoreUnavailable):
            self.roll_up(today)
        with self._tx(write=False) as conn:
            return compute_figures(conn, until=today, days=days, top=top)

    def roll_up(self, today: dt.date | None = None) -> dt.date | None:
        """Sum every closed day not summed yet into event_days, a week per write transaction.

        Returns the last day summed (None while there are no events).

        Raises:
            StoreUnavailable: the sums cannot be written now.
        """
        last = (today or self._today()) - ROLLUP_GRACE
        while True:
            with self._tx(write=True) as conn:
                through = _rolled_through(conn, lock=True)
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
            query = query.where(e.day >= self._today() - dt.timedelta(days=max(1, days) - 1))
        header = ("created_at", "day", "kind", "mode", "room", "honoree_id", "query", "results")
        with self._tx(write=False) as conn:
            rows = conn.execution_options(yield_per=10_000).execute(query)  # streamed, not all at once
            return _csv_bytes(
                header,
                (
                    (
                        _iso(r.created_at),
                        r.day.isoformat(),
                        r.kind,
                        r.mode,
                        r.room,
                        r.honoree_id,
                        _cell(r.query),
                        r.results,
                    )
                    for r in rows
                ),
            )

    # -- correction and withdrawal requests

    def request_change(self, honoree_id: str, kind: str, details: str, contact: str = "") -> int:
        """File a request to correct or withdraw a record; returns its number.

        Raises:
            MessageRefused: the details are empty, too long or hold control characters.
            StoreUnavailable: the request cannot be saved now.
            ValueError: an unknown kind or an over-long honoree id.
        """
        if kind not in ("correction", "withdrawal"):
            raise ValueError(f"unknown request kind {kind!r}")
        details, contact = check_message(details, contact)
        with self._tx(write=True) as conn:
            return conn.execute(
                sa.insert(change_requests_t)
                .values(
                    honoree_id=_check_id(honoree_id, "honoree_id"),
                    kind=kind,
                    details=details,
                    contact=contact,
                    created_at=_naive_utc(self._now()),
                )
                .returning(change_requests_t.c.id)
            ).scalar_one()

    def change_requests(self, *, open_only: bool = True, limit: int = 200) -> list[ChangeRequest]:
        """Requests, oldest first.

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        query = sa.select(change_requests_t).order_by(change_requests_t.c.id).limit(limit)
        if open_only:
            query = query.where(change_requests_t.c.status == "open")
        with self._tx(write=False) as conn:
            rows = conn.execute(query).all()
        return [
            ChangeRequest(
                r.id, r.honoree_id, r.kind, r.details, _aware(r.created_at), r.contact, r.status == "open"
            )
            for r in rows
        ]

    def close_request(self, request_id: int) -> None:
        """Mark a request handled and forget the requester's contact (it was only for the reply).

        Raises:
            StoreUnavailable: the store cannot be written now.
        """
        with self._tx(write=True) as conn:
            conn.execute(
                sa.update(change_requests_t)
                .where(change_requests_t.c.id == int(request_id))
                .values(status="closed", contact="", closed_at=_naive_utc(self._now()))
            )

    # -- docents: saved tours and paired screens

    def save_tour(self, tour_id: str, yaml_text: str) -> None:
        """Keep a tour from the builder (replacing one with the same id).

        Raises:
            StoreUnavailable: the tour cannot be saved now.
            ValueError: an over-long id.
        """
        tour_id = _check_id(tour_id, "tour id")
        now = _naive_utc(self._now())
        with self._tx(write=True) as conn:
            conn.execute(sa.delete(saved_tours_t).where(saved_tours_t.c.id == tour_id))
            conn.execute(sa.insert(saved_tours_t).values(id=tour_id, yaml=yaml_text, updated_at=now))

    def saved_tours(self, targets: Targets) -> list[Tour]:
        """The builder's saved tours that are still valid against today's pack.

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        with self._tx(write=False) as conn:
            rows = conn.execute(sa.select(saved_tours_t).order_by(saved_tours_t.c.id)).all()
        tours = []
        for row in rows:
            tour, problems = tour_from_yaml(row.yaml, targets, "store")
            if tour is not None:
                tours.append(tour)
            else:
                log.warning("saved tour %s no longer fits the pack: %s", row.id, problems[0])
        return tours

    def open_screen(self, screen_key: str) -> ScreenState:
        """This screen's pairing code: the live one, or a fresh code when it has none.

        Raises:
            StoreUnavailable: the store cannot be reached now.
        """
        ref = session_ref(screen_key)
        now = self._now()
        with self._tx(write=True) as conn:
            row = conn.execute(sa.select(screens_t).where(screens_t.c.screen_ref == ref)).first()
            if row is not None and _aware(row.expires_at) > now:
                return _screen(row)
            conn.execute(
                sa.delete(screens_t).where(
                    sa.or_(screens_t.c.screen_ref == ref, screens_t.c.expires_at <= _naive_utc(now))
                )
            )
            taken = set(conn.execute(sa.select(screens_t.c.code)).scalars())
            code = next(c for c in (f"{secrets.randbelow(10**6):06d}" for _ in range(100)) if c not in taken)
            values = {
                "code": code,
                "screen_ref": ref,
                "docent_ref": None,
                "room": "",
                "params": "{}",
                "seq": 0,
                "expires_at": _naive_utc(now + PAIRING_CODE_TTL),
            }
            conn.execute(sa.insert(screens_t).values(**values))
            return _screen(SimpleNamespace(**values))

    def screen_state(self, screen_key: str) -> ScreenState | None:
        """What this screen should show now (None when it has no live code).

        Raises:
            StoreUnavailable: the store cannot be reached now.
        """
        with self._tx(write=False) as conn:
            row = conn.execute(
                sa.select(screens_t).where(screens_t.c.screen_ref == session_ref(screen_key))
            ).first()
        if row is None or _aware(row.expires_at) <= self._now():
            return None
        return _screen(row)

    def pair_screen(self, code: str, docent_key: str) -> ScreenState:
        """Let this docent drive the screen showing `code`; a docent drives one screen at a time.

        Raises:
            PairingRefused: unknown or expired code, or the screen is another docent's.
            StoreUnavailable: the store cannot be reached now.
        """
        ref = session_ref(docent_key)
        now = self._now()
        with self._tx(write=True) as conn:
            row = conn.execute(
                sa.select(screens_t).where(screens_t.c.code == str(code).strip()).with_for_update()
            ).first()
            if row is None:
                raise PairingRefused("unknown")
            if _aware(row.expires_at) <= now:
                raise PairingRefused("expired")
            if row.docent_ref not in (None, ref):
                raise PairingRefused("taken")
            conn.execute(
                sa.update(screens_t)
                .where(screens_t.c.docent_ref == ref, screens_t.c.code != row.code)
                .values(docent_ref=None, room="", params="{}", seq=screens_t.c.seq + 1)
            )
            conn.execute(
                sa.update(screens_t)
                .where(screens_t.c.code == row.code)
                .values(docent_ref=ref, expires_at=_naive_utc(now + PAIRING_TTL))
            )
            row = conn.execute(sa.select(screens_t).where(screens_t.c.code == row.code)).one()
        return _screen(row)

    def show_on_screen(self, docent_key: str, room: str, params: Mapping[str, str]) -> ScreenState | None:
        """Send the docent's current stop to their screen (None when they have none now).

        Raises:
            StoreUnavailable: the store cannot be reached now.
        """
        ref = session_ref(docent_key)
        now = self._now()
        with self._tx(write=True) as conn:
            conn.execute(
                sa.update(screens_t)
                .where(screens_t.c.docent_ref == ref, screens_t.c.expires_at > _naive_utc(now))
                .values(
                    room=_scrub(room, MAX_ID),
                    params=json.dumps(dict(params), ensure_ascii=False),
                    seq=screens_t.c.seq + 1,
                    expires_at=_naive_utc(now + PAIRING_TTL),
                )
            )
            row = conn.execute(
                sa.select(screens_t).where(
                    screens_t.c.docent_ref == ref, screens_t.c.expires_at > _naive_utc(now)
                )
            ).first()
        return None if row is None else _screen(row)

    def end_pairing(self, docent_key: str) -> None:
        """The tour is over: the docent's screen goes back to its attract loop with a new code.

        Raises:
            StoreUnavailable: the store cannot be reached now.
        """
        with self._tx(write=True) as conn:
            conn.execute(sa.delete(screens_t).where(screens_t.c.docent_ref == session_ref(docent_key)))


def compute_figures(
    conn: Connection,
    *,
    until: dt.date,
    days: int = 30,
    top: int = 10,
    events: sa.Table = events_t,
    rolled: bool = True,
) -> Figures:
    """The figures from aggregate queries: daily sums up to the last summed day, events after it.

    rolled=False reads the events alone (`events` may be any table of their shape: the tests
    check the sums against it, the benchmark times it on an unindexed copy).
    """
    days = max(1, int(days))
    since = until - dt.timedelta(days=days - 1)
    through = _rolled_through(conn) if rolled else None

    def daily(kind: EventKind, start: dt.date | None = since) -> sa.Subquery:
        return _daily(events, kind, start, through)

    def total(sub: sa.Subquery, column: str = "n") -> int:
        return int(conn.execute(sa.select(sa.func.coalesce(sa.func.sum(sub.c[column]), 0))).scalar_one())

    def ranked(sub: sa.Subquery, column: str = "n") -> tuple[Tally, ...]:
        count = sa.func.sum(sub.c[column]).label("count")
        rows = conn.execute(
            sa.select(sub.c.subject, count)
            .group_by(sub.c.subject)
            .having(count > 0)
            .order_by(count.desc(), sub.c.subject)
            .limit(top)
        )
        return tuple(Tally(subject, int(n)) for subject, n in rows)

    visits = daily(EventKind.VISIT)
    by_day: Counter[dt.date] = Counter()
    by_mode: Counter[str] = Counter()
    for day, mode, count in conn.execute(
        sa.select(visits.c.day, visits.c.mode, sa.func.sum(visits.c.n)).group_by(visits.c.day, visits.c.mode)
    ):
        by_day[day] += int(count)
        by_mode[mode] += int(count)
    searches = daily(EventKind.SEARCH)
    liked = _top_likes(conn, top)
    total_likes = conn.execute(
        sa.select(sa.func.coalesce(sa.func.sum(like_totals_t.c.likes), 0))
    ).scalar_one()

    # Old rows may carry a mode this version dropped: keep them rather than lose visits.
    modes = [m.value for m in Mode] + sorted(set(by_mode) - {m.value for m in Mode})
    return Figures(
        days=days,
        since=since,
        until=until,
        total_visits=total(daily(EventKind.VISIT, None)),
        visits=sum(by_day.values()),
        visits_by_day=tuple(
            DayCount(d, by_day.get(d, 0)) for d in (since + dt.timedelta(days=i) for i in range(days))
        ),
        visits_by_mode=tuple(Tally(m, by_mode.get(m, 0)) for m in modes),
        room_views=ranked(daily(EventKind.ROOM_VIEW)),
        most_viewed=ranked(daily(EventKind.HONOREE_VIEW)),
        most_liked=liked,
        searches=total(searches),
        top_searches=ranked(searches),
        zero_result_searches=ranked(searches, "zero"),
        total_likes=int(total_likes),
        pending_messages=_count_pending(conn),
    )


_SUBJECT = {
    EventKind.ROOM_VIEW: "room",
    EventKind.HONOREE_VIEW: "honoree_id",
    EventKind.SEARCH: "query",
}


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


def _daily(events: sa.Table, kind: EventKind, since: dt.date | None, through: dt.date | None) -> sa.Subquery:
    """(day, mode, subject, n, zero) for one kind from `since` on: summed days, then raw ones."""
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


def _sum_days(kind: EventKind, *, after: dt.date, upto: dt.date) -> sa.Insert:
    e = events_t.c
    summed = _raw_days(events_t, kind, e.day > after, e.day <= upto)
    columns = ["day", "mode", "subject", "n", "zero"]
    with_kind = sa.select(sa.literal(kind.value, sa.String).label("kind"), *summed.subquery().c)
    return sa.insert(event_days_t).from_select(["kind", *columns], with_kind)


def _rolled_through(conn: Connection, *, lock: bool = False) -> dt.date | None:
    query = sa.select(event_rollup_t.c.through).where(event_rollup_t.c.id == 1)
    if lock and conn.dialect.name == "postgresql":
        query = query.with_for_update()  # SQLite's writer already holds the database's write lock
    return conn.execute(query).scalar_one_or_none()


def _first_event_day(conn: Connection) -> dt.date | None:
    # One index seek per kind ((kind, day) leads the index) rather than a scan of every event.
    e = events_t.c
    days = [
        conn.execute(sa.select(sa.func.min(e.day)).where(e.kind == kind.value)).scalar_one()
        for kind in EventKind
    ]
    return min((d for d in days if d is not None), default=None)


def _like_total(conn: Connection, honoree_id: str) -> int:
    found = conn.execute(
        sa.select(like_totals_t.c.likes).where(like_totals_t.c.honoree_id == honoree_id)
    ).scalar_one_or_none()
    return found or 0


def _pg_like(values: dict[str, object]) -> sa.Select:
    """A like as one PostgreSQL statement: add it, bump the total if it was new, return the total.

    One statement in autocommit holds the total's row lock for a single round trip, so likes
    for a popular honoree from many processes do not queue behind each other's COMMITs.
    """
    new = (
        pg_dialect.insert(likes_t)
        .values(**values)
        .on_conflict_do_nothing()
        .returning(likes_t.c.honoree_id)
        .cte("new_like")
    )
    bump = (
        pg_dialect.insert(like_totals_t)
        .from_select(["honoree_id", "likes"], sa.select(new.c.honoree_id, sa.literal(1)))
        .on_conflict_do_update(
            index_elements=[like_totals_t.c.honoree_id], set_={"likes": like_totals_t.c.likes + 1}
        )
        .returning(like_totals_t.c.likes)
        .cte("bump")
    )
    # The outer SELECT sees the table as it was before the statement: right when nothing changed.
    before = sa.select(like_totals_t.c.likes).where(like_totals_t.c.honoree_id == values["honoree_id"])
    return sa.select(sa.func.coalesce(sa.select(bump.c.likes).scalar_subquery(), before.scalar_subquery(), 0))


def _top_likes(conn: Connection, n: int) -> tuple[Tally, ...]:
    t = like_totals_t.c
    rows = conn.execute(
        sa.select(t.honoree_id, t.likes).where(t.likes > 0).order_by(t.likes.desc(), t.honoree_id).limit(n)
    )
    return tuple(Tally(hid, c) for hid, c in rows)


def _count_pending(conn: Connection) -> int:
    return conn.execute(
        sa.select(sa.func.count())
        .select_from(messages_t)
        .where(messages_t.c.status == MessageStatus.PENDING.value)
    ).scalar_one()


def _message(row: sa.Row) -> Message:
    return Message(
        id=row.id,
        text=row.text,
        signature=row.signature,
        honoree_id=row.honoree_id,
        status=MessageStatus(row.status),
        created_at=_aware(row.created_at),  # type: ignore[arg-type]
        moderated_at=_aware(row.moderated_at),
    )


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return text[0] if text else type(orig).__name__


def _sqlite_on_connect(dbapi_conn: object, _record: object) -> None:
    # Let SQLAlchemy's "begin" hook (below) emit BEGIN, so DDL and reads are transactional too.
    dbapi_conn.isolation_level = None  # type: ignore[attr-defined]
    cursor = dbapi_conn.cursor()  # type: ignore[attr-defined]
    try:
        mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
        if mode.lower() != "wal":
            # WAL: readers never wait for the writer. The mode is stored in the file, so
            # this runs once per database.
            cursor.execute("PRAGMA journal_mode=WAL")
        # In WAL mode NORMAL never corrupts; a power cut may lose the last few commits,
        # which is the right trade for page-view counters and likes.
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def _sqlite_on_begin(conn: Connection) -> None:
    options = conn.get_execution_options()
    if options.get("hall_single"):
        return  # the driver is in autocommit mode: the statement commits itself
    # A writer takes the write lock up front (waiting up to the busy timeout) instead of
    # failing at once when a read-then-write transaction finds the snapshot moved on.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if options.get("hall_write") else "BEGIN")


def _screen(row: Any) -> ScreenState:
    return ScreenState(
        code=row.code,
        paired=row.docent_ref is not None,
        room=row.room,
        params=json.loads(row.params or "{}"),
        seq=row.seq,
        expires_at=_aware(row.expires_at),
    )
