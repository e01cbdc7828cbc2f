"""A small pack published into a temporary mirror, and readers for what it holds."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import html5lib
import pytest

from hall.pack import Catalog, load_catalog
from hall.publish import Report, Style, publish
from tests.hall.activities.conftest import ACTIVITIES, write_activities
from tests.support.packs import write_pack

BASE = "https://hall.example.cn"


def set_cells(pack: Path, honoree_id: str, *, file: str = "honorees.csv", **cells: str) -> None:
    """Change some cells of one record (by id) in one of the pack's files: a person by default."""
    path = pack / "exhibits" / file
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fields, rows = reader.fieldnames, list(reader)
    for row in rows:
        if row["id"] == honoree_id:
            row.update(cells)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fields)
        writer.writeheader()
        writer.writerows(rows)


def parse(data: bytes):
    """The document, parsed as HTML5 by the spec's own algorithm; any parse error raises."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(data)


# The activities of tests/hall/activities, the real one (a1) with its source: every light page
# test runs over people, eras, studios and activities alike.
CITED = ("（绍兴市劳模协会专版）https://example.cn/a1",)
PACK_ACTIVITIES = [ACTIVITIES[0] + CITED, *ACTIVITIES[1:]]


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return write_activities(write_pack(tmp_path / "pack"), PACK_ACTIVITIES)


@pytest.fixture
def build(tmp_path: Path, pack: Path) -> Callable[..., tuple[Report, Catalog]]:
    """build(style=…, base_url=…) publishes the pack (as it is now) into tmp_path/mirror."""

    def run(style: Style = Style.SHORT, base_url: str = BASE) -> tuple[Report, Catalog]:
        cat = load_catalog(pack)
        report = publish(
            cat,
            out=tmp_path / "mirror",
            data_dir=tmp_path / "data",
            base_url=base_url,
            style=style,
            static_dir=tmp_path / "static",
            workers=1,
        )
        return report, cat

    return run


@pytest.fixture
def mirror(tmp_path: Path) -> Path:
    return tmp_path / "mirror"
