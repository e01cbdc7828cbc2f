"""The sample's tables as typed records, with the small lookups the generator asks them for."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

PERIODS = ("old", "mid", "new")  # of the text and the eras: ≤1978, 1979–2012, 2013–
LEVELS = ("national", "provincial", "municipal", "county")  # tier 1 … 4: lower is higher

Tagged = tuple[str, str]  # (tag, text): "" fits everything, another tag only what carries it


def fitting(items: Sequence[Tagged], tag: str) -> list[str]:
    """The texts of `items` that fit `tag`: untagged ones and those with that tag."""
    return [text for t, text in items if not t or t == tag]


@dataclass(frozen=True)
class Unit:
    """A kind of workplace: its name template, the posts people hold there, a deeds tag."""

    template: str
    positions: tuple[str, ...]
    tag: str = ""


@dataclass(frozen=True)
class Trade:
    """What an industry's people and units look like in the sample."""

    female: float  # share of women
    public: float  # share in public institutions: advanced worker instead of model worker
    craft: bool  # can be named a craftsman
    weights: tuple[float, ...]  # how common, by period (PERIODS)
    skills: tuple[str, ...]
    units: Mapping[str, tuple[Unit, ...]]  # period -> units
    deeds: Mapping[str, tuple[Tagged, ...]]  # period -> fragments
    teams: tuple[Tagged, ...]  # teams of units honoured as pioneers
    quotes: tuple[str, ...] = ()
    districts: Mapping[str, float] = field(default_factory=dict)  # extra weight by district

    def fragments(self, period: str, tag: str) -> list[str]:
        return fitting(self.deeds[period], tag)

    def team_names(self, tag: str) -> list[str]:
        return fitting(self.teams, tag)


@dataclass(frozen=True)
class Honour:
    """An honour a sample row may carry, and the years it may carry it."""

    code: str
    zh: str
    level: str
    years: tuple[int, ...]
    medal: bool = False
    craftsman: bool = False
    team: bool = False
    titles: Mapping[int, str] = field(default_factory=dict)  # year -> the name printed then
    printed: str = ""  # how a person's honours list it; {district}: the district's name then

    @property
    def tier(self) -> int:
        return LEVELS.index(self.level) + 1

    def title(self, year: int, district: str) -> str:
        """The honour as a record of `year` names it; `district` is the district's name then."""
        return self.titles.get(year, self.printed or self.zh).format(district=district)


@dataclass(frozen=True)
class Category:
    """A category of best honour: its share of people and the ladder of honours leading to it."""

    name: str
    share: float
    best: tuple[str, ...]  # one honour, or two: the first taken with `chance`
    lower: tuple[str, ...]  # honours that may come before the best
    sizes: tuple[float, ...]  # how often a person has 1, 2, 3 … honours
    fallback: str  # the one honour when the category cannot start in the era drawn
    chance: float = 1.0
    craftsman: bool = False  # craftsmen only: new era, trades with a craft


@dataclass(frozen=True)
class AddedTitle:
    """A craftsman title added to people of some categories, up to a share of everyone."""

    honour: str
    share: float
    categories: tuple[str, ...]


@dataclass(frozen=True)
class StudioLevel:
    """How many studios of a level there are; leader_level: the least honour of their leaders."""

    level: str
    count: int
    leader_level: str = ""


@dataclass(frozen=True)
class District:
    """A district of today, its weight, its towns and the names records printed over the years."""

    name: str
    weight: float
    names: tuple[tuple[int, str, str, str], ...]  # (from year, printed, unit's county, short)
    towns: tuple[str, ...]

    def _names_in(self, year: int) -> tuple[int, str, str, str]:
        found = self.names[0]
        for entry in self.names:
            if entry[0] <= year:
                found = entry
        return found

    def printed(self, year: int) -> str:
        """The district's name as a record of `year` printed it."""
        return self._names_in(year)[1]

    def county(self, year: int) -> tuple[str, str]:
        """(full, short) place names a unit of that year carried, e.g. ("嵊县", "嵊县")."""
        _, _, full, short = self._names_in(year)
        return full, short


@dataclass(frozen=True)
class Places:
    """Districts, towns, villages and brands, and the words that dated a unit's name."""

    districts: Mapping[str, District]  # in the order of the draw
    villages: tuple[str, ...]
    brands: tuple[str, ...]
    old_brands: tuple[str, ...]
    brigade_until: int
    brigade: str
    village: str
    town_endings: tuple[str, ...]
    commune_until: int
    commune: str
    township_until: int
    township: str
    town: str
    factory_before: int
    factory: str
    companies: tuple[str, ...]

    def town_name(self, town: str, year: int) -> str:
        """A town's name as a record of `year` printed it: a commune, a township or town, today's."""
        stem = town
        for ending in self.town_endings:
            stem = stem.removesuffix(ending)
        if year <= self.commune_until:
            return stem + self.commune
        if year <= self.township_until:
            return stem + (self.township if town.endswith(self.township) else self.town)
        return town

    def village_unit(self, village: str, year: int) -> str:
        return village + (self.brigade if year <= self.brigade_until else self.village)


@dataclass(frozen=True)
class NameParts:
    """What invented names are made of."""

    surnames: tuple[str, ...]
    surname_weights: tuple[float, ...]
    given: Mapping[tuple[str, str], str]  # (gender, generation) -> characters
    born_before: Mapping[str, int]  # generation -> born before this year; the last has none
    generations: tuple[str, ...]
    nickname: str
    nickname_generation: str
    tricky: tuple[str, ...]
    tricky_least: int
    reserved: frozenset[str]  # real people's names no sample person may carry

    def generation(self, birth: int) -> str:
        for generation in self.generations:
            if birth < self.born_before.get(generation, birth + 1):
                return generation
        return self.generations[-1]


@dataclass(frozen=True)
class Words:
    """The small words sample text is put together with."""

    female: str
    male: str
    pronoun: Mapping[str, str]  # gender -> 他 / 她
    women_only: str
    ordinal: str
    digits: str
    separator: str
    full_stop: str


@dataclass(frozen=True)
class Stories:
    """The text of an invented person's story around what they did."""

    intros: Mapping[str, tuple[str, ...]]  # period -> openings
    later: tuple[str, ...]
    codas: Mapping[str, tuple[Tagged, ...]]  # period -> closing thoughts; "craft" ones tagged
    medal: str
    craftsman: str
    title: tuple[str, ...]
    several: str
    listed: str
    quotes: tuple[str, ...]


@dataclass(frozen=True)
class CollectiveTexts:
    """The text of an invented collective."""

    who_team: str
    who_unit: str
    team: str  # the team of a unit whose trade names none
    paragraphs: Mapping[bool, tuple[tuple[str, ...], tuple[str, ...]]]  # craft -> (first, second)
    honoured_team: str
    honoured_other: str


@dataclass(frozen=True)
class StudioTexts:
    """The text of an invented studio."""

    led_craftsman: str
    led_model_worker: str
    unled: tuple[str, ...]
    see: tuple[Tagged, ...]  # "craft" ones only in trades with a craft
    open: tuple[str, ...]
    closed: str
