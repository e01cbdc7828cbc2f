"""Correction and withdrawal requests: filed, listed for curators, closed without keeping contacts."""

from __future__ import annotations

import pytest

from hall.errors import MessageRefused


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
    store.close_request(first)
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
