"""名师高徒 pairs read from pairs.csv: what loads, and every bad row reported with file, line and reason."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from hall.pack import load_catalog
from hall.pack.pairs import cycle_closers
from tests.support.packs import write_pack
from tests.support.pairs import PAIRS, write_pairs


def _load(tmp_path: Path, extra: list[dict[str, str]]):
    root = write_pack(tmp_path / "pack")
    write_pairs(root, PAIRS + extra)
    cat = load_catalog(root)
    return cat, [p for p in cat.problems if p.file == "pairs.csv"]


def test_a_clean_file_loads_every_pair_in_order(tmp_path: Path) -> None:
    cat, problems = _load(tmp_path, [])
    assert problems == []
    assert [p.id for p in cat.pairs] == [r["id"] for r in PAIRS]
    named = cat.pairs[4]
    assert (named.apprentice_key, named.year, named.studio_id, named.sample) == (
        "~小王|绍兴黄酒集团",
        2020,
        "w1",
        True,
    )
    assert cat.pairs[5].sample is False
    assert cat.pairs[5].source == "测试来源"


def test_a_pack_without_pairs_has_none(tmp_path: Path) -> None:
    cat = load_catalog(write_pack(tmp_path / "pack"))
    assert cat.pairs == ()
    assert not [p for p in cat.problems if p.file == "pairs.csv"]


# Each bad row is the 7th data row: line 8 of the file (the header is line 1).
BAD = [
    ({"master_id": "zz", "apprentice_id": "t05"}, "master_id", "unknown master 'zz'"),
    ({"master_id": "t02", "apprentice_id": "zz"}, "apprentice_id", "unknown apprentice 'zz'"),
    ({"master_id": "t02"}, "apprentice_name", "no apprentice"),
    ({"master_id": "t04", "apprentice_id": "t04"}, "apprentice_id", "t04 is paired with themself"),
    ({"master_id": "t02", "apprentice_id": "t05", "year": "1930"}, "year", "impossible year 1930"),
    ({"master_id": "t02", "apprentice_id": "t05", "year": "2999"}, "year", "impossible year 2999"),
    ({"master_id": "t02", "apprentice_id": "t05", "year": "去年"}, "year", "impossible year"),
    ({"master_id": "t07", "apprentice_name": "小李", "year": "2000"}, "year", "the master was born in 1990"),
    ({"master_id": "t02", "apprentice_id": "t07", "year": "1980"}, "year", "the apprentice was born in 1990"),
    ({"id": "p1", "master_id": "t02", "apprentice_id": "t05"}, "id", "duplicate id p1 (first on line 2)"),
    (
        {"master_id": "t02", "apprentice_id": "t03"},
        "apprentice_id",
        "the same master and apprentice as line 2",
    ),
    (
        {"master_id": "t07", "apprentice_id": "t03", "year": "2020"},
        "apprentice_id",
        "closes a cycle (t07 → t03",
    ),
    ({"id": "", "master_id": "t02", "apprentice_id": "t05"}, "id", "row has no id"),
]


@pytest.mark.parametrize(("row", "column", "reason"), BAD, ids=[b[2] for b in BAD])
def test_a_bad_row_is_skipped_with_file_line_and_reason(
    tmp_path: Path, row: dict[str, str], column: str, reason: str
) -> None:
    cat, problems = _load(tmp_path, [{"id": "p9", **row}])
    assert len(problems) == 1, problems
    problem = problems[0]
    assert (problem.file, problem.line, problem.column) == ("pairs.csv", 8, column)
    assert reason in problem.reason
    assert problem.reason.endswith("skipped")
    assert len(cat.pairs) == len(PAIRS)


def test_an_unknown_studio_is_reported_and_the_pair_kept_without_it(tmp_path: Path) -> None:
    cat, problems = _load(
        tmp_path, [{"id": "p9", "master_id": "t02", "apprentice_id": "t05", "studio_id": "w9"}]
    )
    assert [(p.line, p.column, p.reason) for p in problems] == [
        (8, "studio_id", "unknown studio 'w9'; left blank")
    ]
    assert cat.pairs[-1].studio_id == ""


def test_the_cycle_names_every_step_and_only_the_closing_pair_goes(tmp_path: Path) -> None:
    cat, problems = _load(tmp_path, [{"id": "p9", "master_id": "t07", "apprentice_id": "t03"}])
    assert "(t07 → t03 → t04 → t06 → t07)" in problems[0].reason
    assert "p9" not in {p.id for p in cat.pairs}
    assert cycle_closers(cat.pairs) == {}


def test_pairs_survive_the_catalogue_cache(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "pack")
    write_pairs(root)
    first = load_catalog(root, data_dir=tmp_path / "data")
    again = load_catalog(root, data_dir=tmp_path / "data")
    assert again.pairs == first.pairs
    assert pickle.loads(pickle.dumps(first.pairs[0])) == first.pairs[0]
