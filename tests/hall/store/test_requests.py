"""Correction and withdrawal requests: filed, listed for curators a page at a time, closed in bulk
without keeping contacts — not even in the database's files."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from hall.errors import MessageRefused
from hall.store import Store
from tests.hall.store.conftest import Target


def test_a_request_is_listed_until_closed_and_its_contact_is_forgotten(target) -> None:
    store = target.open()
    first = store.request_change("r001", "correction", "出生年份有误，应为 1970 年。", "13900000000")
    store.request_change("r002", "withdrawal", "家属申请撤回照片。")
    listed = store.change_requests()
    assert [(r.id, r.honoree_id, r.kind) for r in listed] == [
        (first, "r001", "correction"),
        (first + 1, "r002", "withdrawal"),
    ]
    assert listed[0].contact == "13900000000"
    assert store.close_requests([first]) == 1
    assert store.close_requests([first]) == 0  # closed already
    assert [r.honoree_id for r in store.change_requests()] == ["r002"]
    (closed,) = [r for r in store.change_requests(open_only=False) if r.id == first]
    assert not closed.open
    assert closed.contact == ""


@pytest.mark.parametrize(
    ("details", "reason"), [("", "empty"), ("x" * 501, "too_long"), ("a\x00b", "control_chars")]
)
def test_bad_details_are_refused_with_a_reason(target, details: str, reason: str) -> None:
    with pytest.raises(MessageRefused) as refusal:
        target.open().request_change("r001", "correction", details)
    assert refusal.value.reason == reason


def test_unknown_kind_is_a_programming_error(target) -> None:
    with pytest.raises(ValueError, match="unknown request kind"):
        target.open().request_change("r001", "delete-everything", "x")


def test_every_open_request_can_be_listed_a_page_at_a_time_and_closed_in_bulk(target: Target) -> None:
    store = target.open()
    ids = [
        store.request_change(f"r{i:03d}", "correction", f"第 {i} 条", f"1390000{i:04d}") for i in range(230)
    ]
    assert store.request_count() == 230
    pages = [store.change_requests(limit=50, offset=start) for start in range(0, 230, 50)]
    assert [r.id for page in pages for r in page] == ids  # the 231st is as reachable as the first
    assert store.close_requests([ids[0], ids[229], ids[229], 999_999]) == 2  # only the ids given
    assert store.request_count() == 228
    assert store.request_count(open_only=False) == 230
    assert [r.id for r in store.change_requests(limit=1, offset=227)] == [ids[228]]
    closed = [r for r in store.change_requests(open_only=False, limit=500) if not r.open]
    assert [(r.id, r.contact) for r in closed] == [(ids[0], ""), (ids[229], "")]
    assert store.close_requests([]) == 0


CONTACT = "contact-13912345678"


def _database_files(target: Target, store: Store) -> bytes:
    """Every byte of the database files that can hold the requests' rows, as a thief would read them."""
    if target.backend == "sqlite":
        return b"".join(p.read_bytes() for p in sorted(Path(target.data_dir).glob("hall.sqlite*")))
    assert target.cluster is not None
    with store.transaction(write=True, single=True) as conn:
        conn.execute(sa.text("CHECKPOINT"))  # shared buffers written out to the table's file
        path = conn.execute(sa.text("SELECT pg_relation_filepath('change_requests')")).scalar_one()
    return (target.cluster.data / path).read_bytes()


def test_a_closed_requests_contact_is_gone_from_the_database_files(target: Target) -> None:
    # Finding 10: the contact stayed readable in SQLite's WAL until a checkpoint, and in
    # PostgreSQL's table file until VACUUM, after the request was closed.
    store = target.open()
    kept = store.request_change("r001", "correction", "请更正出生年份。", "keep-13800000000")
    earlier = store.request_change("r002", "correction", "请更正单位名称。", "earlier-13700000000")
    closing = store.request_change("r003", "withdrawal", "请撤回照片。", CONTACT)
    assert CONTACT.encode() in _database_files(target, store)  # the checks below can fail
    # An earlier close: SQLite has checkpointed the open requests into its main file by now, so
    # the next close must also wipe the old row there, not only in the WAL.
    store.close_requests([earlier])
    assert CONTACT.encode() in _database_files(target, store)
    store.close_requests([closing])
    files = _database_files(target, store)
    assert CONTACT.encode() not in files
    assert b"earlier-13700000000" not in files
    assert b"keep-13800000000" in files  # an open request's contact is still there
    assert [r.id for r in store.change_requests()] == [kept]
