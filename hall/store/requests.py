"""Requests to correct or withdraw one honoree's record (PIPL), filed by a person or their
family; the contact they leave is forgotten when a curator closes the request."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa

from hall.errors import StoreUnavailable
from hall.store.engine import Engine
from hall.store.guestbook import check_message
from hall.store.schema import change_requests_t
from hall.store.values import aware, check_id, naive_utc

log = logging.getLogger(__name__)

KINDS = ("correction", "withdrawal")


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


class RequestStore(Engine):
    """The store's correction and withdrawal requests."""

    def request_change(self, honoree_id: str, kind: str, details: str, contact: str = "") -> int:
        """File a request to correct or withdraw a record; returns its number.

        Raises:
            MessageRefused: the details are empty, too long or hold control characters.
            StoreUnavailable: the request cannot be saved now.
            ValueError: an unknown kind or an over-long honoree id.
        """
        if kind not in KINDS:
            raise ValueError(f"unknown request kind {kind!r}")
        details, contact = check_message(details, contact)
        with self.transaction(write=True) as conn:
            return conn.execute(
                sa.insert(change_requests_t)
                .values(
                    honoree_id=check_id(honoree_id, "honoree_id"),
                    kind=kind,
                    details=details,
                    contact=contact,
                    created_at=naive_utc(self.now()),
                )
                .returning(change_requests_t.c.id)
            ).scalar_one()

    def change_requests(
        self, *, open_only: bool = True, limit: int = 200, offset: int = 0
    ) -> list[ChangeRequest]:
        """Requests, oldest first; `offset` skips that many (a page of `request_count()`).

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        c = change_requests_t.c
        query = sa.select(change_requests_t).order_by(c.id).limit(limit).offset(max(0, offset))
        if open_only:
            query = query.where(c.status == "open")
        with self.transaction(write=False) as conn:
            rows = conn.execute(query).all()
        return [
            ChangeRequest(
                r.id, r.honoree_id, r.kind, r.details, aware(r.created_at), r.contact, r.status == "open"
            )
            for r in rows
        ]

    def request_count(self, *, open_only: bool = True) -> int:
        """How many requests there are (open ones only, by default).

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        query = sa.select(sa.func.count()).select_from(change_requests_t)
        if open_only:
            query = query.where(change_requests_t.c.status == "open")
        with self.transaction(write=False) as conn:
            return conn.execute(query).scalar_one()

    def close_requests(self, ids: Iterable[int]) -> int:
        """Mark open requests handled and forget their requesters' contacts (they were only for the
        reply), also from the database's files; how many were closed.

        Raises:
            StoreUnavailable: the store cannot be written now (nothing was closed).
        """
        wanted = sorted({int(i) for i in ids})
        closed = 0
        with self.transaction(write=True) as conn:
            for start in range(0, len(wanted), 500):  # stay under SQLite's bound-parameter limit
                closed += conn.execute(
                    sa.update(change_requests_t)
                    .where(
                        change_requests_t.c.id.in_(wanted[start : start + 500]),
                        change_requests_t.c.status == "open",
                    )
                    .values(status="closed", contact="", closed_at=naive_utc(self.now()))
                ).rowcount
        if closed:
            self._erase_old_versions()
        return closed

    def _erase_old_versions(self) -> None:
        """Make the contacts just forgotten unreadable from the database's files.

        An UPDATE leaves the old row behind for a while: SQLite keeps it in the write-ahead log
        until a checkpoint (secure_delete, set on every connection, zeroes it in the main file),
        PostgreSQL in the table's file as a dead tuple until VACUUM. Neither step can run inside
        a transaction. Failing here is logged, not raised: the requests are closed and the
        contacts gone from every query; the next close, or autovacuum, tries again.
        """
        if self.backend == "sqlite":
            statement = "PRAGMA wal_checkpoint(TRUNCATE)"
        else:
            statement = f"VACUUM {change_requests_t.name}"
        try:
            with self.transaction(write=True, single=True) as conn:
                result = conn.exec_driver_sql(statement)
                busy = result.first()[0] if result.returns_rows else 0
        except StoreUnavailable as exc:
            log.warning("closed requests' old rows not erased yet (%s): %s", statement, exc)
            return
        if busy:  # a reader in another process still needs the old pages
            log.warning("closed requests' old rows not erased yet: a reader blocked the WAL checkpoint")
