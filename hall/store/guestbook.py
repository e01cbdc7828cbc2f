"""The moderated guestbook: visitors' messages (pending until a curator approves), the checks a
message passes, moderation, and the curators' CSV export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hall.csvsafe import csv_bytes
from hall.errors import MessageRefused
from hall.store.engine import Engine
from hall.store.schema import MAX_SIGNATURE, messages_t
from hall.store.values import (
    ALLOWED_CONTROLS,
    aware,
    check_id,
    is_refused_char,
    iso,
    naive_utc,
    session_ref,
)

MAX_TEXT = 500
RATE_LIMIT = 3  # messages per session ...
RATE_WINDOW = dt.timedelta(minutes=10)  # ... in this window
# Messages keep their own reference for a session: never the one its likes carry.
MESSAGES_REF = "messages"


class MessageStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


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
    if any(is_refused_char(ch) for ch in text) or any(
        is_refused_char(ch) or ch in ALLOWED_CONTROLS for ch in signature
    ):
        raise MessageRefused("control_chars")
    return text, signature


class GuestbookStore(Engine):
    """The store's guestbook."""

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
        target = "" if honoree_id is None else check_id(honoree_id, "honoree_id")
        ref = session_ref(session_key, MESSAGES_REF)
        now = self.now()
        with self.transaction(write=True) as conn:
            if conn.dialect.name == "postgresql":
                # SQLite's write transaction already excludes other writers; here two
                # concurrent posts from one session must not both pass the rate check.
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(hashtextextended(:ref, 0))"), {"ref": ref})
            recent = conn.execute(
                sa.select(messages_t.c.text, messages_t.c.honoree_id).where(
                    messages_t.c.session_ref == ref,
                    messages_t.c.created_at >= naive_utc(now - RATE_WINDOW),
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
                    created_at=naive_utc(now),
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
                messages_t.c.session_ref == session_ref(session_key, MESSAGES_REF),
            )
            visible = sa.or_(visible, mine)
        query = sa.select(messages_t).where(visible)
        if not everywhere:
            query = query.where(messages_t.c.honoree_id == (honoree_id or ""))
        query = query.order_by(messages_t.c.id.desc()).limit(limit)
        with self.transaction(write=False) as conn:
            return [_message(row) for row in conn.execute(query)]

    def pending(self, limit: int = 100, offset: int = 0) -> list[Message]:
        """The moderation queue: pending messages, oldest first; `offset` skips that many (a page
        of the queue, whose length is `pending_count()`).

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        query = (
            sa.select(messages_t)
            .where(messages_t.c.status == MessageStatus.PENDING.value)
            .order_by(messages_t.c.id)
            .limit(limit)
            .offset(max(0, offset))
        )
        with self.transaction(write=False) as conn:
            return [_message(row) for row in conn.execute(query)]

    def pending_count(self) -> int:
        """How many messages wait for a curator.

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        with self.transaction(write=False) as conn:
            return count_pending(conn)

    def moderate(self, ids: Iterable[int], approve: bool) -> int:
        """Approve or reject messages in bulk (a decision can be changed later); how many changed.

        Raises:
            StoreUnavailable: the decision cannot be saved now.
        """
        wanted = sorted({int(i) for i in ids})
        status = (MessageStatus.APPROVED if approve else MessageStatus.REJECTED).value
        changed = 0
        with self.transaction(write=True) as conn:
            for start in range(0, len(wanted), 500):
                result = conn.execute(
                    sa.update(messages_t)
                    .where(messages_t.c.id.in_(wanted[start : start + 500]), messages_t.c.status != status)
                    .values(status=status, moderated_at=naive_utc(self.now()))
                )
                changed += result.rowcount
        return changed

    def message(self, message_id: int) -> Message | None:
        """One message whatever its status (for curators), or None.

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        with self.transaction(write=False) as conn:
            row = conn.execute(sa.select(messages_t).where(messages_t.c.id == message_id)).first()
        return None if row is None else _message(row)

    def export_messages_csv(self) -> bytes:
        """Every message (no session data) as CSV: UTF-8 with BOM, formula-looking cells quoted.

        Raises:
            StoreUnavailable: the store cannot be read now.
        """
        header = ("id", "created_at", "honoree_id", "status", "moderated_at", "signature", "text")
        with self.transaction(write=False) as conn:
            rows = conn.execute(sa.select(messages_t).order_by(messages_t.c.id)).all()
        return csv_bytes(
            header,
            (
                (
                    r.id,
                    iso(r.created_at),
                    r.honoree_id,
                    r.status,
                    iso(r.moderated_at),
                    r.signature,
                    r.text,
                )
                for r in rows
            ),
        )


def count_pending(conn: Connection) -> int:
    """How many messages wait for a curator, inside the caller's transaction."""
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
        created_at=aware(row.created_at),  # type: ignore[arg-type]
        moderated_at=aware(row.moderated_at),
    )
