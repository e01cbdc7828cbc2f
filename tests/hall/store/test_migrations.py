"""Migrations on SQLite and PostgreSQL: older databases are carried forward keeping every row,
newer ones are refused untouched."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from hall.config import Mode
from hall.errors import StoreUnavailable
from hall.store import SCHEMA_VERSION, EventKind, Store, migrate, session_ref
from hall.store.schema import METADATA
from tests.hall.store.conftest import TZ, Clock, Target, all_at_once


@pytest.mark.parametrize(
    "version", sorted({1, SCHEMA_VERSION - 1}), ids=lambda v: f"from_v{v}"
)  # the first schema, and the previous one
def test_older_schema_is_migrated_keeping_every_row(target: Target, clock: Clock, version: int) -> None:
    target.data_dir.mkdir(parents=True, exist_ok=True)
    engine = target.raw_engine()
    moment = dt.datetime(2025, 4, 30, 12, 0)
    try:
        with engine.begin() as conn:
            # Rows written in the first schema's shape, then carried by the real migrations up
            # to `version`: the database a hall running that version would have.
            migrate(conn, target=1)
            conn.execute(
                sa.text("INSERT INTO likes (honoree_id, session_ref, created_at) VALUES (:h, :s, :t)"),
                [{"h": "h1", "s": session_ref(f"old{i}"), "t": moment} for i in range(3)],
            )
            conn.execute(
                sa.text(
                    "INSERT INTO messages (honoree_id, text, signature, status, session_ref, created_at)"
                    " VALUES ('h1', '老留言 <b>', '老王', 'approved', :s, :t)"
                ),
                {"s": session_ref("old0"), "t": moment},
            )
            conn.execute(
                sa.text(
                    "INSERT INTO events (created_at, day, kind, mode, honoree_id)"
                    " VALUES (:t, :d, 'honoree_view', 'kiosk', 'h1')"
                ),
                [{"t": moment, "d": dt.date(2025, 4, 30)}] * 4,
            )
            migrate(conn, target=version)
        store = target.open(clock=clock, tz=TZ)
        assert store.schema_version() == SCHEMA_VERSION
        assert store.likes("h1") == 3
        assert store.liked("h1", "old2")
        assert [(m.text, m.signature) for m in store.messages("h1")] == [("老留言 <b>", "老王")]
        assert store.visit_stats(days=7).most_viewed[0].key == "h1"
        assert store.visit_stats(days=7).most_viewed[0].count == 4
        indexes = {i["name"] for i in sa.inspect(engine).get_indexes("events")}
        assert indexes == {i.name for i in METADATA.tables["events"].indexes}
    finally:
        engine.dispose()


def test_newer_schema_is_refused_and_left_untouched(target: Target, store: Store) -> None:
    assert store.like("h1", "s1") == 1
    engine = target.raw_engine()
    try:
        with engine.begin() as conn:
            conn.execute(
                sa.text("INSERT INTO schema_version (version, applied_at) VALUES (:v, :t)"),
                {"v": SCHEMA_VERSION + 1, "t": dt.datetime(2030, 1, 1)},
            )
        newer = target.open()
        with pytest.raises(StoreUnavailable, match="newer than this program"):
            newer.like("h1", "s2")
        with pytest.raises(StoreUnavailable):
            newer.likes("h1")
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM likes")).scalar_one() == 1
            versions = conn.execute(sa.text("SELECT version FROM schema_version ORDER BY version")).scalars()
            assert list(versions) == [*range(1, SCHEMA_VERSION + 1), SCHEMA_VERSION + 1]
    finally:
        engine.dispose()


def test_stores_starting_together_migrate_once(target: Target) -> None:
    stores = [target.open() for _ in range(6)]
    results = all_at_once(stores, lambda store: store.record(EventKind.VISIT, mode=Mode.ONLINE))
    assert [r for r in results if isinstance(r, BaseException)] == []
    assert stores[0].visit_stats().total_visits == len(stores)
    engine = target.raw_engine()
    try:
        with engine.connect() as conn:
            versions = conn.execute(sa.text("SELECT version FROM schema_version ORDER BY version")).scalars()
            assert list(versions) == list(range(1, SCHEMA_VERSION + 1))
    finally:
        engine.dispose()
