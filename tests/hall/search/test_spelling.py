"""How a name can be typed: pinyin, initials, mixes of characters and pinyin."""

from __future__ import annotations

import pytest

from hall.search.spelling import (
    KIND_FULL,
    KIND_INITIALS,
    parse_units,
    spell_span,
    spellings,
    units_blob,
    untoned,
)
from hall.textnorm import normalize


def units(name: str):
    return parse_units(units_blob(name, normalize))


def test_the_most_correct_spelling_comes_first() -> None:
    first, initials, *_ = spellings(units("丁卫松"))
    assert (first.key, first.kind, first.starts) == ("dingweisong", KIND_FULL, [0, 4, 7])
    assert (initials.key, initials.kind) == ("dws", KIND_INITIALS)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("单国强", "shanguoqiang"),
        ("单国强", "danguoqiang"),
        ("曾志伟", "zengzhiwei"),
        ("吕小明", "lvxiaoming"),
    ],
)
def test_surnames_and_their_misreadings_are_spelled(name: str, key: str) -> None:
    assert key in {s.key for s in spellings(units(name))}


@pytest.mark.parametrize(
    ("query", "span"),
    [("ding卫松", (0, 3)), ("丁ws", (0, 3)), ("丁wei", (0, 2)), ("卫song", (1, 3)), ("x卫松", None)],
)
def test_mixed_queries_spell_part_of_a_name(query: str, span: tuple[int, int] | None) -> None:
    assert spell_span(query, units("丁卫松")) == span


@pytest.mark.parametrize(("word", "plain"), [("ding1wei4song1", "dingweisong"), ("dws", "dws"), ("5g", "5g")])
def test_tone_numbers_are_dropped_from_pinyin_only(word: str, plain: str) -> None:
    assert untoned(word) == plain
