"""Likes on SQLite and PostgreSQL: one per session, ranked, counted exactly from eight processes."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path

import sqlalchemy as sa

from hall.store import Store
from tests.hall.store.conftest import Target


def test_one_like_per_session(store: Store) -> None:
    assert store.like("h1", "visitor-a") == 1
    assert store.like("h1", "visitor-a") == 1
    assert store.liked("h1", "visitor-a")
    assert not store.liked("h1", "visitor-b")
    assert store.like("h1", "visitor-b") == 2
    assert store.like("h2", "visitor-a") == 1
    assert store.unlike("h1", "visitor-a") == 1
    assert store.unlike("h1", "visitor-a") == 1
    assert not store.liked("h1", "visitor-a")
    assert store.likes("h1") == 1
    assert store.likes("nobody") == 0


def test_likes_ranked_and_counted_for_a_card_grid(store: Store) -> None:
    for i in range(3):
        store.like("h3", f"s{i}")
    for i in range(2):
        store.like("h1", f"s{i}")
        store.like("h2", f"s{i}")
    assert [(x.key, x.count) for x in store.top_liked(2)] == [("h3", 3), ("h1", 2)]
    assert store.like_counts(["h2", "h9", "h3", "h2"]) == {"h2": 2, "h9": 0, "h3": 3}
    assert store.like_counts([]) == {}


def test_the_session_key_itself_is_never_stored(target: Target, store: Store) -> None:
    store.like("h1", "secret-session-token")
    store.post_message("你好", session_key="secret-session-token")
    engine = target.raw_engine()
    try:
        with engine.connect() as conn:
            for table in ("likes", "messages"):
                rows = conn.execute(sa.text(f"SELECT * FROM {table}")).all()
                assert rows
                assert "secret-session-token" not in repr(rows)
    finally:
        engine.dispose()


PROCESSES = 8
LIKES_EACH = 500


def _like_many(url: str | None, data_dir: str, worker: int, start: threading.Barrier) -> int:
    store = Store.open(url, Path(data_dir), busy_timeout_s=60)
    start.wait()
    last = 0
    for i in range(LIKES_EACH):
        last = store.like("h-popular", f"w{worker}-s{i}")
    for i in range(0, LIKES_EACH, 10):  # the same sessions again: must not count twice
        store.like("h-popular", f"w{worker}-s{i}")
    store.close()
    return last


def test_likes_from_eight_processes_are_counted_exactly(target: Target, store: Store) -> None:
    assert store.likes("h-popular") == 0  # migrated before the race: the race is about likes
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Manager().Barrier(PROCESSES)
    with ctx.Pool(PROCESSES) as pool:
        args = [(target.url, str(target.data_dir), w, start) for w in range(PROCESSES)]
        lasts = pool.starmap(_like_many, args, chunksize=1)
    assert store.likes("h-popular") == PROCESSES * LIKES_EACH
    assert max(lasts) == PROCESSES * LIKES_EACH  # whoever finished last saw every like
    assert store.likes("h-other") == 0
    engine = target.raw_engine()
    try:
        with engine.connect() as conn:  # the kept total agrees with the likes themselves
            assert conn.execute(sa.text("SELECT count(*) FROM likes")).scalar_one() == PROCESSES * LIKES_EACH
    finally:
        engine.dispose()


def test_a_visits_likes_cannot_be_joined_to_its_messages(target: Target, store: Store) -> None:
    # Finding 10: likes and messages carried one session_ref, linking a visit's likes to its
    # signed message. Each now derives its own from the session.
    for visit in ("visit-1", "visit-2"):
        store.like("h1", visit)
        store.like("h2", visit)
        store.post_message("向劳模致敬", session_key=visit, honoree_id="h1", signature="老王")
    assert store.liked("h1", "visit-1")  # each table still knows its own session
    assert [m.awaiting_review for m in store.messages("h1", session_key="visit-1")] == [True]
    engine = target.raw_engine()
    try:
        with engine.connect() as conn:
            like_refs = set(conn.execute(sa.text("SELECT session_ref FROM likes")).scalars())
            message_refs = set(conn.execute(sa.text("SELECT session_ref FROM messages")).scalars())
    finally:
        engine.dispose()
    assert len(like_refs) == len(message_refs) == 2
    assert like_refs.isdisjoint(message_refs)
