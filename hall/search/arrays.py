"""The numpy building blocks of the search index: string tables, n-gram postings, sorted prefixes
and typo neighbourhoods.

Each block is made of plain numpy arrays (``arrays()`` names them) so that a saved index can be
memory-mapped back without pickle, and each answers one kind of lookup without a Python loop
over the people.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

# The longest word a query looks up; longer words are cut, so hostile input costs no more than
# an ordinary query. The n-gram text is padded by as much so that checks never run off its end.
MAX_WORD_CHARS = 64
EMPTY = np.zeros(0, dtype=np.int64)
PREFIX_WIDTH = 48  # bytes of a key kept in a prefix table; longer matches are verified by the caller


def unique_sorted(values: np.ndarray) -> np.ndarray:
    """Drop repeats from an already sorted array."""
    if values.size <= 1:
        return values
    keep = np.empty(values.size, dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def lower_at(tiers: np.ndarray, rows: np.ndarray, tier: np.ndarray) -> None:
    """tiers[rows] = min(tiers[rows], tier), rows may repeat."""
    if rows.size:
        np.minimum.at(tiers, rows, tier)


class Strings(Sequence[str]):
    """A read-only list of strings kept as UTF-8 bytes in one array, decoded on access.

    Nothing is decoded when an index is loaded, and 100,000 names cost no Python objects.
    """

    def __init__(self, offsets: np.ndarray, data: np.ndarray) -> None:
        self.offsets = offsets
        self.data = data

    @classmethod
    def build(cls, strings: Iterable[str]) -> Strings:
        encoded = [s.encode("utf-8", "surrogatepass") for s in strings]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(b) for b in encoded], out=offsets[1:])
        return cls(offsets, np.frombuffer(b"".join(encoded), dtype=np.uint8))

    def arrays(self, name: str) -> dict[str, np.ndarray]:
        return {f"{name}.offsets": self.offsets, f"{name}.data": self.data}

    @classmethod
    def named(cls, arrays: Mapping[str, np.ndarray], name: str) -> Strings:
        return cls(arrays[f"{name}.offsets"], arrays[f"{name}.data"])

    def __len__(self) -> int:
        return self.offsets.size - 1

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        a, b = self.offsets[i], self.offsets[i + 1]
        return self.data[a:b].tobytes().decode("utf-8", "surrogatepass")


def _named(arrays: Mapping[str, np.ndarray], prefix: str, names: Sequence[str]) -> dict[str, np.ndarray]:
    return {k: arrays[f"{prefix}.{k}"] for k in names}


class Ngrams:
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

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {f"{prefix}.{name}": getattr(self, name) for name in self.NAMES}

    @classmethod
    def named(cls, arrays: Mapping[str, np.ndarray], prefix: str, pos_bits: int) -> Ngrams:
        return cls(_named(arrays, prefix, cls.NAMES), pos_bits)

    @classmethod
    def build(cls, docs: Sequence[str]) -> Ngrams:
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
        uni = unique_sorted(uni)
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
            return EMPTY
        cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        at = np.searchsorted(self.alphabet, cps)
        if (at >= self.alphabet.size).any():
            return EMPTY
        if (self.alphabet[at] != cps).any():
            return EMPTY
        ids = at.astype(np.int64) + 1
        if ids.size == 1:
            c = int(ids[0])
            return self.uni_docs[self.uni_offsets[c] : self.uni_offsets[c + 1]].astype(np.int64)
        grams = (ids[:-1] * self.base + ids[1:]).astype(np.uint64)
        gi = np.searchsorted(self.gram_keys, grams)
        if (gi >= self.gram_keys.size).any():
            return EMPTY
        if (self.gram_keys[gi] != grams).any():
            return EMPTY
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
        return unique_sorted(docs)


class Prefixes:
    """Sorted byte strings with a row and two small numbers each: prefix search by bisection.

    An entry is (key, row, start, rest, kind): for a suffix of a name, the row of the person,
    where the suffix starts (character or syllable), how long it is, and what kind of spelling.
    """

    NAMES = ("keys", "rows", "start", "rest", "kind")

    def __init__(self, arrays: Mapping[str, np.ndarray]) -> None:
        self.keys = arrays["keys"]
        self.rows = arrays["rows"]
        self.start = arrays["start"]
        self.rest = arrays["rest"]
        self.kind = arrays["kind"]
        self.width = self.keys.dtype.itemsize

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {f"{prefix}.{name}": getattr(self, name) for name in self.NAMES}

    @classmethod
    def named(cls, arrays: Mapping[str, np.ndarray], prefix: str) -> Prefixes:
        return cls(_named(arrays, prefix, cls.NAMES))

    @classmethod
    def build(cls, entries: list[tuple[bytes, int, int, int, int]]) -> Prefixes:
        width = max([1, *(min(len(e[0]), PREFIX_WIDTH) for e in entries)])
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


def string_hashes(strings: Iterable[str]) -> np.ndarray:
    """A stable 64-bit hash per string (the same in every process, unlike ``hash()``)."""
    return np.fromiter(
        ((zlib.crc32(b) << 32) | zlib.adler32(b) for b in (s.encode("utf-8") for s in strings)),
        dtype=np.uint64,
    )


def deletions(text: str) -> list[str]:
    """``text`` and every string one character shorter than it, each once."""
    return [text, *dict.fromkeys(text[:i] + text[i + 1 :] for i in range(len(text)))]


class Typos:
    """Words one typo away (OSA distance ≤ 1), found through single-deletion neighbourhoods."""

    NAMES = ("hashes", "words", "offsets", "rows")

    def __init__(self, arrays: Mapping[str, np.ndarray], vocab: Strings) -> None:
        self.hashes = arrays["hashes"]
        self.words = arrays["words"]
        self.offsets = arrays["offsets"]
        self.rows = arrays["rows"]
        self.vocab = vocab

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        out = {f"{prefix}.{name}": getattr(self, name) for name in self.NAMES}
        return out | self.vocab.arrays(f"{prefix}.vocab")

    @classmethod
    def named(cls, arrays: Mapping[str, np.ndarray], prefix: str) -> Typos:
        return cls(_named(arrays, prefix, cls.NAMES), Strings.named(arrays, f"{prefix}.vocab"))

    @classmethod
    def build(cls, word_rows: Mapping[str, list[int]]) -> Typos:
        vocab = list(word_rows)
        dels: list[str] = []
        owner: list[int] = []
        for i, word in enumerate(vocab):
            variants = deletions(word)
            dels += variants
            owner += [i] * len(variants)
        hashes = string_hashes(dels)
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
        return cls(arrays, Strings.build(vocab))

    def _probe(self, probes: list[str]) -> set[int]:
        hashes = string_hashes(probes)
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
        found = self._probe(deletions(word))
        near = (i for i in found if self.vocab[i] != word)
        return sorted(i for i in near if OSA.distance(word, self.vocab[i]) <= 1)

    def roughly_near(self, word: str) -> list[int]:
        """Ids of words about three edits or fewer from ``word`` (shared 2- and 1-deletions)."""
        if not self.vocab:
            return []
        probes = deletions(word)
        if len(word) <= 16:
            probes = list(dict.fromkeys(d2 for d1 in probes for d2 in deletions(d1)))
        return sorted(self._probe(probes))

    def rows_of(self, i: int) -> np.ndarray:
        return self.rows[self.offsets[i] : self.offsets[i + 1]]
