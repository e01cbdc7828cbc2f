"""Matching a query: the tier at which each person matches a word, best (lowest) first.

The query is normalised like the indexed text (:func:`hall.textnorm.normalize`: traditional →
simplified, full-width → half-width, lower case, tones and punctuation dropped) and matched
against

* the name (any substring), its pinyin at syllable starts (``dingweisong``, ``weisong``), its
  initials (``dws``) and mixes of characters and pinyin (``ding卫松``, ``丁ws``); surnames are
  read as surnames (单 shan, 曾 zeng …) and the common misreading is matched too;
* the fields the schema marks ``Search.ATTRIBUTE`` (employer, position) and ``Search.TEXT``
  (deeds, quote): any substring;
* the names of facet values — district (today's name, former names such as 绍兴县 or 嵊县, the
  name as printed), industry, honour names and aliases (全国劳模), era names: a match selects
  everyone who has that value.

When a one-word query finds fewer than ``FUZZY_BELOW`` people, names that sound the same (丁卫送
→ 丁卫松) and pinyin one typo away (one insertion, deletion, substitution or swap of neighbours)
are added below every exact match; a name one character away (丁卫杉) only when nothing else
matched.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from typing import Any

import numpy as np

from hall.search.arrays import Ngrams, Prefixes, Strings, Typos, lower_at
from hall.search.facets import Facets
from hall.search.spelling import (
    KIND_FULL,
    KIND_INITIALS,
    Unit,
    parse_units,
    spell_span,
    spellings,
    toned,
    untoned,
)

# Tiers, best first.
T_EXACT_NAME = 0
T_NAME_PREFIX = 1
T_INITIALS_EXACT = 2  # dws
T_INITIALS = 3  # dw: from the surname on
T_PINYIN_EXACT = 4  # dingweisong
T_PINYIN_PREFIX = 5  # dingwei
T_INITIALS_INNER = 6  # ws
T_PINYIN_INNER = 7  # weisong
T_NAME_SUBSTRING = 8
T_ATTRIBUTE = 9  # the attribute fields (employer, position), district, industry, honour, era
T_TEXT = 10  # the text fields: deeds, quote
T_SOUNDS_LIKE = 11
T_TYPO = 12
NO_MATCH = 255  # tiers are uint8

FUZZY_BELOW = 5
MIXED_CHECK_ALL = 300  # a mixed query checks at most this many people one by one


class Matcher:
    """The tables a word is matched against, and the tiers it reaches in each."""

    def __init__(
        self, arrays: Mapping[str, np.ndarray], meta: Mapping[str, Any], facets: Facets, place: np.ndarray
    ) -> None:
        self.size = int(meta["size"])
        self.names = Strings.named(arrays, "names")
        self.unit_blobs = Strings.named(arrays, "units")
        self.text = Ngrams.named(arrays, "text", int(meta["text_pos_bits"]))
        self.name_sa = Prefixes.named(arrays, "name_sa")
        self.pinyin_sa = Prefixes.named(arrays, "pinyin_sa")
        self.name_typos = Typos.named(arrays, "name_typos")
        self.pinyin_typos = Typos.named(arrays, "pinyin_typos")
        self._sound_chars = arrays["sound.chars"]
        self._sound_readings = Strings.named(arrays, "sound.readings")
        self._facets = facets
        self._place = place
        self._lock = threading.Lock()
        self._value_tiers: dict[tuple[str, tuple[int, ...]], np.ndarray] = {}

    def units(self, row: int) -> list[Unit]:
        return parse_units(self.unit_blobs[row])

    def word(self, word: str) -> np.ndarray:
        """Best tier per person (NO_MATCH when none) for one normalised word."""
        tiers = np.full(self.size, NO_MATCH, dtype=np.uint8)
        if not word:
            return tiers
        encoded = word.encode("utf-8")
        # name substrings
        sl = self.name_sa.find(encoded)
        if sl.stop > sl.start:
            rows = self.name_sa.rows[sl]
            start = self.name_sa.start[sl]
            rest = self.name_sa.rest[sl]
            if len(encoded) > self.name_sa.width:
                ok = np.fromiter(
                    (
                        self.names[r].startswith(word, s)
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
            lower_at(tiers, rows, tier.astype(np.uint8))
        # pinyin and initials
        if word.isascii():
            self._pinyin(word, tiers)
            if toned(word):
                self._pinyin(untoned(word), tiers)
        elif any(c.isascii() for c in word):
            self._mixed(word, tiers)
        # attribute fields (even documents) and text fields (odd documents)
        docs = self.text.find(word)
        if docs.size:
            lower_at(tiers, docs >> 1, np.where(docs & 1, T_TEXT, T_ATTRIBUTE).astype(np.uint8))
        # district, industry, honour, era values
        for facet, values in self._facets.value_matches(word).items():
            np.minimum(tiers, self._values(facet, tuple(values)), out=tiers)
        return tiers

    def _pinyin(self, word: str, tiers: np.ndarray) -> None:
        sa = self.pinyin_sa
        sl = sa.find(word.encode("ascii"))
        if sl.stop <= sl.start:
            return
        rows, start, rest, kind = sa.rows[sl], sa.start[sl], sa.rest[sl], sa.kind[sl]
        if len(word) > sa.width:
            keep = np.fromiter(
                (
                    any(sp.key.startswith(word, s) for sp in spellings(self.units(r)) for s in sp.starts)
                    for r in rows.tolist()
                ),
                dtype=bool,
                count=rows.size,
            )
            rows, start, rest, kind = rows[keep], start[keep], rest[keep], kind[keep]
        exact = rest == len(word)
        first = start == 0
        tier = np.where(
            kind == KIND_INITIALS,
            np.where(first, np.where(exact, T_INITIALS_EXACT, T_INITIALS), T_INITIALS_INNER),
            np.where(first, np.where(exact, T_PINYIN_EXACT, T_PINYIN_PREFIX), T_PINYIN_INNER),
        ).astype(np.uint8)
        lower_at(tiers, rows, tier)

    def _mixed(self, word: str, tiers: np.ndarray) -> None:
        """Characters mixed with pinyin or initials: ``ding卫松``, ``丁ws``."""
        runs = re.findall(r"[^\x00-\x7f]+", word)
        anchor = max(runs, key=len).encode("utf-8")
        rows = np.unique(self.name_sa.rows[self.name_sa.find(anchor)])
        if rows.size > MIXED_CHECK_ALL:
            # Narrow down with the query spelled all in pinyin, or with initials for the
            # characters; each person left is then checked exactly.
            readings = {c: self.sound(c) for c in set(word) if not c.isascii()}
            narrowed = [
                np.intersect1d(rows, self.pinyin_sa.rows[self.pinyin_sa.find(spelled.encode())])
                for spelled in (
                    "".join(readings.get(c, c) for c in word),
                    "".join(readings.get(c, c)[:1] for c in word),
                )
                if spelled.isascii() and spelled
            ]
            found = np.unique(np.concatenate(narrowed)) if narrowed else rows[:0]
            if not found.size:
                found = rows[np.argsort(self._place[rows])[:MIXED_CHECK_ALL]]
            rows = found
        found_rows: list[int] = []
        found_tiers: list[int] = []
        for row in rows.tolist():
            units = self.units(row)
            span = spell_span(word, units)
            if span is None:
                continue
            first, end = span
            whole = T_PINYIN_EXACT if end == len(units) else T_PINYIN_PREFIX
            found_rows.append(row)
            found_tiers.append(T_PINYIN_INNER if first else whole)
        if found_rows:
            lower_at(tiers, np.asarray(found_rows), np.asarray(found_tiers, dtype=np.uint8))

    def sound(self, text: str) -> str:
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

    def _values(self, facet: str, values: tuple[int, ...]) -> np.ndarray:
        """T_ATTRIBUTE for everyone with one of these values, else no match.

        Kept once computed: there are only as many as there are value words.
        """
        key = (facet, values)
        tiers = self._value_tiers.get(key)
        if tiers is None:
            tiers = np.where(self._facets.mask(facet, values), T_ATTRIBUTE, NO_MATCH).astype(np.uint8)
            with self._lock:
                self._value_tiers[key] = tiers
        return tiers

    def add_fuzzy(self, word: str, tiers: np.ndarray) -> None:
        """Lower ``tiers`` to T_SOUNDS_LIKE or T_TYPO for names near ``word``."""

        def add(rows: np.ndarray, tier: int) -> None:
            np.minimum.at(tiers, rows, np.uint8(tier))

        if word.isascii():
            plain = untoned(word)
            if len(plain) >= 4 and plain.isalpha():
                for i in self.pinyin_typos.near(plain):
                    add(self.pinyin_typos.rows_of(i), T_TYPO)
            return
        if all(not c.isascii() for c in word):
            sound = self.sound(word)
            if sound:
                sa = self.pinyin_sa
                sl = sa.find(sound.encode("ascii"))
                whole_name = (sa.start[sl] == 0) & (sa.rest[sl] == len(sound))
                same = whole_name & (sa.kind[sl] == KIND_FULL)
                add(sa.rows[sl][same], T_SOUNDS_LIKE)
            # A wrong character is tried only when nothing matched or sounded alike (and not
            # for two characters, where one is half the name): at 100,000 names a three-character
            # name has dozens of neighbours one character away.
            if len(word) >= 3 and not (tiers != NO_MATCH).any():
                for i in self.name_typos.near(word):
                    add(self.name_typos.rows_of(i), T_TYPO)
