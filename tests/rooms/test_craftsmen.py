"""工匠馆 — the craftsmen."""

from __future__ import annotations

from hall.labels import t
from tests.support.apptest import (
    texts,
)


def test_craftsmen_room_lists_only_craftsmen(open_room, cat) -> None:
    at = open_room("craftsmen")
    assert t("shown_count", n=len(cat.craftsmen)) in texts(at)
    ids = {p.proto.query_string.removeprefix("id=") for p in at.get("page_link") if "honoree" in p.proto.page}
    assert ids
    assert all(cat.honoree(i).is_craftsman for i in ids)
