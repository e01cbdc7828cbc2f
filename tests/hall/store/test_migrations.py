"""Migrations on SQLite and PostgreSQL: older databases are carried forward keeping every row,
newer ones are refused untouched, v6 renames the rooms that were stored by URL path, and v8
forgets searches that look like personal data."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
import sqlalchemy as sa

from hall.config import Mode
from hall.errors import StoreUnavailable
from hall.store import SCHEMA_VERSION, EventKind, Store, migrate, session_ref
from hall.store.migrations import MIGRATIONS
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
        # Rows written before likes and messages had references of their own keep the shared
        # one: still counted and shown; the sessions that wrote them are long gone.
        assert store.likes("h1") == 3
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


# ---------------------------------------------------------------- v6: rooms by key

# Written out here, as the migration writes it out: what versions up to 5 stored -> the key.
RENAMED = {
    "revolution": "era_revolution",
    "reform": "era_reform",
    "new-era": "era_new_era",
    "present": "presenter",
}
RAW_VIEWS = {"revolution": 3, "reform": 2, "new-era": 4, "present": 1, "craftsmen": 5}  # on RAW_DAY
SUMMED_VIEWS = {"revolution": 6, "reform": 2, "new-era": 1, "present": 7, "craftsmen": 2}  # on SUM_DAY
# Version 5 has recorded keys since the room registry came: the same day summed under the key too.
SUMMED_NEW = {"era_reform": 5}
SUM_DAY, THROUGH, RAW_DAY = dt.date(2025, 4, 20), dt.date(2025, 4, 28), dt.date(2025, 4, 30)


def _v5_database_with_old_room_names(conn: sa.Connection) -> None:
    migrate(conn, target=5)
    at = dt.datetime(2025, 4, 30, 3, 0)
    event = sa.text(
        "INSERT INTO events (created_at, day, kind, mode, room, honoree_id, query, results)"
        " VALUES (:t, :d, :kind, 'online', :room, :h, :q, :r)"
    )
    row = {"t": at, "d": RAW_DAY, "h": "", "q": "", "r": None}
    conn.execute(
        event,
        [row | {"kind": "room_view", "room": room} for room, n in RAW_VIEWS.items() for _ in range(n)]
        + [
            row | {"kind": "visit", "room": "present"},
            row | {"kind": "honoree_view", "room": "honoree", "h": "h1"},
            row | {"kind": "search", "room": "search", "q": "reform", "r": 0},  # a search text, not a room
        ],
    )
    day_sum = sa.text(
        "INSERT INTO event_days (kind, day, mode, subject, n, zero) VALUES (:kind, :d, 'online', :s, :n, :z)"
    )
    conn.execute(
        day_sum,
        [{"kind": "room_view", "d": SUM_DAY, "s": s, "n": n, "z": 0} for s, n in SUMMED_VIEWS.items()]
        + [{"kind": "room_view", "d": SUM_DAY, "s": s, "n": n, "z": 0} for s, n in SUMMED_NEW.items()]
        + [{"kind": "search", "d": SUM_DAY, "s": "reform", "n": 2, "z": 1}],
    )
    conn.execute(sa.text("UPDATE event_rollup SET through = :d"), {"d": THROUGH})
    screen = sa.text(
        "INSERT INTO screens (code, screen_ref, docent_ref, room, params, seq, expires_at)"
        " VALUES (:code, :ref, :docent, :room, '{}', 3, :exp)"
    )
    conn.execute(
        screen,
        [
            {"code": f"00000{i}", "ref": f"screen{i}", "docent": f"docent{i}", "room": room, "exp": at}
            for i, room in enumerate([*RENAMED, "home"])
        ],
    )


def _snapshot(conn: sa.Connection) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table but schema_version, in a fixed order."""
    tables = [t for t in METADATA.sorted_tables if t.name != "schema_version"]
    return {t.name: [tuple(r) for r in conn.execute(sa.select(t).order_by(*t.c))] for t in tables}


def test_v6_names_rooms_by_key_keeping_every_count(target: Target, clock: Clock) -> None:
    target.data_dir.mkdir(parents=True, exist_ok=True)
    engine = target.raw_engine()
    try:
        with engine.begin() as conn:
            _v5_database_with_old_room_names(conn)
            events_before = conn.execute(sa.text("SELECT count(*) FROM events")).scalar_one()
        store = target.open(clock=clock, tz=TZ)
        assert store.schema_version() == SCHEMA_VERSION  # migrated on first use
        with engine.connect() as conn:
            rooms = Counter(
                dict(conn.execute(sa.text("SELECT room, count(*) FROM events GROUP BY room")).all())
            )
            sums = {
                (kind, subject): (n, zero)
                for kind, subject, n, zero in conn.execute(
                    sa.text("SELECT kind, subject, sum(n), sum(zero) FROM event_days GROUP BY kind, subject")
                )
            }
            screens = dict(conn.execute(sa.text("SELECT code, room FROM screens")).all())
            query = conn.execute(sa.text("SELECT query FROM events WHERE kind = 'search'")).scalar_one()
            assert conn.execute(sa.text("SELECT count(*) FROM events")).scalar_one() == events_before
    finally:
        engine.dispose()

    expected_rooms = Counter({RENAMED.get(r, r): n for r, n in RAW_VIEWS.items()})
    expected_rooms.update({"presenter": 1, "honoree": 1, "search": 1})
    assert rooms == expected_rooms
    expected_sums = {("room_view", RENAMED.get(s, s)): (n, 0) for s, n in SUMMED_VIEWS.items()}
    expected_sums[("room_view", "era_reform")] = (SUMMED_VIEWS["reform"] + SUMMED_NEW["era_reform"], 0)
    assert sums == expected_sums | {("search", "reform"): (2, 1)}
    assert screens == {
        "000000": "era_revolution",
        "000001": "era_reform",
        "000002": "era_new_era",
        "000003": "presenter",
        "000004": "home",
    }
    assert query == "reform"

    views = {x.key: x.count for x in store.visit_stats(days=30).room_views}
    assert views == {
        RENAMED.get(r, r): RAW_VIEWS[r] + SUMMED_VIEWS[r] + SUMMED_NEW.get(RENAMED.get(r, r), 0)
        for r in RAW_VIEWS
    }


def test_migrating_again_changes_nothing(target: Target) -> None:
    target.data_dir.mkdir(parents=True, exist_ok=True)
    engine = target.raw_engine()
    try:
        with engine.begin() as conn:
            _v5_database_with_old_room_names(conn)
            assert migrate(conn) == 5
            migrated = _snapshot(conn)
            assert migrated["screens"]  # rows to compare, not an empty database
            assert migrate(conn) == SCHEMA_VERSION  # at the current version: nothing to do
            assert _snapshot(conn) == migrated
            MIGRATIONS[5](conn)  # v6 itself, run once more by hand
            assert _snapshot(conn) == migrated
    finally:
        engine.dispose()


# ---------------------------------------------------------------- v8: searches that look personal

# v8 follows v7 (rate limits, from another branch): found by name, its number is where it stands.
V8 = [m.__name__ for m in MIGRATIONS].index("_migrate_v8") + 1
DAY, OTHER_DAY = dt.date(2025, 4, 20), dt.date(2025, 4, 21)
RAW_SEARCHES = [("13900001234", 0), ("丁卫松", 3), ("zhang@example.com", 1), ("3306 8119 9001 0112 34", 0)]
SUMMED_SEARCHES = [  # (day, mode, subject, n, zero)
    (DAY, "online", "13900001234", 2, 1),
    (DAY, "online", "a@b.cn", 1, 0),
    (DAY, "online", "丁卫松", 4, 0),
    (DAY, "online", "", 3, 1),  # already empty (typed as spaces): the forgotten ones join it
    (OTHER_DAY, "kiosk", "330681199001011234", 5, 5),
    (OTHER_DAY, "kiosk", "0575", 1, 0),
]


def _database_with_personal_searches(conn: sa.Connection) -> None:
    migrate(conn, target=V8 - 1)
    conn.execute(
        sa.text(
            "INSERT INTO events (created_at, day, kind, mode, room, honoree_id, query, results)"
            " VALUES (:t, :d, :kind, 'online', :room, '', :q, :r)"
        ),
        [
            {
                "t": dt.datetime(2025, 4, 30, 3, 0),
                "d": RAW_DAY,
                "kind": "search",
                "room": "search",
                "q": q,
                "r": r,
            }
            for q, r in RAW_SEARCHES
        ]
        + [
            {
                "t": dt.datetime(2025, 4, 30, 3, 0),
                "d": RAW_DAY,
                "kind": "room_view",
                "room": "home",
                "q": "",
                "r": None,
            }
        ],
    )
    conn.execute(
        sa.text(
            "INSERT INTO event_days (kind, day, mode, subject, n, zero) VALUES ('search', :d, :m, :s, :n, :z)"
        ),
        [{"d": d, "m": m, "s": s, "n": n, "z": z} for d, m, s, n, z in SUMMED_SEARCHES],
    )


def test_v8_forgets_searches_that_look_personal_keeping_every_count(target: Target, clock: Clock) -> None:
    target.data_dir.mkdir(parents=True, exist_ok=True)
    engine = target.raw_engine()
    try:
        with engine.begin() as conn:
            _database_with_personal_searches(conn)
        store = target.open(clock=clock, tz=TZ)
        assert store.schema_version() == SCHEMA_VERSION  # migrated on first use
        with engine.connect() as conn:
            raw = conn.execute(sa.text("SELECT kind, query, results FROM events ORDER BY id")).all()
            sums = conn.execute(
                sa.text("SELECT day, mode, subject, n, zero FROM event_days ORDER BY day, mode, subject")
            ).all()
    finally:
        engine.dispose()
    assert [tuple(r) for r in raw] == [
        ("search", "", 0),
        ("search", "丁卫松", 3),
        ("search", "", 1),
        ("search", "", 0),
        ("room_view", "", None),
    ]
    assert [(str(day), *rest) for day, *rest in sums] == [  # SQLite gives the day as text
        (str(DAY), "online", "", 6, 2),
        (str(DAY), "online", "丁卫松", 4, 0),
        (str(OTHER_DAY), "kiosk", "", 5, 5),
        (str(OTHER_DAY), "kiosk", "0575", 1, 0),
    ]


def test_v8_again_changes_nothing(target: Target) -> None:
    target.data_dir.mkdir(parents=True, exist_ok=True)
    engine = target.raw_engine()
    try:
        with engine.begin() as conn:
            _database_with_personal_searches(conn)
            migrate(conn)
            migrated = _snapshot(conn)
            MIGRATIONS[V8 - 1](conn)
            assert _snapshot(conn) == migrated
    finally:
        engine.dispose()
