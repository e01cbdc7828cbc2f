"""What 听讲解 reads aloud: a person's, an era's or a tour stop's text on screen, by id.

Read-aloud ids name a pack recording (`media/audio/<id>.<ext>`) and an offline rendering:

| what | id | example |
|---|---|---|
| a person | the honoree's id | `r001` |
| an era's opening panel | `era-<era id>` | `era-reform` (as the era's banner `art/era-reform.svg`) |
| a tour's stop | `tour-<tour id>-<stop number, from 1>` | `tour-primary-three-eras-2` |
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from hall.labels import t
from hall.pack.catalog import Catalog
from hall.pack.records import Era, Honoree, Stop, Tour

LANGS = ("zh", "en")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True, slots=True)
class Passage:
    """Text read in one language's voice: an English page still shows Chinese deeds."""

    lang: str
    text: str


@dataclass(frozen=True, slots=True)
class Reading:
    """The text one 听讲解 control reads, for the page's language `lang`."""

    id: str
    lang: str
    passages: tuple[Passage, ...]

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.passages)

    @property
    def digest(self) -> str:
        """16 hex digits naming exactly what is read and in which voices (the rendering's name)."""
        raw = "\x1e".join(f"{p.lang}\x1f{p.text}" for p in self.passages)
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def era_id(era: str) -> str:
    return f"era-{era}"


def stop_id(tour: str, number: int) -> str:
    """A tour's stop, numbered from 1 as the presenter shows it."""
    return f"tour-{tour}-{number}"


def reading(reading_id: str, lang: str, texts: list[str]) -> Reading:
    """Blank texts dropped; on an English page, a text in Chinese is read by a Chinese voice."""
    passages = tuple(Passage(_language(x, lang), x.strip()) for x in texts if x and x.strip())
    return Reading(reading_id, lang, passages)


def person(h: Honoree, cat: Catalog, lang: str) -> Reading:
    """The person's name, honours and deeds, as the page shows them."""
    name = (h.name_en or h.name) if lang == "en" else h.name
    comma, stop = ("，", "。") if lang == "zh" else (", ", ".")
    honours = []
    for honour in h.honours:
        year = str(honour.year) if honour.year else t("year_unknown", lang)
        era = cat.era(honour.era).name.get(lang) if honour.era else ""
        honours.append(comma.join(x for x in (year, cat.honour_name(honour.code, lang), era) if x) + stop)
    return reading(h.id, lang, [name, *honours, *h.paragraphs])


def era(e: Era, lang: str) -> Reading:
    """The era's opening panel: its name, years and introduction."""
    return reading(era_id(e.id), lang, [e.name.get(lang), e.span(lang), e.intro.get(lang)])


def stop(tour_id: str, number: int, s: Stop, lang: str) -> Reading:
    """A stop of a docent's tour (numbered from 1): its talking points."""
    return reading(stop_id(tour_id, number), lang, list(s.points))


def everything(cat: Catalog, lang: str) -> list[Reading]:
    """Every reading of the pack in `lang`: its people, its eras and its tours' stops."""
    readings = [person(h, cat, lang) for h in cat.honorees]
    readings += [era(e, lang) for e in cat.eras]
    readings += [stop(tour.id, n, s, lang) for tour in cat.tours for n, s in enumerate(tour.stops, 1)]
    return [r for r in readings if r.passages]


def ids(people: Collection[str], eras: Iterable[str], tours: Iterable[Tour]) -> frozenset[str]:
    """Every read-aloud id of a pack (what a recording may be named)."""
    stops = (stop_id(tour.id, n) for tour in tours for n in range(1, len(tour.stops) + 1))
    return frozenset((*people, *(era_id(e) for e in eras), *stops))


def _language(text: str, page: str) -> str:
    # Chinese pages read everything in Chinese (years and Latin names too); English pages read
    # the pack's Chinese-only text (deeds, talking points) in Chinese, the rest in English.
    return "zh" if page == "zh" or _CJK.search(text) else "en"
