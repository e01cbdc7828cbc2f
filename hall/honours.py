"""The catalogue's honours as flat numpy columns: fast counts and filters for the timeline and the map."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload

import numpy as np

from hall.pack import Catalog
from hall.pack.records import Honoree, Level, rank_key

NO_YEAR = 0


@dataclass(frozen=True, eq=False)
class HonourTable:
    """One row per honour (dated or not) plus per-honoree columns; read-only once built.

    Honour columns: `holder` (position in `Catalog.honorees`), `year` (NO_YEAR when no source
    gives it), `level` (Level.rank), `era` (index in `era_ids`, -1 when undated), `code` (index
    in `codes`). Honoree columns: `place` (its place in the hall's ranking order: best honour
    first, then earliest) and `district` (index in `adcodes`, -1 when unknown).
    """

    holder: np.ndarray
    year: np.ndarray
    level: np.ndarray
    era: np.ndarray
    code: np.ndarray
    codes: tuple[str, ...]
    era_ids: tuple[str, ...]
    adcodes: tuple[str, ...]
    place: np.ndarray
    by_place: np.ndarray
    district: np.ndarray

    @classmethod
    def build(cls, cat: Catalog) -> HonourTable:
        codes = tuple(cat.honour_kinds)
        code_index = {c: i for i, c in enumerate(codes)}
        era_ids = tuple(e.id for e in cat.eras)
        era_index = {e: i for i, e in enumerate(era_ids)}
        adcodes = tuple(d.adcode for d in cat.districts)
        district_index = {a: i for i, a in enumerate(adcodes)}
        rows = [
            (
                pos,
                x.year or NO_YEAR,
                cat.honour_kinds[x.code].level.rank,
                era_index.get(x.era, -1),
                code_index[x.code],
            )
            for pos, h in enumerate(cat.honorees)
            for x in h.honours
        ]
        columns = np.array(rows, dtype=np.int32).reshape(-1, 5).T
        # The same order as Catalog's groups, so a span or district lists people as an era room does.
        by_place = np.array(
            sorted(range(len(cat.honorees)), key=lambda i: rank_key(cat.honorees[i])), dtype=np.int32
        )
        place = np.empty_like(by_place)
        place[by_place] = np.arange(len(by_place), dtype=np.int32)
        return cls(
            holder=columns[0],
            year=columns[1],
            level=columns[2].astype(np.int8),
            era=columns[3].astype(np.int8),
            code=columns[4].astype(np.int16),
            codes=codes,
            era_ids=era_ids,
            adcodes=adcodes,
            place=place,
            by_place=by_place,
            district=np.array(
                [district_index.get(h.district_code, -1) for h in cat.honorees], dtype=np.int16
            ),
        )

    def mask(
        self,
        *,
        start: int | None = None,
        end: int | None = None,
        era: str | None = None,
        code: str | None = None,
        level: Level | None = None,
    ) -> np.ndarray:
        """Which honours pass every given filter (a span [start, end] keeps dated honours only)."""
        keep = np.ones(len(self.holder), dtype=bool)
        if start is not None or end is not None:
            keep &= self.year != NO_YEAR
        if start is not None:
            keep &= self.year >= start
        if end is not None:
            keep &= self.year <= end
        if era is not None:
            keep &= self.era == (self.era_ids.index(era) if era in self.era_ids else -2)
        if code is not None:
            keep &= self.code == (self.codes.index(code) if code in self.codes else -1)
        if level is not None:
            keep &= self.level == level.rank
        return keep

    def holders(self, keep: np.ndarray) -> np.ndarray:
        """Positions of the honorees holding at least one kept honour, in ranking order."""
        return self.by_place[np.unique(self.place[self.holder[keep]])]


class People(Sequence[Honoree]):
    """Honorees picked by position, materialised only when read (a page at a time)."""

    __slots__ = ("_honorees", "_positions")

    def __init__(self, honorees: Sequence[Honoree], positions: np.ndarray | Sequence[int]) -> None:
        self._honorees = honorees
        self._positions = np.asarray(positions, dtype=np.int64)

    def __len__(self) -> int:
        return len(self._positions)

    @overload
    def __getitem__(self, index: int) -> Honoree: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Honoree, ...]: ...
    def __getitem__(self, index: int | slice) -> Honoree | tuple[Honoree, ...]:
        if isinstance(index, slice):
            return tuple(self._honorees[int(i)] for i in self._positions[index])
        return self._honorees[int(self._positions[index])]

    def __iter__(self) -> Iterator[Honoree]:
        return (self._honorees[int(i)] for i in self._positions)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(h.id for h in self)
