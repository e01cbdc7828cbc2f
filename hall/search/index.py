"""The search index of one catalogue: built once (or loaded from its saved file), immutable, and
shared by every session.

Words separated by spaces are first tried together (``ding wei song`` is ``dingweisong``); if
that finds no name, each word must match somewhere (``陈 柯桥 专利``). A query that finds nobody
returns ``suggestions``: the ids of the people with the nearest names.

Queries are cut to 256 characters, 16 words and 64 characters a word, so hostile input costs no
more than an ordinary query. Results are memoised per (query, filters, page) in a bounded LRU;
``limit=0`` gives the total and facets only.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import threading
import types
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from hall.search import build as building
from hall.search import rank, storage
from hall.search.arrays import MAX_WORD_CHARS, Strings
from hall.search.build import CatalogLike
from hall.search.explain import Explainer, Match, Reasons
from hall.search.facets import Facets, Filters
from hall.search.match import FUZZY_BELOW, NO_MATCH, T_NAME_SUBSTRING, Matcher
from hall.textnorm import split_words

MAX_QUERY_CHARS = 256
MAX_WORDS = 16
CACHE_SIZE = 512


@dataclass(frozen=True)
class SearchResult:
    """One page of a search: ranked ids, the total, facet counts for the whole result.

    ``reasons[id]`` tells, for each id of the page, which fields matched (computed on first
    access). ``suggestions`` holds ids of people with the nearest names when nothing matched.
    """

    query: str
    ids: tuple[str, ...]
    total: int
    facets: dict[str, dict[str, int]]
    suggestions: tuple[str, ...] = ()
    reasons: Mapping[str, tuple[Match, ...]] = field(default_factory=dict, compare=False)
    offset: int = 0
    limit: int = 50


class SearchIndex:
    """The search index of one catalogue: immutable once built, safe to share between threads."""

    def __init__(
        self, catalog: CatalogLike, arrays: Mapping[str, np.ndarray], meta: Mapping[str, Any]
    ) -> None:
        """Wrap arrays made by ``build`` (or read back by ``load``).

        Raises:
            ValueError: the arrays do not fit together.
            KeyError: an array or a meta entry is missing.
        """
        self.fingerprint: str = meta["fingerprint"]
        self.size = int(meta["size"])
        self._ids = Strings.named(arrays, "ids")
        self._order = arrays["order"]
        self._place = arrays["rank"]
        self._facets = Facets(arrays, meta)
        self._matcher = Matcher(arrays, meta, self._facets, self._place)
        if not len(self._ids) == len(self._matcher.names) == len(self._matcher.unit_blobs) == self.size:
            raise ValueError("the index's string tables do not match its size")
        self._explainer = Explainer(catalog, self._ids, self._matcher, self._facets, self._order, self._place)
        self._arrays = dict(arrays)
        self._meta = dict(meta)
        self._cache: OrderedDict[tuple[Any, ...], SearchResult] = OrderedDict()
        self._lock = threading.Lock()

    # -- building, saving, loading ------------------------------------------------------

    @classmethod
    def build(cls, catalog: CatalogLike, *, fingerprint: str | None = None) -> SearchIndex:
        """Index every honoree of ``catalog`` (well under a second for 1,800 people)."""
        arrays, meta = building.build(catalog)
        meta["fingerprint"] = fingerprint or storage.catalog_fingerprint(catalog)
        meta.update(storage.code_version())
        return cls(catalog, arrays, meta)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the index to ``path`` atomically (see hall.search.storage for the format).

        Raises:
            OSError: the folder cannot be written.
        """
        storage.write(path, self._arrays, self._meta)

    @classmethod
    def load(
        cls, path: str | os.PathLike[str], catalog: CatalogLike, *, fingerprint: str | None = None
    ) -> SearchIndex | None:
        """The index saved at ``path`` if this code built it from this very catalogue, else None.

        A missing, damaged, stale or foreign file gives None, never an exception.
        """
        found = storage.read(
            path,
            size=len(catalog.honorees),
            fingerprint=lambda: fingerprint or storage.catalog_fingerprint(catalog),
        )
        if found is None:
            return None
        try:
            return cls(catalog, *found)
        except (ValueError, KeyError, TypeError):
            return None

    @classmethod
    def load_or_build(cls, catalog: CatalogLike, path: str | os.PathLike[str] | None = None) -> SearchIndex:
        """The index saved at ``path`` when current; otherwise build it (and try to save it)."""
        fingerprint = storage.catalog_fingerprint(catalog)
        if path is not None:
            loaded = cls.load(path, catalog, fingerprint=fingerprint)
            if loaded is not None:
                return loaded
        index = cls.build(catalog, fingerprint=fingerprint)
        if path is not None:
            with contextlib.suppress(OSError):  # a read-only data folder only costs start-up time
                index.save(path)
        return index

    @property
    def nbytes(self) -> int:
        """Bytes held by the index's arrays (Python string tables not included)."""
        return sum(a.nbytes for a in self._arrays.values())

    @property
    def arrays(self) -> Mapping[str, np.ndarray]:
        """The index's arrays by name, read-only (memory-mapped when loaded)."""
        return types.MappingProxyType(self._arrays)

    # -- searching ----------------------------------------------------------------------

    def search(
        self,
        query: str = "",
        *,
        era: str | Iterable[str] | None = None,
        honour: str | Iterable[str] | None = None,
        district: str | Iterable[str] | None = None,
        industry: str | Iterable[str] | None = None,
        years: tuple[int | None, int | None] | None = None,
        kind: str | None = None,
        real: bool | str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> SearchResult:
        """Ranked honoree ids for one page, the total and facet counts.

        See hall.search.match for what a query matches, hall.search.rank for the order and
        hall.search.facets for the filters and counts.
        """
        raw = query[:MAX_QUERY_CHARS] if isinstance(query, str) else ""
        words = tuple(w[:MAX_WORD_CHARS] for w in split_words(raw)[:MAX_WORDS])
        filters = Filters.of(era, honour, district, industry, years, kind, real)
        limit = max(0, int(limit))
        offset = max(0, int(offset))
        key = (words, filters, limit, offset)
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
        if hit is None:
            hit = self._search(raw, words, filters, limit, offset)
            with self._lock:
                self._cache[key] = hit
                while len(self._cache) > CACHE_SIZE:
                    self._cache.popitem(last=False)
        facets = {f: dict(c) for f, c in hit.facets.items()}
        return dataclasses.replace(hit, query=raw, facets=facets)

    def clear_cache(self) -> None:
        """Forget memoised results (benchmarks use this to time cold queries)."""
        with self._lock:
            self._cache.clear()
        self._facets.clear_cache()

    def _search(
        self, raw: str, words: tuple[str, ...], filters: Filters, limit: int, offset: int
    ) -> SearchResult:
        mask = self._facets.filter_mask(filters)
        joined = "".join(words)[:MAX_WORD_CHARS]
        used: tuple[str, ...] = ()
        scores: np.ndarray | None = None
        if words:
            scores = self._matcher.word(joined)  # one word: the tier is the score
            used = (joined,)
            if len(words) > 1 and not (scores <= T_NAME_SUBSTRING).any():
                scores = rank.combine(scores, [self._matcher.word(w) for w in words])
                used = (joined, *words)
            elif np.count_nonzero(scores != NO_MATCH) < FUZZY_BELOW:
                self._matcher.add_fuzzy(joined, scores)
        if scores is None:
            in_order = self._order if mask is None else self._order[mask[self._order]]
            total = int(in_order.size)
            page = in_order[offset : offset + limit]
            facets = self._facets.counts(None if mask is None else in_order)
        else:
            matched = rank.found(scores)
            if mask is not None:
                matched &= mask
            hits = np.flatnonzero(matched)
            total = int(hits.size)
            facets = self._facets.counts(hits)
            page = rank.page(hits, matched, scores, self._order, self._place, offset, limit)
        ids = tuple(self._ids[r] for r in page.tolist())
        suggestions = self._explainer.suggest(joined, mask) if total == 0 and words else ()
        row_of = dict(zip(ids, page.tolist(), strict=True))

        def explain(hid: str) -> tuple[Match, ...]:
            return self._explainer.explain(row_of[hid], used)

        return SearchResult(
            query=raw,
            ids=ids,
            total=total,
            facets=facets,
            suggestions=suggestions,
            reasons=Reasons(ids, explain),
            offset=offset,
            limit=limit,
        )


def build_index(catalog: CatalogLike) -> SearchIndex:
    """Same as ``SearchIndex.build(catalog)``."""
    return SearchIndex.build(catalog)
