"""Facets and filters: each person's era, honour, district and industry as small codes, counted
over a result and used to narrow it.

``SearchResult.facets`` counts the whole result (every page) per facet. District (adcode) and
industry take one value per person, so each adds up to ``total``; ``""`` counts people without
one. A person with several honours is counted under *each* honour code they hold and under
*each* era of their honours, so those two can add up to more than the total (people without a
known era count under ``""``).

Filters (all optional, combined with AND; a list of values means any of them): ``era`` era id
or name · ``honour`` honour code, name or alias · ``district`` adcode, today's name or a former
name · ``industry`` industry name · ``years=(start, end)`` inclusive, on any honour whose year
is known (either end may be None) · ``kind`` ``"model_worker"`` (has a model-worker honour) or
``"craftsman"`` · ``real`` true for real (cited) people only. A filter value the catalogue does
not know matches nobody.

The names of the values (today's and former district names, honour names and aliases, era
names) are also words a query can match: ``value_matches`` finds them.
"""

from __future__ import annotations

import bisect
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from hall.pack.records import Honoree, HonourType
from hall.textnorm import normalize

if TYPE_CHECKING:
    from hall.search.build import CatalogLike

FACETS = ("era", "honour", "district", "industry")
_FILTER_CACHE = 64


class Filters(NamedTuple):
    """The filters of one search, normalised (None: not filtered); hashable, so memoised."""

    era: tuple[str, ...] | None = None
    honour: tuple[str, ...] | None = None
    district: tuple[str, ...] | None = None
    industry: tuple[str, ...] | None = None
    years: tuple[int | None, int | None] | None = None
    kind: str | None = None
    real: bool | None = None  # True: only real (cited) people, not the invented sample

    @classmethod
    def of(
        cls,
        era: str | Iterable[str] | None = None,
        honour: str | Iterable[str] | None = None,
        district: str | Iterable[str] | None = None,
        industry: str | Iterable[str] | None = None,
        years: tuple[int | None, int | None] | None = None,
        kind: str | None = None,
        real: bool | str | None = None,
    ) -> Filters:
        return cls(
            _as_set(era),
            _as_set(honour),
            _as_set(district),
            _as_set(industry),
            _years(years),
            kind or None,
            True if real else None,
        )


def _as_set(value: str | Iterable[str] | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return (value,) if value else None
    values = tuple(str(v) for v in value if v)
    return values or None


def _years(years: tuple[int | None, int | None] | None) -> tuple[int | None, int | None] | None:
    if years is None:
        return None
    lo, hi = years
    lo = None if lo is None else int(lo)
    hi = None if hi is None else int(hi)
    if lo is None and hi is None:
        return None
    return (lo, hi)


def text_of(value: Any) -> tuple[str, str]:
    """(zh, en) of a vocabulary entry that has a bilingual name, or of a plain string."""
    name = getattr(value, "name", value)
    zh = getattr(name, "zh", None)
    if zh is None:
        return str(name), ""
    return str(zh), str(getattr(name, "en", "") or "")


def _vocab_index(values: Iterable[str]) -> dict[str, int]:
    return {v: i for i, v in enumerate(dict.fromkeys(values))}


def _combos(sets: list[tuple[int, ...]], width: int) -> tuple[np.ndarray, np.ndarray]:
    """Each person's set of values as the code of a distinct set, and a set × value matrix."""
    seen: dict[tuple[int, ...], int] = {}
    codes = np.fromiter((seen.setdefault(s, len(seen)) for s in sets), dtype=np.int32, count=len(sets))
    matrix = np.zeros((max(1, len(seen)), width), dtype=np.int64)
    for combo, c in seen.items():
        matrix[c, list(combo)] = 1
    return codes, matrix


def build_facets(
    catalog: CatalogLike, people: Sequence[Honoree]
) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """The facet arrays of ``people`` and the meta entries (labels, value words, aliases)."""
    n = len(people)
    district_names = {d.adcode: d for d in catalog.districts}
    seen_districts = (h.district_code for h in people if h.district_code)
    districts = _vocab_index([*district_names, *seen_districts, ""])
    industries = _vocab_index(
        [*(text_of(i)[0] for i in catalog.industries), *(h.industry for h in people if h.industry), ""]
    )
    eras = _vocab_index(
        [*(e.id for e in catalog.eras), *(o.era for h in people for o in h.honours if o.era), ""]
    )
    kinds = _vocab_index([*catalog.honour_kinds, *(o.code for h in people for o in h.honours), ""])

    def codes_of(h: Honoree, vocab: dict[str, int], attr: str) -> tuple[int, ...]:
        found = {vocab[getattr(o, attr)] for o in h.honours if getattr(o, attr)}
        return tuple(sorted(found)) or (vocab[""],)

    arrays: dict[str, np.ndarray] = {
        "district": np.fromiter((districts[h.district_code] for h in people), dtype=np.int32, count=n),
        "industry": np.fromiter((industries[h.industry] for h in people), dtype=np.int32, count=n),
    }
    arrays["era_combo"], arrays["era_matrix"] = _combos([codes_of(h, eras, "era") for h in people], len(eras))
    arrays["honour_combo"], arrays["honour_matrix"] = _combos(
        [codes_of(h, kinds, "code") for h in people], len(kinds)
    )
    pairs = sorted((o.year, i) for i, h in enumerate(people) for o in h.honours if o.year is not None)
    arrays["year_values"] = np.asarray([y for y, _ in pairs], dtype=np.int32)
    arrays["year_rows"] = np.asarray([r for _, r in pairs], dtype=np.int32)
    arrays["craftsman"] = np.fromiter((bool(h.is_craftsman) for h in people), dtype=bool, count=n)
    arrays["real"] = np.fromiter((not h.sample for h in people), dtype=bool, count=n)
    worker = {c for c, k in catalog.honour_kinds.items() if k.type is HonourType.MODEL_WORKER}
    arrays["model_worker"] = np.fromiter(
        (any(o.code in worker for o in h.honours) for h in people), dtype=bool, count=n
    )

    # Words that select everyone with a value:
    # (normalised text, facet, value index, whether ASCII queries must be a prefix of it)
    words: dict[tuple[str, str, int], bool] = {}
    aliases: dict[str, dict[str, set[int]]] = {f: {} for f in FACETS}

    def add_word(text: str, facet: str, value: int) -> None:
        norm = normalize(text)
        if norm:
            words.setdefault((norm, facet, value), norm.isascii())
            aliases[facet].setdefault(norm, set()).add(value)

    for d in catalog.districts:
        for text in (d.adcode, d.name.zh, d.name.en, *d.former):
            add_word(text, "district", districts[d.adcode])
    for h in people:
        if h.district and h.district_code:
            add_word(h.district, "district", districts[h.district_code])
    for ind in catalog.industries:
        zh, en = text_of(ind)
        for text in (zh, en):
            add_word(text, "industry", industries.get(zh, industries[""]))
    for name in industries:
        add_word(name, "industry", industries[name])
    for code, kind in catalog.honour_kinds.items():
        for text in (code, kind.name.zh, kind.name.en, *kind.aliases):
            add_word(text, "honour", kinds[code])
    for era in catalog.eras:
        for text in (era.id, era.name.zh, era.name.en):
            add_word(text, "era", eras[era.id])
    meta = {
        "labels": {
            "era": list(eras),
            "honour": list(kinds),
            "district": list(districts),
            "industry": list(industries),
        },
        "words": [[w, f, v, a] for (w, f, v), a in words.items()],
        "aliases": {f: {k: sorted(v) for k, v in d.items()} for f, d in aliases.items()},
    }
    return arrays, meta


class Facets:
    """The facet codes of every person: masks, filters, counts and the words naming values."""

    def __init__(self, arrays: Mapping[str, np.ndarray], meta: Mapping[str, Any]) -> None:
        self.size = int(arrays["district"].size)
        self.district = arrays["district"]
        self.industry = arrays["industry"]
        self.era_combo = arrays["era_combo"]
        self.era_matrix = arrays["era_matrix"]
        self.honour_combo = arrays["honour_combo"]
        self.honour_matrix = arrays["honour_matrix"]
        self.labels: dict[str, list[str]] = meta["labels"]
        # counts take two codes per person: (district, industry) and (era set, honour set)
        self._place = self.district * len(self.labels["industry"]) + self.industry
        self._profile = self.era_combo * self.honour_matrix.shape[0] + self.honour_combo
        self._year_values = arrays["year_values"]
        self._year_rows = arrays["year_rows"]
        self._craftsman = arrays["craftsman"]
        self._model_worker = arrays["model_worker"]
        self._real = arrays["real"]
        self._words: list[tuple[str, str, int, bool]] = [tuple(w) for w in meta["words"]]
        starts, at = [], 0
        for text, *_ in self._words:
            starts.append(at)
            at += len(text) + 1
        self._word_blob = "\n".join(w[0] for w in self._words)
        self._word_starts = starts
        self._aliases: dict[str, dict[str, list[int]]] = meta["aliases"]
        self._lock = threading.Lock()
        self._filter_cache: OrderedDict[Filters, np.ndarray] = OrderedDict()
        self._everyone: dict[str, dict[str, int]] | None = None

    def clear_cache(self) -> None:
        with self._lock:
            self._filter_cache.clear()

    def mask(self, facet: str, values: Sequence[int]) -> np.ndarray:
        """Everyone who has one of these values (indexes into ``labels[facet]``)."""
        if facet in ("district", "industry"):
            lookup = np.zeros(len(self.labels[facet]), dtype=bool)
            lookup[list(values)] = True
            return lookup[self.district if facet == "district" else self.industry]
        matrix, combo = self._sets(facet)
        ok = matrix[:, list(values)].any(axis=1)
        return ok[combo]

    def has(self, facet: str, values: Sequence[int], row: int) -> bool:
        """Does the person at ``row`` have one of these values?"""
        if facet == "district":
            return int(self.district[row]) in values
        if facet == "industry":
            return int(self.industry[row]) in values
        matrix, combo = self._sets(facet)
        return bool(matrix[combo[row], list(values)].any())

    def _sets(self, facet: str) -> tuple[np.ndarray, np.ndarray]:
        if facet == "era":
            return self.era_matrix, self.era_combo
        return self.honour_matrix, self.honour_combo

    def filter_mask(self, filters: Filters) -> np.ndarray | None:
        """Who passes ``filters`` (None when nothing is filtered); the last 64 are kept."""
        if not any(f is not None for f in filters):
            return None
        with self._lock:
            if filters in self._filter_cache:
                self._filter_cache.move_to_end(filters)
                return self._filter_cache[filters]
        mask = np.ones(self.size, dtype=bool)
        for facet in FACETS:
            values = getattr(filters, facet)
            if values is not None:
                mask &= self.mask(facet, self.resolve(facet, values))
        if filters.years is not None:
            lo, hi = filters.years
            a = 0 if lo is None else int(np.searchsorted(self._year_values, lo, side="left"))
            b = (
                self._year_values.size
                if hi is None
                else int(np.searchsorted(self._year_values, hi, side="right"))
            )
            in_range = np.zeros(self.size, dtype=bool)
            in_range[self._year_rows[a:b]] = True
            mask &= in_range
        if filters.kind is not None:
            if filters.kind == HonourType.CRAFTSMAN.value:
                mask &= self._craftsman
            elif filters.kind == HonourType.MODEL_WORKER.value:
                mask &= self._model_worker
            else:
                mask[:] = False
        if filters.real:
            mask &= self._real
        with self._lock:
            self._filter_cache[filters] = mask
            while len(self._filter_cache) > _FILTER_CACHE:
                self._filter_cache.popitem(last=False)
        return mask

    def resolve(self, facet: str, values: Sequence[str]) -> list[int]:
        """The value indexes meant by filter values: labels as stored, or any of their names."""
        labels = self.labels[facet]
        aliases = self._aliases.get(facet, {})
        out: set[int] = set()
        for value in values:
            if value in labels:
                out.add(labels.index(value))
                continue
            out.update(aliases.get(normalize(value), ()))
        return sorted(out)

    def counts(self, hits: np.ndarray | None) -> dict[str, dict[str, int]]:
        """Facet counts over the rows ``hits`` (None: everyone; that answer is kept)."""
        if hits is None and self._everyone is not None:
            return self._everyone
        place = self._place if hits is None else self._place[hits]
        profile = self._profile if hits is None else self._profile[hits]
        n_d, n_i = len(self.labels["district"]), len(self.labels["industry"])
        n_e, n_h = self.era_matrix.shape[0], self.honour_matrix.shape[0]
        places = np.bincount(place, minlength=n_d * n_i).reshape(n_d, n_i)
        profiles = np.bincount(profile, minlength=n_e * n_h).reshape(n_e, n_h)
        ordered = {
            "era": _count_dict(self.labels["era"], profiles.sum(axis=1) @ self.era_matrix),
            "honour": _count_dict(self.labels["honour"], profiles.sum(axis=0) @ self.honour_matrix),
            "district": _count_dict(self.labels["district"], places.sum(axis=1)),
            "industry": _count_dict(self.labels["industry"], places.sum(axis=0)),
        }
        if hits is None:
            self._everyone = ordered
        return ordered

    def value_matches(self, word: str) -> dict[str, list[int]]:
        """Values (per facet) whose name contains ``word``; ASCII words must begin an English
        name and have 3+ letters (so that "an" does not select everyone in Shangyu)."""
        out: dict[str, list[int]] = {}
        if not word or (word.isascii() and len(word) < 3):
            return out
        blob, starts = self._word_blob, self._word_starts
        at = blob.find(word)
        while at >= 0:
            i = bisect.bisect_right(starts, at) - 1
            _text, facet, value, ascii_rule = self._words[i]
            if not (ascii_rule and word.isascii()) or at == starts[i]:
                values = out.setdefault(facet, [])
                if value not in values:
                    values.append(value)
            at = blob.find(word, at + 1)
        return out


def _count_dict(labels: Sequence[str], counts: np.ndarray) -> dict[str, int]:
    return {label: int(c) for label, c in zip(labels, counts.tolist(), strict=True) if c}
