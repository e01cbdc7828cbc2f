"""The store's database on SQLite and PostgreSQL: the WAL file, outages and recovery, URLs."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import sqlite3
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hall.config import Settings
from hall.errors import HallError, StoreUnavailable
from hall.store import Store
from tests.hall.store.conftest import Clock, Target
from tests.support.pgcluster import free_port


def test_sqlite_store_uses_wal_in_a_folder_it_creates(tmp_path: Path) -> None:
    data = tmp_path / "not" / "yet" / "there"
    store = Store.open(None, data)
    assert store.like("h1", "s1") == 1
    with contextlib.closing(sqlite3.connect(data / "hall.sqlite")) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


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
            assert store.visit_stats().total_likes == 1  # counted without writing the daily sums
        else:
            assert not store.available()
            for read in (lambda: store.likes("h1"), store.visit_stats, lambda: store.messages("h1")):
                with pytest.raises(StoreUnavailable):
                    read()

    # Back: the very next call works, on the same Store object.
    assert store.like("h1", "after") == 2
    assert store.available()
    assert [m.text for m in store.messages()] == ["停机前的留言"]
    store.record("visit", mode="online")
    assert store.visit_stats().total_visits == 1


def test_data_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    store = Store.open(None, blocker)
    with pytest.raises(StoreUnavailable, match="cannot be used right now"):
        store.like("h1", "s1")
    with pytest.raises(StoreUnavailable):
        store.post_message("你好", session_key="s1")
    with pytest.raises(StoreUnavailable):
        store.visit_stats()
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
    for call in (
        lambda: store.like("h1", "s1"),
        lambda: store.record("visit", mode="kiosk"),
        store.visit_stats,
    ):
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
        for call in (
            lambda: store.likes("h1"),
            lambda: store.record("visit", mode="online"),
            store.visit_stats,
        ):
            with pytest.raises(StoreUnavailable, match="timeout"):
                call()
        assert not store.available()
        assert time.monotonic() - started < 1.5  # ... and now says so without waiting out 2 s each
        time.sleep(max(0.0, 3.2 - (time.monotonic() - started)))
        started = time.monotonic()
        with pytest.raises(StoreUnavailable):
            store.like("h1", "s1")
        assert time.monotonic() - started >= 1.5  # after the retry time it tries again


# ---------------------------------------------------------------- a frozen PostgreSQL


class _Hung:
    def __repr__(self) -> str:
        return "still waiting"


HUNG = _Hung()  # what _timed returns for a call still running at its limit
FROZEN_CALL_LIMIT_S = 6.5  # "at most ~5 s": the deadline, plus a loaded machine's slack


def _timed(call: Callable[[], object], limit: float = 25.0) -> tuple[object, float]:
    """Run `call` in a thread: (its result or exception, or HUNG after `limit` s; the seconds taken).

    A call that hangs is left behind (its thread ends when the server thaws), so the test fails
    instead of hanging with it.
    """
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except Exception as exc:
            outcome.append(exc)

    started = time.monotonic()
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(limit)
    return (outcome[0] if outcome else HUNG), time.monotonic() - started


@pytest.mark.postgres
@pytest.mark.parametrize("target", ["postgresql"], indirect=True)
def test_a_frozen_postgresql_costs_a_call_about_5_s_then_the_store_recovers(target: Target) -> None:
    # Finding 9: a frozen server (SIGSTOP: its sockets stay open and the kernel still acknowledges
    # what the hall sends) hung a session holding a pooled connection for over 180 s.
    assert target.cluster is not None
    store = target.open(retry_after_s=3)
    assert store.like("h1", "before") == 1  # a pooled connection to the server
    with target.cluster.frozen():
        outcome, took = _timed(lambda: store.like("h1", "during"))
        assert isinstance(outcome, StoreUnavailable), f"{outcome!r} after {took:.1f} s"
        assert took <= FROZEN_CALL_LIMIT_S, f"a pooled connection waited {took:.1f} s"
        outcome, took = _timed(lambda: store.likes("h1"))
        assert isinstance(outcome, StoreUnavailable)
        assert took < 0.5, "after one timeout, calls are refused at once for the back-off"
        fresh = target.open(retry_after_s=3)  # another process's store: a new connection
        outcome, took = _timed(lambda: fresh.likes("h1"))
        assert isinstance(outcome, StoreUnavailable), f"{outcome!r} after {took:.1f} s"
        assert took <= FROZEN_CALL_LIMIT_S, f"a new connection waited {took:.1f} s"
    time.sleep(3.2)  # the back-off
    outcome, took = _timed(lambda: store.like("h1", "after"))
    assert outcome == 2, f"{outcome!r} after {took:.1f} s: the same store works again, no restart"
    assert fresh.likes("h1") == 2


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
