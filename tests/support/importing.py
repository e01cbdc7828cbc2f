"""Support for the importer's tests: the messy directory in each of its formats, and snapshots of
a pack's record files."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.fixtures import messy

PACK_FILES = ("honorees.csv", "honours.csv", "ids.yaml", "collectives.csv", "studios.csv", "hall.yaml")


def messy_file(kind: str, folder: Path) -> Path:
    """The messy directory written into `folder` as xlsx, utf8_bom, utf8 or gbk."""
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "xlsx":
        return messy.write_xlsx(folder / "messy.xlsx")
    encoding = {"utf8_bom": "utf-8-sig", "utf8": "utf-8", "gbk": "gbk"}[kind]
    return messy.write_csv(folder / f"messy_{kind}.csv", encoding)


def snapshot(pack: Path) -> dict[str, bytes]:
    """The bytes of the pack's record files that exist."""
    exhibits = pack / "exhibits"
    return {name: (exhibits / name).read_bytes() for name in PACK_FILES if (exhibits / name).exists()}


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))
