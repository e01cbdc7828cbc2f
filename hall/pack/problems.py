"""Problems found while reading a pack, collected so that all of them are reported together."""

from __future__ import annotations

from hall.pack.records import Problem


class Problems:
    """Collects problems while reading, so all of them are reported together."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, file: str, line: int | None, column: str, reason: str) -> None:
        self.items.append(Problem(file, line, column, reason))
