"""The hall's records: frozen dataclasses whose optional fields never raise.

The vocabulary of hall.yaml (eras, honour kinds, districts) is declared here; the records of
the pack's files (people, honours, collectives, studios, milestones, tours) are made from
their fields in hall.pack.schema, so a field is declared in one place only.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from hall.pack import schema
from hall.pack.schema import FieldType, RecordKind, Required


class _Record:
    """Pickles as a plain tuple: the catalogue cache of 100,000 people loads ~10x faster than
    with dataclasses' default per-object field lookup."""

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return (type(self), tuple(getattr(self, name) for name in self.__slots__))  # type: ignore[attr-defined]


class Level(StrEnum):
    """How high an honour reaches; the order is the ranking order."""

    NATIONAL = "national"
    PROVINCIAL = "provincial"
    MUNICIPAL = "municipal"
    COUNTY = "county"

    @property
    def rank(self) -> int:
        return list(Level).index(self)


class HonourType(StrEnum):
    MODEL_WORKER = "model_worker"
    CRAFTSMAN = "craftsman"
    COLLECTIVE = "collective"


@dataclass(frozen=True, slots=True)
class Text(_Record):
    """A piece of display text in Chinese, with English where the pack gives it."""

    zh: str
    en: str = ""

    def get(self, lang: str) -> str:
        return self.en if lang == "en" and self.en else self.zh


@dataclass(frozen=True, slots=True)
class Era(_Record):
    id: str
    name: Text
    start: int
    end: int | None
    intro: Text = Text("")
    traits: tuple[Text, ...] = ()

    def contains(self, year: int) -> bool:
        return self.start <= year and (self.end is None or year <= self.end)

    def span(self, lang: str = "zh") -> str:
        end = self.end if self.end is not None else ("今" if lang == "zh" else "today")
        return f"{self.start}–{end}"


@dataclass(frozen=True, slots=True)
class HonourKind(_Record):
    code: str
    name: Text
    level: Level
    type: HonourType
    aliases: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    since: int | None = None


@dataclass(frozen=True, slots=True)
class District(_Record):
    adcode: str
    name: Text
    former: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Industry(_Record):
    name: Text


@dataclass(frozen=True, slots=True)
class Problem(_Record):
    """One thing wrong in the pack: where, and in plain words why."""

    file: str
    line: int | None
    column: str
    reason: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        col = f" [{self.column}]" if self.column else ""
        return f"{where}{col}: {self.reason}"


@dataclass(frozen=True, slots=True)
class HallInfo:
    name: Text
    city: Text
    organiser: Text = Text("")
    base_url: str = ""
    sample_data: bool = False
    idle_seconds: int = 90
    warning_seconds: int = 20
    extra: dict[str, object] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------
# Records made from the schema
# ---------------------------------------------------------------------------------------

_PYTHON_TYPES: dict[FieldType, tuple[Any, object]] = {  # type, default when blank
    FieldType.TEXT: (str, ""),
    FieldType.BILINGUAL: (Text, Text("")),
    FieldType.YEAR: (int | None, None),
    FieldType.INT: (int, 0),
    FieldType.FLOAT: (float | None, None),
    FieldType.BOOL: (bool, False),
    FieldType.GENDER: (str, ""),
    FieldType.LEVEL: (Level, Level.COUNTY),
    FieldType.LIST: (tuple[str, ...], ()),
}


def derive(
    kind: RecordKind,
    class_name: str,
    base: type,
    *,
    derived: Sequence[tuple[str, Any, object]] = (),
    types: Mapping[str, Any] | None = None,
) -> type:
    """A frozen, slotted record class with one attribute per field of `kind`, then `derived`
    (name, type, default) for what the reader works out. A required field has no default as
    long as every field before it has none, so the leading ones stay positional."""
    attributes: list[tuple[str, Any, Any]] = []
    leading = True
    for f in kind.fields:
        python_type, default = _PYTHON_TYPES[f.type]
        python_type = (types or {}).get(f.attribute, python_type)
        leading = leading and f.required is not Required.NO
        attributes.append((f.attribute, python_type) if leading else (f.attribute, python_type, default))  # type: ignore[arg-type]
    attributes += [
        (name, python_type, dataclasses.field(default=default)) for name, python_type, default in derived
    ]
    cls = dataclasses.make_dataclass(class_name, attributes, bases=(base,), frozen=True, slots=True)
    cls.__module__, cls.__doc__ = __name__, base.__doc__  # pickles by name, like a written class
    return cls


class _HonourBase(_Record):
    """One award to one person: the year decides its era."""

    __slots__ = ()


class _HonoreeBase(_Record):
    """One honoured person: the fields of honorees.csv, their honours, and what follows from them."""

    __slots__ = ()

    @property
    def eras(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(h.era for h in self.honours if h.era))  # type: ignore[attr-defined]

    @property
    def primary_era(self) -> str:
        return self.eras[0] if self.eras else ""

    @property
    def first_year(self) -> int | None:
        return self.honours[0].year if self.honours else None  # type: ignore[attr-defined]

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(p.strip() for p in self.deeds.split("\n") if p.strip())  # type: ignore[attr-defined]


class _CollectiveBase(_Record):
    """An honoured collective (模范集体, 工人先锋号)."""

    __slots__ = ()


class _StudioBase(_Record):
    """A 劳模/工匠创新工作室."""

    __slots__ = ()


class _MilestoneBase(_Record):
    """A dated event on the timeline."""

    __slots__ = ()


class StopKind(StrEnum):
    HONOREE = "honoree"  # one person's page
    ERA = "era"  # an era room
    TIMELINE = "timeline"  # the timeline at a year
    MAP = "map"  # the map at a district
    ROOM = "room"  # any other room: home, craftsmen, studios …
    LINEAGE = "lineage"  # the 传承 room following one person's line of masters and apprentices


class _StopBase(_Record):
    """One stop of a docent's tour."""

    __slots__ = ()


class _TourBase(_Record):
    """A docent tour: stops in order, each with talking points and minutes."""

    __slots__ = ()

    @property
    def planned(self) -> int:
        return sum(s.minutes for s in self.stops)  # type: ignore[attr-defined]


Honour = derive(schema.HONOUR, "Honour", _HonourBase, derived=(("era", str, ""),))  # "" when no year
Honoree = derive(
    schema.HONOREE,
    "Honoree",
    _HonoreeBase,
    derived=(
        ("district_code", str, ""),  # today's district (adcode) of `district` as printed
        ("honours", tuple[Honour, ...], ()),  # sorted by year, unknown years last
        ("best_level", int, Level.COUNTY.rank + 1),  # Level.rank of the highest honour
        ("is_craftsman", bool, False),
    ),
)
Collective = derive(
    schema.COLLECTIVE,
    "Collective",
    _CollectiveBase,
    derived=(("era", str, ""), ("district_code", str, "")),
    types={"year": int},
)
Studio = derive(schema.STUDIO, "Studio", _StudioBase, derived=(("district_code", str, ""),))
Milestone = derive(schema.MILESTONE, "Milestone", _MilestoneBase, types={"year": int})
Stop = derive(schema.STOP, "Stop", _StopBase, types={"kind": StopKind})
Tour = derive(
    schema.TOUR,
    "Tour",
    _TourBase,
    derived=(("source", str, ""),),  # the pack file, or "store" for tours saved from the builder
    types={"stops": tuple[Stop, ...]},
)


def rank_key(h: Honoree) -> tuple[int, int, str]:  # type: ignore[valid-type]
    """The order in which the hall lists people: highest honour, then earliest, then id."""
    first = h.first_year  # type: ignore[attr-defined]
    return (h.best_level, first if first is not None else 9999, h.id)  # type: ignore[attr-defined]
