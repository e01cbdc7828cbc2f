"""Catalogue search: one in-memory index per catalogue, built once and shared by every session.

Build it with ``SearchIndex.build(catalog)`` (or load a saved copy with
``SearchIndex.load_or_build(catalog, path)``) and ask it ``index.search(query, **filters)``.

What a query matches
    The query is normalised like the indexed text (:func:`hall.textnorm.normalize`: traditional →
    simplified, full-width → half-width, lower case, tones and punctuation dropped) and matched
    against

    * the name (any substring), its pinyin at syllable starts (``dingweisong``, ``weisong``),
      its initials (``dws``) and mixes of characters and pinyin (``ding卫松``, ``丁ws``);
      surnames are read as surnames (单 shan, 曾 zeng …) and the common misreading is matched too;
    * employer, position, deeds and quote (any substring);
    * district (today's name, former names such as 绍兴县 or 嵊县, the name as printed),
      industry, honour names and aliases (全国劳模) and era names: a match selects everyone who
      has that value.

    Words separated by spaces are first tried together (``ding wei song`` is ``dingweisong``);
    if that finds no name, each word must match somewhere (``陈 柯桥 专利``). When a one-word query
    finds fewer than 5 people, names that sound the same (丁卫送 → 丁卫松) and pinyin one typo
    away (one insertion, deletion, substitution or swap of neighbours) are added below every
    exact match; a name one character away (丁卫杉) only when nothing else matched. A query that
    finds nobody returns ``suggestions``: the ids of the people with the nearest names.

Ranking, best first
    exact name · name prefix · initials (whole, from the surname) · full pinyin (whole, prefix)
    · initials or pinyin from an inner syllable (``ws``, ``weisong``) · name substring ·
    employer/position/district/industry/honour/era · deeds/quote · sounds-alike · one typo.
    A multi-word match ranks by its weakest word, then its strongest. Ties are broken by honour
    level (national first), then the year of the first honour, then id — the same order in
    which an empty query lists everyone who passes the filters.

Filters (all optional, combined with AND; a list of values means any of them)
    ``era`` era id or name · ``honour`` honour code, name or alias · ``district`` adcode, today's
    name or a former name · ``industry`` industry name · ``years=(start, end)`` inclusive, on any
    honour whose year is known (either end may be None) · ``kind`` ``"model_worker"`` (has a
    model-worker honour) or ``"craftsman"``. A filter value the catalogue does not know matches
    nobody.

Facets
    ``SearchResult.facets`` counts the whole result (every page) per ``era``, ``honour``,
    ``district`` and ``industry``. District (adcode) and industry take one value per person, so
    each adds up to ``total``; ``""`` counts people without one. A person with several honours is
    counted under *each* honour code they hold and under *each* era of their honours, so those two
    can add up to more than the total (people without a known era count under ``""``).

Queries are cut to 256 characters, 16 words and 64 characters a word, so hostile input costs no
more than an ordinary query. Results are memoised per (query, filters, page) in a bounded LRU;
``limit=0`` gives the total and facets only.

Saving
    ``index.save(path)`` writes one file: a JSON header and the raw numpy arrays (no pickle).
    ``SearchIndex.load(path, catalog)`` memory-maps it (a few milliseconds at 100,000 people) if
    its fingerprint (:func:`catalog_fingerprint`) still matches the catalogue, else gives None;
    ``load_or_build`` rebuilds and re-saves a stale, damaged or missing file. Answering queries
    never imports pypinyin: the index carries its own character → pinyin table.
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import dataclasses
import functools
import hashlib
import io
import itertools
import json
import mmap
import operator
import os
import re
import sys
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, Protocol

import numpy as np

from hall.pack.cache import CATALOG_CODE, code_fingerprint
from hall.pack.records import District, Era, Honoree, HonourKind, HonourType, rank_key
from hall.pinyin import name_units, reading_table
from hall.textnorm import normalize, normalize_many, normalize_with_map, split_words

__all__ = [
    "FACETS",
    "CatalogLike",
    "Match",
    "SearchIndex",
    "SearchResult",
    "build_index",
    "catalog_fingerprint",
    "main",
]

FACETS = ("era", "honour", "district", "industry")
SCHEMA = 4  # bump whenever the saved arrays change meaning

MAX_QUERY_CHARS = 256
MAX_WORDS = 16
MAX_WORD_CHARS = 64
FUZZY_BELOW = 5
CACHE_SIZE = 512
SUGGESTIONS = 5

# Match tiers: lower is better.
T_EXACT_NAME = 0
T_NAME_PREFIX = 1
T_INITIALS_EXACT = 2  # dws
T_INITIALS = 3  # dw: from the surname on
T_PINYIN_EXACT = 4  # dingweisong
T_PINYIN_PREFIX = 5  # dingwei
T_INITIALS_INNER = 6  # ws
T_PINYIN_INNER = 7  # weisong
T_NAME_SUBSTRING = 8
T_ATTRIBUTE = 9  # employer, position, district, industry, honour, era
T_DEEDS = 10  # deeds, quote
T_SOUNDS_LIKE = 11
T_TYPO = 12
_NONE = 255  # tier of "no match" (uint8 arrays)
_NO_SCORE = 0xFFFF  # score of "no match" (uint16 arrays): tier * 32, words combined in between

_KIND_FULL = 0
_KIND_INITIALS = 1
_SA_WIDTH = 48
_POOL = 2000  # suggestions compare at most this many best-ranked people besides near names
_MIXED_CHECK_ALL = 300  # a mixed query checks at most this many people one by one
_TONED = re.compile(r"(?:[a-z]+[1-5])+[a-z]*")
_UNIT_SEP = "\x1d"
_FIELD_SEP = "\x1f"
_MAGIC = b"HALLSEARCH\x00"


class CatalogLike(Protocol):
    """What the index needs from a catalogue (``hall.pack.Catalog`` has all of it)."""

    @property
    def honorees(self) -> Sequence[Honoree]: ...
    @property
    def honour_kinds(self) -> Mapping[str, HonourKind]: ...
    @property
    def districts(self) -> Sequence[District]: ...
    @property
    def eras(self) -> Sequence[Era]: ...
    @property
    def industries(self) -> Sequence[Any]: ...


@dataclass(frozen=True, slots=True)
class Match:
    """Why a person was found: the field and the matched text exactly as printed in that field.

    ``field`` is one of name, pinyin, initials, employer, position, deeds, quote, district,
    industry, honour, era, sounds_like, typo. For pinyin, initials, sounds_like and typo, ``text``
    is the part of the *name* that was spelled. The interface should escape the field value and
    then wrap the occurrences of ``text`` (never insert ``text`` as markup).
    """

    field: str
    text: str


class _Reasons(Mapping[str, tuple[Match, ...]]):
    """Match reasons for the ids of one page, worked out the first time each is asked for."""

    def __init__(self, ids: Sequence[str], explain: Callable[[str], tuple[Match, ...]]) -> None:
        self._ids = tuple(ids)
        self._known = set(self._ids)
        self._explain = explain
        self._done: dict[str, tuple[Match, ...]] = {}

    def __getitem__(self, key: str) -> tuple[Match, ...]:
        if key not in self._known:
            raise KeyError(key)
        found = self._done.get(key)
        if found is None:
            found = self._done[key] = self._explain(key)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def __repr__(self) -> str:
        return f"Reasons({dict(self)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (dict(self.items()),))


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


# ---------------------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------------------

_EMPTY_I64 = np.zeros(0, dtype=np.int64)


def _unique_sorted(values: np.ndarray) -> np.ndarray:
    """Drop repeats from an already sorted array."""
    if values.size <= 1:
        return values
    keep = np.empty(values.size, dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


class _Strings(Sequence[str]):
    """A read-only list of strings kept as UTF-8 bytes in one array, decoded on access.

    Nothing is decoded when an index is loaded, and 100,000 names cost no Python objects.
    """

    def __init__(self, offsets: np.ndarray, data: np.ndarray) -> None:
        self.offsets = offsets
        self.data = data

    @classmethod
    def build(cls, strings: Iterable[str]) -> _Strings:
        encoded = [s.encode("utf-8", "surrogatepass") for s in strings]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(b) for b in encoded], out=offsets[1:])
        return cls(offsets, np.frombuffer(b"".join(encoded), dtype=np.uint8))

    def arrays(self, name: str) -> dict[str, np.ndarray]:
        return {f"{name}.offsets": self.offsets, f"{name}.data": self.data}

    @classmethod
    def named(cls, arrays: Mapping[str, np.ndarray], name: str) -> _Strings:
        return cls(arrays[f"{name}.offsets"], arrays[f"{name}.data"])

    def __len__(self) -> int:
        return self.offsets.size - 1

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        a, b = self.offsets[i], self.offsets[i + 1]
        return self.data[a:b].tobytes().decode("utf-8", "surrogatepass")


class _Ngrams:
    """Exact substring search over many documents: character and positional bigram postings.

    Bigram postings are sorted ``doc << pos_bits | position`` integers in one numpy array. A
    query of three or more characters starts from the occurrences of its rarest bigram and checks
    its other characters in place, with one vectorised gather per character from the documents'
    text (kept as small character ids) — no Python loop over candidates, no binary searches.
    """

    NAMES = (
        "alphabet", "uni_offsets", "uni_docs", "gram_keys", "gram_offsets", "postings", "text",
        "doc_starts",
    )  # fmt: skip

    def __init__(self, arrays: Mapping[str, np.ndarray], pos_bits: int) -> None:
        self.alphabet = arrays["alphabet"]  # code points; a character's id is its index + 1
        self.uni_offsets = arrays["uni_offsets"]
        self.uni_docs = arrays["uni_docs"]
        self.gram_keys = arrays["gram_keys"]
        self.gram_offsets = arrays["gram_offsets"]
        self.postings = arrays["postings"]
        self.text = arrays["text"]  # character ids, 0 between documents and as padding
        self.doc_starts = arrays["doc_starts"]
        self.pos_bits = pos_bits
        self.pos_mask = (1 << pos_bits) - 1
        self.base = self.alphabet.size + 1

    def arrays(self) -> dict[str, np.ndarray]:
        return {name: getattr(self, name) for name in self.NAMES}

    @classmethod
    def build(cls, docs: Sequence[str]) -> _Ngrams:
        docs = docs or [""]  # one empty document keeps every array well-formed
        n = len(docs)
        lengths = np.fromiter((len(d) for d in docs), dtype=np.int64, count=n)
        max_len = int(lengths.max()) if n else 0
        pos_bits = max(1, (max_len + MAX_WORD_CHARS).bit_length())
        doc_bits = max(1, n.bit_length())
        post_type = np.uint32 if doc_bits + pos_bits <= 32 else np.uint64
        cps = np.frombuffer(("\x00".join(docs) + "\x00").encode("utf-32-le"), dtype=np.uint32)
        seg = lengths + 1
        starts = np.cumsum(seg) - seg
        counts = np.bincount(cps, minlength=1)
        counts[0] = 0
        alphabet = np.flatnonzero(counts).astype(np.uint32)
        base = alphabet.size + 1
        table = np.zeros(counts.size, dtype=np.uint32)
        table[alphabet] = np.arange(1, base, dtype=np.uint32)
        ids = table[cps]
        del table, counts
        text_type = np.uint16 if base <= 1 << 16 else np.uint32
        text = np.zeros(cps.size + MAX_WORD_CHARS, dtype=text_type)
        text[: cps.size] = ids
        del cps
        doc_of = np.repeat(np.arange(n, dtype=np.uint64), seg)
        pos = np.arange(ids.size, dtype=np.uint64) - np.repeat(starts.astype(np.uint64), seg)
        valid = ids != 0
        ids64 = ids.astype(np.uint64)
        del ids
        # character postings: (char, doc) pairs, each once
        uni = (ids64[valid] << np.uint64(32)) | doc_of[valid]
        uni.sort()
        uni = _unique_sorted(uni)
        uni_offsets = np.searchsorted(uni >> np.uint64(32), np.arange(base + 1))
        uni_docs = (uni & np.uint64(0xFFFFFFFF)).astype(np.uint32)
        del uni
        # positional bigram postings
        both = valid[:-1] & valid[1:]
        gram = ids64[:-1][both] * np.uint64(base) + ids64[1:][both]
        enc = (doc_of[:-1][both] << np.uint64(pos_bits)) | pos[:-1][both]
        del ids64, doc_of, pos, both, valid
        if post_type is np.uint32 and base**2 < 2**32:
            key = (gram << np.uint64(32)) | enc
            del gram, enc
            key.sort()
            gram_sorted = key >> np.uint64(32)
            postings = (key & np.uint64(0xFFFFFFFF)).astype(np.uint32)
            del key
        else:
            order = np.argsort(gram, kind="stable")
            gram_sorted = gram[order]
            postings = enc[order].astype(post_type)
            del order, gram, enc
        change = np.flatnonzero(gram_sorted[1:] != gram_sorted[:-1]) + 1
        heads = np.concatenate(([0], change)).astype(np.int64)
        arrays = {
            "alphabet": alphabet,
            "uni_offsets": uni_offsets.astype(np.int64),
            "uni_docs": uni_docs,
            "gram_keys": gram_sorted[heads] if gram_sorted.size else np.zeros(0, np.uint64),
            "gram_offsets": np.concatenate((heads, [gram_sorted.size])).astype(np.int64),
            "postings": postings,
            "text": text,
            "doc_starts": starts.astype(np.int64),
        }
        return cls(arrays, pos_bits)

    def find(self, text: str) -> np.ndarray:
        """Sorted ids of the documents containing ``text`` (at most 64 characters are used)."""
        text = text[:MAX_WORD_CHARS]
        if not text or not self.alphabet.size:
            return _EMPTY_I64
        cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        at = np.searchsorted(self.alphabet, cps)
        if (at >= self.alphabet.size).any():
            return _EMPTY_I64
        if (self.alphabet[at] != cps).any():
            return _EMPTY_I64
        ids = at.astype(np.int64) + 1
        if ids.size == 1:
            c = int(ids[0])
            return self.uni_docs[self.uni_offsets[c] : self.uni_offsets[c + 1]].astype(np.int64)
        grams = (ids[:-1] * self.base + ids[1:]).astype(np.uint64)
        gi = np.searchsorted(self.gram_keys, grams)
        if (gi >= self.gram_keys.size).any():
            return _EMPTY_I64
        if (self.gram_keys[gi] != grams).any():
            return _EMPTY_I64
        sizes = self.gram_offsets[gi + 1] - self.gram_offsets[gi]
        k = int(np.argmin(sizes))
        cand = self.postings[self.gram_offsets[gi[k]] : self.gram_offsets[gi[k] + 1]]
        docs = (cand >> cand.dtype.type(self.pos_bits)).astype(np.int64)
        if ids.size > 2:
            # where the whole query would start, then every other character checked in place
            start = self.doc_starts[docs] + (cand & cand.dtype.type(self.pos_mask)) - k
            keep = start >= self.doc_starts[docs]
            for j in range(ids.size):
                if j in (k, k + 1) or not keep.any():
                    continue
                keep &= self.text[np.maximum(start + j, 0)] == ids[j]
            docs = docs[keep]
        return _unique_sorted(docs)

    @property
    def nbytes(self) -> int:
        return sum(a.nbytes for a in self.arrays().values())


class _Prefixes:
    """Sorted byte strings with a row and two small numbers each: prefix search by bisection."""

    NAMES = ("keys", "rows", "start", "rest", "kind")

    def __init__(self, arrays: Mapping[str, np.ndarray]) -> None:
        self.keys = arrays["keys"]
        self.rows = arrays["rows"]
        self.start = arrays["start"]
        self.rest = arrays["rest"]
        self.kind = arrays["kind"]
        self.width = self.keys.dtype.itemsize

    def arrays(self) -> dict[str, np.ndarray]:
        return {name: getattr(self, name) for name in self.NAMES}

    @classmethod
    def build(cls, entries: list[tuple[bytes, int, int, int, int]]) -> _Prefixes:
        width = max([1, *(min(len(e[0]), _SA_WIDTH) for e in entries)])
        keys = np.array([e[0][:width] for e in entries], dtype=f"S{width}")
        order = np.argsort(keys, kind="stable")
        arrays = {
            "keys": keys[order],
            "rows": np.array([e[1] for e in entries], dtype=np.int32)[order],
            "start": np.array([min(e[2], 255) for e in entries], dtype=np.uint8)[order],
            "rest": np.array([min(e[3], 65535) for e in entries], dtype=np.uint16)[order],
            "kind": np.array([e[4] for e in entries], dtype=np.uint8)[order],
        }
        return cls(arrays)

    def find(self, prefix: bytes) -> slice:
        """The entries whose key starts with ``prefix`` (cut to the key width; callers verify)."""
        if not prefix or not self.keys.size:
            return slice(0, 0)
        cut = prefix[: self.width]
        # The first string after every string starting with `cut`: bump its last byte (UTF-8 and
        # ASCII never hold 0xff). Both bounds keep the array's width, so numpy compares them in
        # place instead of widening (copying) the whole array.
        after = cut[:-1] + bytes([cut[-1] + 1])
        bounds = np.array([cut, after], dtype=self.keys.dtype)
        lo, hi = np.searchsorted(self.keys, bounds, side="left").tolist()
        return slice(lo, hi)

    @property
    def nbytes(self) -> int:
        return sum(a.nbytes for a in self.arrays().values())


def _string_hashes(strings: Iterable[str]) -> np.ndarray:
    """A stable 64-bit hash per string (the same in every process, unlike ``hash()``)."""
    return np.fromiter(
        ((zlib.crc32(b) << 32) | zlib.adler32(b) for b in (s.encode("utf-8") for s in strings)),
        dtype=np.uint64,
    )


def _deletions(text: str) -> list[str]:
    return [text, *dict.fromkeys(text[:i] + text[i + 1 :] for i in range(len(text)))]


class _Typos:
    """Words one typo away (OSA distance ≤ 1), found through single-deletion neighbourhoods."""

    NAMES = ("hashes", "words", "offsets", "rows")

    def __init__(self, arrays: Mapping[str, np.ndarray], vocab: _Strings) -> None:
        self.hashes = arrays["hashes"]
        self.words = arrays["words"]
        self.offsets = arrays["offsets"]
        self.rows = arrays["rows"]
        self.vocab = vocab

    def arrays(self) -> dict[str, np.ndarray]:
        return {name: getattr(self, name) for name in self.NAMES}

    @classmethod
    def build(cls, word_rows: Mapping[str, list[int]]) -> _Typos:
        vocab = list(word_rows)
        dels: list[str] = []
        owner: list[int] = []
        for i, word in enumerate(vocab):
            variants = _deletions(word)
            dels += variants
            owner += [i] * len(variants)
        hashes = _string_hashes(dels)
        order = np.argsort(hashes, kind="stable")
        counts = np.fromiter((len(word_rows[w]) for w in vocab), dtype=np.int64, count=len(vocab))
        offsets = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
        rows = np.fromiter(
            (r for w in vocab for r in word_rows[w]),
            dtype=np.int32,
            count=int(offsets[-1]),
        )
        arrays = {
            "hashes": hashes[order],
            "words": np.asarray(owner, dtype=np.int32)[order],
            "offsets": offsets,
            "rows": rows,
        }
        return cls(arrays, _Strings.build(vocab))

    def _probe(self, probes: list[str]) -> set[int]:
        hashes = _string_hashes(probes)
        lo = np.searchsorted(self.hashes, hashes, side="left")
        hi = np.searchsorted(self.hashes, hashes, side="right")
        found: set[int] = set()
        for a, b in zip(lo.tolist(), hi.tolist(), strict=True):
            if b > a:
                found.update(self.words[a:b].tolist())
        return found

    def near(self, word: str) -> list[int]:
        """Ids (into ``vocab``) of the words one typo from ``word`` (not ``word`` itself)."""
        from rapidfuzz.distance import OSA

        if not self.vocab:
            return []
        found = self._probe(_deletions(word))
        near = (i for i in found if self.vocab[i] != word)
        return sorted(i for i in near if OSA.distance(word, self.vocab[i]) <= 1)

    def roughly_near(self, word: str) -> list[int]:
        """Ids of words about three edits or fewer from ``word`` (shared 2- and 1-deletions)."""
        if not self.vocab:
            return []
        probes = _deletions(word)
        if len(word) <= 16:
            probes = list(dict.fromkeys(d2 for d1 in probes for d2 in _deletions(d1)))
        return sorted(self._probe(probes))

    def rows_of(self, i: int) -> np.ndarray:
        return self.rows[self.offsets[i] : self.offsets[i + 1]]

    @property
    def nbytes(self) -> int:
        return sum(a.nbytes for a in self.arrays().values())


# ---------------------------------------------------------------------------------------
# Per-person facts that are not text: codes for filters, facets and ranking
# ---------------------------------------------------------------------------------------


def _vocab_index(values: Iterable[str]) -> dict[str, int]:
    return {v: i for i, v in enumerate(dict.fromkeys(values))}


def catalog_fingerprint(catalog: CatalogLike) -> str:
    """What a saved index must have been built from to be used for ``catalog``.

    In order of preference:

    * the catalogue's own ``fingerprint`` attribute, when it has one;
    * for a catalogue read from a pack folder (``catalog.pack``): the files under ``exhibits/``
      (path, size, modification time; the same test hall.pack trusts for its own cache) and
      the honoree ids in order — a few milliseconds at any size;
    * otherwise a digest of every field the index reads (about 0.4 s for 100,000 people).
    """
    own = getattr(catalog, "fingerprint", None)
    if isinstance(own, str) and own:
        return f"catalog:{own}"
    pack = getattr(catalog, "pack", None)
    if isinstance(pack, str | os.PathLike) and str(pack):
        quick = _pack_fingerprint(Path(pack), catalog)
        if quick:
            return quick
    return _content_fingerprint(catalog)


def _pack_fingerprint(pack: Path, catalog: CatalogLike) -> str:
    exhibits = pack / "exhibits"
    if not exhibits.is_dir():
        return ""
    digest = hashlib.sha1(usedforsecurity=False)
    head = (_versions(), str(pack.resolve()), code_fingerprint(*CATALOG_CODE))
    digest.update(repr(head).encode())
    for path in sorted(exhibits.rglob("*")):
        if path.is_file():
            st = path.stat()
            digest.update(f"{path.relative_to(pack)}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    # the ids in order: rows of a stale index could otherwise point at the wrong people
    ids = "\x1f".join(map(operator.attrgetter("id"), catalog.honorees))
    digest.update(ids.encode("utf-8", "surrogatepass"))
    return "pack:" + digest.hexdigest()


def _content_fingerprint(catalog: CatalogLike) -> str:
    digest = hashlib.sha1(usedforsecurity=False)  # change detection, not security
    digest.update(repr(_versions()).encode())
    head = [
        [(e.id, e.name.zh, e.name.en) for e in catalog.eras],
        [
            (k.code, k.name.zh, k.name.en, k.level.value, k.type.value, k.aliases)
            for k in catalog.honour_kinds.values()
        ],
        [(d.adcode, d.name.zh, d.name.en, d.former) for d in catalog.districts],
        [_text_of(i) for i in catalog.industries],
    ]
    digest.update(repr(head).encode())
    # A few joins over the whole catalogue keep this at C speed (~0.3 s for 100,000 people).
    people = catalog.honorees
    flat = itertools.chain.from_iterable
    text = "\x1f".join(flat(map(operator.attrgetter(*_FINGERPRINT_TEXT), people)))
    digest.update(text.encode("utf-8", "surrogatepass"))
    del text
    flags = map(operator.attrgetter("best_level", "is_craftsman"), people)
    digest.update(repr(list(flags)).encode())
    digest.update(repr(list(map(len, map(operator.attrgetter("honours"), people)))).encode())
    honours = list(flat(map(operator.attrgetter("honours"), people)))
    digest.update("\x1f".join(flat(map(operator.attrgetter("code", "era"), honours))).encode())
    digest.update(repr(list(map(operator.attrgetter("year"), honours))).encode())
    return digest.hexdigest()


_FINGERPRINT_TEXT = (
    "id", "name", "name_en", "district", "district_code", "employer", "position", "industry",
    "deeds", "quote",
)  # fmt: skip


@functools.cache
def _versions() -> dict[str, str]:
    """Versions of the libraries whose output the index stores (readings, conversions)."""
    return {"schema": str(SCHEMA), **{p: _installed_version(p) for p in ("pypinyin", "opencc")}}


def _installed_version(package: str) -> str:
    """The installed version, from the dist-info folder name (fast: importlib.metadata scans)."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.origin:
        return ""
    for folder in Path(spec.origin).parent.parent.glob(f"{package}-*.dist-info"):
        return folder.name[len(package) + 1 : -len(".dist-info")]
    from importlib import metadata

    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return ""


def _text_of(value: Any) -> tuple[str, str]:
    name = getattr(value, "name", value)
    zh = getattr(name, "zh", None)
    if zh is None:
        return str(name), ""
    return str(zh), str(getattr(name, "en", "") or "")


def _rank_order(honorees: Sequence[Honoree]) -> np.ndarray:
    """Rows in listing order: best honour level, then year of the first honour, then id."""
    keys = sorted(range(len(honorees)), key=lambda i: rank_key(honorees[i]))
    return np.asarray(keys, dtype=np.int64)


class _Unit(NamedTuple):
    """One character of a name (see hall.pinyin.NameUnit) with its normalised form."""

    text: str
    norm: str
    readings: tuple[str, ...]


def _name_units_blob(name: str, norm: Callable[[str], str]) -> str:
    return _UNIT_SEP.join(
        _FIELD_SEP.join((u.text, norm(u.text), "/".join(u.readings))) for u in name_units(name)
    )


def _parse_units(blob: str) -> list[_Unit]:
    out = []
    for part in blob.split(_UNIT_SEP) if blob else ():
        text, norm, readings = part.split(_FIELD_SEP)
        out.append(_Unit(text, norm, tuple(r for r in readings.split("/") if r)))
    return out


def _spellings(units: Sequence[_Unit]) -> list[tuple[str, list[int], list[int], int]]:
    """Full and initials keys of a name, most correct first.

    Each is (key, owner, starts, kind): owner[i] is the unit key[i] belongs to, starts are the
    offsets where a unit's spelling begins, kind is _KIND_FULL or _KIND_INITIALS.
    """
    readable = [(i, u.readings) for i, u in enumerate(units) if u.readings]
    if not readable:
        return []
    out: list[tuple[str, list[int], list[int], int]] = []
    choices = [r for _, r in readable]
    combos = [tuple(c[0] for c in choices)]
    for c_i, c in enumerate(choices):
        for alt in c[1:]:
            combo = list(combos[0])
            combo[c_i] = alt
            combos.append(tuple(combo))
    for combo in combos[:8]:
        full = "".join(combo)
        owner = [readable[k][0] for k, syl in enumerate(combo) for _ in syl]
        starts = [len("".join(combo[:k])) for k in range(len(combo))]
        out.append((full, owner, starts, _KIND_FULL))
        initials = "".join(s[0] for s in combo)
        owners = [readable[k][0] for k in range(len(combo))]
        out.append((initials, owners, list(range(len(combo))), _KIND_INITIALS))
    return out


def _spell(query: str, qi: int, units: Sequence[_Unit], ui: int) -> int | None:
    """Can ``query[qi:]`` spell ``units[ui:]`` (characters as themselves, pinyin or initials)?

    Returns the index after the last unit spelled, or None.
    """
    if qi == len(query):
        return ui
    if ui == len(units):
        return None
    _, norm, readings = units[ui]
    ch = query[qi]
    if not ch.isascii():
        if norm and query.startswith(norm, qi):
            return _spell(query, qi + len(norm), units, ui + 1)
        return None
    rest = query[qi:]
    for reading in readings:
        if rest.startswith(reading):
            done = _spell(query, qi + len(reading), units, ui + 1)
            if done is not None:
                return done
        elif rest.isascii() and reading.startswith(rest):
            return ui + 1
    for reading in readings:
        if reading[0] == ch:
            done = _spell(query, qi + 1, units, ui + 1)
            if done is not None:
                return done
    return None


def _as_set(value: str | Iterable[str] | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return (value,) if value else None
    values = tuple(str(v) for v in value if v)
    return values or None


# ---------------------------------------------------------------------------------------
# The index
# ---------------------------------------------------------------------------------------


class SearchIndex:
    """The search index of one catalogue: immutable once built, safe to share between threads."""

    def __init__(
        self, catalog: CatalogLike, arrays: Mapping[str, np.ndarray], meta: Mapping[str, Any]
    ) -> None:
        self._catalog = catalog
        self._honorees: Sequence[Honoree] = catalog.honorees
        self.fingerprint: str = meta["fingerprint"]
        self.size = n = int(meta["size"])
        self._ids = _Strings.named(arrays, "ids")
        self._names = _Strings.named(arrays, "names")
        self._units = _Strings.named(arrays, "units")
        if not len(self._ids) == len(self._names) == len(self._units) == n:
            raise ValueError("the index's string tables do not match its size")
        self._rank = arrays["rank"]
        self._order = arrays["order"]
        self._district = arrays["district"]
        self._industry = arrays["industry"]
        self._era_combo = arrays["era_combo"]
        self._era_matrix = arrays["era_matrix"]
        self._honour_combo = arrays["honour_combo"]
        self._honour_matrix = arrays["honour_matrix"]
        # facets count two codes per person: (district, industry) and (era set, honour set)
        n_industries = len(meta["labels"]["industry"])
        n_honour_sets = self._honour_matrix.shape[0]
        self._place = self._district * n_industries + self._industry
        self._profile = self._era_combo * n_honour_sets + self._honour_combo
        self._year_values = arrays["year_values"]
        self._year_rows = arrays["year_rows"]
        self._craftsman = arrays["craftsman"]
        self._model_worker = arrays["model_worker"]
        self._labels: dict[str, list[str]] = meta["labels"]
        self._words: list[tuple[str, str, int, bool]] = [tuple(w) for w in meta["words"]]
        starts, at = [], 0
        for text, *_ in self._words:
            starts.append(at)
            at += len(text) + 1
        self._word_blob = ("\n".join(w[0] for w in self._words), starts)  # type: ignore[misc]
        self._aliases: dict[str, dict[str, list[int]]] = meta["aliases"]
        self._text = _Ngrams(
            {k: arrays[f"text.{k}"] for k in _Ngrams.NAMES},
            int(meta["text_pos_bits"]),
        )
        self._name_sa = _Prefixes({k: arrays[f"name_sa.{k}"] for k in _Prefixes.NAMES})
        self._pinyin_sa = _Prefixes({k: arrays[f"pinyin_sa.{k}"] for k in _Prefixes.NAMES})
        self._name_typos = _Typos(
            {k: arrays[f"name_typos.{k}"] for k in _Typos.NAMES},
            _Strings.named(arrays, "name_typos.vocab"),
        )
        self._pinyin_typos = _Typos(
            {k: arrays[f"pinyin_typos.{k}"] for k in _Typos.NAMES},
            _Strings.named(arrays, "pinyin_typos.vocab"),
        )
        self._sound_chars = arrays["sound.chars"]
        self._sound_readings = _Strings.named(arrays, "sound.readings")
        self._arrays = dict(arrays)
        self._meta = dict(meta)
        self._cache: OrderedDict[tuple[Any, ...], SearchResult] = OrderedDict()
        self._filter_cache: OrderedDict[tuple[Any, ...], np.ndarray | None] = OrderedDict()
        self._lock = threading.Lock()
        self._all_facets: dict[str, dict[str, int]] | None = None
        self._pools: dict[tuple[str, bool], tuple[list[int], list[str]]] = {}
        self._value_masks: dict[tuple[str, tuple[int, ...]], np.ndarray] = {}

    # -- building ---------------------------------------------------------------------

    @classmethod
    def build(cls, catalog: CatalogLike, *, fingerprint: str | None = None) -> SearchIndex:
        """Index every honoree of ``catalog`` (well under a second for 1,800 people)."""
        people = tuple(catalog.honorees)
        n = len(people)
        arrays: dict[str, np.ndarray] = {}
        meta: dict[str, Any] = {
            "schema": SCHEMA,
            "size": n,
            "fingerprint": fingerprint or catalog_fingerprint(catalog),
            "versions": _versions(),
        }
        ids = [h.id for h in people]
        arrays.update(_Strings.build(ids).arrays("ids"))
        norm_names = normalize_many([h.name for h in people])
        arrays.update(_Strings.build(norm_names).arrays("names"))
        norm_cache: dict[str, str] = {}

        def norm_unit(text: str) -> str:
            found = norm_cache.get(text)
            if found is None:
                found = norm_cache[text] = normalize(text)
            return found

        unit_blobs = [_name_units_blob(h.name, norm_unit) for h in people]
        arrays.update(_Strings.build(unit_blobs).arrays("units"))

        order = _rank_order(people)
        rank = np.empty(n, dtype=np.int32)
        rank[order] = np.arange(n, dtype=np.int32)
        arrays["order"] = order
        arrays["rank"] = rank

        # ---- facets and filters -------------------------------------------------------
        district_names = {d.adcode: d for d in catalog.districts}
        seen_districts = (h.district_code for h in people if h.district_code)
        districts = _vocab_index([*district_names, *seen_districts, ""])
        industries = _vocab_index(
            [
                *(_text_of(i)[0] for i in catalog.industries),
                *(h.industry for h in people if h.industry),
                "",
            ]
        )
        eras = _vocab_index(
            [
                *(e.id for e in catalog.eras),
                *(o.era for h in people for o in h.honours if o.era),
                "",
            ]
        )
        seen_codes = (o.code for h in people for o in h.honours)
        kinds = _vocab_index([*catalog.honour_kinds, *seen_codes, ""])
        arrays["district"] = np.fromiter(
            (districts[h.district_code] for h in people), dtype=np.int32, count=n
        )
        arrays["industry"] = np.fromiter(
            (industries[h.industry] for h in people),
            dtype=np.int32,
            count=n,
        )

        def combos(sets: list[tuple[int, ...]], width: int) -> tuple[np.ndarray, np.ndarray]:
            seen: dict[tuple[int, ...], int] = {}
            codes = np.fromiter(
                (seen.setdefault(s, len(seen)) for s in sets), dtype=np.int32, count=len(sets)
            )
            matrix = np.zeros((max(1, len(seen)), width), dtype=np.int64)
            for combo, c in seen.items():
                matrix[c, list(combo)] = 1
            return codes, matrix

        def codes_of(h: Honoree, vocab: dict[str, int], attr: str) -> tuple[int, ...]:
            found = {vocab[getattr(o, attr)] for o in h.honours if getattr(o, attr)}
            return tuple(sorted(found)) or (vocab[""],)

        era_sets = [codes_of(h, eras, "era") for h in people]
        arrays["era_combo"], arrays["era_matrix"] = combos(era_sets, len(eras))
        honour_sets = [codes_of(h, kinds, "code") for h in people]
        arrays["honour_combo"], arrays["honour_matrix"] = combos(honour_sets, len(kinds))
        dated = ((o.year, i) for i, h in enumerate(people) for o in h.honours)
        pairs = sorted((y, i) for y, i in dated if y is not None)
        arrays["year_values"] = np.asarray([y for y, _ in pairs], dtype=np.int32)
        arrays["year_rows"] = np.asarray([r for _, r in pairs], dtype=np.int32)
        arrays["craftsman"] = np.fromiter(
            (bool(h.is_craftsman) for h in people),
            dtype=bool,
            count=n,
        )
        worker = HonourType.MODEL_WORKER
        worker_codes = {c for c, k in catalog.honour_kinds.items() if k.type is worker}
        arrays["model_worker"] = np.fromiter(
            (any(o.code in worker_codes for o in h.honours) for h in people), dtype=bool, count=n
        )
        meta["labels"] = {
            "era": list(eras),
            "honour": list(kinds),
            "district": list(districts),
            "industry": list(industries),
        }

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
            zh, en = _text_of(ind)
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
        meta["words"] = [[w, f, v, a] for (w, f, v), a in words.items()]
        meta["aliases"] = {f: {k: sorted(v) for k, v in d.items()} for f, d in aliases.items()}

        # ---- text: employer/position (group 0) and deeds/quote (group 1) per person ---
        # "\x01" separates the two fields of a document: normalize() drops control characters,
        # so no query can match across it.
        fields = normalize_many(
            [t for h in people for t in (h.employer, h.position, h.deeds, h.quote)],
        )
        docs = [f"{a}\x01{b}" for a, b in zip(fields[0::2], fields[1::2], strict=True)]
        del fields
        text = _Ngrams.build(docs)
        del docs
        for k, v in text.arrays().items():
            arrays[f"text.{k}"] = v
        meta["text_pos_bits"] = text.pos_bits

        # ---- names: every suffix of the normalised name -------------------------------
        name_entries: list[tuple[bytes, int, int, int, int]] = []
        for row, name in enumerate(norm_names):
            for i in range(len(name)):
                name_entries.append((name[i:].encode("utf-8"), row, i, len(name) - i, 0))
        for k, v in _Prefixes.build(name_entries).arrays().items():
            arrays[f"name_sa.{k}"] = v

        # ---- pinyin: full keys and initials from every syllable start -----------------
        py_entries: list[tuple[bytes, int, int, int, int]] = []
        pinyin_words: dict[str, list[int]] = {}
        for row, (h, blob) in enumerate(zip(people, unit_blobs, strict=True)):
            seen: set[tuple[str, int]] = set()
            units = _parse_units(blob)
            for key, _owner, starts, kind in _spellings(units):
                for s_i, s in enumerate(starts):
                    entry = (key[s:], kind)
                    if entry in seen:
                        continue
                    seen.add(entry)
                    py_entries.append((key[s:].encode("ascii"), row, s_i, len(key) - s, kind))
                if kind == _KIND_FULL:
                    pinyin_words.setdefault(key, []).append(row)
            # a spelling given in the pack (name_en), e.g. for families that read 乐 as "le"
            spelled = [w for w in (normalize(x) for x in (h.name_en or "").split()) if w]
            whole = "".join(spelled)
            if whole.isascii() and whole.isalnum():
                at = 0
                for w_i, w in enumerate(spelled):
                    if (whole[at:], _KIND_FULL) not in seen:
                        seen.add((whole[at:], _KIND_FULL))
                        entry_key = whole[at:].encode("ascii")
                        py_entries.append((entry_key, row, w_i, len(whole) - at, _KIND_FULL))
                    at += len(w)
                pinyin_words.setdefault(whole, []).append(row)
        for k, v in _Prefixes.build(py_entries).arrays().items():
            arrays[f"pinyin_sa.{k}"] = v

        # ---- how every character sounds (so that queries never need pypinyin) ----------
        table = reading_table()
        chars = sorted(table)
        arrays["sound.chars"] = np.fromiter(map(ord, chars), dtype=np.uint32, count=len(chars))
        arrays.update(_Strings.build(table[c] for c in chars).arrays("sound.readings"))

        # ---- typo neighbourhoods --------------------------------------------------------
        name_words: dict[str, list[int]] = {}
        for row, name in enumerate(norm_names):
            if name:
                name_words.setdefault(name, []).append(row)
        for label, vocab_rows in (("name_typos", name_words), ("pinyin_typos", pinyin_words)):
            rows_dedup = {w: sorted(set(r)) for w, r in vocab_rows.items()}
            typos = _Typos.build(rows_dedup)
            for k, v in typos.arrays().items():
                arrays[f"{label}.{k}"] = v
            arrays.update(typos.vocab.arrays(f"{label}.vocab"))
        return cls(catalog, arrays, meta)

    # -- saving and loading -------------------------------------------------------------

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the index to ``path`` atomically: a JSON header, then the raw arrays.

        No pickle: loading never runs code from the file. The arrays are memory-mapped when
        loaded, so several processes serving the same hall share one copy in the page cache.
        """
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        layout: dict[str, list[Any]] = {}
        offset = 0
        for name, array in self._arrays.items():
            offset = -(-offset // 64) * 64
            layout[name] = [array.dtype.str, list(array.shape), offset]
            offset += array.nbytes
        header = json.dumps({"meta": self._meta, "arrays": layout}, ensure_ascii=False).encode()
        start = _data_start(len(header))
        tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            with open(tmp, "wb") as f:
                f.write(_MAGIC + len(header).to_bytes(8, "little") + header)
                for name, array in self._arrays.items():
                    f.seek(start + layout[name][2])
                    f.write(np.ascontiguousarray(array).tobytes())
                f.truncate(start + offset)
            os.replace(tmp, target)
        finally:
            if tmp.exists():
                tmp.unlink()

    @classmethod
    def load(
        cls, path: str | os.PathLike[str], catalog: CatalogLike, *, fingerprint: str | None = None
    ) -> SearchIndex | None:
        """The index saved at ``path`` if it was built from this very catalogue, else None.

        A missing, damaged, stale or foreign file gives None, never an exception.
        """
        try:
            with open(path, "rb") as f:
                if f.read(len(_MAGIC)) != _MAGIC:
                    return None
                size = int.from_bytes(f.read(8), "little")
                if not 0 < size < 1 << 26:
                    return None
                header = json.loads(f.read(size).decode("utf-8"))
                meta = header["meta"]
                if meta.get("schema") != SCHEMA or meta.get("versions") != _versions():
                    return None
                if int(meta.get("size", -1)) != len(catalog.honorees):
                    return None
                if meta.get("fingerprint") != (fingerprint or catalog_fingerprint(catalog)):
                    return None
                mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
            start = _data_start(size)
            arrays: dict[str, np.ndarray] = {}
            for name, (dtype, shape, offset) in header["arrays"].items():
                kind = np.dtype(dtype)
                if kind.hasobject:
                    return None
                count = int(np.prod(shape, dtype=np.int64))
                array = np.frombuffer(mapped, dtype=kind, count=count, offset=start + offset)
                arrays[name] = array.reshape(shape)
            return cls(catalog, arrays, meta)
        except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
            return None

    @classmethod
    def load_or_build(
        cls,
        catalog: CatalogLike,
        path: str | os.PathLike[str] | None = None,
    ) -> SearchIndex:
        """The index saved at ``path`` when current; otherwise build it (and try to save it)."""
        fingerprint = catalog_fingerprint(catalog)
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
        limit: int = 50,
        offset: int = 0,
    ) -> SearchResult:
        """Ranked honoree ids for one page, the total and facet counts; see the module docstring."""
        raw = query[:MAX_QUERY_CHARS] if isinstance(query, str) else ""
        words = tuple(w[:MAX_WORD_CHARS] for w in split_words(raw)[:MAX_WORDS])
        filters = (
            _as_set(era),
            _as_set(honour),
            _as_set(district),
            _as_set(industry),
            _years(years),
            kind or None,
        )
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
            self._filter_cache.clear()

    def _search(
        self, raw: str, words: tuple[str, ...], filters: tuple[Any, ...], limit: int, offset: int
    ) -> SearchResult:
        mask = self._filter_mask(filters)
        used: tuple[str, ...] = ()
        fuzzy_word = ""
        if not words:
            scores = None
        else:
            joined = "".join(words)[:MAX_WORD_CHARS]
            scores = self._match_word(joined)  # one word: the tier is the score
            used = (joined,)
            if len(words) > 1 and not (scores <= T_NAME_SUBSTRING).any():
                # Each word must match somewhere: rank by the weakest word, then the strongest,
                # always below the whole phrase matching in the same tier.
                per_word = [self._match_word(w) for w in words]
                worst = np.maximum.reduce(per_word).astype(np.uint16)
                best = np.minimum.reduce(per_word).astype(np.uint16)
                combined = np.where(worst == _NONE, _NO_SCORE, worst * 32 + 16 + best)
                phrase = np.where(scores == _NONE, _NO_SCORE, scores.astype(np.uint16) * 32)
                scores = np.minimum(phrase, combined).astype(np.uint16)
                used = (joined, *words)
            else:
                fuzzy_word = joined
            if fuzzy_word and np.count_nonzero(scores != _NONE) < FUZZY_BELOW:
                self._add_fuzzy(fuzzy_word, scores)
        if scores is None:
            hits_in_order = self._order if mask is None else self._order[mask[self._order]]
            total = int(hits_in_order.size)
            page = hits_in_order[offset : offset + limit]
            facets = self._facets(None if mask is None else hits_in_order)
        else:
            found = scores != (_NONE if scores.dtype == np.uint8 else _NO_SCORE)
            if mask is not None:
                found &= mask
            hits = np.flatnonzero(found)
            total = int(hits.size)
            facets = self._facets(hits)
            page = self._top(hits, found, scores, offset, limit)
        ids = tuple(self._ids[r] for r in page.tolist())
        suggestions: tuple[str, ...] = ()
        if total == 0 and words:
            suggestions = self._suggest("".join(words)[:MAX_WORD_CHARS], mask)
        word_list = used
        row_of = dict(zip(ids, page.tolist(), strict=True))

        def explain(hid: str) -> tuple[Match, ...]:
            return self._explain(row_of[hid], word_list)

        return SearchResult(
            query=raw,
            ids=ids,
            total=total,
            facets=facets,
            suggestions=suggestions,
            reasons=_Reasons(ids, explain),
            offset=offset,
            limit=limit,
        )

    def _top(
        self, hits: np.ndarray, found: np.ndarray, scores: np.ndarray, offset: int, limit: int
    ) -> np.ndarray:
        """The page of ``hits`` in ranking order: score, then listing order (level, year, id)."""
        if not hits.size or not limit or offset >= hits.size:
            return _EMPTY_I64
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
                group = found if levels.size == 1 else found & (scores == level)
                rows = self._order[np.flatnonzero(group[self._order])[:need]]
                picked.append(rows)
                need -= rows.size
                if not need:
                    break
            return np.concatenate(picked)[offset:want]
        key = (scores[hits].astype(np.int64) << 32) | self._rank[hits].astype(np.int64)
        part = np.argpartition(key, want - 1)[:want] if want < hits.size else np.arange(hits.size)
        part = part[np.argsort(key[part], kind="stable")]
        return hits[part[offset:want]]

    # -- matching one word ----------------------------------------------------------------

    def _match_word(self, word: str) -> np.ndarray:
        """Best tier per person (255 = no match) for one normalised word."""
        tiers = np.full(self.size, _NONE, dtype=np.uint8)
        if not word:
            return tiers
        encoded = word.encode("utf-8")
        # name substrings
        sl = self._name_sa.find(encoded)
        if sl.stop > sl.start:
            rows = self._name_sa.rows[sl]
            start = self._name_sa.start[sl]
            rest = self._name_sa.rest[sl]
            if len(encoded) > self._name_sa.width:
                ok = np.fromiter(
                    (
                        self._names[r].startswith(word, s)
                        for r, s in zip(rows.tolist(), start.tolist(), strict=True)
                    ),
                    dtype=bool,
                    count=rows.size,
                )
                rows, start, rest = rows[ok], start[ok], rest[ok]
            tier = np.where(
                start == 0,
                np.where(rest == len(word), T_EXACT_NAME, T_NAME_PREFIX),
                T_NAME_SUBSTRING,
            )
            _lower(tiers, rows, tier.astype(np.uint8))
        # pinyin and initials
        if word.isascii():
            self._match_pinyin(word, tiers)
            if _TONED.fullmatch(word):
                self._match_pinyin(re.sub(r"[1-5]", "", word), tiers)
        elif any(c.isascii() for c in word):
            self._match_mixed(word, tiers)
        # employer / position and deeds / quote
        docs = self._text.find(word)
        if docs.size:
            _lower(tiers, docs >> 1, np.where(docs & 1, T_DEEDS, T_ATTRIBUTE).astype(np.uint8))
        # district, industry, honour, era values
        selected = self._value_matches(word)
        for facet, values in selected.items():
            np.minimum(tiers, self._value_tiers(facet, tuple(values)), out=tiers)
        return tiers

    def _match_pinyin(self, word: str, tiers: np.ndarray) -> None:
        sl = self._pinyin_sa.find(word.encode("ascii"))
        if sl.stop <= sl.start:
            return
        sa = self._pinyin_sa
        rows, start, rest, kind = sa.rows[sl], sa.start[sl], sa.rest[sl], sa.kind[sl]
        if len(word) > sa.width:
            keep = np.fromiter(
                (
                    any(
                        key.startswith(word, s)
                        for key, _o, st, _k in _spellings(_parse_units(self._units[r]))
                        for s in st
                    )
                    for r in rows.tolist()
                ),
                dtype=bool,
                count=rows.size,
            )
            rows, start, rest, kind = rows[keep], start[keep], rest[keep], kind[keep]
        exact = rest == len(word)
        first = start == 0
        tier = np.where(
            kind == _KIND_INITIALS,
            np.where(first, np.where(exact, T_INITIALS_EXACT, T_INITIALS), T_INITIALS_INNER),
            np.where(first, np.where(exact, T_PINYIN_EXACT, T_PINYIN_PREFIX), T_PINYIN_INNER),
        ).astype(np.uint8)
        _lower(tiers, rows, tier)

    def _match_mixed(self, word: str, tiers: np.ndarray) -> None:
        """Characters mixed with pinyin or initials: ``ding卫松``, ``丁ws``."""
        runs = re.findall(r"[^\x00-\x7f]+", word)
        anchor = max(runs, key=len).encode("utf-8")
        rows = np.unique(self._name_sa.rows[self._name_sa.find(anchor)])
        if rows.size > _MIXED_CHECK_ALL:
            # Narrow down with the query spelled all in pinyin, or with initials for the
            # characters; each person left is then checked exactly.
            readings = {c: self._sound(c) for c in set(word) if not c.isascii()}
            narrowed = [
                np.intersect1d(rows, self._pinyin_sa.rows[self._pinyin_sa.find(spelled.encode())])
                for spelled in (
                    "".join(readings.get(c, c) for c in word),
                    "".join(readings.get(c, c)[:1] for c in word),
                )
                if spelled.isascii() and spelled
            ]
            found = np.unique(np.concatenate(narrowed)) if narrowed else rows[:0]
            if not found.size:
                found = rows[np.argsort(self._rank[rows])[:_MIXED_CHECK_ALL]]
            rows = found
        found_rows: list[int] = []
        found_tiers: list[int] = []
        for row in rows.tolist():
            span = self._spell_span(word, row)
            if span is None:
                continue
            first, end, count = span
            whole = T_PINYIN_EXACT if end == count else T_PINYIN_PREFIX
            tier = T_PINYIN_INNER if first else whole
            found_rows.append(row)
            found_tiers.append(tier)
        if found_rows:
            _lower(tiers, np.asarray(found_rows), np.asarray(found_tiers, dtype=np.uint8))

    def _spell_span(self, word: str, row: int) -> tuple[int, int, int] | None:
        units = _parse_units(self._units[row])
        for first in range(len(units)):
            end = _spell(word, 0, units, first)
            if end is not None:
                return first, end, len(units)
        return None

    def _sound(self, text: str) -> str:
        """Toneless pinyin of normalised text, character by character ("" for the unknown)."""
        out: list[str] = []
        for ch in text:
            if ch.isascii():
                out.append(ch)
                continue
            at = int(np.searchsorted(self._sound_chars, ord(ch)))
            if at < self._sound_chars.size and int(self._sound_chars[at]) == ord(ch):
                out.append(self._sound_readings[at])
        return "".join(out)

    def _value_matches(self, word: str) -> dict[str, list[int]]:
        """Values (per facet) whose name contains ``word``; ASCII words must begin an English
        name and have 3+ letters (so that "an" does not select everyone in Shangyu)."""
        out: dict[str, list[int]] = {}
        if not word or (word.isascii() and len(word) < 3):
            return out
        blob, starts = self._word_blob
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

    def _value_tiers(self, facet: str, values: tuple[int, ...]) -> np.ndarray:
        """T_ATTRIBUTE for everyone with one of these values, else no match.

        Kept once computed: there are only as many as there are value words.
        """
        key = (facet, values)
        tiers = self._value_masks.get(key)
        if tiers is None:
            mask = self._facet_mask(facet, values)
            tiers = np.where(mask, T_ATTRIBUTE, _NONE).astype(np.uint8)
            with self._lock:
                self._value_masks[key] = tiers
        return tiers

    def _facet_mask(self, facet: str, values: Sequence[int]) -> np.ndarray:
        if facet == "district":
            lookup = np.zeros(len(self._labels["district"]), dtype=bool)
            lookup[list(values)] = True
            return lookup[self._district]
        if facet == "industry":
            lookup = np.zeros(len(self._labels["industry"]), dtype=bool)
            lookup[list(values)] = True
            return lookup[self._industry]
        matrix, combo = (
            (self._era_matrix, self._era_combo)
            if facet == "era"
            else (self._honour_matrix, self._honour_combo)
        )
        ok = matrix[:, list(values)].any(axis=1)
        return ok[combo]

    # -- fuzzy and suggestions ----------------------------------------------------------

    def _add_fuzzy(self, word: str, scores: np.ndarray) -> None:
        def add(rows: np.ndarray, tier: int) -> None:
            np.minimum.at(scores, rows, np.uint8(tier))

        if word.isascii():
            plain = re.sub(r"[1-5]", "", word) if _TONED.fullmatch(word) else word
            if len(plain) >= 4 and plain.isalpha():
                for i in self._pinyin_typos.near(plain):
                    add(self._pinyin_typos.rows_of(i), T_TYPO)
            return
        if all(not c.isascii() for c in word):
            sound = self._sound(word)
            if sound:
                sl = self._pinyin_sa.find(sound.encode("ascii"))
                sa = self._pinyin_sa
                whole_name = (sa.start[sl] == 0) & (sa.rest[sl] == len(sound))
                same = whole_name & (sa.kind[sl] == _KIND_FULL)
                add(sa.rows[sl][same], T_SOUNDS_LIKE)
            # A wrong character is tried only when nothing matched or sounded alike (and not
            # for two characters, where one is half the name): at 100,000 names a three-character
            # name has dozens of neighbours one character away.
            if len(word) >= 3 and not (scores != _NONE).any():
                for i in self._name_typos.near(word):
                    add(self._name_typos.rows_of(i), T_TYPO)

    def _suggest(self, word: str, mask: np.ndarray | None) -> tuple[str, ...]:
        """People with the nearest names: names a few edits away, else the best-known people.

        Names about three edits away are found through the typo tables; if fewer than five
        are, the best-ranked people (the first _POOL in listing order) are compared too, so the
        cost stays bounded at any catalogue size. Filters are respected while that finds anyone.
        """
        from rapidfuzz import fuzz, process

        typos = self._pinyin_typos if word.isascii() else self._name_typos
        rows: list[int] = []
        texts: list[str] = []
        for i in typos.roughly_near(word):
            for r in typos.rows_of(i).tolist():
                rows.append(r)
                texts.append(typos.vocab[i])
        near = process.extract(word, texts, scorer=fuzz.ratio, limit=None, score_cutoff=1)
        scored = [(score, rows[i]) for _, score, i in near]
        if len({text for text, _, _ in near}) < SUGGESTIONS:
            pool_rows, pool_texts = self._pool(word.isascii())
            far = process.extract(
                word,
                pool_texts,
                scorer=fuzz.ratio,
                limit=SUGGESTIONS * 4,
                score_cutoff=1,
            )
            scored += [(score, pool_rows[i]) for _, score, i in far]
        scored.sort(key=lambda item: (-item[0], int(self._rank[item[1]])))
        picked = [r for _, r in scored]
        if mask is not None and any(mask[r] for r in picked):
            picked = [r for r in picked if mask[r]]
        return tuple(self._ids[r] for r in dict.fromkeys(picked))[:SUGGESTIONS]

    def _pool(self, ascii_names: bool) -> tuple[list[int], list[str]]:
        """The best-ranked people and their names (or pinyin), for suggestions."""
        key = ("pool", ascii_names)
        with self._lock:
            cached = self._pools.get(key)
        if cached is None:
            rows = self._order[:_POOL].tolist()
            if ascii_names:
                spelled = [_spellings(_parse_units(self._units[r])) for r in rows]
                texts = [s[0][0] if s else "" for s in spelled]
            else:
                texts = [self._names[r] for r in rows]
            cached = ([r for r, t in zip(rows, texts, strict=True) if t], [t for t in texts if t])
            with self._lock:
                self._pools[key] = cached
        return cached

    # -- filters and facets -------------------------------------------------------------

    def _filter_mask(self, filters: tuple[Any, ...]) -> np.ndarray | None:
        if not any(f is not None for f in filters):
            return None
        with self._lock:
            if filters in self._filter_cache:
                self._filter_cache.move_to_end(filters)
                return self._filter_cache[filters]
        era, honour, district, industry, years, kind = filters
        mask = np.ones(self.size, dtype=bool)
        for facet, values in (
            ("era", era),
            ("honour", honour),
            ("district", district),
            ("industry", industry),
        ):
            if values is not None:
                mask &= self._facet_mask(facet, self._resolve(facet, values))
        if years is not None:
            lo, hi = years
            a = 0 if lo is None else int(np.searchsorted(self._year_values, lo, side="left"))
            b = (
                self._year_values.size
                if hi is None
                else int(np.searchsorted(self._year_values, hi, side="right"))
            )
            in_range = np.zeros(self.size, dtype=bool)
            in_range[self._year_rows[a:b]] = True
            mask &= in_range
        if kind is not None:
            if kind == HonourType.CRAFTSMAN.value:
                mask &= self._craftsman
            elif kind == HonourType.MODEL_WORKER.value:
                mask &= self._model_worker
            else:
                mask[:] = False
        with self._lock:
            self._filter_cache[filters] = mask
            while len(self._filter_cache) > 64:
                self._filter_cache.popitem(last=False)
        return mask

    def _resolve(self, facet: str, values: Sequence[str]) -> list[int]:
        labels = self._labels[facet]
        aliases = self._aliases.get(facet, {})
        out: set[int] = set()
        for value in values:
            if value in labels:
                out.add(labels.index(value))
                continue
            out.update(aliases.get(normalize(value), ()))
        return sorted(out)

    def _facets(self, hits: np.ndarray | None) -> dict[str, dict[str, int]]:
        if hits is None and self._all_facets is not None:
            return self._all_facets
        place = self._place if hits is None else self._place[hits]
        profile = self._profile if hits is None else self._profile[hits]
        n_d, n_i = len(self._labels["district"]), len(self._labels["industry"])
        n_e, n_h = self._era_matrix.shape[0], self._honour_matrix.shape[0]
        places = np.bincount(place, minlength=n_d * n_i).reshape(n_d, n_i)
        profiles = np.bincount(profile, minlength=n_e * n_h).reshape(n_e, n_h)
        ordered = {
            "era": _count_dict(self._labels["era"], profiles.sum(axis=1) @ self._era_matrix),
            "honour": _count_dict(
                self._labels["honour"],
                profiles.sum(axis=0) @ self._honour_matrix,
            ),
            "district": _count_dict(self._labels["district"], places.sum(axis=1)),
            "industry": _count_dict(self._labels["industry"], places.sum(axis=0)),
        }
        if hits is None:
            self._all_facets = ordered
        return ordered

    # -- reasons --------------------------------------------------------------------------

    def _explain(self, row: int, words: tuple[str, ...]) -> tuple[Match, ...]:
        h = self._honorees[row]
        found: list[Match] = []
        for word in dict.fromkeys(words):
            found += self._explain_word(h, row, word)
        if not found and words:
            units = _parse_units(self._units[row])
            word = words[0]
            sounds = not word.isascii() and self._sound(word) in _keys(units)
            found.append(Match("sounds_like" if sounds else "typo", h.name))
        return tuple(dict.fromkeys(found))

    def _explain_word(self, h: Honoree, row: int, word: str) -> list[Match]:
        out: list[Match] = []
        name_hit = _find_printed(h.name, word)
        if name_hit:
            out.append(Match("name", name_hit))
        units = _parse_units(self._units[row])
        if word.isascii():
            plain = re.sub(r"[1-5]", "", word) if _TONED.fullmatch(word) else word
            for key, owner, starts, key_kind in _spellings(units):
                kind = "initials" if key_kind == _KIND_INITIALS else "pinyin"
                for s in starts:
                    if key.startswith(plain, s):
                        first, last = owner[s], owner[min(s + len(plain), len(key)) - 1]
                        out.append(Match(kind, "".join(u.text for u in units[first : last + 1])))
                        break
                else:
                    continue
                break
        elif any(c.isascii() for c in word):
            span = self._spell_span(word, row)
            if span:
                out.append(Match("pinyin", "".join(u.text for u in units[span[0] : span[1]])))
        for name in ("employer", "position", "deeds", "quote"):
            printed = _find_printed(getattr(h, name), word)
            if printed:
                out.append(Match(name, printed))
        for facet, values in self._value_matches(word).items():
            if self._facet_mask_row(facet, values, row):
                out.append(Match(facet, self._printed_value(h, facet, values)))
        return out

    def _facet_mask_row(self, facet: str, values: Sequence[int], row: int) -> bool:
        if facet == "district":
            return int(self._district[row]) in values
        if facet == "industry":
            return int(self._industry[row]) in values
        matrix, combo = (
            (self._era_matrix, self._era_combo)
            if facet == "era"
            else (self._honour_matrix, self._honour_combo)
        )
        return bool(matrix[combo[row], list(values)].any())

    def _printed_value(self, h: Honoree, facet: str, values: Sequence[int]) -> str:
        if facet == "district":
            return h.district or self._district_name(h.district_code)
        if facet == "industry":
            return h.industry
        labels = self._labels[facet]
        wanted = {labels[v] for v in values}
        if facet == "honour":
            for o in h.honours:
                if o.code in wanted:
                    kind = self._catalog.honour_kinds.get(o.code)
                    return kind.name.zh if kind else o.code
        for o in h.honours:
            if o.era in wanted:
                era = next((e for e in self._catalog.eras if e.id == o.era), None)
                return era.name.zh if era else o.era
        return ""

    def _district_name(self, adcode: str) -> str:
        district = next((d for d in self._catalog.districts if d.adcode == adcode), None)
        return district.name.zh if district else adcode


def _keys(units: Sequence[_Unit]) -> set[str]:
    return {key for key, _o, _s, kind in _spellings(units) if kind == _KIND_FULL}


def _find_printed(text: str, word: str) -> str:
    """The characters of ``text`` as printed whose normalised form contains ``word``, or ""."""
    if not text or not word or word not in normalize(text):
        return ""
    norm, origin = normalize_with_map(text)
    at = norm.find(word)
    if at < 0:
        return ""
    return text[origin[at] : origin[at + len(word) - 1] + 1]


def _lower(tiers: np.ndarray, rows: np.ndarray, tier: np.ndarray) -> None:
    """tiers[rows] = min(tiers[rows], tier), rows may repeat."""
    if rows.size:
        np.minimum.at(tiers, rows, tier)


def _count_dict(labels: Sequence[str], counts: np.ndarray) -> dict[str, int]:
    return {label: int(c) for label, c in zip(labels, counts.tolist(), strict=True) if c}


def _years(years: tuple[int | None, int | None] | None) -> tuple[int | None, int | None] | None:
    if years is None:
        return None
    lo, hi = years
    lo = None if lo is None else int(lo)
    hi = None if hi is None else int(hi)
    if lo is None and hi is None:
        return None
    return (lo, hi)


def _data_start(header_size: int) -> int:
    """Where the arrays begin in a saved index: after magic, size and header, 64-aligned."""
    return -(-(len(_MAGIC) + 8 + header_size) // 64) * 64


def build_index(catalog: CatalogLike) -> SearchIndex:
    """Same as ``SearchIndex.build(catalog)``."""
    return SearchIndex.build(catalog)


# ---------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------

REPO_ROOT = Path(__file__).resolve().parent.parent


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m hall.search QUERY [--era E] [--honour H] [--district D] [--pack DIR] …``."""
    parser = argparse.ArgumentParser(
        prog="python -m hall.search",
        description="Search the hall's honorees.",
    )
    parser.add_argument(
        "query",
        nargs="?",
        default="",
        help="what to look for (may be empty with filters)",
    )
    parser.add_argument("--era", help="era id or name")
    parser.add_argument("--honour", help="honour code, name or alias")
    parser.add_argument("--district", help="district adcode, name or former name")
    parser.add_argument("--industry", help="industry name")
    parser.add_argument("--years", help="award years, e.g. 1990-2000, 2010- or -1978")
    parser.add_argument("--kind", choices=["model_worker", "craftsman"])
    parser.add_argument(
        "--pack",
        default=str(REPO_ROOT),
        help="content pack folder (default: the repo root)",
    )
    parser.add_argument(
        "--data",
        help="folder for the saved index (default: $HALL_DATA or <repo>/.hall)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="build the index afresh and do not save it",
    )
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument(
        "--json", action="store_true", help='print {"total": n, "ids": [...], "facets": {...}}'
    )
    args = parser.parse_args(argv)

    years: tuple[int | None, int | None] | None = None
    if args.years:
        lo, sep, hi = args.years.partition("-")
        try:
            start, end = (lo, hi) if sep else (lo, lo)
            years = (int(start) if start else None, int(end) if end else None)
        except ValueError:
            parser.error(f"--years: not a year range: {args.years!r}")

    from hall.pack import load_catalog

    catalog = load_catalog(args.pack)
    if args.no_cache:
        index = SearchIndex.build(catalog)
    else:
        data = Path(args.data or os.environ.get("HALL_DATA") or REPO_ROOT / ".hall")
        index = SearchIndex.load_or_build(catalog, data / "search-index.bin")
    result = index.search(
        args.query,
        era=args.era,
        honour=args.honour,
        district=args.district,
        industry=args.industry,
        years=years,
        kind=args.kind,
        limit=args.limit,
        offset=args.offset,
    )
    out = io.StringIO()
    if args.json:
        payload: dict[str, Any] = {
            "total": result.total,
            "ids": list(result.ids),
            "facets": result.facets,
        }
        if result.suggestions:
            payload["suggestions"] = list(result.suggestions)
        out.write(json.dumps(payload, ensure_ascii=False) + "\n")
    else:
        by_id = {h.id: h for h in catalog.honorees}
        out.write(f"{result.total} found\n")
        for i, hid in enumerate(result.ids, start=result.offset + 1):
            h = by_id[hid]
            why = "; ".join(f"{m.field}: {m.text}" for m in result.reasons[hid])
            out.write(f"{i:>4}. {h.name} ({h.name_en}) {hid}  [{why}]\n")
        if result.suggestions:
            names = ", ".join(f"{by_id[s].name} ({s})" for s in result.suggestions)
            out.write(f"nothing found; did you mean: {names}\n")
        for facet, counts in result.facets.items():
            shown = ", ".join(f"{k or '?'} {v}" for k, v in counts.items())
            out.write(f"{facet}: {shown}\n")
    sys.stdout.write(out.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
