"""The catalogue: a content pack's exhibits/ loaded, checked and frozen in memory."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import logging
import os
import pickle
import random
import tempfile
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from hall import packfiles
from hall.errors import HonoreeNotFound, PackError
from hall.records import (
    Collective,
    District,
    Era,
    HallInfo,
    Honoree,
    Honour,
    HonourKind,
    HonourType,
    Industry,
    Level,
    Milestone,
    Problem,
    Studio,
    Text,
)
from hall.tours import ROOM_STOPS, Targets, Tour, load_tours

log = logging.getLogger(__name__)

# Bump when the pickled shape of Catalog changes, so old caches are ignored.
CACHE_VERSION = 4
FIRST_YEAR = 1949
OLDEST_BIRTH_YEAR = 1870

HONOREE_COLUMNS = (
    "id",
    "name",
    "name_en",
    "gender",
    "birth_year",
    "district",
    "employer",
    "position",
    "industry",
    "deeds",
    "quote",
    "portrait",
    "sample",
    "source",
)
HONOUR_COLUMNS = ("honoree_id", "honour", "year")
COLLECTIVE_COLUMNS = ("id", "name", "district", "honour", "year", "deeds", "sample", "source")
STUDIO_COLUMNS = (
    "id",
    "name",
    "level",
    "leader_id",
    "district",
    "lon",
    "lat",
    "open_for_visits",
    "what_to_see",
    "sample",
    "source",
)
MILESTONE_COLUMNS = ("year", "date", "title_zh", "title_en", "kind", "source")
REQUIRED = {
    "honorees.csv": ("id", "name"),
    "honours.csv": HONOUR_COLUMNS,
    "collectives.csv": ("id", "name", "honour", "year"),
    "studios.csv": ("id", "name", "level"),
    "milestones.csv": ("year", "title_zh"),
}
GENDERS = {"男": "男", "女": "女", "m": "男", "f": "女", "male": "男", "female": "女", "": ""}
TRUE_WORDS = {"true", "1", "yes", "y", "是"}


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
        """Today's adcode for a district name as printed, current or former ('' if unknown)."""
        return _district_lookup(self.districts).get(name.strip(), "")

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
            for other in sorted(pool, key=_rank_key):
                if other.id not in seen:
                    seen.add(other.id)
                    picked.append(other)
                    if len(picked) == limit:
                        return tuple(picked)
        return tuple(picked)

    def featured(self, day: dt.date, limit: int = 6) -> tuple[Honoree, ...]:
        """A day's featured honorees: real people first, then a stable daily draw."""
        rng = random.Random(day.toordinal())
        real = list(self._groups.get("featured", {}).get("real", ()))
        rng.shuffle(real)
        chosen = real[: limit // 2]
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


def _rank_key(h: Honoree) -> tuple[int, int, str]:
    return (h.best_level, h.first_year or 9999, h.id)


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
        g: {k: tuple(sorted(v, key=lambda i: _rank_key(honorees[i]))) for k, v in d.items()}
        for g, d in groups.items()
    }


def _district_lookup(districts: Sequence[District]) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for d in districts:
        for name in (d.name.zh, d.name.en, *d.former):
            if name:
                lookup[name] = d.adcode
    return lookup


# ---------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------


def load_catalog(pack: Path | str, *, data_dir: Path | str | None = None) -> Catalog:
    """Load a content pack, using a prebuilt cache in `data_dir` when the pack is unchanged.

    Bad rows are skipped and listed in `Catalog.problems`; the rest loads.

    Raises:
        PackError: the pack has no usable hall.yaml or honorees.csv.
    """
    pack = Path(pack).resolve()
    # An import or photo upload cut short by a crash is rolled back before anything is read.
    packfiles.recover(pack)
    cache = _cache_path(pack, Path(data_dir)) if data_dir is not None else None
    if cache is not None and cache.exists():
        try:
            with cache.open("rb") as f:
                loaded = pickle.load(f)
            if isinstance(loaded, Catalog):
                return loaded
        except Exception:  # a damaged cache is rebuilt, never trusted
            log.warning("catalogue cache %s is unreadable; rebuilding", cache)
    catalog = _read_pack(pack)
    if cache is not None:
        _write_atomically(cache, pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL))
    return catalog


def _cache_path(pack: Path, data_dir: Path) -> Path:
    digest = hashlib.sha256(f"{CACHE_VERSION}|{pack}".encode())
    exhibits = pack / "exhibits"
    if exhibits.is_dir():
        for path in sorted(exhibits.rglob("*")):
            if path.is_file():
                st = path.stat()
                digest.update(f"{path.relative_to(pack)}|{st.st_size}|{st.st_mtime_ns}".encode())
    return data_dir / f"catalog-{digest.hexdigest()[:16]}.pickle"


def _write_atomically(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError as exc:  # a read-only data folder only costs start-up time
        log.warning("could not write catalogue cache %s: %s", path, exc)


class _Problems:
    """Collects problems while reading, so all of them are reported together."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, file: str, line: int | None, column: str, reason: str) -> None:
        self.items.append(Problem(file, line, column, reason))


def _read_pack(pack: Path) -> Catalog:
    problems = _Problems()
    exhibits = pack / "exhibits"
    info, eras, kinds, districts, industries = _read_hall_yaml(exhibits / "hall.yaml", problems)
    district_of = _district_lookup(districts)
    industry_names = {i.name.zh for i in industries}
    this_year = dt.date.today().year

    def era_of(year: int) -> str:
        return next((e.id for e in eras if e.contains(year)), "")

    def resolve_district(file: str, line: int, raw: str) -> str:
        if not raw:
            return ""
        code = district_of.get(raw, "")
        if not code:
            problems.add(file, line, "district", f"unknown district {raw!r}")
        return code

    people: dict[str, tuple[int, dict[str, str]]] = {}
    for line, row in _read_csv(exhibits / "honorees.csv", problems, required=True):
        hid, name = row.get("id", ""), row.get("name", "")
        if not hid:
            problems.add("honorees.csv", line, "id", "row has no id; skipped")
            continue
        if not name:
            problems.add("honorees.csv", line, "name", f"{hid} has no name; skipped")
            continue
        if hid in people:
            first = people[hid][0]
            problems.add("honorees.csv", line, "id", f"duplicate id {hid} (first on line {first}); skipped")
            continue
        people[hid] = (line, row)

    honours: dict[str, list[Honour]] = defaultdict(list)
    for line, row in _read_csv(exhibits / "honours.csv", problems):
        hid, code = row.get("honoree_id", ""), row.get("honour", "")
        kind = kinds.get(code)
        if hid not in people:
            problems.add("honours.csv", line, "honoree_id", f"unknown honoree {hid!r}; skipped")
            continue
        if kind is None or kind.type is HonourType.COLLECTIVE:
            problems.add("honours.csv", line, "honour", f"unknown honour code {code!r}; skipped")
            continue
        year = _year(row.get("year", ""))
        if row.get("year", "") and (year is None or not FIRST_YEAR <= year <= this_year):
            problems.add("honours.csv", line, "year", f"impossible year {row['year']!r}; skipped")
            continue
        if year is not None and kind.since and year < kind.since:
            problems.add(
                "honours.csv",
                line,
                "year",
                f"{kind.name.zh} was first awarded in {kind.since}, not {year}; skipped",
            )
            continue
        honours[hid].append(Honour(hid, code, year, era_of(year) if year else ""))

    honorees = []
    for hid, (line, row) in people.items():
        mine = tuple(sorted(honours.get(hid, ()), key=lambda h: (h.year is None, h.year or 0)))
        birth = _year(row.get("birth_year", ""))
        if row.get("birth_year", "") and (birth is None or not OLDEST_BIRTH_YEAR <= birth <= this_year - 14):
            problems.add(
                "honorees.csv", line, "birth_year", f"impossible birth year {row['birth_year']!r}; left blank"
            )
            birth = None
        gender = GENDERS.get(row.get("gender", "").lower())
        if gender is None:
            problems.add("honorees.csv", line, "gender", f"unknown gender {row['gender']!r}; left blank")
            gender = ""
        industry = row.get("industry", "")
        if industry and industry not in industry_names:
            problems.add("honorees.csv", line, "industry", f"unknown industry {industry!r}")
        levels = [kinds[h.code].level.rank for h in mine]
        name = " ".join(row["name"].split())
        honorees.append(
            Honoree(
                id=hid,
                name=name,
                name_en=row.get("name_en", "") or _pinyin(name),
                gender=gender,
                birth_year=birth,
                district=row.get("district", ""),
                district_code=resolve_district("honorees.csv", line, row.get("district", "")),
                employer=row.get("employer", ""),
                position=row.get("position", ""),
                industry=industry,
                deeds=row.get("deeds", ""),
                quote=row.get("quote", ""),
                portrait=row.get("portrait", ""),
                sample=row.get("sample", "").lower() in TRUE_WORDS,
                source=row.get("source", ""),
                honours=mine,
                best_level=min(levels, default=Level.COUNTY.rank + 1),
                is_craftsman=any(kinds[h.code].type is HonourType.CRAFTSMAN for h in mine),
            )
        )
    if not honorees:
        problems.add("honorees.csv", None, "", "no honoree could be loaded")
        raise PackError(problems.items)

    collectives = []
    for line, row in _read_csv(exhibits / "collectives.csv", problems):
        kind = kinds.get(row.get("honour", ""))
        year = _year(row.get("year", ""))
        if not row.get("id") or not row.get("name"):
            problems.add("collectives.csv", line, "id", "row needs an id and a name; skipped")
        elif kind is None or kind.type is not HonourType.COLLECTIVE:
            problems.add(
                "collectives.csv", line, "honour", f"unknown collective honour {row.get('honour')!r}; skipped"
            )
        elif year is None or not FIRST_YEAR <= year <= this_year:
            problems.add("collectives.csv", line, "year", f"impossible year {row.get('year')!r}; skipped")
        else:
            collectives.append(
                Collective(
                    id=row["id"],
                    name=row["name"],
                    honour=kind.code,
                    year=year,
                    era=era_of(year),
                    district=row.get("district", ""),
                    district_code=resolve_district("collectives.csv", line, row.get("district", "")),
                    deeds=row.get("deeds", ""),
                    sample=row.get("sample", "").lower() in TRUE_WORDS,
                    source=row.get("source", ""),
                )
            )

    studios = []
    for line, row in _read_csv(exhibits / "studios.csv", problems):
        try:
            level = Level(row.get("level", ""))
        except ValueError:
            problems.add("studios.csv", line, "level", f"unknown level {row.get('level')!r}; skipped")
            continue
        if not row.get("id") or not row.get("name"):
            problems.add("studios.csv", line, "id", "row needs an id and a name; skipped")
            continue
        leader = row.get("leader_id", "")
        if leader and leader not in people:
            problems.add("studios.csv", line, "leader_id", f"unknown honoree {leader!r}; left blank")
            leader = ""
        lon, lat = _float(row.get("lon", "")), _float(row.get("lat", ""))
        if (lon is None) != (lat is None) or (
            lon is not None and not (-180 <= lon <= 180 and -90 <= lat <= 90)
        ):  # type: ignore[operator]
            problems.add("studios.csv", line, "lon", "coordinates are not a valid lon/lat pair; left blank")
            lon = lat = None
        studios.append(
            Studio(
                id=row["id"],
                name=row["name"],
                level=level,
                district=row.get("district", ""),
                district_code=resolve_district("studios.csv", line, row.get("district", "")),
                leader_id=leader,
                lon=lon,
                lat=lat,
                open_for_visits=row.get("open_for_visits", "").lower() in TRUE_WORDS,
                what_to_see=row.get("what_to_see", ""),
                sample=row.get("sample", "").lower() in TRUE_WORDS,
                source=row.get("source", ""),
            )
        )

    milestones = []
    for line, row in _read_csv(exhibits / "milestones.csv", problems):
        year = _year(row.get("year", ""))
        if year is None or not 1900 <= year <= this_year + 1:
            problems.add("milestones.csv", line, "year", f"impossible year {row.get('year')!r}; skipped")
            continue
        milestones.append(
            Milestone(
                year=year,
                title=Text(row.get("title_zh", ""), row.get("title_en", "")),
                date=row.get("date", ""),
                kind=row.get("kind", ""),
                source=row.get("source", ""),
            )
        )
    milestones.sort(key=lambda m: (m.year, m.date))

    targets = Targets(
        has_honoree=people.__contains__,
        eras=frozenset(e.id for e in eras),
        districts=frozenset(d.adcode for d in districts),
        rooms=ROOM_STOPS,
        last_year=this_year,
    )
    tours, tour_problems = load_tours(exhibits / "tours", targets)
    problems.items.extend(tour_problems)

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
        problems=tuple(problems.items),
        pack=str(pack),
    )


def _read_csv(
    path: Path, problems: _Problems, *, required: bool = False
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, stripped row) for each record; report a missing file or column."""
    name = path.name
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
            missing = [c for c in REQUIRED[name] if c not in header]
            if missing:
                for column in missing:
                    problems.add(name, 1, column, "required column is missing")
                if required:
                    raise PackError(problems.items)
                return
            known = set(COLUMNS[name])
            for column in header:
                if column not in known:
                    problems.add(name, 1, column, "unknown column; ignored")
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
                        {h: (record[i].strip() if i < len(record) else "") for i, h in enumerate(header)},
                    )
                line = reader.line_num + 1
    except UnicodeDecodeError as exc:
        problems.add(name, None, "", f"not UTF-8 text ({exc.reason} at byte {exc.start}); file skipped")
        if required:
            raise PackError(problems.items) from exc
    except csv.Error as exc:
        problems.add(name, None, "", f"not readable as CSV: {exc}; rest of file skipped")


COLUMNS: dict[str, tuple[str, ...]] = {  # every file of exhibits/ and its columns, in order
    "honorees.csv": HONOREE_COLUMNS,
    "honours.csv": HONOUR_COLUMNS,
    "collectives.csv": COLLECTIVE_COLUMNS,
    "studios.csv": STUDIO_COLUMNS,
    "milestones.csv": MILESTONE_COLUMNS,
}


def _year(text: str) -> int | None:
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


def _pinyin(name: str) -> str:
    from hall.pinyin import name_pinyin  # pypinyin's dictionaries load on first use

    return name_pinyin(name)


def _text(value: Any) -> Text:
    if isinstance(value, Mapping):
        return Text(str(value.get("zh", "") or "").strip(), str(value.get("en", "") or "").strip())
    return Text(str(value or "").strip())


def _read_hall_yaml(
    path: Path, problems: _Problems
) -> tuple[HallInfo, tuple[Era, ...], dict[str, HonourKind], tuple[District, ...], tuple[Industry, ...]]:
    name = "hall.yaml"
    if not path.exists():
        problems.add(name, None, "", "file is missing; a pack needs exhibits/hall.yaml")
        raise PackError(problems.items)
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        problems.add(
            name, getattr(getattr(exc, "problem_mark", None), "line", None), "", f"not valid YAML: {exc}"
        )
        raise PackError(problems.items) from exc
    if not isinstance(doc, dict):
        problems.add(name, None, "", "must be a mapping of settings")
        raise PackError(problems.items)

    kiosk = doc.get("kiosk") or {}
    info = HallInfo(
        name=_text(doc.get("name", "")),
        city=_text(doc.get("city", "")),
        organiser=_text(doc.get("organiser", "")),
        base_url=str(doc.get("base_url", "") or "").rstrip("/"),
        sample_data=bool(doc.get("sample_data", False)),
        idle_seconds=int(kiosk.get("idle_seconds", 90) or 90),
        warning_seconds=int(kiosk.get("warning_seconds", 10) or 10),
    )
    if not info.name.zh:
        problems.add(name, None, "name", "the hall has no name")

    eras = []
    for i, e in enumerate(doc.get("eras") or []):
        try:
            eras.append(
                Era(
                    id=str(e["id"]),
                    name=Text(str(e["zh"]), str(e.get("en", ""))),
                    start=int(e["start"]),
                    end=None if e.get("end") is None else int(e["end"]),
                    intro=_text(e.get("intro", "")),
                    traits=tuple(_text(t) for t in e.get("traits") or ()),
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            problems.add(name, None, f"eras[{i}]", f"era needs id, zh and start ({exc}); skipped")
    eras.sort(key=lambda e: e.start)
    if not eras:
        problems.add(name, None, "eras", "no era is defined")
        raise PackError(problems.items)

    kinds: dict[str, HonourKind] = {}
    for i, k in enumerate(doc.get("honours") or []):
        try:
            kinds[str(k["code"])] = HonourKind(
                code=str(k["code"]),
                name=Text(str(k["zh"]), str(k.get("en", ""))),
                level=Level(k["level"]),
                type=HonourType(k["kind"]),
                aliases=tuple(str(a) for a in k.get("aliases") or ()),
                years=tuple(int(y) for y in k.get("years") or ()),
                since=int(k["since"]) if k.get("since") else None,
            )
        except (KeyError, TypeError, ValueError) as exc:
            problems.add(
                name, None, f"honours[{i}]", f"honour kind needs code, zh, level, kind ({exc}); skipped"
            )

    districts = []
    for i, d in enumerate(doc.get("districts") or []):
        try:
            districts.append(
                District(
                    adcode=str(d["adcode"]),
                    name=Text(str(d["zh"]), str(d.get("en", ""))),
                    former=tuple(str(f) for f in d.get("former") or ()),
                )
            )
        except (KeyError, TypeError) as exc:
            problems.add(name, None, f"districts[{i}]", f"district needs adcode and zh ({exc}); skipped")

    industries = tuple(Industry(_text(x)) for x in doc.get("industries") or ())
    return info, tuple(eras), kinds, tuple(districts), industries
