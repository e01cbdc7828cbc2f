"""New honorees' ids (i00001, i00002 …) and exhibits/ids.yaml, which makes sure none is given twice."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from hall.importer.report import ImportFailed

IDS_FILE = "ids.yaml"
ID_PREFIX = "i"
ID_DIGITS = 5


@dataclass
class Ids:
    """The id counter: new people get i00001, i00002 …; a number is never given twice."""

    last: int
    changed: bool = False

    @classmethod
    def read(cls, exhibits: Path, existing: Iterable[str]) -> Ids:
        """The counter from exhibits/ids.yaml, raised past every importer id already in use.

        Raises:
            ImportFailed: ids.yaml is there but unreadable.
        """
        last = 0
        path = exhibits / IDS_FILE
        if path.exists():
            try:
                doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
                last = int(doc.get("last", 0))
            except (yaml.YAMLError, ValueError, TypeError, AttributeError) as exc:
                raise ImportFailed(
                    f"exhibits/{IDS_FILE} is unreadable ({exc}); fix it before importing"
                ) from exc
        for hid in existing:
            m = re.fullmatch(rf"{ID_PREFIX}(\d+)", hid)
            if m:
                last = max(last, int(m.group(1)))
        return cls(last)

    def next(self) -> str:
        self.last += 1
        self.changed = True
        return f"{ID_PREFIX}{self.last:0{ID_DIGITS}d}"

    def to_bytes(self) -> bytes:
        return (
            "# Written by hall.importer: the number of the last honoree id it gave out.\n"
            "# An id is never given twice, even after its person is deleted: this only grows.\n"
            f"prefix: {ID_PREFIX}\n"
            f"last: {self.last}\n"
        ).encode()
