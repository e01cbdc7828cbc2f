"""数说展馆 — the visit figures."""

from __future__ import annotations

from hall.labels import t
from tests.support.apptest import texts


def test_figures_room_shows_what_visitors_did(open_room, cat, store) -> None:
    for _ in range(3):  # three visits, each a fresh session: the welcome hall, then a person
        open_room("honoree", id=cat.honorees[1].id)
    store.like(cat.honorees[1].id, "a visitor")
    searching = open_room("search")
    searching.text_input(key="q").input("丁卫松").run()
    at = open_room("figures")  # the fifth visit
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("figures_total_visits")] == "5"
    assert metrics[t("figures_visits", n=30)] == "5"
    assert metrics[t("figures_likes")] == "1"
    assert metrics[t("figures_searches")] == "1"
    assert f"{cat.honorees[1].name} · 3" in texts(at)  # most viewed: three views of one person
    assert len(at.get("plotly_chart")) == 2
    assert t("figures_search_private") in texts(at)
