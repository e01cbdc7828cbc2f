"""Likes (致敬): one per session and honoree, counted exactly under any concurrency."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import Connection

from hall.store.engine import Engine
from hall.store.schema import like_totals_t, likes_t
from hall.store.values import Tally, check_id, naive_utc, session_ref

# Likes keep their own reference for a session: never the one its messages carry.
LIKES_REF = "likes"


class LikeStore(Engine):
    """The store's likes."""

    def like(self, honoree_id: str, session_key: str) -> int:
        """Count this session's like of an honoree (once, however often it asks); the new total.

        Raises:
            StoreUnavailable: the like cannot be saved now.
            ValueError: an empty or over-long id or session key.
        """
        check_id(honoree_id, "honoree_id")
        ref = session_ref(session_key, LIKES_REF)
        values = {"honoree_id": honoree_id, "session_ref": ref, "created_at": naive_utc(self.now())}
        if self.backend == "postgresql":
            with self.transaction(write=True, single=True) as conn:
                return conn.execute(_pg_like(values)).scalar_one()
        with self.transaction(write=True) as conn:
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
        check_id(honoree_id, "honoree_id")
        ref = session_ref(session_key, LIKES_REF)
        with self.transaction(write=True) as conn:
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
        with self.transaction(write=False) as conn:
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
        with self.transaction(write=False) as conn:
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
        ref = session_ref(session_key, LIKES_REF)
        with self.transaction(write=False) as conn:
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
        with self.transaction(write=False) as conn:
            return top_likes(conn, n)


def top_likes(conn: Connection, n: int) -> tuple[Tally, ...]:
    """The n most liked honoree ids, most first (ties by id), inside the caller's transaction."""
    t = like_totals_t.c
    rows = conn.execute(
        sa.select(t.honoree_id, t.likes).where(t.likes > 0).order_by(t.likes.desc(), t.honoree_id).limit(n)
    )
    return tuple(Tally(hid, c) for hid, c in rows)


def total_likes(conn: Connection) -> int:
    """Every like of every honoree, inside the caller's transaction."""
    return int(conn.execute(sa.select(sa.func.coalesce(sa.func.sum(like_totals_t.c.likes), 0))).scalar_one())


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
