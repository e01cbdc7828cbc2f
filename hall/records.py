"""The hall's records: frozen dataclasses whose optional fields never raise."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


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
class Honour(_Record):
    """One award to one person: the year decides its era."""

    honoree_id: str
    code: str
    year: int | None  # None: no source gives the year
    era: str  # "" when the year is unknown


@dataclass(frozen=True, slots=True)
class Honoree(_Record):
    id: str
    name: str
    name_en: str = ""
    gender: str = ""
    birth_year: int | None = None
    district: str = ""  # as printed in the record, possibly a former name
    district_code: str = ""  # today's district (adcode), derived
    employer: str = ""
    position: str = ""
    industry: str = ""
    deeds: str = ""
    quote: str = ""
    portrait: str = ""
    sample: bool = False
    source: str = ""
    honours: tuple[Honour, ...] = ()  # sorted by year
    best_level: int = 3  # Level.rank of the highest honour
    is_craftsman: bool = False

    @property
    def eras(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(h.era for h in self.honours if h.era))

    @property
    def primary_era(self) -> str:
        return self.eras[0] if self.eras else ""

    @property
    def first_year(self) -> int | None:
        return self.honours[0].year if self.honours else None

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(p.strip() for p in self.deeds.split("\n") if p.strip())


@dataclass(frozen=True, slots=True)
class Collective(_Record):
    id: str
    name: str
    honour: str
    year: int
    era: str
    district: str = ""
    district_code: str = ""
    deeds: str = ""
    sample: bool = False
    source: str = ""


@dataclass(frozen=True, slots=True)
class Studio(_Record):
    id: str
    name: str
    level: Level
    district: str = ""
    district_code: str = ""
    leader_id: str = ""
    lon: float | None = None
    lat: float | None = None
    open_for_visits: bool = False
    what_to_see: str = ""
    sample: bool = False
    source: str = ""


@dataclass(frozen=True, slots=True)
class Milestone(_Record):
    year: int
    title: Text
    date: str = ""
    kind: str = ""  # national_conference | honour_start | city | hall
    source: str = ""


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
    warning_seconds: int = 10
    extra: dict[str, object] = field(default_factory=dict)
