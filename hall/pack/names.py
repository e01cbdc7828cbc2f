"""One resolver for the names a pack's records and curators' spreadsheets use for districts and
honours: current, former and short district names, honour codes, names and aliases."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from hall.pack.records import District, HonourKind, HonourType
from hall.textnorm import normalize

_HONOUR_SUFFIXES = ("获得者", "荣誉称号", "称号", "荣誉")
_HONOUR_PREFIXES = ("荣获", "获得", "被评为", "被授予", "授予", "评为")
_PROVINCE = re.compile(r"^[\u4e00-\u9fff]{2,3}省")


def honour_key(text: str) -> str:
    """An honour's name with spacing, width, 称号/获得者 and 荣获/被评为 taken off."""
    key = normalize(text)
    changed = True
    while changed and key:
        changed = False
        for suffix in _HONOUR_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix):
                key, changed = key[: -len(suffix)], True
        for prefix in _HONOUR_PREFIXES:
            if key.startswith(prefix) and len(key) > len(prefix):
                key, changed = key[len(prefix) :], True
    return key


@dataclass(frozen=True)
class Names:
    """What a name means in this hall. Build it with :meth:`of`."""

    city: str  # normalised city name, e.g. 绍兴
    kinds: Mapping[str, HonourKind]
    honour_keys: Mapping[str, str | None]  # honour_key → code (None: more than one)
    district_keys: Mapping[str, tuple[str, str] | None]  # normalised → (printed, adcode); None: ambiguous

    @classmethod
    def of(cls, city: str, kinds: Mapping[str, HonourKind], districts: Sequence[District]) -> Names:
        honour_keys: dict[str, str | None] = {}
        for kind in kinds.values():
            for name in (kind.code, kind.name.zh, kind.name.en, *kind.aliases):
                key = honour_key(name)
                if key:
                    honour_keys[key] = kind.code if honour_keys.get(key, kind.code) == kind.code else None
        district_keys: dict[str, tuple[str, str] | None] = {}
        stems: dict[str, set[tuple[str, str]]] = defaultdict(set)
        city_key = normalize(city)
        for d in districts:
            for name in (d.name.zh, d.name.en, *d.former):
                key = normalize(name)
                if not key:
                    continue
                value = (name, d.adcode)
                old = district_keys.get(key, value)
                district_keys[key] = value if old is not None and old[1] == d.adcode else None
                if len(key) > 2 and key[-1] in "区县市" and key[:-1] != city_key:
                    stems[key[:-1]].add((d.name.zh, d.adcode))
        # Short forms (柯桥, 诸暨): the current name of the one district they can mean.
        for stem, values in stems.items():
            if stem not in district_keys:
                codes = {code for _, code in values}
                district_keys[stem] = next(iter(values)) if len(codes) == 1 else None
        return cls(city_key, kinds, honour_keys, district_keys)

    def honour(self, text: str, *, collective: bool = False) -> tuple[str | None, str]:
        """(code, "") or (None, why): unknown_honour, ambiguous_honour, or collective_honour /
        person_honour when the honour is for the other kind of recipient."""
        key = honour_key(text)
        if key not in self.honour_keys:
            return None, "unknown_honour"
        code = self.honour_keys[key]
        if code is None:
            return None, "ambiguous_honour"
        is_collective = self.kinds[code].type is HonourType.COLLECTIVE
        if is_collective and not collective:
            return None, "collective_honour"
        if collective and not is_collective:
            return None, "person_honour"
        return code, ""

    def district(self, text: str) -> tuple[str, str, str]:
        """(name as printed, adcode, "") or ("", "", why): city_only, unknown_district or
        ambiguous_district; ("", "", "") for a blank. A province or city prefix is ignored."""
        key = normalize(text)
        if not key:
            return "", "", ""
        candidates = [key]
        province = _PROVINCE.match(key)
        if province:
            candidates.append(key[province.end() :])
        if self.city and self.city in key:
            # Whatever comes before the city is a province, written with or without 省.
            rest = key[key.find(self.city) + len(self.city) :]
            candidates += [rest, rest.removeprefix("市")]
        for k in candidates:
            if k in self.district_keys:
                hit = self.district_keys[k]
                if hit is None:
                    return "", "", "ambiguous_district"
                return hit[0], hit[1], ""
        if self.city and any(k in (self.city, f"{self.city}市") for k in candidates):
            return "", "", "city_only"
        return "", "", "unknown_district"

    def district_code(self, text: str) -> str:
        """Today's adcode for a district name, current, former or short ("" when unknown)."""
        return self.district(text)[1]
