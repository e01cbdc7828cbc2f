"""The numpy building blocks: string tables, n-grams, prefixes and typo neighbourhoods."""

from __future__ import annotations

import pytest

from hall.search.arrays import Ngrams, Prefixes, Strings, Typos, deletions

DOCS = ["绍兴纺织机械厂\x01车间主任", "abcabd", "", "纺织\x01纺织厂"]


@pytest.mark.parametrize(
    ("text", "docs"),
    [
        ("纺", [0, 3]),
        ("纺织", [0, 3]),
        ("纺织厂", [3]),
        ("纺织机械厂", [0]),
        ("车间主任", [0]),
        ("abd", [1]),
        ("abc", [1]),
        ("bca", [1]),
        ("abcabd", [1]),
        ("abcabdx", []),
        ("q", []),
        ("纺q", []),
        ("", []),
    ],
)
def test_ngrams_find_every_document_holding_the_text(text: str, docs: list[int]) -> None:
    assert Ngrams.build(DOCS).find(text).tolist() == docs


def test_ngrams_arrays_round_trip() -> None:
    built = Ngrams.build(DOCS)
    again = Ngrams.named(built.arrays("text"), "text", built.pos_bits)
    assert again.find("纺织厂").tolist() == [3]


def test_prefixes_find_keys_starting_with_a_prefix() -> None:
    table = Prefixes.build(
        [(b"dingweisong", 0, 0, 11, 0), (b"dingwei", 1, 0, 7, 0), (b"weisong", 0, 1, 7, 0)]
    )
    assert sorted(table.rows[table.find(b"dingwei")].tolist()) == [0, 1]
    assert table.rows[table.find(b"weis")].tolist() == [0]
    assert table.rows[table.find(b"x")].tolist() == []


@pytest.mark.parametrize("strings", [[], ["丁卫松", "", "abc"], ["\ud800"]])
def test_strings_round_trip(strings: list[str]) -> None:
    table = Strings.build(strings)
    assert list(table) == strings
    assert list(Strings.named(table.arrays("s"), "s")) == strings


TYPOS = {"dingweisong": [0, 2], "dingwei": [1], "chenjian": [3]}


@pytest.mark.parametrize(
    ("word", "near"),
    [
        ("dingwiesong", ["dingweisong"]),  # neighbours swapped
        ("dingweisng", ["dingweisong"]),  # one left out
        ("dingweisongg", ["dingweisong"]),  # one too many
        ("dingweisang", ["dingweisong"]),  # one wrong
        ("dingweisong", []),  # the word itself is no typo
        ("dingwie", ["dingwei"]),
        ("xyz", []),
    ],
)
def test_typos_are_one_edit_away(word: str, near: list[str]) -> None:
    typos = Typos.build(TYPOS)
    assert [typos.vocab[i] for i in typos.near(word)] == near


def test_typos_know_the_rows_of_each_word() -> None:
    typos = Typos.build(TYPOS)
    (i,) = typos.near("dingweisogn")
    assert typos.rows_of(i).tolist() == [0, 2]
    assert "chenjian" not in [typos.vocab[j] for j in typos.roughly_near("dingweisong")]


def test_deletions_are_the_word_and_each_one_shorter() -> None:
    assert deletions("aab") == ["aab", "ab", "aa"]
