"""Why a person matched (the field and the text as printed), and the nearest names when nobody did."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from hall.pack.records import Honoree
from hall.search.arrays import Strings
from hall.search.build import ATTRIBUTE_FIELDS, TEXT_FIELDS, name_of
from hall.search.facets import FACETS, Facets
from hall.search.match import Matcher
from hall.search.spelling import KIND_INITIALS, full_keys, spell_span, spellings, untoned
from hall.textnorm import normalize, normalize_with_map

if TYPE_CHECKING:
    from hall.search.build import CatalogLike

SUGGESTIONS = 5
_POOL = 2000  # suggestions compare at most this many best-ranked people besides near names


# Every field a Match may name (the search room labels them match_<field>).
MATCH_FIELDS = (
    "name",
    "pinyin",
    "initials",
    *(f.attribute for f in (*ATTRIBUTE_FIELDS, *TEXT_FIELDS)),
    *FACETS,
    "sounds_like",
    "typo",
)


@dataclass(frozen=True, slots=True)
class Match:
    """Why a person was found: the field and the matched text exactly as printed in that field.

    ``field`` is one of name, pinyin, initials, the searched attribute and text fields (employer,
    position, deeds, quote), district, industry, honour, era, sounds_like, typo. For pinyin,
    initials, sounds_like and typo, ``text`` is the part of the *name* that was spelled. The
    interface should escape the field value and then wrap the occurrences of ``text`` (never
    insert ``text`` as markup).
    """

    field: str
    text: str


class Reasons(Mapping[str, tuple[Match, ...]]):
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


def find_printed(text: str, word: str) -> str:
    """The characters of ``text`` as printed whose normalised form contains ``word``, or ""."""
    if not text or not word or word not in normalize(text):
        return ""
    norm, origin = normalize_with_map(text)
    at = norm.find(word)
    if at < 0:
        return ""
    return text[origin[at] : origin[at + len(word) - 1] + 1]


class Explainer:
    """Reasons for a person found by some words, and the people whose names come nearest."""

    def __init__(
        self,
        catalog: CatalogLike,
        ids: Strings,
        matcher: Matcher,
        facets: Facets,
        order: np.ndarray,
        place: np.ndarray,
    ) -> None:
        self._catalog = catalog
        self._honorees: Sequence[Honoree] = catalog.honorees
        self._ids = ids
        self._matcher = matcher
        self._facets = facets
        self._order = order
        self._place = place
        self._lock = threading.Lock()
        self._pools: dict[bool, tuple[list[int], list[str]]] = {}

    # -- reasons --------------------------------------------------------------------------

    def explain(self, row: int, words: tuple[str, ...]) -> tuple[Match, ...]:
        """Every field in which ``words`` match the person at ``row``; sounds_like or typo when
        only the fuzzy tiers found them."""
        h = self._honorees[row]
        found: list[Match] = []
        for word in dict.fromkeys(words):
            found += self._word(h, row, word)
        if not found and words:
            word = words[0]
            sounds = not word.isascii() and self._matcher.sound(word) in full_keys(self._matcher.units(row))
            found.append(Match("sounds_like" if sounds else "typo", name_of(h)))
        return tuple(dict.fromkeys(found))

    def _word(self, h: Honoree, row: int, word: str) -> list[Match]:
        out: list[Match] = []
        name_hit = find_printed(name_of(h), word)
        if name_hit:
            out.append(Match("name", name_hit))
        units = self._matcher.units(row)
        if word.isascii():
            plain = untoned(word)
            for sp in spellings(units):
                kind = "initials" if sp.kind == KIND_INITIALS else "pinyin"
                for s in sp.starts:
                    if sp.key.startswith(plain, s):
                        first, last = sp.owner[s], sp.owner[min(s + len(plain), len(sp.key)) - 1]
                        out.append(Match(kind, "".join(u.text for u in units[first : last + 1])))
                        break
                else:
                    continue
                break
        elif any(c.isascii() for c in word):
            span = spell_span(word, units)
            if span:
                out.append(Match("pinyin", "".join(u.text for u in units[span[0] : span[1]])))
        for f in (*ATTRIBUTE_FIELDS, *TEXT_FIELDS):
            printed = find_printed(getattr(h, f.attribute), word)
            if printed:
                out.append(Match(f.attribute, printed))
        for facet, values in self._facets.value_matches(word).items():
            if self._facets.has(facet, values, row):
                out.append(Match(facet, self._printed_value(h, facet, values)))
        return out

    def _printed_value(self, h: Honoree, facet: str, values: Sequence[int]) -> str:
        if facet == "district":
            return h.district or self._district_name(h.district_code)
        if facet == "industry":
            return h.industry
        labels = self._facets.labels[facet]
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

    # -- suggestions ----------------------------------------------------------------------

    def suggest(self, word: str, mask: np.ndarray | None) -> tuple[str, ...]:
        """Ids of the people with the nearest names: a few edits away, else the best-known people.

        Names about three edits away are found through the typo tables; if fewer than five
        are, the best-ranked people (the first _POOL in listing order) are compared too, so the
        cost stays bounded at any catalogue size. Filters are respected while that finds anyone.
        """
        from rapidfuzz import fuzz, process

        m = self._matcher
        typos = m.pinyin_typos if word.isascii() else m.name_typos
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
            far = process.extract(word, pool_texts, scorer=fuzz.ratio, limit=SUGGESTIONS * 4, score_cutoff=1)
            scored += [(score, pool_rows[i]) for _, score, i in far]
        scored.sort(key=lambda item: (-item[0], int(self._place[item[1]])))
        picked = [r for _, r in scored]
        if mask is not None and any(mask[r] for r in picked):
            picked = [r for r in picked if mask[r]]
        return tuple(self._ids[r] for r in dict.fromkeys(picked))[:SUGGESTIONS]

    def _pool(self, ascii_names: bool) -> tuple[list[int], list[str]]:
        """The best-ranked people and their names (or pinyin), for suggestions."""
        with self._lock:
            cached = self._pools.get(ascii_names)
        if cached is None:
            rows = self._order[:_POOL].tolist()
            if ascii_names:
                spelled = [spellings(self._matcher.units(r)) for r in rows]
                texts = [s[0].key if s else "" for s in spelled]
            else:
                texts = [self._matcher.names[r] for r in rows]
            cached = ([r for r, t in zip(rows, texts, strict=True) if t], [t for t in texts if t])
            with self._lock:
                self._pools[ascii_names] = cached
        return cached
