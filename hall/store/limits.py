"""Limits that hold across sessions and processes: tries at the gates' secrets (growing waits and
lockouts a curator can lift) and hourly rate limits for likes, messages and requests.

Both count by client key — a keyed digest of the visitor's address (hall.ui.client), never the
address — and forget it when it is no longer needed: a client's tries an hour after its last one
(or when its lockout ends), an hour's counts as soon as the hour is over.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import Connection, Row

from hall.errors import GuessRefused, RateLimited
from hall.store.engine import Engine
from hall.store.schema import MAX_CLIENT, guesses_t, rate_counts_t
from hall.store.values import aware, check_id, naive_utc

EVERYONE = "*"  # the client of a gate's row for all clients together; the hall-wide bucket

# Guessing. A client may make FREE_TRIES wrong tries in a row at once; after that each further
# try must wait twice as long as the one before (2 s, 4 s, … 128 s) after the last, and its
# CLIENT_LOCKOUT-th wrong try locks the gate for that client for LOCKOUT. Wrong tries from all
# clients together lock the gate for everyone at GATE_LOCKOUT, so many addresses cannot share out
# the work: counted until an hour passes without one, that is at most GATE_LOCKOUT tries in an
# hour and the lockout after it — under 720 a day against the million six-digit PINs.
FREE_TRIES = 3
CLIENT_LOCKOUT = 10
GATE_LOCKOUT = 30
LOCKOUT = dt.timedelta(hours=1)
FORGET = dt.timedelta(hours=1)  # tries are forgotten this long after the last one
_GATE_NAME_MAX = 16


def wait_after(failures: int) -> dt.timedelta:
    """How long after its last try a client must wait, having made `failures` wrong tries in a row."""
    if failures < FREE_TRIES:
        return dt.timedelta(0)
    return dt.timedelta(seconds=2 ** (failures - FREE_TRIES + 1))


@dataclass(frozen=True, slots=True)
class Try:
    """One try at a gate's secret, counted as wrong before the secret is compared (so parallel
    sessions cannot slip tries in between); a right one is taken back with `clear_tries`."""

    gate: str
    client: str
    number: int  # this client's tries in a row, this one included
    gate_number: int  # all clients' tries at the gate (until an hour without one), this one included
    client_locked_until: dt.datetime | None = None  # set when this try locked the gate for the client
    gate_locked_until: dt.datetime | None = None  # set when this try locked the gate for everyone


@dataclass(frozen=True, slots=True)
class Lockout:
    """A gate locked for one client, or for everyone (`client` is EVERYONE), until `until`."""

    gate: str
    client: str
    failures: int
    since: dt.datetime  # the first of the counted tries
    until: dt.datetime

    @property
    def everyone(self) -> bool:
        return self.client == EVERYONE


class Action(StrEnum):
    LIKE = "like"
    MESSAGE = "message"
    REQUEST = "request"
    BOOKING = "booking"  # a group visit or a talk request (hall.store.bookings)


@dataclass(frozen=True, slots=True)
class RateLimit:
    """How many of one action an hour: from one client, from one client to one honoree (0: no
    such limit), and from everyone together."""

    per_client: int
    per_hall: int
    per_client_subject: int = 0


# Generous for a kiosk or a school's network, where many visitors share one address; tight
# enough that one client cannot inflate a person's salutes or flood the curators' queues.
RATE_LIMITS: Mapping[Action, RateLimit] = MappingProxyType(
    {
        Action.LIKE: RateLimit(per_client=120, per_hall=20_000, per_client_subject=10),
        Action.MESSAGE: RateLimit(per_client=10, per_hall=300),
        Action.REQUEST: RateLimit(per_client=5, per_hall=60),
        Action.BOOKING: RateLimit(per_client=5, per_hall=200),
    }
)
LIMIT_WINDOW = dt.timedelta(hours=1)  # counts are per clock hour (UTC)


class LimitStore(Engine):
    """The store's guessing counters and rate limits."""

    def begin_try(self, gate: str, client: str) -> Try:
        """Count one try at `gate`'s secret from `client`, before the secret is compared.

        Raises:
            GuessRefused: the client must wait, or the gate is locked for it or for everyone;
                nothing was counted and the secret must not be compared.
            StoreUnavailable: the try cannot be counted now (so it must not be compared).
            ValueError: a bad gate name or client key.
        """
        gate, client = _check_gate(gate), _check_client(client)
        at = naive_utc(self.now())
        with self.transaction(write=True) as conn:
            _lock(conn, gate)
            _forget(conn, at)
            rows = {
                row.client: row
                for row in conn.execute(
                    sa.select(guesses_t).where(
                        guesses_t.c.gate == gate, guesses_t.c.client.in_([client, EVERYONE])
                    )
                )
            }
            whole, mine = rows.get(EVERYONE), rows.get(client)
            failures = mine.failures if mine is not None else 0
            if whole is not None and whole.locked_until is not None and whole.locked_until > at:
                raise GuessRefused("gate_locked", aware(whole.locked_until), failures)
            if mine is not None:
                if mine.locked_until is not None and mine.locked_until > at:
                    raise GuessRefused("locked", aware(mine.locked_until), failures)
                opens = mine.last_at + wait_after(failures)
                if at < opens:
                    raise GuessRefused("wait", aware(opens), failures)
            number, client_until = _count(conn, gate, client, mine, at, CLIENT_LOCKOUT)
            gate_number, gate_until = _count(conn, gate, EVERYONE, whole, at, GATE_LOCKOUT)
        return Try(gate, client, number, gate_number, aware(client_until), aware(gate_until))

    def clear_tries(self, gate: str, client: str) -> None:
        """The secret was right: forget this client's tries, and take its last one off the gate's count.

        Raises:
            StoreUnavailable: the store cannot be written now.
            ValueError: a bad gate name or client key.
        """
        gate, client = _check_gate(gate), _check_client(client)
        g = guesses_t.c
        with self.transaction(write=True) as conn:
            _lock(conn, gate)
            conn.execute(sa.delete(guesses_t).where(g.gate == gate, g.client == client))
            conn.execute(
                sa.update(guesses_t)
                .where(g.gate == gate, g.client == EVERYONE, g.failures > 0)
                .values(
                    failures=g.failures - 1,
                    # Only the try being taken back can have locked it (a locked gate counts none).
                    locked_until=sa.case((g.failures - 1 < GATE_LOCKOUT, None), else_=g.locked_until),
                )
            )

    def lockout(self, gate: str, client: str) -> Lockout | None:
        """The lockout that keeps this client from the gate now (its own, or everyone's), if any.

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        at = naive_utc(self.now())
        g = guesses_t.c
        with self.transaction(write=False) as conn:
            row = conn.execute(
                sa.select(guesses_t)
                .where(g.gate == gate, g.client.in_([client, EVERYONE]), g.locked_until > at)
                .order_by(g.locked_until.desc())
                .limit(1)
            ).first()
        return None if row is None else _lockout(row)

    def lockouts(self) -> list[Lockout]:
        """The gates locked now, for one client or for everyone, the soonest to open first.

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        at = naive_utc(self.now())
        g = guesses_t.c
        with self.transaction(write=False) as conn:
            rows = conn.execute(
                sa.select(guesses_t)
                .where(g.locked_until.is_not(None), g.locked_until > at)
                .order_by(g.locked_until, g.gate, g.client)
            ).all()
        return [_lockout(row) for row in rows]

    def lift_lockout(self, gate: str, client: str) -> None:
        """End a lockout now (a curator's decision): that client, or everyone, starts afresh.

        Raises:
            StoreUnavailable: the store cannot be written now.
            ValueError: a bad gate name or client key.
        """
        gate = _check_gate(gate)
        client = client if client == EVERYONE else _check_client(client)
        with self.transaction(write=True) as conn:
            _lock(conn, gate)
            conn.execute(sa.delete(guesses_t).where(guesses_t.c.gate == gate, guesses_t.c.client == client))

    def spend(self, action: Action | str, client: str, subject: str = "") -> None:
        """Count one like, message or request from `client` (to honoree `subject`, if any) in this
        hour's limits; over any of them, nothing is counted.

        Raises:
            RateLimited: over this client's (or this client's to the subject) or the hall's
                limit this hour; `until` is when the next hour begins.
            StoreUnavailable: the store cannot be written now.
            ValueError: an unknown action, a bad client key or subject.
        """
        action = Action(action)
        limit = RATE_LIMITS[action]
        client = _check_client(client)
        now = self.now()
        start = _window_start(now)
        until = aware(start + LIMIT_WINDOW)
        buckets = [("client", client, limit.per_client), ("hall", EVERYONE, limit.per_hall)]
        if subject and limit.per_client_subject:
            buckets.append(("person", f"{client}/{check_id(subject, 'subject')}", limit.per_client_subject))
        with self.transaction(write=True) as conn:
            _forget(conn, naive_utc(now))
            # Always in the same order, so two PostgreSQL transactions never wait for each other.
            for scope, bucket, cap in sorted(buckets, key=lambda b: b[1]):
                count = conn.execute(_bump(conn, action.value, bucket, start)).scalar_one()
                if count > cap:
                    raise RateLimited(action.value, scope, cap, until)  # rolls every count back

    def spent(self, action: Action | str, client: str, subject: str = "") -> int:
        """How many of `action` this client (to `subject`, when given) has used this hour.

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        bucket = f"{client}/{subject}" if subject else client
        r = rate_counts_t.c
        with self.transaction(write=False) as conn:
            found = conn.execute(
                sa.select(r.n).where(
                    r.action == Action(action).value,
                    r.bucket == bucket,
                    r.window_start == _window_start(self.now()),
                )
            ).scalar_one_or_none()
        return found or 0


def _check_gate(gate: str) -> str:
    if not isinstance(gate, str) or not gate.isidentifier() or len(gate) > _GATE_NAME_MAX:
        raise ValueError(f"gate must be a short identifier such as 'docent': {gate!r}")
    return gate


def _check_client(client: str) -> str:
    if not isinstance(client, str) or not 0 < len(client) <= MAX_CLIENT or not client.isalnum():
        raise ValueError(f"client must be a client key (at most {MAX_CLIENT} letters and digits): {client!r}")
    return client


def _lock(conn: Connection, gate: str) -> None:
    if conn.dialect.name == "postgresql":
        # SQLite's write transaction already excludes other writers; here every try at one gate,
        # from any process, waits its turn, so two cannot both pass the same check.
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))"), {"k": f"guess:{gate}"})


def _forget(conn: Connection, at: dt.datetime) -> None:
    """Delete what no limit needs any more, client keys with it: the counts of hours that are
    over, and tries an hour after the last one or whose lockout has ended. Every try and every
    spend does it, so a key outlives its need only until the hall's next sign-in or like."""
    conn.execute(sa.delete(rate_counts_t).where(rate_counts_t.c.window_start < _window_start(at)))
    g = guesses_t.c
    conn.execute(
        sa.delete(guesses_t).where(
            sa.or_(
                sa.and_(g.locked_until.is_(None), g.last_at <= at - FORGET),
                g.locked_until <= at,  # a lockout that ended starts the client afresh
            )
        )
    )


def _count(
    conn: Connection, gate: str, client: str, row: Row | None, at: dt.datetime, lock_at: int
) -> tuple[int, dt.datetime | None]:
    """Add one try to a row (made when missing); its count, and the lockout it began, if any."""
    failures = (row.failures if row is not None else 0) + 1
    until = at + LOCKOUT if failures >= lock_at else None
    if row is None:
        conn.execute(
            sa.insert(guesses_t).values(
                gate=gate, client=client, failures=failures, first_at=at, last_at=at, locked_until=until
            )
        )
    else:
        g = guesses_t.c
        conn.execute(
            sa.update(guesses_t)
            .where(g.gate == gate, g.client == client)
            .values(failures=failures, last_at=at, locked_until=until)
        )
    return failures, until


def _lockout(row: Row) -> Lockout:
    return Lockout(row.gate, row.client, row.failures, aware(row.first_at), aware(row.locked_until))


def _window_start(now: dt.datetime) -> dt.datetime:
    return naive_utc(now).replace(minute=0, second=0, microsecond=0)


def _bump(conn: Connection, action: str, bucket: str, start: dt.datetime) -> sa.Insert:
    """Add one to a bucket's count (made at 1 when missing), returning the new count."""
    insert = pg_dialect.insert if conn.dialect.name == "postgresql" else sqlite_dialect.insert
    r = rate_counts_t.c
    return (
        insert(rate_counts_t)
        .values(action=action, bucket=bucket, window_start=start, n=1)
        .on_conflict_do_update(index_elements=[r.action, r.bucket, r.window_start], set_={"n": r.n + 1})
        .returning(r.n)
    )
