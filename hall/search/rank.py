"""Ranking: the tier of the match first (hall.search.match), then the hall's one order of people.

Ties are broken by ``hall.pack.records.rank_key`` — honour level (national first), then the
year of the first honour, then id — the same order in which an empty query lists everyone who
passes the filters, and in which every room lists people. The order is worked out once, when the
index is built, and saved with it.

A multi-word match ranks by its weakest word, then its strongest, always below the whole phrase
matching in the same tier: a score is ``tier * 32`` for the phrase, ``weakest * 32 + 16 +
strongest`` for the words.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from hall.pack.records import Honoree, rank_key
from hall.search.arrays import EMPTY
from hall.search.match import NO_MATCH

NO_SCORE = 0xFFFF  # score of "no match" when words are combined (uint16 scores)


def listing_order(honorees: Sequence[Honoree]) -> np.ndarray:
    """Rows in the hall's listing order (``rank_key``)."""
    keys = sorted(range(len(honorees)), key=lambda i: rank_key(honorees[i]))
    return np.asarray(keys, dtype=np.int64)


def places(order: np.ndarray) -> np.ndarray:
    """Each row's place in ``order`` (0 = listed first)."""
    place = np.empty(order.size, dtype=np.int32)
    place[order] = np.arange(order.size, dtype=np.int32)
    return place


def combine(phrase: np.ndarray, per_word: Sequence[np.ndarray]) -> np.ndarray:
    """Scores of a multi-word query: the phrase's tier, or its words' weakest then strongest."""
    worst = np.maximum.reduce(per_word).astype(np.uint16)
    best = np.minimum.reduce(per_word).astype(np.uint16)
    combined = np.where(worst == NO_MATCH, NO_SCORE, worst * 32 + 16 + best)
    whole = np.where(phrase == NO_MATCH, NO_SCORE, phrase.astype(np.uint16) * 32)
    return np.minimum(whole, combined).astype(np.uint16)


def found(scores: np.ndarray) -> np.ndarray:
    """Who matched at all: tiers (uint8) or combined scores (uint16)."""
    return scores != (NO_MATCH if scores.dtype == np.uint8 else NO_SCORE)


def page(
    hits: np.ndarray,
    matched: np.ndarray,
    scores: np.ndarray,
    order: np.ndarray,
    place: np.ndarray,
    offset: int,
    limit: int,
) -> np.ndarray:
    """One page of ``hits`` (the rows where ``matched``) in ranking order: score, then place."""
    if not hits.size or not limit or offset >= hits.size:
        return EMPTY
    want = min(offset + limit, hits.size)
    if hits.size > 4096 and want <= 1024:
        # Many hits, an early page: walk the listing order one score at a time; usually the
        # best score alone fills the page. Cheaper than partitioning tens of thousands.
        hit_scores = scores[hits]
        if hit_scores.dtype == np.uint8:
            levels = np.flatnonzero(np.bincount(hit_scores, minlength=256))
        else:
            levels = np.unique(hit_scores)
        picked: list[np.ndarray] = []
        need = want
        for level in levels.tolist():
            group = matched if levels.size == 1 else matched & (scores == level)
            rows = order[np.flatnonzero(group[order])[:need]]
            picked.append(rows)
            need -= rows.size
            if not need:
                break
        return np.concatenate(picked)[offset:want]
    key = (scores[hits].astype(np.int64) << 32) | place[hits].astype(np.int64)
    part = np.argpartition(key, want - 1)[:want] if want < hits.size else np.arange(hits.size)
    part = part[np.argsort(key[part], kind="stable")]
    return hits[part[offset:want]]
