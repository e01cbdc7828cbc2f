"""Passage retrieval: BM25 (bm25s) over the hall's passages, cut with the pack's vocabulary.

Built once per catalogue and saved in the data folder beside the search index, in a folder named
for what built it (the catalogue's fingerprint, the code of hall.ask and of the catalogue, and the
versions of jieba and bm25s), so a changed pack or changed code builds a new one and the old ones
are removed. Loading memory-maps bm25s's arrays.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import math
import os
import pickle
import shutil
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from hall.ask.passages import Corpus, all_passages
from hall.ask.vocabulary import Vocabulary, pack_words
from hall.pack.cache import CATALOG_CODE, code_fingerprint, library_version
from hall.search.storage import catalog_fingerprint

log = logging.getLogger(__name__)
PREFIX = "ask-"
_META = "passages.pickle"


def index_key(catalog: Any) -> str:
    """What a saved passage index must have been built from, and by."""
    digest = hashlib.sha256(catalog_fingerprint(catalog).encode())
    # The code that makes and cuts passages (not the grammar or the answers: they read no file).
    # hall.labels.activities: the activities source writes an activity's kind and setting with them.
    made_by = (
        "hall.ask.passages",
        "hall.ask.sources",
        "hall.ask.vocabulary",
        "hall.ask.retrieve",
        "hall.labels.activities",
    )
    digest.update(code_fingerprint(*made_by, *CATALOG_CODE).encode())
    for lib in ("jieba", "bm25s"):
        digest.update(f"{lib}={library_version(lib)}".encode())
    return digest.hexdigest()[:16]


class Retriever:
    """BM25 over a corpus of passages; immutable once built, safe to share between threads."""

    def __init__(self, corpus: Corpus, bm25: Any, df: dict[str, int], vocabulary: Vocabulary) -> None:
        self.corpus = corpus
        self.vocabulary = vocabulary
        self._bm25 = bm25
        self._df = df
        self._n = max(1, len(corpus.passages))

    @classmethod
    def build(cls, catalog: Any, data_dir: str | Path | None = None) -> Retriever:
        """Cut and index every passage of ``catalog`` (about a second for 2,000 people)."""
        import bm25s

        corpus = Corpus.of(all_passages(catalog))
        vocabulary = Vocabulary(pack_words(catalog), data_dir)
        terms = vocabulary.cut_many(p.text for p in corpus.passages)
        df: Counter[str] = Counter()
        for ts in terms:
            df.update(set(ts))
        bm25 = bm25s.BM25()
        bm25.index(terms, show_progress=False)
        return cls(corpus, bm25, dict(df), vocabulary)

    @classmethod
    def load_or_build(cls, catalog: Any, data_dir: str | Path | None) -> Retriever:
        """The index saved in ``data_dir`` for this catalogue and code, else a new one (saved)."""
        if data_dir is None:
            return cls.build(catalog)
        folder = Path(data_dir) / f"{PREFIX}{index_key(catalog)}"
        loaded = _load(folder, catalog, data_dir)
        if loaded is not None:
            return loaded
        built = cls.build(catalog, data_dir)
        with contextlib.suppress(OSError):  # a read-only data folder only costs start-up time
            built._save(folder)
        return built

    def _save(self, folder: Path) -> None:
        folder.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".ask-", dir=folder.parent))
        try:
            self._bm25.save(str(work), show_progress=False)
            (work / _META).write_bytes(pickle.dumps((self.corpus, self._df), pickle.HIGHEST_PROTOCOL))
            if folder.exists():
                shutil.rmtree(folder, ignore_errors=True)
            os.replace(work, folder)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        for old in folder.parent.glob(f"{PREFIX}*"):  # the indexes of older packs or code
            if old != folder and old.is_dir():
                shutil.rmtree(old, ignore_errors=True)

    # -- asking ----------------------------------------------------------------------------

    def idf(self, term: str) -> float:
        """How rare a term is among the passages; a term no passage has gets the most."""
        df = self._df.get(term, 0)
        return math.log(1 + (self._n - df + 0.5) / (df + 0.5))

    def known(self, term: str) -> bool:
        return term in self._df

    def scores(self, terms: Sequence[str]) -> np.ndarray:
        """BM25 score of every passage for these terms (zeros when none is known)."""
        ids = self._bm25.get_tokens_ids(list(dict.fromkeys(terms)))
        if not ids:
            return np.zeros(len(self.corpus.passages), dtype=np.float32)
        return self._bm25.get_scores_from_ids(ids)

    def top(
        self, terms: Sequence[str], k: int = 10, rows: Sequence[int] | None = None
    ) -> list[tuple[int, float]]:
        """The ``k`` best passages (row, score) with a score above zero, among ``rows`` if given."""
        scores = self.scores(terms)
        if rows is not None:
            picked = np.asarray(rows, dtype=np.int64)
            sub = scores[picked]
            order = np.argsort(-sub, kind="stable")[:k]
            return [(int(picked[i]), float(sub[i])) for i in order if sub[i] > 0]
        k = min(k, scores.size)
        if k <= 0:
            return []
        best = np.argpartition(-scores, k - 1)[:k]
        best = best[np.argsort(-scores[best], kind="stable")]
        return [(int(i), float(scores[i])) for i in best if scores[i] > 0]


def _load(folder: Path, catalog: Any, data_dir: str | Path) -> Retriever | None:
    if not (folder / _META).exists():
        return None
    try:
        import bm25s

        bm25 = bm25s.BM25.load(str(folder), mmap=True, show_progress=False, verbosity=0)
        corpus, df = pickle.loads((folder / _META).read_bytes())
        if not isinstance(corpus, Corpus):
            return None
    except Exception:  # a damaged index is rebuilt, never trusted
        log.warning("passage index %s is unreadable; rebuilding", folder)
        return None
    return Retriever(corpus, bm25, df, Vocabulary(pack_words(catalog), data_dir))
