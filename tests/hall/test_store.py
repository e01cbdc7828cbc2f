"""The store on SQLite and PostgreSQL: migrations, exact likes, the guestbook, figures, outages."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import multiprocessing
import os
import random
import re
import shutil
import socket
import sqlite3
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from hall.config import Mode, Settings
from hall.errors import HallError, MessageRefused, StoreUnavailable
from hall.labels import LABELS, t
from hall.store import (
    MAX_QUERY,
    MAX_SIGNATURE,
    MAX_TEXT,
    METADATA,
    RATE_LIMIT,
    RATE_WINDOW,
    ROLLUP_GRACE,
    SCHEMA_VERSION,
    EventKind,
    MessageStatus,
    Store,
    compute_figures,
    migrate,
    session_ref,
)
from hall.ui.text import plain
from tests.hall.conftest import Target
from tests.support.pgcluster import free_port

T0 = dt.datetime(2025, 5, 1, 2, 0, tzinfo=dt.UTC)
TZ = dt.timezone(dt.timedelta(hours=8))  # figures count calendar days in the hall's zone


class Clock:
    """A settable clock: rate limits and day-by-day figures without sleeping."""

    def __init__(self, start: dt.datetime = T0) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(target: Target, clock: Clock) -> Store:
    return target.open(clock=clock, tz=TZ)


def _raw_engine(target: Target) -> sa.Engine:
    url = target.url or f"sqlite:///{target.data_dir / 'hall.sqlite'}"
    return sa.create_engine(url)


# ---------------------------------------------------------------- migrations


def test_empty_database_gets_the_current_schema(target: Target, store: Store) -> None:
    assert store.schema_version() == SCHEMA_VERSION
    engine = _raw_engine(target)
    try:
        inspector = sa.inspect(engine)
        assert set(inspector.get_table_names()) == set(METADATA.tables)
        for table in METADATA.tables.values():
            columns = {c["name"] for c in inspector.get_columns(table.name)}
            assert columns == set(table.c.keys()), table.name
            # PostgreSQL lists the index behind a UNIQUE constraint too; only declared ones count.
            found = inspector.get_indexes(table.name)
            indexes = {i["name"] for i in found if not i.get("duplicates_constraint")}
            assert indexes == {i.name for i in table.indexes}, table.name
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "version", sorted({1, SCHEMA_VERSION - 1}), ids=lambda v: f"from_v{v}"
)  # the first schema, and the previous one
def test_older_schema_is_migrated_keeping_every_row(target: Target, clock: Clock, version: int) -> None:
    target.data_dir.mkdir(parents=True, exist_ok=True)
    engine = _raw_engine(target)
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
        assert store.figures(days=7).most_viewed[0].key == "h1"
        assert store.figures(days=7).most_viewed[0].count == 4
        indexes = {i["name"] for i in sa.inspect(engine).get_indexes("events")}
        assert indexes == {i.name for i in METADATA.tables["events"].indexes}
    finally:
        engine.dispose()


def test_newer_schema_is_refused_and_left_untouched(target: Target, store: Store) -> None:
    assert store.like("h1", "s1") == 1
    engine = _raw_engine(target)
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


def _all_at_once(stores: list[Store], call: Callable[[Store], object]) -> list[object]:
    """`call` on every store in threads released together: each result, or what it raised."""
    start = threading.Barrier(len(stores))
    results: list[object] = []

    def run(store: Store) -> None:
        start.wait()
        try:
            results.append(call(store))
        except BaseException as exc:
            results.append(exc)

    threads = [threading.Thread(target=run, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(results) == len(stores), results
    return results


def test_stores_starting_together_migrate_once(target: Target) -> None:
    stores = [target.open() for _ in range(6)]
    results = _all_at_once(stores, lambda store: store.record(EventKind.VISIT, mode=Mode.ONLINE))
    assert [r for r in results if isinstance(r, BaseException)] == []
    assert stores[0].figures().total_visits == len(stores)
    engine = _raw_engine(target)
    try:
        with engine.connect() as conn:
            versions = conn.execute(sa.text("SELECT version FROM schema_version ORDER BY version")).scalars()
            assert list(versions) == list(range(1, SCHEMA_VERSION + 1))
    finally:
        engine.dispose()


def test_sqlite_store_uses_wal_in_a_folder_it_creates(tmp_path: Path) -> None:
    data = tmp_path / "not" / "yet" / "there"
    store = Store.open(None, data)
    assert store.like("h1", "s1") == 1
    with contextlib.closing(sqlite3.connect(data / "hall.sqlite")) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


# ---------------------------------------------------------------- likes


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
    engine = _raw_engine(target)
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
    engine = _raw_engine(target)
    try:
        with engine.connect() as conn:  # the kept total agrees with the likes themselves
            assert conn.execute(sa.text("SELECT count(*) FROM likes")).scalar_one() == PROCESSES * LIKES_EACH
    finally:
        engine.dispose()


# ---------------------------------------------------------------- guestbook

HOSTILE = {
    "script": "<script>alert('x')</script>",
    "html_attr": '<img src=x onerror="alert(document.cookie)">',
    "md_link": "[点我领奖](javascript:alert(1)) 和 [link](http://evil.example)",
    "md_image": "![x](http://evil.example/track.png)",
    "md_blocks": "# 标题\n> 引用\n- 列表\n**粗体** _斜体_ `代码` ~~删~~",
    "streamlit_directives": ":red[红字] :material/home: $x^2$ $$\\int$$",
    "sql_drop": "'); DROP TABLE messages; --",
    "sql_quote": "Robert'); DELETE FROM likes WHERE ('1'='1",
    "formula": '=HYPERLINK("http://evil.example","点我")',
    "entities": "&lt;b&gt; &amp; \\*not bold\\* \\",
    "newlines_tabs": "第一行\n第二行\t制表",
    "emoji_zwj": "致敬 👩‍🔧👨‍🏭",
    "longest": "工" * MAX_TEXT,
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_message_is_stored_verbatim(store: Store, text: str) -> None:
    posted = store.post_message(text, session_key="author", signature="<i>王</i>", honoree_id="h1")
    assert posted.text == text
    store.moderate([posted.id], approve=True)
    (seen,) = store.messages("h1", session_key="someone-else")
    assert (seen.text, seen.signature) == (text, "<i>王</i>")
    rows = list(csv.DictReader(io.StringIO(store.export_messages_csv().decode("utf-8-sig"))))
    exported = rows[0]["text"]
    assert exported == ("'" + text if text.startswith("=") else text)


def _unescaped(rendered: str, ch: str) -> list[int]:
    """Positions of `ch` not preceded by an odd run of backslashes."""
    found = []
    for match in re.finditer(re.escape(ch), rendered):
        run = len(rendered[: match.start()]) - len(rendered[: match.start()].rstrip("\\"))
        if run % 2 == 0:
            found.append(match.start())
    return found


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_message_renders_inert(text: str) -> None:
    rendered = plain(text)
    for ch in "<>[]()`*_#!:$=&~|":
        assert _unescaped(rendered, ch) == [], f"unescaped {ch!r} in {rendered!r}"
    # Escaping loses nothing: the visitor reads exactly what was typed.
    assert re.sub(r"\\(.)", r"\1", rendered, flags=re.S) == text


REFUSED = {
    "empty": ("", "", "empty"),
    "blank": (" \n\t ", "", "empty"),
    "over_limit": ("字" * (MAX_TEXT + 1), "", "too_long"),
    "ten_thousand": ("<b>" + "x" * 9_997, "", "too_long"),
    "nul": ("a\x00b", "", "control_chars"),
    "escape_sequence": ("\x1b[31m红色", "", "control_chars"),
    "carriage_return": ("一\r二", "", "control_chars"),
    "delete": ("a\x7fb", "", "control_chars"),
    "c1_control": ("a\x85b", "", "control_chars"),
    "bidi_override": ("abc\u202edcba", "", "control_chars"),
    "lone_surrogate": ("a\ud800b", "", "control_chars"),
    "signature_long": ("好", "名" * (MAX_SIGNATURE + 1), "signature_too_long"),
    "signature_newline": ("好", "王\n李", "control_chars"),
}


@pytest.mark.parametrize(("text", "signature", "reason"), REFUSED.values(), ids=REFUSED.keys())
def test_refused_message_says_why_and_stores_nothing(
    store: Store, text: str, signature: str, reason: str
) -> None:
    with pytest.raises(MessageRefused) as refused:
        store.post_message(text, session_key="s1", signature=signature)
    assert refused.value.reason == reason
    assert t(refused.value.label_key, "zh", **refused.value.params)
    assert store.pending_count() == 0
    assert store.messages(session_key="s1", everywhere=True) == []


@pytest.mark.parametrize(
    ("reason", "params"),
    [
        ("empty", {}),
        ("too_long", {"limit": MAX_TEXT, "length": 501}),
        ("signature_too_long", {"limit": MAX_SIGNATURE}),
        ("control_chars", {}),
        ("duplicate", {}),
        ("rate_limited", {"limit": RATE_LIMIT, "minutes": 10}),
    ],
)
def test_every_refusal_has_a_label_in_both_languages(reason: str, params: dict[str, int]) -> None:
    refused = MessageRefused(reason, **params)
    assert refused.label_key in LABELS
    for lang in ("zh", "en"):
        text = t(refused.label_key, lang, **params)
        assert "{" not in text
        for value in params.values():
            assert str(value) in text


def test_surrounding_whitespace_is_trimmed(store: Store) -> None:
    posted = store.post_message("  你好\n  ", session_key="s1", signature=" 老李 ")
    assert (posted.text, posted.signature) == ("你好", "老李")


def test_rate_limit_is_per_session(store: Store, clock: Clock) -> None:
    for i in range(RATE_LIMIT):
        store.post_message(f"第{i}条", session_key="busy")
        clock.advance(seconds=30)
    with pytest.raises(MessageRefused) as refused:
        store.post_message("再来一条", session_key="busy")
    assert refused.value.reason == "rate_limited"
    assert refused.value.params == {"limit": RATE_LIMIT, "minutes": RATE_WINDOW.seconds // 60}
    store.post_message("别人的留言", session_key="calm")
    clock.advance(seconds=RATE_WINDOW.total_seconds())
    store.post_message("过一会儿再来", session_key="busy")
    assert store.pending_count() == RATE_LIMIT + 2


def test_the_same_message_twice_is_refused(store: Store) -> None:
    store.post_message("向劳模致敬", session_key="s1", honoree_id="h1")
    with pytest.raises(MessageRefused) as refused:
        store.post_message("  向劳模致敬 ", session_key="s1", honoree_id="h1")
    assert refused.value.reason == "duplicate"
    store.post_message("向劳模致敬", session_key="s1", honoree_id="h2")  # another person: fine


def test_pending_message_is_seen_only_by_its_author(store: Store) -> None:
    mine = store.post_message("待审核的留言", session_key="author", honoree_id="h1")
    to_hall = store.post_message("给展馆的留言", session_key="author")
    assert mine.awaiting_review
    assert [m.id for m in store.messages("h1", session_key="author")] == [mine.id]
    assert store.messages("h1", session_key="author")[0].awaiting_review
    assert [m.id for m in store.messages(session_key="author")] == [to_hall.id]
    for other in ("someone-else", None):
        assert store.messages("h1", session_key=other) == []
        assert store.messages(session_key=other) == []
        assert store.messages(session_key=other, everywhere=True) == []
    store.moderate([mine.id], approve=True)
    (seen,) = store.messages("h1", session_key="someone-else")
    assert seen.status is MessageStatus.APPROVED
    assert not seen.awaiting_review
    store.moderate([mine.id, to_hall.id], approve=False)
    assert store.messages("h1", session_key="author") == []
    assert store.messages(session_key="author", everywhere=True) == []


def test_curators_moderate_the_queue_in_bulk(store: Store, clock: Clock) -> None:
    posted = []
    for i in range(5):
        posted.append(store.post_message(f"留言{i}", session_key=f"s{i}", honoree_id="h1"))
        clock.advance(minutes=1)
    queue = store.pending()
    assert [m.id for m in queue] == [m.id for m in posted]  # oldest first
    assert store.pending(limit=2) == queue[:2]
    assert store.moderate([posted[0].id, posted[1].id, posted[2].id], approve=True) == 3
    assert store.moderate([posted[3].id, posted[4].id, 999_999], approve=False) == 2
    assert store.moderate([posted[0].id], approve=True) == 0  # already approved
    assert store.pending() == []
    assert store.pending_count() == 0
    approved = store.messages("h1")
    assert [m.text for m in approved] == ["留言2", "留言1", "留言0"]  # newest first
    assert all(m.moderated_at == clock.now for m in approved)
    assert store.message(posted[4].id).status is MessageStatus.REJECTED
    assert store.message(123_456) is None
    assert store.moderate([posted[4].id], approve=True) == 1  # a curator changes their mind
    assert store.moderate([], approve=True) == 0


def test_messages_export_as_csv_for_excel(store: Store) -> None:
    store.post_message('第一行\n第二行, 带逗号 "引号"', session_key="s1", signature="-老李", honoree_id="h1")
    store.post_message("@所有人", session_key="s2")
    data = store.export_messages_csv()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == ["id", "created_at", "honoree_id", "status", "moderated_at", "signature", "text"]
    assert rows[0]["text"] == '第一行\n第二行, 带逗号 "引号"'
    assert rows[0]["signature"] == "'-老李"  # would run as a formula in a spreadsheet
    assert rows[1]["text"] == "'@所有人"
    assert rows[0]["status"] == "pending"
    assert rows[0]["created_at"] == T0.isoformat()
    assert b"s1" not in data
    assert session_ref("s1").encode() not in data


# ---------------------------------------------------------------- events and figures


def test_a_page_view_costs_one_insert(store: Store) -> None:
    store.record(EventKind.VISIT, mode=Mode.ONLINE)  # connect and migrate first
    statements: list[str] = []

    def seen(conn, cursor, statement, *args) -> None:
        statements.append(statement.strip().split()[0].upper())

    sa.event.listen(sa.Engine, "before_cursor_execute", seen)
    try:
        store.record(EventKind.ROOM_VIEW, mode=Mode.KIOSK, room="craftsmen")
    finally:
        sa.event.remove(sa.Engine, "before_cursor_execute", seen)
    assert [s for s in statements if s != "BEGIN"] == ["INSERT"]


def test_unknown_event_kind_or_mode_is_a_programming_error(store: Store) -> None:
    with pytest.raises(ValueError, match="click"):
        store.record("click", mode="online")
    with pytest.raises(ValueError, match="disco"):
        store.record("visit", mode="disco")


def test_figures_count_visits_views_likes_and_searches(store: Store, clock: Clock) -> None:
    # Day 1 (2025-05-01 in the hall's zone): 2 online visits, 1 kiosk; day 3: 1 docent visit.
    for mode in ("online", "online", "kiosk"):
        store.record("visit", mode=mode)
    store.record("room_view", mode="kiosk", room="craftsmen")
    for hid, n in (("h1", 3), ("h2", 5), ("h3", 1)):
        for _ in range(n):
            store.record("honoree_view", mode="online", honoree_id=hid)
    store.record("search", mode="online", query="王", results=4)
    store.record("search", mode="online", query="王", results=4)
    store.record("search", mode="kiosk", query="zhangsan", results=0)
    store.like("h3", "s1")
    store.like("h3", "s2")
    store.like("h1", "s1")
    store.post_message("待审", session_key="s1")
    clock.advance(days=2)
    store.record("visit", mode="docent")
    store.record("search", mode="docent", query="不存在的人", results=0)

    fig = store.figures(days=7, top=2)
    today = dt.date(2025, 5, 3)
    assert (fig.since, fig.until, fig.days) == (today - dt.timedelta(days=6), today, 7)
    assert (fig.total_visits, fig.visits) == (4, 4)
    assert len(fig.visits_by_day) == 7
    assert fig.visits_by_day[-1].day == today
    by_day = {d.day: d.count for d in fig.visits_by_day}
    assert by_day[dt.date(2025, 5, 1)] == 3
    assert by_day[today] == 1
    assert sum(by_day.values()) == 4
    every_mode = dict.fromkeys((m.value for m in Mode), 0)
    assert {x.key: x.count for x in fig.visits_by_mode} == every_mode | {"online": 2, "kiosk": 1, "docent": 1}
    assert [(x.key, x.count) for x in fig.room_views] == [("craftsmen", 1)]
    assert [(x.key, x.count) for x in fig.most_viewed] == [("h2", 5), ("h1", 3)]
    assert [(x.key, x.count) for x in fig.most_liked] == [("h3", 2), ("h1", 1)]
    assert fig.searches == 4
    assert [(x.key, x.count) for x in fig.top_searches] == [("王", 2), ("zhangsan", 1)]
    assert [(x.key, x.count) for x in fig.zero_result_searches] == [("zhangsan", 1), ("不存在的人", 1)]
    assert (fig.total_likes, fig.pending_messages) == (3, 1)

    recent = store.figures(days=1)
    assert (recent.total_visits, recent.visits, recent.searches) == (4, 1, 1)
    assert [(x.key, x.count) for x in recent.zero_result_searches] == [("不存在的人", 1)]
    assert recent.most_viewed == ()


def test_daily_sums_give_the_same_figures_as_the_events(target: Target, store: Store, clock: Clock) -> None:
    rng = random.Random(42)

    def traffic(n: int) -> None:
        for _ in range(n):
            store.record(
                rng.choice(list(EventKind)),
                mode=rng.choice(["online", "kiosk", "docent"]),
                room=rng.choice(["home", "craftsmen", "search"]),
                honoree_id=rng.choice(["h1", "h2", "h3", "h4"]),
                query=rng.choice(["王", "李", "zhang", "无此人"]),
                results=rng.choice([0, 1, 5]),
            )
            clock.advance(hours=rng.choice([1, 3, 7]))

    traffic(150)  # about three weeks
    engine = _raw_engine(target)
    try:
        for _ in range(2):
            for days in (1, 3, 7, 30, 365):
                fig = store.figures(days=days, top=3)
                with engine.connect() as conn:
                    assert fig == compute_figures(conn, until=fig.until, days=days, top=3, rolled=False)
            traffic(40)  # then days close while the sums exist
    finally:
        engine.dispose()
    assert store.roll_up() == store.figures().until - ROLLUP_GRACE


def test_stores_summing_days_together_count_each_day_once(target: Target, clock: Clock) -> None:
    first = target.open(clock=clock, tz=TZ)
    for _ in range(30):
        first.record("visit", mode="online")
        clock.advance(hours=12)
    stores = [target.open(clock=clock, tz=TZ) for _ in range(4)]
    results = _all_at_once(stores, lambda store: store.roll_up())
    assert len(set(results)) == 1, results
    assert first.figures(days=30).visits == 30


def test_days_follow_the_halls_calendar(store: Store, clock: Clock) -> None:
    clock.now = dt.datetime(2025, 5, 1, 15, 59, tzinfo=dt.UTC)  # 23:59 in UTC+8
    store.record("visit", mode="online")
    clock.advance(minutes=2)  # 00:01 the next day in UTC+8
    store.record("visit", mode="online")
    by_day = {d.day: d.count for d in store.figures(days=2).visits_by_day}
    assert by_day == {dt.date(2025, 5, 1): 1, dt.date(2025, 5, 2): 1}


def test_search_text_is_trimmed_and_cleaned(store: Store) -> None:
    store.record("search", mode="online", query="  张\x00三\n  李四 " + "长" * 300, results=0)
    store.record("room_view", mode="online", room="r" * 100, query="ignored")
    (top,) = store.figures().top_searches
    assert top.key.startswith("张 三 李四 长")
    assert len(top.key) == MAX_QUERY
    rows = list(csv.DictReader(io.StringIO(store.export_events_csv().decode("utf-8-sig"))))
    assert [r["kind"] for r in rows] == ["search", "room_view"]
    assert rows[1]["query"] == ""
    assert len(rows[1]["room"]) == 40


def test_events_export_as_csv_for_excel(store: Store, clock: Clock) -> None:
    store.record("search", mode="kiosk", query="=1+1", results=3)
    clock.advance(days=10)
    store.record("visit", mode="online")
    data = store.export_events_csv()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == ["created_at", "day", "kind", "mode", "room", "honoree_id", "query", "results"]
    assert (rows[0]["query"], rows[0]["results"], rows[0]["day"]) == ("'=1+1", "3", "2025-05-01")
    assert rows[1]["results"] == ""
    recent = list(csv.DictReader(io.StringIO(store.export_events_csv(days=1).decode("utf-8-sig"))))
    assert [r["kind"] for r in recent] == ["visit"]


# ---------------------------------------------------------------- the store down


@contextlib.contextmanager
def _outage(target: Target, store: Store) -> Iterator[bool]:
    """Take the store's database away; yields whether reads still work during the outage."""
    if target.backend == "postgresql":
        assert target.cluster is not None
        target.cluster.stop()
        try:
            yield False
        finally:
            target.cluster.start()
        return
    # Another process holding SQLite's write lock longer than the busy timeout.
    holder = sqlite3.connect(target.data_dir / "hall.sqlite", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield True
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_store_down_refuses_plainly_then_recovers_without_restart(target: Target, clock: Clock) -> None:
    store = target.open(clock=clock, busy_timeout_s=0.2)
    store.like("h1", "before")
    first = store.post_message("停机前的留言", session_key="before")
    store.moderate([first.id], approve=True)

    with _outage(target, store) as reads_work:
        for attempt in (
            lambda: store.like("h1", "during"),
            lambda: store.unlike("h1", "before"),
            lambda: store.post_message("停机时的留言", session_key="during"),
            lambda: store.record("visit", mode="online"),
            lambda: store.moderate([first.id], approve=False),
        ):
            with pytest.raises(StoreUnavailable, match="cannot be used right now"):
                attempt()
        if reads_work:
            assert store.likes("h1") == 1
            assert store.figures().total_likes == 1  # counted without writing the daily sums
        else:
            assert not store.available()
            for read in (lambda: store.likes("h1"), store.figures, lambda: store.messages("h1")):
                with pytest.raises(StoreUnavailable):
                    read()

    # Back: the very next call works, on the same Store object.
    assert store.like("h1", "after") == 2
    assert store.available()
    assert [m.text for m in store.messages()] == ["停机前的留言"]
    store.record("visit", mode="online")
    assert store.figures().total_visits == 1


def test_data_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    store = Store.open(None, blocker)
    with pytest.raises(StoreUnavailable, match="cannot be used right now"):
        store.like("h1", "s1")
    with pytest.raises(StoreUnavailable):
        store.post_message("你好", session_key="s1")
    with pytest.raises(StoreUnavailable):
        store.figures()
    assert not store.available()
    blocker.unlink()
    assert store.like("h1", "s1") == 1
    assert (blocker / "hall.sqlite").is_file()
    store.close()


@contextlib.contextmanager
def _unwritable(path: Path) -> Iterator[None]:
    """Make a file unwritable even for root (chattr +i), or by mode when not root."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        try:
            yield
        finally:
            path.chmod(0o644)
        return
    if not shutil.which("chattr"):
        pytest.skip("running as root without chattr: cannot make a file unwritable")
    made = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(
            f"chattr +i not permitted here ({made.stderr.strip()}): file permissions cannot bind root"
        )
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_unwritable_database_file_refuses_writes_then_recovers(tmp_path: Path) -> None:
    store = Store.open(None, tmp_path)
    store.like("h1", "s1")
    store.close()  # a pooled connection keeps the file open; a fresh one finds it unwritable
    with _unwritable(tmp_path / "hall.sqlite"):
        with pytest.raises(StoreUnavailable, match="readonly"):
            store.like("h1", "s2")
        with pytest.raises(StoreUnavailable):
            store.post_message("你好", session_key="s2")
        with contextlib.suppress(StoreUnavailable):  # reading may or may not work: never crash
            assert store.likes("h1") == 1
    assert store.like("h1", "s2") == 2
    store.close()


def test_unreachable_postgresql_is_unavailable_not_an_error() -> None:
    store = Store.open(f"postgresql://hall@127.0.0.1:{free_port()}/hall", Path("/nonexistent"))
    assert store.backend == "postgresql"
    for call in (lambda: store.like("h1", "s1"), lambda: store.record("visit", mode="kiosk"), store.figures):
        with pytest.raises(StoreUnavailable) as down:
            call()
        assert isinstance(down.value, HallError)
        assert "password" not in str(down.value)
    assert not store.available()


def test_postgresql_out_of_reach_is_not_waited_for_on_every_call() -> None:
    # A listener that never answers: the connection opens, the server's greeting never comes,
    # as with a host behind a dead link. The first call waits out the connect timeout; the
    # calls after it are refused at once until the retry time has passed.
    with socket.create_server(("127.0.0.1", 0)) as silent, contextlib.ExitStack() as closing:
        port = silent.getsockname()[1]
        url = f"postgresql://hall@127.0.0.1:{port}/hall"
        store = Store.open(url, Path("/nonexistent"), connect_timeout_s=2, retry_after_s=3)
        closing.callback(store.close)
        started = time.monotonic()
        with pytest.raises(StoreUnavailable, match="cannot be used right now"):
            store.like("h1", "s1")
        assert time.monotonic() - started >= 1.5  # it did wait for the server
        started = time.monotonic()
        for call in (lambda: store.likes("h1"), lambda: store.record("visit", mode="online"), store.figures):
            with pytest.raises(StoreUnavailable, match="timeout"):
                call()
        assert not store.available()
        assert time.monotonic() - started < 1.5  # ... and now says so without waiting out 2 s each
        time.sleep(max(0.0, 3.2 - (time.monotonic() - started)))
        started = time.monotonic()
        with pytest.raises(StoreUnavailable):
            store.like("h1", "s1")
        assert time.monotonic() - started >= 1.5  # after the retry time it tries again


@pytest.mark.parametrize("url", ["mysql://x@localhost/hall", "not a url at all"])
def test_unsupported_database_url_is_refused_at_open(url: str) -> None:
    with pytest.raises(ValueError, match=r"sqlite or postgresql|does not parse"):
        Store.open(url, Path("/nonexistent"))


def test_password_never_appears_in_descriptions() -> None:
    store = Store.open("postgresql://hall:s3cret@db.example:5432/hall", Path("/nonexistent"))
    assert "s3cret" not in store.describe()


def test_settings_carry_the_database_url() -> None:
    url = "postgresql+psycopg://hall@127.0.0.1:5432/hall"
    assert Settings.from_env({"HALL_DATABASE_URL": url}).database_url == url
    assert Settings.from_env({}).database_url == ""
    assert Settings.from_env({"HALL_DATABASE_URL": "oracle://x"}).database_url == ""
