"""What the store's modules share about values: UTC times, checked ids, session refs, cleaned
text, and the ranking row they all return (their CSV exports are written by hall.csvsafe)."""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass

from hall.store.schema import MAX_ID

MAX_SESSION_KEY = 200

# Whitespace a visitor may type inside a message; every other control character is refused.
ALLOWED_CONTROLS = frozenset("\n\t")
# Bidirectional overrides and isolates can make a message read differently from what is stored.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@dataclass(frozen=True, slots=True)
class Tally:
    """One row of a ranking: a key (honoree id, room, search text, mode) and how many times."""

    key: str
    count: int


def utcnow() -> dt.datetime:
    """The aware UTC now: the store's default clock."""
    return dt.datetime.now(dt.UTC)


def naive_utc(moment: dt.datetime) -> dt.datetime:
    """A moment as the store writes it: a plain timestamp in UTC."""
    # Both databases store a plain timestamp in UTC: SQLite has no time zones, and a naive
    # value in a PostgreSQL timestamptz column would be read in the server's zone.
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def aware(moment: dt.datetime | None) -> dt.datetime | None:
    """A stored timestamp as an aware UTC moment (None stays None)."""
    return None if moment is None else moment.replace(tzinfo=dt.UTC)


def iso(moment: dt.datetime | None) -> str:
    """A stored timestamp for an export: ISO 8601 in UTC to the second, "" for none."""
    return "" if moment is None else moment.replace(tzinfo=dt.UTC).isoformat(timespec="seconds")


def session_ref(session_key: str, purpose: str = "") -> str:
    """What is stored for a session key: a hash, so a copy of the database cannot act as a session.

    Each `purpose` ("likes", "messages"; at most 16 ASCII characters) derives its own reference
    from the same key, so the rows one visit leaves in two tables cannot be joined by it: a
    like is not linked to a signed message. "" is the derivation every table used before likes
    and messages had their own (rows written then keep it); screens and docents still use it.

    Raises:
        ValueError: the key is empty or implausibly long, or the purpose too long (a programming
            error, not a visitor's).
    """
    if not isinstance(session_key, str) or not 0 < len(session_key) <= MAX_SESSION_KEY:
        raise ValueError("session_key must be a non-empty string of at most 200 characters")
    # BLAKE2's personalisation: a different hash function per purpose, with no key to keep.
    person = purpose.encode("ascii")
    if len(person) > hashlib.blake2b.PERSON_SIZE:
        raise ValueError(f"session_ref purpose must be at most 16 ASCII characters: {purpose!r}")
    return hashlib.blake2b(session_key.encode("utf-8"), digest_size=16, person=person).hexdigest()


def check_id(value: str, what: str) -> str:
    """An honoree, room or tour id as given, once it fits its column.

    Raises:
        ValueError: empty, not a string, or longer than MAX_ID.
    """
    if not isinstance(value, str) or not 0 < len(value) <= MAX_ID:
        raise ValueError(f"{what} must be a non-empty string of at most {MAX_ID} characters: {value!r}")
    return value


def is_refused_char(ch: str) -> bool:
    """Whether a visitor's text may not hold this character (a control, a lone surrogate, a bidi override)."""
    if ch in ALLOWED_CONTROLS:
        return False
    # Cc: C0/C1 controls and DEL; Cs: lone surrogates, which no database can store as text.
    return unicodedata.category(ch) in ("Cc", "Cs") or ch in _BIDI_CONTROLS


def scrub(value: str, limit: int) -> str:
    """A free-text event field made safe to count: controls become spaces, runs collapse, cut."""
    cleaned = "".join(" " if is_refused_char(ch) or ch in ALLOWED_CONTROLS else ch for ch in value)
    return " ".join(cleaned.split())[:limit]
