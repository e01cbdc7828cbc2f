"""What the book holds and in what order: parts (the eras, the craftsmen), within them sections
by honour level, people by year; a booklet of one era or one district."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from hall.labels import t
from hall.pack import Catalog, Honoree, HonourType, Level, rank_key

CRAFTSMEN = "craftsmen"
UNDATED = "undated"
NO_LEVEL = len(Level)  # best_level of someone with no honour listed


@dataclass(frozen=True, slots=True)
class Scope:
    """The whole book, or a booklet: one era (its id) or one district (its adcode)."""

    era: str = ""
    district: str = ""

    def holds(self, h: Honoree) -> bool:
        if self.era and self.era not in h.eras:
            return False
        return not self.district or h.district_code == self.district


@dataclass(frozen=True, slots=True)
class Section:
    level: int  # Level.rank; NO_LEVEL when no honour is listed
    title: str
    people: tuple[Honoree, ...]


@dataclass(frozen=True, slots=True)
class Part:
    key: str  # an era id, CRAFTSMEN or UNDATED
    title: str
    span: str
    intro: str
    sections: tuple[Section, ...]

    @property
    def size(self) -> int:
        return sum(len(s.people) for s in self.sections)


def _craftsman_only(cat: Catalog, h: Honoree) -> bool:
    kinds = [cat.honour_kinds.get(x.code) for x in h.honours]
    return bool(kinds) and all(k is not None and k.type is HonourType.CRAFTSMAN for k in kinds)


def part_key(cat: Catalog, h: Honoree, scope: Scope) -> str:
    """Where a person stands: the craftsmen's part when every honour is a craftsman's, else the
    era of the first dated honour (the booklet's era in an era booklet), else the undated part.
    Each person is printed once, even when honoured in two eras."""
    if _craftsman_only(cat, h):
        return CRAFTSMEN
    if scope.era:
        return scope.era
    return h.primary_era or UNDATED


def parts(cat: Catalog, scope: Scope, lang: str = "zh") -> tuple[Part, ...]:
    """The book's parts in order: the eras, the craftsmen, then anyone without a dated honour."""
    placed: dict[str, list[Honoree]] = {}
    for h in cat.honorees:
        if scope.holds(h):
            placed.setdefault(part_key(cat, h, scope), []).append(h)
    out = []
    for era in cat.eras:
        if era.id in placed:
            out.append(
                Part(
                    era.id,
                    era.name.get(lang),
                    era.span(lang),
                    era.intro.get(lang),
                    _sections(placed[era.id], lang),
                )
            )
    for key, label in ((CRAFTSMEN, "book_part_craftsmen"), (UNDATED, "book_part_undated")):
        if key in placed:
            out.append(Part(key, t(label, lang), "", "", _sections(placed[key], lang)))
    return tuple(out)


def _sections(people: list[Honoree], lang: str) -> tuple[Section, ...]:
    by_level: dict[int, list[Honoree]] = {}
    for h in sorted(people, key=rank_key):
        by_level.setdefault(min(h.best_level, NO_LEVEL), []).append(h)
    return tuple(
        Section(level, level_title(level, lang), tuple(by_level[level])) for level in sorted(by_level)
    )


def level_title(level: int, lang: str) -> str:
    if level >= NO_LEVEL:
        return t("book_level_none", lang)
    return t("book_level_heading", lang, level=t(f"level_{list(Level)[level].value}", lang))


def people(book: tuple[Part, ...]) -> Iterator[tuple[Part, Section, Honoree]]:
    """Every person of the book in printing order, with their part and section."""
    for part in book:
        for section in part.sections:
            for h in section.people:
                yield part, section, h


def booklet_name(cat: Catalog, scope: Scope, lang: str = "zh") -> str:
    """The booklet's name under the book's title ('' for the whole book)."""
    if scope.era:
        return t("book_booklet_era", lang, era=cat.era(scope.era).name.get(lang))
    if scope.district:
        district = cat.district(scope.district)
        return t(
            "book_booklet_district", lang, district=district.name.get(lang) if district else scope.district
        )
    return ""
