"""The catalogue's people as numpy columns, for counting at any size: one row a person (the
catalogue's order) and one row an honour, so that "a national model worker of 1979" means one
honour of that kind in that year — which the search index's per-person filters cannot say —
and a count over 100,000 people costs a few array operations, not a loop."""

from __future__ import annotations

from typing import Any

import numpy as np

from hall.ask.grammar import Reading
from hall.pack.records import rank_key

_GENDERS = {"男": 1, "女": 2}


def _codes(values: list[str]) -> tuple[np.ndarray, dict[str, int]]:
    vocab: dict[str, int] = {}
    arr = np.fromiter((vocab.setdefault(v, len(vocab)) for v in values), dtype=np.int32, count=len(values))
    return arr, vocab


class People:
    """Columns of one catalogue's people and their honours; immutable."""

    def __init__(self, catalog: Any) -> None:
        people = catalog.honorees
        n = len(people)
        self.n = n
        self.ids = np.array([h.id for h in people], dtype=object)
        self.order = np.array(sorted(range(n), key=lambda i: rank_key(people[i])), dtype=np.int64)
        self.district, self._districts = _codes([h.district_code for h in people])
        self.industry, self._industries = _codes([h.industry for h in people])
        self.gender = np.fromiter((_GENDERS.get(h.gender, 0) for h in people), dtype=np.int8, count=n)
        self.sample = np.fromiter((bool(h.sample) for h in people), dtype=bool, count=n)
        self.birth = np.fromiter((h.birth_year or 0 for h in people), dtype=np.int32, count=n)
        flat = [(i, o.code, o.year or 0, o.era) for i, h in enumerate(people) for o in h.honours]
        self.h_row = np.array([f[0] for f in flat], dtype=np.int64)
        self.h_code, self._codes = _codes([f[1] for f in flat])
        self.h_year = np.array([f[2] for f in flat], dtype=np.int32)
        self.h_era, self._eras = _codes([f[3] for f in flat])
        kinds = catalog.honour_kinds
        self._types = {c: (kinds[c].type.value if c in kinds else "") for c in self._codes}

    def district_names(self) -> dict[int, str]:
        return {v: k for k, v in self._districts.items()}

    def industry_names(self) -> dict[int, str]:
        return {v: k for k, v in self._industries.items()}

    def era_names(self) -> dict[int, str]:
        return {v: k for k, v in self._eras.items()}

    def honours_mask(self, reading: Reading) -> np.ndarray | None:
        """The honours the reading is about (its honours or kind, years, era); None: any."""
        if not (reading.honours or reading.kind or reading.years or reading.era):
            return None
        m = np.ones(self.h_row.size, dtype=bool)
        if reading.honours or reading.kind:
            wanted = [
                v
                for c, v in self._codes.items()
                if (reading.honours and c in reading.honours)
                or (not reading.honours and self._types[c] == reading.kind)
            ]
            m &= np.isin(self.h_code, wanted)
        if reading.years is not None:
            lo, hi = reading.years
            m &= self.h_year > 0
            if lo is not None:
                m &= self.h_year >= lo
            if hi is not None:
                m &= self.h_year <= hi
        if reading.era:
            m &= self.h_era == self._eras.get(reading.era, -1)
        return m

    def mask(self, reading: Reading, honours: np.ndarray | None = None) -> np.ndarray:
        """Everyone the reading selects (a row mask)."""
        m = np.ones(self.n, dtype=bool)
        for value, column, vocab in (
            (reading.district, self.district, self._districts),
            (reading.industry, self.industry, self._industries),
        ):
            if value:
                m &= column == vocab.get(value, -1)
        if reading.gender:
            m &= self.gender == _GENDERS.get(reading.gender, -1)
        if reading.sample is not None:
            m &= self.sample == reading.sample
        if reading.birth is not None:
            lo, hi = reading.birth
            m &= self.birth > 0
            if lo is not None:
                m &= self.birth >= lo
            if hi is not None:
                m &= self.birth <= hi
        if honours is not None:
            has = np.zeros(self.n, dtype=bool)
            has[self.h_row[honours]] = True
            m &= has
        return m

    def in_order(self, mask: np.ndarray) -> tuple[str, ...]:
        """The ids of the rows in ``mask``, in the hall's order (hall.pack.records.rank_key)."""
        return tuple(self.ids[self.order[mask[self.order]]].tolist())
