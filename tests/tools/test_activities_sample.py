"""The sample activities generator: deterministic, keeps real rows first and as they are, names
only sample people and studios, and never writes the people files."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from hall.pack import load_catalog
from tools import activities_sample
from tools.samplepack import write_pack as write_sample

REAL = {
    "id": "a0001",
    "date": "2021",
    "kind": "school",
    "title_zh": "开学第一天",
    "speakers": "r001",
    "sample": "false",
}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_the_generator_is_deterministic_keeps_real_rows_and_names_only_sample_people(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    write_sample(pack, count=120, seed=5)
    exhibits = pack / "exhibits"
    with (exhibits / "activities.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, list(REAL))
        writer.writeheader()
        writer.writerow(REAL)
    people = {
        p: hashlib.sha256((exhibits / p).read_bytes()).hexdigest()
        for p in ("honorees.csv", "honours.csv", "studios.csv")
    }

    written = activities_sample.main(
        ["--pack", str(pack), "--count", "300", "--seed", "9"], out=lambda _: None
    )
    assert written == 0
    first = (exhibits / "activities.csv").read_bytes()
    activities_sample.write(pack, 300, 9)
    assert (exhibits / "activities.csv").read_bytes() == first  # same pack, count and seed: same file
    assert {p: hashlib.sha256((exhibits / p).read_bytes()).hexdigest() for p in people} == people

    rows = _rows(exhibits / "activities.csv")
    assert {k: rows[0][k] for k in REAL} == REAL  # the real row first, as it was
    assert all(r["sample"] == "true" for r in rows[1:])
    cat = load_catalog(pack)
    assert not [p for p in cat.problems if p.file in ("activities.csv", "speakers.csv")]
    real_people = {h.id for h in cat.honorees if not h.sample}
    sample_activities = [a for a in cat.activities.items if a.sample]
    assert len(sample_activities) > 250
    assert not any(set(a.speakers) & real_people for a in sample_activities)
    assert not set(cat.activities.speakers) & real_people
    assert {s.id for s in cat.studios if s.sample} >= {a.studio_id for a in sample_activities if a.studio_id}
