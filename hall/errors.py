"""The hall's exceptions: one base class and the few cases pages must tell apart."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hall.records import Problem


class HallError(Exception):
    """Anything the hall itself reports in plain words."""


class HonoreeNotFound(HallError):
    def __init__(self, honoree_id: str) -> None:
        super().__init__(f"no honoree with id {honoree_id!r}")
        self.honoree_id = honoree_id


class PackError(HallError):
    """The content pack cannot be used at all (as opposed to a few bad rows)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


class StoreUnavailable(HallError):
    """The writable store (likes, guestbook, figures) cannot be reached right now."""
