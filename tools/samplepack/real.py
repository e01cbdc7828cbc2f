"""The rows of a pack that the sample keeps as they are: real people, their honours, real
collectives, and every milestone."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from hall.pack.read import read_cell
from hall.pack.schema import COLLECTIVE, HONOREE, HONOUR, MILESTONE, SAMPLE, RecordKind

Row = dict[str, str]


class PackRowsUnusable(ValueError):
    """A pack file the generator would have to change to keep its rows: it stops instead."""


@dataclass(frozen=True)
class RealRows:
    """Rows the generator writes back unchanged, each with every column of its file."""

    honorees: tuple[Row, ...] = ()
    honours: tuple[Row, ...] = ()
    collectives: tuple[Row, ...] = ()
    milestones: tuple[Row, ...] = ()

    @property
    def names(self) -> frozenset[str]:
        """The real people's names: no invented person may carry one."""
        return frozenset(row["name"] for row in self.honorees)


def read_real(pack: Path) -> RealRows:
    """The real rows of the pack at `pack`: honorees and collectives not marked sample, the
    honours of those honorees, and milestones.csv whole. A missing file has no rows.

    Raises:
        PackRowsUnusable: a file has columns the schema does not know (writing the pack again
            would lose them) or a row with more cells than columns.
        OSError, UnicodeDecodeError: a file cannot be read as UTF-8 text.
    """
    exhibits = Path(pack) / "exhibits"
    honorees = tuple(r for r in _rows(exhibits, HONOREE) if not _is_sample(r))
    ids = {r["id"] for r in honorees}
    return RealRows(
        honorees=honorees,
        honours=tuple(r for r in _rows(exhibits, HONOUR) if r["honoree_id"] in ids),
        collectives=tuple(r for r in _rows(exhibits, COLLECTIVE) if not _is_sample(r)),
        milestones=_rows(exhibits, MILESTONE),
    )


def _is_sample(row: Row) -> bool:
    return bool(read_cell(SAMPLE, row)[0])


def _rows(exhibits: Path, kind: RecordKind) -> tuple[Row, ...]:
    path = exhibits / kind.file
    if not path.exists():
        return ()
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        unknown = [c for c in reader.fieldnames or () if c not in kind.columns]
        if unknown:
            raise PackRowsUnusable(
                f"{path}: columns {', '.join(unknown)} are not in the schema; "
                "writing the sample would drop them"
            )
        rows = []
        for row in reader:
            if None in row:
                raise PackRowsUnusable(f"{path}, line {reader.line_num}: more cells than columns")
            rows.append({c: row.get(c) or "" for c in kind.columns})
    return tuple(rows)
