"""The store's database: opening it (an SQLite WAL file or a PostgreSQL URL), migrating it on first
use, transactions, and outages (every failure becomes StoreUnavailable; the store recovers by itself)."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import logging
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple, Self

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import ConnectionPoolEntry

from hall.errors import StoreUnavailable
from hall.store.migrations import SCHEMA_VERSION, database_version, migrate
from hall.store.schema import schema_version
from hall.store.timeouts import CALL_DEADLINE_S, CONNECT_TIMEOUT_S, MIGRATION_DEADLINE_S, WATCHDOG, Call
from hall.store.timeouts import connect_args as pg_connect_args
from hall.store.values import utcnow

log = logging.getLogger(__name__)

SQLITE_FILE = "hall.sqlite"
# A PostgreSQL failure that took this long was a wait for an unreachable or frozen server, not
# a refusal: for RETRY_AFTER_S the store then says "unavailable" at once instead of every page
# view waiting out the timeouts again (hall/store/timeouts.py). Fast failures (refused, stopped)
# retry at once.
SLOW_FAILURE_S = 1.0
RETRY_AFTER_S = 15.0


class _Engines(NamedTuple):
    """Three views of one connection pool."""

    reader: sa.Engine
    writer: sa.Engine  # SQLite: BEGIN IMMEDIATE, the write lock taken up front
    single: sa.Engine  # one statement; PostgreSQL runs it in autocommit (no BEGIN/COMMIT round trips)


class Engine:
    """The connection to the store's database, shared by every part of the store. Thread-safe.

    Every transaction either runs or raises `StoreUnavailable` (the database cannot be reached
    or written right now; the next call tries again).
    """

    def __init__(
        self,
        url: URL,
        *,
        busy_timeout_s: float = 5.0,
        connect_timeout_s: int = CONNECT_TIMEOUT_S,
        retry_after_s: float = RETRY_AFTER_S,
        clock: Callable[[], dt.datetime] = utcnow,
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
        connect_timeout_s: int = CONNECT_TIMEOUT_S,
        retry_after_s: float = RETRY_AFTER_S,
        clock: Callable[[], dt.datetime] = utcnow,
        tz: dt.tzinfo | None = None,
    ) -> Self:
        """A store on `url`, or on data_dir/hall.sqlite when url is empty. Connects lazily.

        busy_timeout_s: how long an SQLite writer waits for the lock before giving up;
        connect_timeout_s: how long to wait for PostgreSQL to accept a connection (a call waits
        at most CALL_DEADLINE_S for its answers); retry_after_s: how long calls fail
        at once after PostgreSQL could not be reached in time; clock: the aware UTC now
        (tests); tz: the zone whose calendar days visit stats count (the machine's by default).

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

    def available(self) -> bool:
        """Whether the store can be read now (never raises; writing may still fail)."""
        try:
            with self.transaction(write=False) as conn:
                conn.execute(sa.text("SELECT 1"))
        except StoreUnavailable:
            return False
        return True

    def schema_version(self) -> int:
        """The schema version the database is at (after this program's migrations).

        Raises:
            StoreUnavailable: the database cannot be reached.
        """
        with self.transaction(write=False) as conn:
            return conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar_one()

    def now(self) -> dt.datetime:
        """The store's clock: the aware UTC now."""
        return self._clock()

    def today(self, now: dt.datetime | None = None) -> dt.date:
        """The calendar day of `now` (or of this moment) in the hall's zone."""
        return (now or self.now()).astimezone(self._tz).date()

    @contextlib.contextmanager
    def transaction(self, *, write: bool, single: bool = False) -> Iterator[Connection]:
        """One transaction (or, with single=True, one statement) for the store's own modules.

        Raises:
            StoreUnavailable: the database cannot be reached, migrated or written now.
        """
        if time.monotonic() < self._retry_at:  # PostgreSQL was out of reach a moment ago
            reason = self._down_reason
            raise StoreUnavailable(f"the store ({self.describe()}) cannot be used right now: {reason}")
        started = time.monotonic()
        call = Call(deadline=0.0)
        try:
            with self._watched(CALL_DEADLINE_S) as call:
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
            reason = f"no answer within {CALL_DEADLINE_S:g} s" if call.fired else _first_line(exc)
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

    def _make_engines(self) -> _Engines:
        if self.backend == "sqlite":
            engine = sa.create_engine(self._url, connect_args={"timeout": self._busy_timeout_s})
            sa.event.listen(engine, "connect", _sqlite_on_connect)
            sa.event.listen(engine, "begin", _sqlite_on_begin)
            writer = engine.execution_options(hall_write=True)
            # A lone statement runs in SQLite's own autocommit transaction: the write lock is
            # held for that statement only, not across our Python between BEGIN and COMMIT.
            return _Engines(engine, writer, engine.execution_options(hall_single=True))
        engine = sa.create_engine(self._url, connect_args=pg_connect_args(self._connect_timeout_s))
        sa.event.listen(engine, "connect", _pg_on_connect)
        sa.event.listen(engine, "checkout", functools.partial(_pg_on_checkout, engine.dialect))
        return _Engines(engine, engine, engine.execution_options(isolation_level="AUTOCOMMIT"))

    def _watched(self, seconds: float) -> contextlib.AbstractContextManager[Call]:
        """A PostgreSQL call cut off after `seconds` (hall/store/timeouts.py); SQLite needs none."""
        return WATCHDOG.call(seconds) if self.backend == "postgresql" else contextlib.nullcontext(Call(0.0))

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
                    current = database_version(conn)
                # Only a database behind the code needs the write lock: reads go on meanwhile.
                if current != SCHEMA_VERSION:
                    with self._watched(MIGRATION_DEADLINE_S), engines.writer.begin() as conn:
                        if self.backend == "postgresql":
                            conn.exec_driver_sql("SET LOCAL statement_timeout = 0")
                        migrate(conn)
                self._ready = True
            return engines

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


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return text[0] if text else type(orig).__name__


def _pg_on_connect(_dbapi_conn: object, record: ConnectionPoolEntry) -> None:
    record.info["hall_fresh"] = True  # just opened: no need to ping it


def _pg_on_checkout(
    dialect: sa.Dialect, dbapi_conn: Any, record: ConnectionPoolEntry, _proxy: object
) -> None:
    """Put the connection under the call's watchdog and make sure the server is still there.

    This is SQLAlchemy's pool_pre_ping done here, after the connection is bound to the watchdog
    (SQLAlchemy pings before any checkout hook runs): a frozen server would hang that ping.
    A connection from before a server restart fails its ping at once and is replaced.
    """
    WATCHDOG.bind(dbapi_conn.fileno())
    if record.info.pop("hall_fresh", False):
        return
    try:
        dialect.do_ping(dbapi_conn)
    except dialect.loaded_dbapi.Error as exc:
        if WATCHDOG.fired():
            raise  # no answer: the call fails (and is not retried on a new connection)
        raise sa.exc.DisconnectionError(_first_line(exc)) from exc


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
        # What is deleted or overwritten is zeroed, not left in free space for a file reader:
        # a closed request's contact must not outlive it (requests.py checkpoints the WAL too).
        cursor.execute("PRAGMA secure_delete=ON")
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
