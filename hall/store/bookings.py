"""Group visits to the hall or a studio in a time slot, and requests for a talk: each with a
reference the requester keeps and a status curators set. A slot never takes more people than its
capacity, under any concurrency, on SQLite and PostgreSQL; a requester's contact is deleted a set
number of days after the date asked for."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
from dataclasses import dataclass
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import Connection, Row

from hall.csvsafe import csv_bytes
from hall.errors import BookingRefused, StoreUnavailable
from hall.store.engine import Engine
from hall.store.schema import MAX_CONTACT, booking_slots_t, bookings_t
from hall.store.values import aware, check_id, is_refused_char, naive_utc

log = logging.getLogger(__name__)

REF_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud over a phone
REF_LENGTH = 8  # 31**8: a reference cannot be guessed to read someone else's status


class BookingKind(StrEnum):
    VISIT = "visit"
    TALK = "talk"


class BookingStatus(StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    DECLINED = "declined"


@dataclass(frozen=True, slots=True)
class Booking:
    """A group visit or a talk request as stored; `contact` is "" once deleted."""

    id: int
    ref: str
    kind: BookingKind
    target: str  # "hall" or a studio id (visits)
    day: dt.date
    slot: str
    people: int
    group: str
    status: BookingStatus
    created_at: dt.datetime
    contact_until: dt.date
    setting: str = ""
    topic: str = ""
    speaker_id: str = ""
    assigned_id: str = ""
    contact: str = ""


def _clean(value: str) -> str:
    if any(is_refused_char(ch) for ch in value):
        raise BookingRefused("text")
    return value


def _dedupe(*parts: object) -> str:
    """The same request twice has the same key (names and contacts compared without spaces or case)."""
    text = "\x1f".join("".join(str(p).split()).casefold() for p in parts)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _insert_ignore(conn: Connection, table: sa.Table, **values: object) -> bool:
    """INSERT … ON CONFLICT DO NOTHING on either database; whether the row was inserted (asked
    with RETURNING: psycopg's rowcount is -1 when SQLAlchemy adds a RETURNING of its own)."""
    dialect = pg_dialect if conn.dialect.name == "postgresql" else sqlite_dialect
    key = next(iter(table.primary_key.columns))
    insert = dialect.insert(table).values(**values).on_conflict_do_nothing().returning(key)
    return conn.execute(insert).first() is not None


def _booking(r: Row) -> Booking:
    return Booking(
        r.id,
        r.ref,
        BookingKind(r.kind),
        r.target,
        r.day,
        r.slot,
        r.people,
        r.group_name,
        BookingStatus(r.status),
        aware(r.created_at),
        r.contact_until,
        r.setting,
        r.topic,
        r.speaker_id,
        r.assigned_id,
        r.contact,
    )


class BookingStore(Engine):
    """The store's group visits and talk requests."""

    def book_visit(
        self,
        *,
        target: str,
        day: dt.date,
        slot: str,
        people: int,
        group: str,
        contact: str,
        capacity: int,
        contact_until: dt.date,
    ) -> Booking:
        """Book `people` places in one slot of the hall or a studio, all or none.

        The caller has checked the rules (hall.activities.check_visit): this counts the places,
        atomically — the slot's count rises only by an UPDATE whose own WHERE checks the capacity.

        Raises:
            BookingRefused: "full" (params: left) when fewer places are left; "duplicate" when the
                same group asked for the same slot already; "text" for control characters.
            StoreUnavailable: the booking cannot be saved now (nothing was).
            ValueError: an over-long target id, or a group of no one.
        """
        if people < 1:
            raise ValueError("a group of no one")
        target = check_id(target, "target")
        group, contact = _clean(group), _clean(contact)[:MAX_CONTACT]
        with self.transaction(write=True) as conn:
            forgotten = self._forget(conn)  # contacts whose day has come go in the same transaction
            s = booking_slots_t.c
            _insert_ignore(conn, booking_slots_t, target=target, day=day, slot=slot, taken=0)
            here = sa.and_(s.target == target, s.day == day, s.slot == slot)
            raised = conn.execute(
                sa.update(booking_slots_t)
                .where(here, s.taken + people <= capacity)
                .values(taken=s.taken + people)
            ).rowcount
            if raised != 1:
                taken = conn.execute(sa.select(s.taken).where(here)).scalar_one()
                raise BookingRefused("full", left=max(0, capacity - taken))
            booking = self._insert(
                conn,
                kind=BookingKind.VISIT,
                target=target,
                day=day,
                slot=slot,
                people=people,
                group_name=group,
                contact=contact,
                contact_until=contact_until,
                dedupe=_dedupe("visit", target, day, slot, group, contact),
            )
        if forgotten:
            self._erase_forgotten()
        return booking

    def request_talk(
        self,
        *,
        day: dt.date,
        group: str,
        setting: str,
        topic: str,
        speaker_id: str,
        audience: int,
        contact: str,
        contact_until: dt.date,
    ) -> Booking:
        """Ask for a talk (a speaker, or "" for any) on `day`; curators confirm and assign.

        Raises:
            BookingRefused: "duplicate" when the same request was made already; "text" for
                control characters.
            StoreUnavailable: the request cannot be saved now (nothing was).
            ValueError: an over-long speaker id.
        """
        speaker_id = check_id(speaker_id, "speaker_id") if speaker_id else ""
        group, topic, contact = _clean(group), _clean(topic), _clean(contact)[:MAX_CONTACT]
        with self.transaction(write=True) as conn:
            forgotten = self._forget(conn)
            booking = self._insert(
                conn,
                kind=BookingKind.TALK,
                target="",
                day=day,
                slot="",
                people=audience,
                group_name=group,
                setting=setting[:12],
                topic=topic,
                speaker_id=speaker_id,
                contact=contact,
                contact_until=contact_until,
                dedupe=_dedupe("talk", day, group, topic, speaker_id, contact),
            )
        if forgotten:
            self._erase_forgotten()
        return booking

    def _insert(self, conn: Connection, **values: object) -> Booking:
        values.update(ref=new_ref(), status=BookingStatus.PENDING.value, created_at=naive_utc(self.now()))
        if not _insert_ignore(conn, bookings_t, **values):
            # Raised inside the transaction: the places just counted are given back by its rollback.
            raise BookingRefused("duplicate")
        row = conn.execute(sa.select(bookings_t).where(bookings_t.c.ref == values["ref"])).one()
        return _booking(row)

    def booking(self, ref: str) -> Booking | None:
        """The booking or request with this reference (any case, spaces ignored), or None.

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        ref = "".join(ref.split()).upper()[: REF_LENGTH + 4]
        if not ref:
            return None
        with self.transaction(write=False) as conn:
            row = conn.execute(sa.select(bookings_t).where(bookings_t.c.ref == ref)).first()
        return _booking(row) if row else None

    def bookings(
        self,
        *,
        day: dt.date | None = None,
        status: BookingStatus | None = None,
        limit: int = 500,
        offset: int = 0,
    ) -> list[Booking]:
        """Bookings and requests, by day and slot: of one day, of one status, or all.

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        c = bookings_t.c
        query = sa.select(bookings_t).order_by(c.day, c.slot, c.id).limit(limit).offset(max(0, offset))
        if day is not None:
            query = query.where(c.day == day)
        if status is not None:
            query = query.where(c.status == status.value)
        with self.transaction(write=False) as conn:
            return [_booking(r) for r in conn.execute(query)]

    def places_taken(self, target: str, day: dt.date) -> dict[str, int]:
        """Places taken in each slot of `target` on `day` (slots nobody booked are absent).

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        s = booking_slots_t.c
        with self.transaction(write=False) as conn:
            rows = conn.execute(sa.select(s.slot, s.taken).where(s.target == target, s.day == day))
            return {r.slot: r.taken for r in rows}

    def decide(self, ref: str, status: BookingStatus, *, assigned_id: str = "") -> Booking | None:
        """Confirm or decline a booking, or assign a talk's speaker (with status PENDING or
        CONFIRMED); a declined visit gives its places back. None when there is no such booking.

        Raises:
            StoreUnavailable: the store cannot be written now (nothing changed).
            ValueError: an over-long speaker id.
        """
        assigned_id = check_id(assigned_id, "assigned_id") if assigned_id else ""
        c = bookings_t.c
        with self.transaction(write=True) as conn:
            row = conn.execute(sa.select(bookings_t).where(c.ref == ref)).first()
            if row is None:
                return None
            values: dict[str, object] = {"status": status.value, "decided_at": naive_utc(self.now())}
            if assigned_id:
                values["assigned_id"] = assigned_id
            if status is BookingStatus.DECLINED:
                values["dedupe"] = f"declined:{row.ref}"  # the group may ask again
                if row.kind == BookingKind.VISIT and row.status != BookingStatus.DECLINED:
                    s = booking_slots_t.c
                    conn.execute(
                        sa.update(booking_slots_t)
                        .where(s.target == row.target, s.day == row.day, s.slot == row.slot)
                        .values(taken=s.taken - row.people)
                    )
            elif row.status == BookingStatus.DECLINED:
                return _booking(row)  # a declined visit's places may be gone: it cannot come back
            conn.execute(sa.update(bookings_t).where(c.id == row.id).values(**values))
            return _booking(conn.execute(sa.select(bookings_t).where(c.id == row.id)).one())

    def forget_contacts(self) -> int:
        """Delete every contact whose date to be deleted has come (also from the database's
        files); how many were deleted.

        Raises:
            StoreUnavailable: the store cannot be written now.
        """
        with self.transaction(write=True) as conn:
            forgotten = self._forget(conn)
        if forgotten:
            self._erase_forgotten()
        return forgotten

    def _forget(self, conn: Connection) -> int:
        c = bookings_t.c
        due = sa.and_(c.contact != "", c.contact_until < self.today())
        # The duplicate check's key was made from the contact too: it goes with it.
        return conn.execute(
            sa.update(bookings_t).where(due).values(contact="", dedupe=sa.literal("forgot:") + c.ref)
        ).rowcount

    def _erase_forgotten(self) -> None:
        """As for closed change requests: checkpoint SQLite's log (secure_delete zeroes the main
        file), VACUUM the table on PostgreSQL; logged, not raised, when it cannot run now."""
        statement = (
            "PRAGMA wal_checkpoint(TRUNCATE)" if self.backend == "sqlite" else f"VACUUM {bookings_t.name}"
        )
        try:
            with self.transaction(write=True, single=True) as conn:
                conn.exec_driver_sql(statement)
        except StoreUnavailable as exc:
            log.warning("forgotten contacts' old rows not erased yet (%s): %s", statement, exc)

    def export_day_csv(self, day: dt.date, names: dict[str, str]) -> bytes:
        """A day's visits and talks (not the declined ones) for the front desk, as spreadsheet-safe
        CSV for Excel; `names` turns place and speaker ids into names.

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        header = ("slot", "kind", "place", "group", "people", "status", "topic", "speaker", "contact", "ref")
        rows = []
        for b in self.bookings(day=day):
            if b.status is not BookingStatus.DECLINED:
                speaker = b.assigned_id or b.speaker_id
                place = names.get(b.target, b.target)
                rows.append(
                    (
                        b.slot,
                        b.kind.value,
                        place,
                        b.group,
                        b.people,
                        b.status.value,
                        b.topic,
                        names.get(speaker, speaker),
                        b.contact,
                        b.ref,
                    )
                )
        return csv_bytes(header, rows)


def new_ref() -> str:
    return "".join(secrets.choice(REF_LETTERS) for _ in range(REF_LENGTH))
