"""名师高徒 pairs for the small test pack (tests.support.packs), in pairs.csv's own columns."""

from __future__ import annotations

import csv
from pathlib import Path

from hall.pack.schema import PAIR

# A line three generations deep (t02 → t03 → t04 → t06 → t07), an apprentice known by name,
# and the real t01 with a cited one: the people of tests.support.packs.HONOREES.
PAIRS: list[dict[str, str]] = [
    {"id": "p1", "master_id": "t02", "apprentice_id": "t03", "craft": "织机保全", "year": "1975"},
    {"id": "p2", "master_id": "t03", "apprentice_id": "t04", "craft": "织机保全", "year": "1990"},
    {"id": "p3", "master_id": "t04", "apprentice_id": "t06", "craft": "工艺优化", "year": "2005"},
    {
        "id": "p4",
        "master_id": "t06",
        "apprentice_id": "t07",
        "craft": "手工开耙",
        "year": "2012",
        "studio_id": "w1",
    },
    {
        "id": "p5",
        "master_id": "t06",
        "apprentice_name": "小王",
        "apprentice_employer": "绍兴黄酒集团",
        "craft": "手工开耙",
        "year": "2020",
        "studio_id": "w1",
        "outcome": "获评技师",
    },
    {
        "id": "p6",
        "master_id": "t01",
        "apprentice_name": "丁澄洋",
        "apprentice_employer": "绍兴技师学院",
        "craft": "焊接",
        "year": "2016",
        "source": "测试来源",
    },
]


def write_pairs(root: Path, rows: list[dict[str, str]] | None = None) -> Path:
    """exhibits/pairs.csv of the pack at `root`; every row is sample unless it says otherwise."""
    path = root / "exhibits" / PAIR.file
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, PAIR.columns, restval="")
        writer.writeheader()
        for row in PAIRS if rows is None else rows:
            writer.writerow({"sample": "false" if row.get("source") else "true", **row})
    return path
