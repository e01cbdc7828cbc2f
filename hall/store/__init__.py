"""The writable store: likes, the moderated guestbook, anonymous visit events and their stats,
change requests, docents' tours and screens, guessing and rate limits, on SQLite or PostgreSQL.

Each concept is one module holding its records and a part of `Store` (a subclass of
`engine.Engine`), its tables are in `schema`, and every change to them is a migration in
`migrations`. A new concept is one more module, its tables and a migration, and its part
added to `Store` below.
"""

from hall.store.bookings import Booking, BookingKind, BookingStatus, BookingStore
from hall.store.docents import PAIRING_CODE_TTL, PAIRING_TTL, DocentStore, ScreenState
from hall.store.engine import SQLITE_FILE
from hall.store.events import ROLLUP_GRACE, EventKind
from hall.store.guestbook import (
    MAX_TEXT,
    RATE_LIMIT,
    RATE_WINDOW,
    GuestbookStore,
    Message,
    MessageStatus,
    check_message,
)
from hall.store.likes import LikeStore
from hall.store.limits import (
    CLIENT_LOCKOUT,
    EVERYONE,
    FREE_TRIES,
    GATE_LOCKOUT,
    LIMIT_WINDOW,
    LOCKOUT,
    RATE_LIMITS,
    Action,
    LimitStore,
    Lockout,
    RateLimit,
    Try,
    wait_after,
)
from hall.store.migrations import SCHEMA_VERSION, migrate
from hall.store.requests import KINDS as REQUEST_KINDS
from hall.store.requests import ChangeRequest, RequestStore
from hall.store.schema import MAX_CONTACT, MAX_ID, MAX_QUERY, MAX_SIGNATURE
from hall.store.values import Tally, session_ref
from hall.store.visit_stats import DayCount, VisitStats, VisitStatsStore, compute_visit_stats


class Store(LikeStore, GuestbookStore, VisitStatsStore, RequestStore, DocentStore, LimitStore, BookingStore):
    """The hall's writable state. Thread-safe; share one per process (`Store.open`).

    Every public method either succeeds or raises `StoreUnavailable` (the database cannot
    be reached or written right now; the next call tries again) — besides the documented
    `MessageRefused` for a visitor's message, `PairingRefused` for a screen's code,
    `GuessRefused` for a try at a gate's secret, `RateLimited` for a like, message or request over
    its hourly limit, `BookingRefused` for a group visit or talk request, and `ValueError` for a
    programming error.
    """


__all__ = [
    "CLIENT_LOCKOUT",
    "EVERYONE",
    "FREE_TRIES",
    "GATE_LOCKOUT",
    "LIMIT_WINDOW",
    "LOCKOUT",
    "MAX_CONTACT",
    "MAX_ID",
    "MAX_QUERY",
    "MAX_SIGNATURE",
    "MAX_TEXT",
    "PAIRING_CODE_TTL",
    "PAIRING_TTL",
    "RATE_LIMIT",
    "RATE_LIMITS",
    "RATE_WINDOW",
    "REQUEST_KINDS",
    "ROLLUP_GRACE",
    "SCHEMA_VERSION",
    "SQLITE_FILE",
    "Action",
    "Booking",
    "BookingKind",
    "BookingStatus",
    "ChangeRequest",
    "DayCount",
    "EventKind",
    "Lockout",
    "Message",
    "MessageStatus",
    "RateLimit",
    "ScreenState",
    "Store",
    "Tally",
    "Try",
    "VisitStats",
    "check_message",
    "compute_visit_stats",
    "migrate",
    "session_ref",
    "wait_after",
]
