"""Reading the sample's word lists and tables from tools/samplepack/data/ (YAML and CSV, UTF-8)."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from tools.samplepack.tables import (
    PERIODS,
    AddedTitle,
    Category,
    CollectiveTexts,
    District,
    Honour,
    NameParts,
    Places,
    Stories,
    StudioLevel,
    StudioTexts,
    Tagged,
    Trade,
    Unit,
    Words,
)

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class SampleData:
    """Everything the generator draws from, as the data folder states it."""

    last_year: int
    period_starts: Mapping[str, int]  # period -> its first year
    era_shares: Mapping[str, float]
    honours: Mapping[str, Honour]  # a person's honours
    collective_honours: Mapping[str, Honour]
    categories: Mapping[str, Category]
    public: Mapping[str, str]  # honour -> the one people in public institutions get instead
    added: tuple[AddedTitle, ...]
    collectives_per_honoree: float
    collectives_least: int
    collective_shares: Mapping[str, float]
    studios: tuple[StudioLevel, ...]
    places: Places
    trades: Mapping[str, Trade]  # in the order of the draw
    names: NameParts
    words: Words
    stories: Stories
    collective_texts: CollectiveTexts
    studio_texts: StudioTexts

    def period(self, year: int) -> str:
        """The period (PERIODS) a year falls in."""
        found = PERIODS[0]
        for period in PERIODS:
            if year >= self.period_starts[period]:
                found = period
        return found

    def period_years(self, period: str) -> tuple[int, int]:
        """First and last year of a period; the last runs to last_year."""
        k = PERIODS.index(period)
        end = self.period_starts[PERIODS[k + 1]] - 1 if k + 1 < len(PERIODS) else self.last_year
        return self.period_starts[period], end


@cache
def load_data(folder: Path = DATA) -> SampleData:
    """The data folder read once per process.

    Raises:
        OSError: a data file cannot be read.
        yaml.YAMLError: a YAML file is not valid YAML.
        KeyError: a file lacks an entry the generator needs.
    """
    honours = _yaml(folder, "honours.yaml")
    categories = _yaml(folder, "categories.yaml")
    shares = _yaml(folder, "proportions.yaml")
    last_year = int(honours["last_year"])
    lists = {name: honours[name] for name in ("conferences", "regional")}
    collectives = shares["collectives"]
    return SampleData(
        last_year=last_year,
        period_starts={p: int(shares["periods"][p]) for p in PERIODS},
        era_shares={p: float(shares["era_shares"][p]) for p in PERIODS},
        honours={c: _honour(c, v, lists, last_year) for c, v in honours["people"].items()},
        collective_honours={c: _honour(c, v, lists, last_year) for c, v in honours["collectives"].items()},
        categories={name: _category(name, v) for name, v in categories["categories"].items()},
        public=dict(categories["public"]),
        added=tuple(AddedTitle(a["honour"], a["share"], tuple(a["categories"])) for a in categories["added"]),
        collectives_per_honoree=collectives["per_honoree"],
        collectives_least=collectives["least"],
        collective_shares=dict(collectives["shares"]),
        studios=tuple(StudioLevel(**s) for s in shares["studios"]),
        places=_places(folder),
        trades={name: _trade(v) for name, v in _yaml(folder, "trades.yaml").items()},
        names=_names(folder),
        words=Words(**_yaml(folder, "words.yaml")),
        stories=_stories(folder),
        collective_texts=_collective_texts(folder),
        studio_texts=_studio_texts(folder),
    )


def _yaml(folder: Path, name: str) -> Any:
    return yaml.safe_load((folder / name).read_text(encoding="utf-8"))


def _tagged(item: str | Mapping[str, str]) -> Tagged:
    """A list item: `text` fits everything, `{tag: text}` only what carries that tag."""
    if isinstance(item, str):
        return "", item
    ((tag, text),) = item.items()
    return str(tag), str(text)


def _years(rule: Any, lists: Mapping[str, list[int]], last_year: int) -> tuple[int, ...]:
    """Years from a rule: a list, a list's name, or {in: list, from: year, except: list}."""
    if isinstance(rule, str):
        return tuple(lists[rule])
    if isinstance(rule, list):
        return tuple(rule)
    pool = rule.get("in")
    years = lists[pool] if isinstance(pool, str) else pool or range(rule["from"], last_year + 1)
    dropped = set(lists[rule["except"]]) if "except" in rule else set()
    return tuple(y for y in years if y >= rule.get("from", 0) and y not in dropped)


def _honour(code: str, v: Mapping[str, Any], lists: Mapping[str, list[int]], last_year: int) -> Honour:
    return Honour(
        code=code,
        zh=v["zh"],
        level=v["level"],
        years=_years(v["years"], lists, last_year),
        medal=v.get("medal", False),
        craftsman=v.get("craftsman", False),
        team=v.get("team", False),
        titles=dict(v.get("titles", {})),
        printed=v.get("printed", ""),
    )


def _category(name: str, v: Mapping[str, Any]) -> Category:
    return Category(
        name=name,
        share=v["share"],
        best=tuple(v["best"]),
        lower=tuple(v.get("lower", ())),
        sizes=tuple(v["sizes"]),
        fallback=v["fallback"],
        chance=v.get("chance", 1.0),
        craftsman=v.get("craftsman", False),
    )


def _trade(v: Mapping[str, Any]) -> Trade:
    units = v["units"]
    deeds = v["deeds"]
    return Trade(
        female=v["female"],
        public=v["public"],
        craft=v["craft"],
        weights=tuple(v["weights"][p] for p in PERIODS),
        skills=tuple(v["skills"]),
        units={
            p: tuple(Unit(u["name"], tuple(u["posts"]), u.get("tag", "")) for u in units.get(p) or ())
            for p in PERIODS
        },
        deeds={p: tuple(_tagged(d) for d in deeds.get(p) or ()) for p in PERIODS},
        teams=tuple(_tagged(t) for t in v["teams"]),
        quotes=tuple(v.get("quotes", ())),
        districts=dict(v.get("districts", {})),
    )


def _places(folder: Path) -> Places:
    districts = _yaml(folder, "districts.yaml")
    towns = _yaml(folder, "towns.yaml")
    places = _yaml(folder, "places.yaml")
    brands = _yaml(folder, "brands.yaml")
    village, town, company = places["village"], places["town"], places["company"]
    return Places(
        districts={
            name: District(
                name=name,
                weight=d["weight"],
                names=tuple((int(year), *names) for year, names in sorted(d["names"].items())),
                towns=tuple(towns[name]),
            )
            for name, d in districts.items()
        },
        villages=tuple(places["villages"]),
        brands=tuple(brands["brands"]),
        old_brands=tuple(brands["old"]),
        brigade_until=village["brigade_until"],
        brigade=village["brigade"],
        village=village["village"],
        town_endings=tuple(town["endings"]),
        commune_until=town["commune_until"],
        commune=town["commune"],
        township_until=town["township_until"],
        township=town["township"],
        town=town["town"],
        factory_before=company["factory_before"],
        factory=company["factory"],
        companies=tuple(company["companies"]),
    )


def _names(folder: Path) -> NameParts:
    names = _yaml(folder, "names.yaml")
    with (folder / "surnames.csv").open(encoding="utf-8", newline="") as f:
        surnames = [(row["surname"], _number(row["weight"])) for row in csv.DictReader(f)]
    given = names["given"]
    generations = tuple(next(iter(given.values())))
    return NameParts(
        surnames=tuple(s for s, _ in surnames),
        surname_weights=tuple(w for _, w in surnames),
        given={(gender, g): chars for gender, by_age in given.items() for g, chars in by_age.items()},
        born_before=dict(names["born_before"]),
        generations=generations,
        nickname=names["nickname"]["prefix"],
        nickname_generation=names["nickname"]["generation"],
        tricky=tuple(names["tricky"]["surnames"]),
        tricky_least=names["tricky"]["least"],
        reserved=frozenset(_yaml(folder, "real_names.yaml")),
    )


def _number(text: str) -> float:
    # Weights as written: "7" stays an int, so draws are the same as with the numbers typed in code.
    return int(text) if text.strip().lstrip("-").isdigit() else float(text)


def _stories(folder: Path) -> Stories:
    deeds = _yaml(folder, "deeds.yaml")
    honoured = deeds["honoured"]
    return Stories(
        intros={p: tuple(deeds["intros"][p]) for p in PERIODS},
        later=tuple(deeds["later"]),
        codas={p: tuple(_tagged(c) for c in deeds["codas"][p]) for p in PERIODS},
        medal=honoured["medal"],
        craftsman=honoured["craftsman"],
        title=tuple(honoured["title"]),
        several=honoured["several"],
        listed=honoured["listed"],
        quotes=tuple(_yaml(folder, "quotes.yaml")),
    )


def _collective_texts(folder: Path) -> CollectiveTexts:
    texts = _yaml(folder, "collectives.yaml")
    return CollectiveTexts(
        who_team=texts["who"]["team"],
        who_unit=texts["who"]["unit"],
        team=texts["team"],
        paragraphs={
            craft: (tuple(texts[key]["first"]), tuple(texts[key]["second"]))
            for craft, key in ((False, "service"), (True, "works"))
        },
        honoured_team=texts["honoured"]["team"],
        honoured_other=texts["honoured"]["other"],
    )


def _studio_texts(folder: Path) -> StudioTexts:
    texts = _yaml(folder, "studios.yaml")
    return StudioTexts(
        led_craftsman=texts["led"]["craftsman"],
        led_model_worker=texts["led"]["model_worker"],
        unled=tuple(texts["unled"]),
        see=tuple(_tagged(s) for s in texts["see"]),
        open=tuple(texts["open"]),
        closed=texts["closed"],
    )
