"""Building the index of a catalogue: every array the search reads, from the fields the schema
marks as searched (``hall.pack.schema.HONOREE``, ``Field.search``).

* ``Search.NAME`` — the name: every suffix of it, its pinyin and initials from every syllable,
  its typo neighbourhood (hall.search.match, tiers T_EXACT_NAME … T_NAME_SUBSTRING).
* ``Search.ATTRIBUTE`` — short facts. Those that are facets (district, industry) are matched
  through the names of their values, which select everyone with that value (hall.search.facets);
  the others (employer, position) are indexed as text at the tier T_ATTRIBUTE.
* ``Search.TEXT`` — running text (deeds, quote), indexed at the tier T_TEXT.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

import numpy as np

from hall.pack.records import District, Era, Honoree, HonourKind
from hall.pack.schema import HONOREE, Field, Search
from hall.pinyin import reading_table
from hall.search.arrays import Ngrams, Prefixes, Strings, Typos
from hall.search.facets import FACETS, build_facets
from hall.search.rank import listing_order, places
from hall.search.spelling import KIND_FULL, parse_units, spellings, units_blob
from hall.textnorm import normalize, normalize_many

# A person has one name: the tables are per person, so a second name field would need rows of its own.
(NAME_FIELD,) = HONOREE.searched(Search.NAME)
ATTRIBUTE_FIELDS: tuple[Field, ...] = tuple(
    f for f in HONOREE.searched(Search.ATTRIBUTE) if f.attribute not in FACETS
)
TEXT_FIELDS: tuple[Field, ...] = HONOREE.searched(Search.TEXT)
# Everything the index reads of a person: the searched fields, the id, the pack's own spelling
# of the name and today's district (a saved index is stale when any of them changes).
READ_FIELDS: tuple[str, ...] = (
    "id",
    *(f.attribute for f in HONOREE.fields if f.search is not Search.NO),
    "name_en",
    "district_code",
)
# Separates the fields of one document: normalize() drops control characters, so no query can
# match across it.
_FIELD_BREAK = "\x01"


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


def name_of(h: Honoree) -> str:
    return getattr(h, NAME_FIELD.attribute)


def build(catalog: CatalogLike) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """The arrays and the meta (JSON-ready) of the index of ``catalog``.

    Well under a second for 1,800 people; memory is freed as each table is finished.
    """
    people = tuple(catalog.honorees)
    n = len(people)
    arrays: dict[str, np.ndarray] = {}
    meta: dict[str, Any] = {"size": n}
    arrays.update(Strings.build(h.id for h in people).arrays("ids"))
    names = [name_of(h) for h in people]
    norm_names = normalize_many(names)
    arrays.update(Strings.build(norm_names).arrays("names"))
    norm_cache: dict[str, str] = {}

    def norm_unit(text: str) -> str:
        found = norm_cache.get(text)
        if found is None:
            found = norm_cache[text] = normalize(text)
        return found

    unit_blobs = [units_blob(name, norm_unit) for name in names]
    arrays.update(Strings.build(unit_blobs).arrays("units"))

    order = listing_order(people)
    arrays["order"] = order
    arrays["rank"] = places(order)

    facet_arrays, facet_meta = build_facets(catalog, people)
    arrays.update(facet_arrays)
    meta.update(facet_meta)

    text = Ngrams.build(_documents(people))
    arrays.update(text.arrays("text"))
    meta["text_pos_bits"] = text.pos_bits

    # names: every suffix of the normalised name
    name_entries = [
        (name[i:].encode("utf-8"), row, i, len(name) - i, 0)
        for row, name in enumerate(norm_names)
        for i in range(len(name))
    ]
    arrays.update(Prefixes.build(name_entries).arrays("name_sa"))

    pinyin_entries, pinyin_words = _pinyin_entries(people, unit_blobs)
    arrays.update(Prefixes.build(pinyin_entries).arrays("pinyin_sa"))

    # how every character sounds (so that queries never need pypinyin)
    table = reading_table()
    chars = sorted(table)
    arrays["sound.chars"] = np.fromiter(map(ord, chars), dtype=np.uint32, count=len(chars))
    arrays.update(Strings.build(table[c] for c in chars).arrays("sound.readings"))

    # typo neighbourhoods
    name_words: dict[str, list[int]] = {}
    for row, name in enumerate(norm_names):
        if name:
            name_words.setdefault(name, []).append(row)
    for label, vocab_rows in (("name_typos", name_words), ("pinyin_typos", pinyin_words)):
        arrays.update(Typos.build({w: sorted(set(r)) for w, r in vocab_rows.items()}).arrays(label))
    return arrays, meta


def _documents(people: Sequence[Honoree]) -> list[str]:
    """Two documents a person, in the order of rows: the attribute fields (document 2 × row),
    then the text fields (2 × row + 1), each normalised."""
    groups = (ATTRIBUTE_FIELDS, TEXT_FIELDS)
    flat = normalize_many([getattr(h, f.attribute) for h in people for group in groups for f in group])
    docs: list[str] = []
    at = 0
    for _ in people:
        for group in groups:
            docs.append(_FIELD_BREAK.join(flat[at : at + len(group)]))
            at += len(group)
    return docs


def _pinyin_entries(
    people: Sequence[Honoree], unit_blobs: Sequence[str]
) -> tuple[list[tuple[bytes, int, int, int, int]], dict[str, list[int]]]:
    """Full pinyin and initials of each name from every syllable start, and the people behind
    each full spelling (for typos)."""
    entries: list[tuple[bytes, int, int, int, int]] = []
    words: dict[str, list[int]] = {}
    for row, (h, blob) in enumerate(zip(people, unit_blobs, strict=True)):
        seen: set[tuple[str, int]] = set()
        for key, _owner, starts, kind in spellings(parse_units(blob)):
            for s_i, s in enumerate(starts):
                if (key[s:], kind) in seen:
                    continue
                seen.add((key[s:], kind))
                entries.append((key[s:].encode("ascii"), row, s_i, len(key) - s, kind))
            if kind == KIND_FULL:
                words.setdefault(key, []).append(row)
        # a spelling given in the pack (name_en), e.g. for families that read 乐 as "le"
        spelled = [w for w in (normalize(x) for x in (h.name_en or "").split()) if w]
        whole = "".join(spelled)
        if whole.isascii() and whole.isalnum():
            at = 0
            for w_i, w in enumerate(spelled):
                if (whole[at:], KIND_FULL) not in seen:
                    seen.add((whole[at:], KIND_FULL))
                    entries.append((whole[at:].encode("ascii"), row, w_i, len(whole) - at, KIND_FULL))
                at += len(w)
            words.setdefault(whole, []).append(row)
    return entries, words
