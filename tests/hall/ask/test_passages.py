"""Passages come from a registry of sources: one function adds a record kind."""

from __future__ import annotations

import pytest

from hall.ask import passages
from hall.ask.passages import Link, Passage, all_passages, sentences, source, sources


def test_the_halls_sources_are_registered_in_order() -> None:
    assert list(sources()) == ["hall", "milestones", "people", "studios", "activities", "lineage"]


def test_a_new_source_adds_its_passages(cat, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passages, "_SOURCES", dict(sources()))

    @source("visits")
    def visits(catalog):
        yield Passage("2024年5月1日，丁卫松来访。", "visit", "来访", Link("home"), ("t01",))

    assert any(p.kind == "visit" for p in all_passages(cat))
    with pytest.raises(ValueError, match="twice"):
        source("visits")(lambda catalog: ())


def test_every_passage_names_a_room_that_exists(cat) -> None:
    from hall.rooms import room

    for p in all_passages(cat):
        room(p.link.room)  # raises KeyError for an unknown room
        assert p.text
        assert p.title


@pytest.mark.parametrize(
    ("text", "expected"),
    [("甲。乙！丙？", ["甲。", "乙！", "丙？"]), ("一行\n二行", ["一行", "二行"]), ("", [])],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert list(sentences(text)) == [s for s in expected if len(s) > 1] or list(sentences(text)) == expected
