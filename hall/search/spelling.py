"""How a name can be typed: its characters, the pinyin of each, and initials.

The index keeps each name as a blob of units (character, its normalised form, its readings,
see hall.pinyin.NameUnit), so that answering a query never needs pypinyin.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from hall.pinyin import name_units

KIND_FULL = 0  # a spelling in full pinyin: dingweisong
KIND_INITIALS = 1  # a spelling in initials: dws
_TONED = re.compile(r"(?:[a-z]+[1-5])+[a-z]*")  # ding1 wei4 song1
_UNIT_SEP = "\x1d"
_FIELD_SEP = "\x1f"


class Unit(NamedTuple):
    """One character of a name (see hall.pinyin.NameUnit) with its normalised form."""

    text: str
    norm: str
    readings: tuple[str, ...]


class Spelling(NamedTuple):
    """One way to type a whole name.

    ``owner[i]`` is the unit ``key[i]`` belongs to; ``starts`` are the offsets where a unit's
    spelling begins; ``kind`` is KIND_FULL or KIND_INITIALS.
    """

    key: str
    owner: list[int]
    starts: list[int]
    kind: int


def units_blob(name: str, norm: Callable[[str], str]) -> str:
    """The units of ``name`` as one string, as the index stores them."""
    return _UNIT_SEP.join(
        _FIELD_SEP.join((u.text, norm(u.text), "/".join(u.readings))) for u in name_units(name)
    )


def parse_units(blob: str) -> list[Unit]:
    out = []
    for part in blob.split(_UNIT_SEP) if blob else ():
        text, norm, readings = part.split(_FIELD_SEP)
        out.append(Unit(text, norm, tuple(r for r in readings.split("/") if r)))
    return out


def toned(word: str) -> bool:
    """Is ``word`` pinyin with tone numbers (``ding1wei4song1``)?"""
    return _TONED.fullmatch(word) is not None


def untoned(word: str) -> str:
    """``word`` without its tone numbers when it is toned pinyin, else ``word`` itself."""
    return re.sub(r"[1-5]", "", word) if toned(word) else word


def spellings(units: Sequence[Unit]) -> list[Spelling]:
    """Full and initials keys of a name, most correct first (at most 8 readings of it)."""
    readable = [(i, u.readings) for i, u in enumerate(units) if u.readings]
    if not readable:
        return []
    out: list[Spelling] = []
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
        out.append(Spelling(full, owner, starts, KIND_FULL))
        initials = "".join(s[0] for s in combo)
        owners = [readable[k][0] for k in range(len(combo))]
        out.append(Spelling(initials, owners, list(range(len(combo))), KIND_INITIALS))
    return out


def full_keys(units: Sequence[Unit]) -> set[str]:
    """Every full-pinyin spelling of a name."""
    return {s.key for s in spellings(units) if s.kind == KIND_FULL}


def spell(query: str, qi: int, units: Sequence[Unit], ui: int) -> int | None:
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
            return spell(query, qi + len(norm), units, ui + 1)
        return None
    rest = query[qi:]
    for reading in readings:
        if rest.startswith(reading):
            done = spell(query, qi + len(reading), units, ui + 1)
            if done is not None:
                return done
        elif rest.isascii() and reading.startswith(rest):
            return ui + 1
    for reading in readings:
        if reading[0] == ch:
            done = spell(query, qi + 1, units, ui + 1)
            if done is not None:
                return done
    return None


def spell_span(word: str, units: Sequence[Unit]) -> tuple[int, int] | None:
    """The units a mixed query (``ding卫松``, ``丁ws``) spells: (first, end), or None."""
    for first in range(len(units)):
        end = spell(word, 0, units, first)
        if end is not None:
            return first, end
    return None
