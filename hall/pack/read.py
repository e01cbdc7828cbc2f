"""Reading a content pack: hall.yaml and every record file, checked row by row.

Cells are turned into values by their field's type in hall.pack.schema; what only makes sense
for one kind (an honour's year against the year it was first awarded, a studio's coordinates)
is checked here. Every problem is collected with file, line, column and reason, and the hall
loads with every row that is usable.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from hall.errors import PackError
from hall.pack import schema
from hall.pack.catalog import Catalog
from hall.pack.hall_yaml import read_hall_yaml
from hall.pack.names import Names
from hall.pack.problems import Problems
from hall.pack.records import (
    Collective,
    Honoree,
    Honour,
    HonourKind,
    HonourType,
    Industry,
    Level,
    Milestone,
    Studio,
    Text,
)
from hall.pack.schema import FieldType, RecordKind
from hall.pack.tours import Targets, load_tours
from hall.rooms import TOUR_STOPS
from hall.voice import reading as voice
from hall.voice import recordings

FIRST_YEAR = 1949
OLDEST_BIRTH_YEAR = 1870
GENDERS = {"男": "男", "女": "女", "m": "男", "f": "女", "male": "男", "female": "女", "": ""}
TRUE_WORDS = {"true", "1", "yes", "y", "是"}
_LIST_SEPARATORS = str.maketrans({"、": ",", "，": ",", ";": ",", "；": ","})


Row = dict[str, str]


def parse_year(text: str) -> int | None:
    """A year written as digits (1985, 1985.0); None when blank or not a number."""
    text = text.strip()
    if not text:
        return None
    try:
        return int(float(text)) if "." in text else int(text)
    except ValueError:
        return None


def _float(text: str) -> float | None:
    try:
        return float(text) if text.strip() else None
    except ValueError:
        return None


def read_cell(f: schema.Field, row: Row) -> tuple[Any, str]:
    """The value of field `f` in `row`, and "" or the reason it could not be read (the value
    is then the field's blank)."""
    raw = row.get(f.name, "")
    if f.type is FieldType.BILINGUAL:
        zh, en = f.columns
        return Text(row.get(zh, ""), row.get(en, "")), ""
    if f.type is FieldType.TEXT:
        return raw, ""
    if f.type is FieldType.BOOL:
        return raw.lower() in TRUE_WORDS, ""
    if f.type is FieldType.LIST:
        return tuple(x.strip() for x in raw.translate(_LIST_SEPARATORS).split(",") if x.strip()), ""
    if f.type is FieldType.GENDER:
        gender = GENDERS.get(raw.lower())
        return (gender, "") if gender is not None else ("", f"unknown gender {raw!r}; left blank")
    if f.type is FieldType.LEVEL:
        try:
            return Level(raw), ""
        except ValueError:
            return Level.COUNTY, f"unknown level {raw!r}"
    if f.type is FieldType.FLOAT:
        value = _float(raw)
        return value, "" if value is not None or not raw else f"not a number: {raw!r}"
    number = parse_year(raw)  # YEAR and INT
    if number is None and raw:
        return (None if f.type is FieldType.YEAR else 0), f"not a whole number: {raw!r}"
    return (number if number is not None or f.type is FieldType.YEAR else 0), ""


def read_row(kind: RecordKind, row: Row) -> tuple[dict[str, Any], dict[str, str]]:
    """Every field of `kind` read from `row`: ({attribute: value}, {column: reason})."""
    values: dict[str, Any] = {}
    reasons: dict[str, str] = {}
    for f in kind.fields:
        values[f.attribute], reason = read_cell(f, row)
        if reason:
            reasons[f.name] = reason
    return values, reasons


def read_csv(
    exhibits: Path, kind: RecordKind, problems: Problems, *, required: bool = False
) -> Iterator[tuple[int, Row]]:
    """Yield (line number, stripped row) for each record; report a missing file or column."""
    name = kind.file
    path = exhibits / name
    if not path.exists():
        problems.add(
            name, None, "", "file is missing" + ("" if not required else "; the hall has no honorees")
        )
        if required:
            raise PackError(problems.items)
        return
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.reader(f)
            header = [h.strip() for h in next(reader, [])]
            known = set(kind.columns)
            # A column named twice is ambiguous: which cell is right cannot be told, so neither
            # is read (the last one used to win silently) and the problem names both positions.
            twice = _named_twice(header, known)
            missing = [c for c in kind.required_columns if c not in header or c in twice]
            for column, places in twice.items():
                where = " and ".join(str(n) for n in places)
                what = "the file is not read" if column in missing else "neither is read"
                problems.add(
                    name, 1, column, f"column named {len(places)} times (columns {where}): ambiguous; {what}"
                )
            if missing:
                for column in missing:
                    if column not in twice:
                        problems.add(name, 1, column, "required column is missing")
                if required:
                    raise PackError(problems.items)
                return
            for column in header:
                if column not in known:
                    problems.add(name, 1, column, "unknown column; ignored")
            read = [(i, h) for i, h in enumerate(header) if h not in twice]
            line = reader.line_num + 1
            for record in reader:
                if any(cell.strip() for cell in record):
                    if len(record) > len(header):
                        problems.add(
                            name,
                            line,
                            "",
                            f"{len(record)} cells for {len(header)} columns; extra cells ignored",
                        )
                    yield (
                        line,
                        {h: (record[i].strip() if i < len(record) else "") for i, h in read},
                    )
                line = reader.line_num + 1
    except UnicodeDecodeError as exc:
        problems.add(name, None, "", f"not UTF-8 text ({exc.reason} at byte {exc.start}); file skipped")
        if required:
            raise PackError(problems.items) from exc
    except csv.Error as exc:
        problems.add(name, None, "", f"not readable as CSV: {exc}; rest of file skipped")


def _named_twice(header: list[str], known: set[str]) -> dict[str, list[int]]:
    """Known columns the header names more than once, with their 1-based positions."""
    places: defaultdict[str, list[int]] = defaultdict(list)
    for n, column in enumerate(header, start=1):
        if column in known:
            places[column].append(n)
    return {column: at for column, at in places.items() if len(at) > 1}


def read_pack(pack: Path) -> Catalog:
    """Read and check every file of a pack.

    Raises:
        PackError: the pack has no usable hall.yaml or no honoree could be loaded.
    """
    problems = Problems()
    exhibits = pack / "exhibits"
    info, eras, kinds, districts, industries = read_hall_yaml(exhibits / "hall.yaml", problems)
    names = Names.of(info.city.zh, kinds, districts)
    this_year = dt.date.today().year

    def era_of(year: int | None) -> str:
        return next((e.id for e in eras if year is not None and e.contains(year)), "")

    def resolve_district(file: str, line: int) -> Callable[[str], str]:
        def resolve(raw: str) -> str:
            code = names.district_code(raw) if raw else ""
            if raw and not code:
                problems.add(file, line, "district", f"unknown district {raw!r}")
            return code

        return resolve

    people = _people(exhibits, problems)
    honours = _honours(exhibits, problems, kinds, people, era_of, this_year)
    honorees = _honorees(exhibits, problems, people, honours, kinds, industries, resolve_district, this_year)
    if not honorees:
        problems.add("honorees.csv", None, "", "no honoree could be loaded")
        raise PackError(problems.items)

    collectives = []
    for line, row in read_csv(exhibits, schema.COLLECTIVE, problems):
        values, _ = read_row(schema.COLLECTIVE, row)
        kind = kinds.get(values["honour"])
        year = values["year"]
        if not values["id"] or not values["name"]:
            problems.add("collectives.csv", line, "id", "row needs an id and a name; skipped")
        elif kind is None or kind.type is not HonourType.COLLECTIVE:
            problems.add(
                "collectives.csv", line, "honour", f"unknown collective honour {row.get('honour')!r}; skipped"
            )
        elif year is None or not FIRST_YEAR <= year <= this_year:
            problems.add("collectives.csv", line, "year", f"impossible year {row.get('year')!r}; skipped")
        else:
            code = resolve_district("collectives.csv", line)(values["district"])
            collectives.append(Collective(**values, era=era_of(year), district_code=code))

    studios = []
    for line, row in read_csv(exhibits, schema.STUDIO, problems):
        values, reasons = read_row(schema.STUDIO, row)
        if "level" in reasons:
            problems.add("studios.csv", line, "level", f"{reasons['level']}; skipped")
            continue
        if not values["id"] or not values["name"]:
            problems.add("studios.csv", line, "id", "row needs an id and a name; skipped")
            continue
        if values["leader_id"] and values["leader_id"] not in people:
            problems.add(
                "studios.csv", line, "leader_id", f"unknown honoree {values['leader_id']!r}; left blank"
            )
            values["leader_id"] = ""
        lon, lat = values["lon"], values["lat"]
        if (lon is None) != (lat is None) or (
            lon is not None and not (-180 <= lon <= 180 and -90 <= lat <= 90)
        ):
            problems.add("studios.csv", line, "lon", "coordinates are not a valid lon/lat pair; left blank")
            values["lon"] = values["lat"] = None
        code = resolve_district("studios.csv", line)(values["district"])
        studios.append(Studio(**values, district_code=code))

    milestones = []
    for line, row in read_csv(exhibits, schema.MILESTONE, problems):
        values, _ = read_row(schema.MILESTONE, row)
        if values["year"] is None or not 1900 <= values["year"] <= this_year + 1:
            problems.add("milestones.csv", line, "year", f"impossible year {row.get('year')!r}; skipped")
            continue
        milestones.append(Milestone(**values))
    milestones.sort(key=lambda m: (m.year, m.date))

    targets = Targets(
        has_honoree=people.__contains__,
        eras=frozenset(e.id for e in eras),
        districts=frozenset(d.adcode for d in districts),
        rooms=TOUR_STOPS,
        last_year=this_year,
    )
    from hall.pack.pairs import read_pairs  # it reads rows with this module's readers

    births = {h.id: h.birth_year for h in honorees}
    pairs = read_pairs(exhibits, problems, births, {s.id for s in studios}, this_year)
    tours, tour_problems = load_tours(exhibits / "tours", targets)
    problems.items.extend(tour_problems)
    problems.items.extend(recordings.check(pack, voice.ids(people, (e.id for e in eras), tours)))

    from hall.activities.read import read_activities  # it reads with this module's readers

    activities = read_activities(
        exhibits,
        problems,
        people=people,
        studios={s.id for s in studios},
        resolve_district=resolve_district,
        today=dt.date.today(),
    )
    return Catalog(
        info=info,
        eras=eras,
        honour_kinds=kinds,
        districts=districts,
        industries=industries,
        honorees=tuple(honorees),
        collectives=tuple(collectives),
        studios=tuple(studios),
        milestones=tuple(milestones),
        tours=tours,
        pairs=pairs,
        activities=activities,
        problems=tuple(problems.items),
        pack=str(pack),
    )


def _people(exhibits: Path, problems: Problems) -> dict[str, tuple[int, Row]]:
    people: dict[str, tuple[int, Row]] = {}
    for line, row in read_csv(exhibits, schema.HONOREE, problems, required=True):
        hid, name = row.get("id", ""), row.get("name", "")
        if not hid:
            problems.add("honorees.csv", line, "id", "row has no id; skipped")
        elif not name:
            problems.add("honorees.csv", line, "name", f"{hid} has no name; skipped")
        elif hid in people:
            first = people[hid][0]
            problems.add("honorees.csv", line, "id", f"duplicate id {hid} (first on line {first}); skipped")
        else:
            people[hid] = (line, row)
    return people


def _honours(
    exhibits: Path,
    problems: Problems,
    kinds: Mapping[str, HonourKind],
    people: Mapping[str, object],
    era_of: Callable[[int | None], str],
    this_year: int,
) -> dict[str, list[Honour]]:
    honours: dict[str, list[Honour]] = defaultdict(list)
    for line, row in read_csv(exhibits, schema.HONOUR, problems):
        values, reasons = read_row(schema.HONOUR, row)
        hid, code, year = values["honoree_id"], values["code"], values["year"]
        kind = kinds.get(code)
        if hid not in people:
            problems.add("honours.csv", line, "honoree_id", f"unknown honoree {hid!r}; skipped")
        elif kind is None or kind.type is HonourType.COLLECTIVE:
            problems.add("honours.csv", line, "honour", f"unknown honour code {code!r}; skipped")
        elif "year" in reasons or (year is not None and not FIRST_YEAR <= year <= this_year):
            problems.add("honours.csv", line, "year", f"impossible year {row['year']!r}; skipped")
        elif year is not None and kind.since and year < kind.since:
            reason = f"{kind.name.zh} was first awarded in {kind.since}, not {year}; skipped"
            problems.add("honours.csv", line, "year", reason)
        else:
            honours[hid].append(Honour(hid, code, year, era_of(year)))
    return honours


def _honorees(
    exhibits: Path,
    problems: Problems,
    people: Mapping[str, tuple[int, Row]],
    honours: Mapping[str, list[Honour]],
    kinds: Mapping[str, HonourKind],
    industries: tuple[Industry, ...],
    resolve_district: Callable[[str, int], Callable[[str], str]],
    this_year: int,
) -> list[Honoree]:
    industry_names = {i.name.zh for i in industries}
    honorees = []
    for hid, (line, row) in people.items():
        values, reasons = read_row(schema.HONOREE, row)
        mine = tuple(sorted(honours.get(hid, ()), key=lambda h: (h.year is None, h.year or 0)))
        birth = values["birth_year"]
        if "birth_year" in reasons or (
            birth is not None and not OLDEST_BIRTH_YEAR <= birth <= this_year - 14
        ):
            problems.add(
                "honorees.csv", line, "birth_year", f"impossible birth year {row['birth_year']!r}; left blank"
            )
            values["birth_year"] = None
        if "gender" in reasons:
            problems.add("honorees.csv", line, "gender", reasons["gender"])
        industry = values["industry"]
        if industry and industry not in industry_names:
            problems.add("honorees.csv", line, "industry", f"unknown industry {industry!r}")
        name = " ".join(values["name"].split())
        values.update(name=name, name_en=values["name_en"] or _pinyin(name))
        honorees.append(
            Honoree(
                **values,
                district_code=resolve_district("honorees.csv", line)(values["district"]),
                honours=mine,
                best_level=min((kinds[h.code].level.rank for h in mine), default=Level.COUNTY.rank + 1),
                is_craftsman=any(kinds[h.code].type is HonourType.CRAFTSMAN for h in mine),
            )
        )
    return honorees


def _pinyin(name: str) -> str:
    from hall.pinyin import name_pinyin  # pypinyin's dictionaries load on first use

    return name_pinyin(name)
