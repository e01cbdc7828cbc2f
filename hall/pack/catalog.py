"""The catalogue: a content pack's records, checked and frozen in memory, with their lookups."""

from __future__ import annotations

import datetime as dt
import functools
import random
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from hall.errors import HonoreeNotFound
from hall.pack.names import Names
from hall.pack.records import (
    Collective,
    District,
    Era,
    HallInfo,
    Honoree,
    HonourKind,
    HonourType,
    Industry,
    Level,
    Milestone,
    Problem,
    Studio,
    Tour,
    rank_key,
)

if TYPE_CHECKING:
    from hall.activities.records import Activities


def _no_activities() -> Activities:
    from hall.activities.records import Activities  # it reads hall.pack's records: no cycle at import

    return Activities()


@dataclass(frozen=True)
class Catalog:
    """Everything a hall shows, immutable; shared by every visitor's session."""

    info: HallInfo
    eras: tuple[Era, ...]
    honour_kinds: Mapping[str, HonourKind]
    districts: tuple[District, ...]
    industries: tuple[Industry, ...]
    honorees: tuple[Honoree, ...]
    collectives: tuple[Collective, ...] = ()
    studios: tuple[Studio, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    tours: tuple[Tour, ...] = ()
    pairs: tuple[Any, ...] = ()  # hall.pack.pairs.Pair: 名师高徒, in file order
    activities: Activities = field(default_factory=_no_activities)  # hall.activities
    problems: tuple[Problem, ...] = ()
    pack: str = ""
    _by_id: dict[str, int] = field(default_factory=dict, repr=False)
    _groups: dict[str, dict[str, tuple[int, ...]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if not self._by_id:
            self._by_id.update({h.id: i for i, h in enumerate(self.honorees)})
        if not self._groups:
            self._groups.update(_group_indexes(self.honorees))

    # -- lookups ---------------------------------------------------------------------------
    def honoree(self, honoree_id: str) -> Honoree:
        """The honoree with this id.

        Raises:
            HonoreeNotFound: no honoree has this id.
        """
        index = self._by_id.get(str(honoree_id).strip())
        if index is None:
            raise HonoreeNotFound(str(honoree_id))
        return self.honorees[index]

    def has(self, honoree_id: str) -> bool:
        return str(honoree_id).strip() in self._by_id

    def position(self, honoree_id: str) -> int:
        """Row number of an honoree in `honorees` (what the search index works with)."""
        return self._by_id[honoree_id]

    def era(self, era_id: str) -> Era:
        for era in self.eras:
            if era.id == era_id:
                return era
        raise KeyError(era_id)

    def era_of_year(self, year: int | None) -> Era | None:
        if year is None:
            return None
        return next((e for e in self.eras if e.contains(year)), None)

    def district(self, adcode: str) -> District | None:
        return next((d for d in self.districts if d.adcode == adcode), None)

    def district_code(self, name: str) -> str:
        """Today's adcode for a district name as printed, current, former or short ('' if unknown)."""
        return self.names.district_code(name)

    @functools.cached_property
    def names(self) -> Names:
        """What district and honour names mean in this hall."""
        return Names.of(self.info.city.zh, self.honour_kinds, self.districts)

    def honour_name(self, code: str, lang: str = "zh") -> str:
        kind = self.honour_kinds.get(code)
        return kind.name.get(lang) if kind else code

    # -- groups ----------------------------------------------------------------------------
    def members(self, group: str, key: str) -> tuple[Honoree, ...]:
        """Honorees of one group: era, district, industry, employer, honour or kind."""
        return tuple(self.honorees[i] for i in self._groups.get(group, {}).get(key, ()))

    def count(self, group: str, key: str) -> int:
        return len(self._groups.get(group, {}).get(key, ()))

    def related(self, honoree: Honoree, limit: int = 6) -> tuple[Honoree, ...]:
        """Others to look at next: same employer, then same industry in the same district,
        then same industry; best honours first."""
        seen = {honoree.id}
        picked: list[Honoree] = []
        same_industry = [h for h in self.members("industry", honoree.industry) if h.district_code]
        pools = (
            self.members("employer", honoree.employer) if honoree.employer else (),
            [h for h in same_industry if h.district_code == honoree.district_code],
            same_industry,
        )
        for pool in pools:
            for other in sorted(pool, key=rank_key):
                if other.id not in seen:
                    seen.add(other.id)
                    picked.append(other)
                    if len(picked) == limit:
                        return tuple(picked)
        return tuple(picked)

    def featured(self, day: dt.date, limit: int = 6) -> tuple[Honoree, ...]:
        """A day's featured honorees: real people as far as there are, a stable daily draw of
        them, and invented ones only to fill the rest."""
        rng = random.Random(day.toordinal())
        real = list(self._groups.get("featured", {}).get("real", ()))
        rng.shuffle(real)
        chosen = real[:limit]
        pool = self._groups.get("featured", {}).get("sample", ())
        chosen += rng.sample(pool, min(limit - len(chosen), len(pool)))
        return tuple(self.honorees[i] for i in chosen[:limit])

    @property
    def craftsmen(self) -> tuple[Honoree, ...]:
        return self.members("type", HonourType.CRAFTSMAN.value)

    def stats(self) -> dict[str, int]:
        """The hall's headline numbers."""
        return {
            "honorees": len(self.honorees),
            "eras": len(self.eras),
            "craftsmen": len(self.craftsmen),
            "studios": len(self.studios),
            "collectives": len(self.collectives),
            "national": sum(1 for h in self.honorees if h.best_level == 0),
        }


def _group_indexes(honorees: Sequence[Honoree]) -> dict[str, dict[str, tuple[int, ...]]]:
    groups: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, h in enumerate(honorees):
        for era in h.eras:
            groups["era"][era].append(i)
        for code in dict.fromkeys(x.code for x in h.honours):
            groups["honour"][code].append(i)
        groups["district"][h.district_code].append(i)
        groups["industry"][h.industry].append(i)
        if h.employer:
            groups["employer"][h.employer].append(i)
        if h.is_craftsman:
            groups["type"][HonourType.CRAFTSMAN.value].append(i)
        if h.honours and not h.sample:
            groups["featured"]["real"].append(i)
        elif h.sample and h.best_level <= Level.PROVINCIAL.rank:
            groups["featured"]["sample"].append(i)
    # Within a group, best honours first, then earliest.
    return {
        g: {k: tuple(sorted(v, key=lambda i: rank_key(honorees[i]))) for k, v in d.items()}
        for g, d in groups.items()
    }
