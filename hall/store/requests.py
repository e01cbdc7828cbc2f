"""Requests to correct or withdraw one honoree's record (PIPL), filed by a person or their
family; the contact they leave is forgotten when a curator closes the request."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from hall.store.engine import Engine
from hall.store.guestbook import check_message
from hall.store.schema import change_requests_t
from hall.store.values import aware, check_id, naive_utc

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

    def change_requests(self, *, open_only: bool = True, limit: int = 200) -> list[ChangeRequest]:
        """Requests, oldest first.

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        query = sa.select(change_requests_t).order_by(change_requests_t.c.id).limit(limit)
        if open_only:
            query = query.where(change_requests_t.c.status == "open")
        with self.transaction(write=False) as conn:
            rows = conn.execute(query).all()
        return [
            ChangeRequest(
                r.id, r.honoree_id, r.kind, r.details, aware(r.created_at), r.contact, r.status == "open"
            )
            for r in rows
        ]

    def close_request(self, request_id: int) -> None:
        """Mark a request handled and forget the requester's contact (it was only for the reply).

        Raises:
            StoreUnavailable: the store cannot be written now.
        """
        with self.transaction(write=True) as conn:
            conn.execute(
                sa.update(change_requests_t)
                .where(change_requests_t.c.id == int(request_id))
                .values(status="closed", contact="", closed_at=naive_utc(self.now()))
            )
