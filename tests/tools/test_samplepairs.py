"""tools.samplepairs: the default pack's 322 名师高徒 pairs, deterministic, sample ones marked,
real people never given an invented apprentice, and the people files untouched."""

from __future__ import annotations

import csv
import shutil
from collections import Counter
from pathlib import Path

import pytest

from hall.pack import load_catalog
from hall.pack.pairs import cycle_closers
from tools import samplepairs

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return samplepairs.generate(REPO)


def test_the_committed_file_is_what_the_generator_writes(rows: list[dict[str, str]]) -> None:
    assert (REPO / "exhibits" / "pairs.csv").read_bytes() == samplepairs.to_bytes(rows)


def test_it_reaches_the_source_documents_322_with_about_600_people(rows: list[dict[str, str]]) -> None:
    assert len(rows) == 322
    people = {r["master_id"] for r in rows} | {
        r["apprentice_id"] or f"{r['apprentice_name']}|{r['apprentice_employer']}" for r in rows
    }
    assert 500 <= len(people) <= 700


def test_real_pairs_cite_a_source_and_invented_ones_are_marked_sample(rows: list[dict[str, str]]) -> None:
    real = [r for r in rows if r["sample"] != "true"]
    assert [r["id"] for r in real] == [r["id"] for r in samplepairs.REAL]
    assert all("http" in r["source"] for r in real)
    people = {
        p["id"]: p for p in csv.DictReader((REPO / "exhibits" / "honorees.csv").open(encoding="utf-8-sig"))
    }
    for r in rows:
        if r["sample"] == "true":
            for hid in (r["master_id"], r["apprentice_id"]):
                assert not hid or people[hid]["sample"] == "true", r  # no real person's invented pair


def test_the_default_pack_loads_every_pair_with_lines_three_generations_deep() -> None:
    cat = load_catalog(REPO)
    assert len(cat.pairs) == 322
    assert not [p for p in cat.problems if p.file == "pairs.csv"]
    assert cycle_closers(cat.pairs) == {}
    taught = Counter(p.apprentice_id for p in cat.pairs if p.apprentice_id)
    teachers = {p.master_id for p in cat.pairs}
    assert any(a in teachers for a in taught), "no apprentice who went on to teach"


def test_same_pack_and_seed_give_the_same_file_and_the_people_files_stay(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(
        REPO / "exhibits", pack / "exhibits", ignore=shutil.ignore_patterns("pairs.csv", ".backup")
    )
    people = (pack / "exhibits" / "honorees.csv").read_bytes()
    assert samplepairs.main(["--pack", str(pack)]) == 0
    first = (pack / "exhibits" / "pairs.csv").read_bytes()
    assert samplepairs.main(["--pack", str(pack)]) == 0
    assert (pack / "exhibits" / "pairs.csv").read_bytes() == first
    assert (pack / "exhibits" / "honorees.csv").read_bytes() == people
    assert samplepairs.generate(pack, seed=7) != samplepairs.generate(pack)
