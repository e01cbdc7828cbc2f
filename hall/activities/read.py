"""Reading activities.csv, speakers.csv and hall.yaml's `bookings` and `programme`, checked row by
row like every record: each problem with file, line, column and reason, every usable row kept."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Container
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from hall.activities.records import Activities, Activity, BookingRules, Fact, Kind, Setting, Speaker
from hall.pack import schema
from hall.pack.problems import Problems
from hall.pack.read import read_csv, read_row
from hall.pack.records import Text

FIRST_YEAR = 1949
YEARS_AHEAD = 5  # an activity may be announced this many years ahead
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_MAX_DAYS_AHEAD = 366
_MAX_CONTACT_DAYS = 365


def parse_date(text: str) -> tuple[dt.date, str] | None:
    """(day, precision) of "2021-09-01", "2021-09" or "2021"; None when it is none of them."""
    m = _DATE.match(text.strip())
    if not m:
        return None
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if day:
            return dt.date(year, int(month), int(day)), "day"
        if month:
            return dt.date(year, int(month), 1), "month"
        return dt.date(year, 1, 1), "year"
    except ValueError:
        return None


def parse_time(text: str) -> str | None:
    """ "9:30" → "09:30"; "" stays ""; None when it is not a time of day."""
    if not text.strip():
        return ""
    m = _TIME.match(text.strip())
    return f"{int(m[1]):02d}:{m[2]}" if m else None


def read_activities(
    exhibits: Path,
    problems: Problems,
    *,
    people: Container[str],
    studios: Container[str],
    resolve_district: Callable[[str, int], Callable[[str], str]],
    today: dt.date,
) -> Activities:
    """Every usable activity and roster row of a pack, with the programme's cited figures and the
    booking rules from hall.yaml. Never raises: a pack without these files has no activities."""
    name = schema.ACTIVITY.file
    items: list[Activity] = []
    seen: dict[str, int] = {}
    # Both files are optional: a pack without them simply has no activities (and no load note).
    rows = read_csv(exhibits, schema.ACTIVITY, problems) if (exhibits / name).exists() else ()
    for line, row in rows:
        values, reasons = read_row(schema.ACTIVITY, row)

        def problem(column: str, reason: str, line: int = line) -> None:
            problems.add(name, line, column, reason)

        aid = values["id"]
        if not aid:
            problem("id", "row has no id; skipped")
            continue
        if aid in seen:
            problem("id", f"duplicate id {aid} (first on line {seen[aid]}); skipped")
            continue
        when = parse_date(values["date"])
        if when is None:
            problem("date", f"not a date (YYYY-MM-DD, YYYY-MM or YYYY): {values['date']!r}; skipped")
            continue
        if not FIRST_YEAR <= when[0].year <= today.year + YEARS_AHEAD:
            problem("date", f"impossible year {when[0].year}; skipped")
            continue
        try:
            kind = Kind(values["kind"])
        except ValueError:
            known = ", ".join(k.value for k in Kind)
            problem("kind", f"unknown kind {values['kind']!r} (one of {known}); skipped")
            continue
        title = values["title"]
        if not title.zh:
            problem("title_zh", "row has no title; skipped")
            continue
        start = parse_time(values["time"])
        if start is None:
            problem("time", f"not a time of day (HH:MM): {values['time']!r}; left blank")
            start = ""
        setting = values["setting"]
        if setting and setting not in {s.value for s in Setting}:
            problem("setting", f"unknown 五进 setting {setting!r}; left blank")
            setting = ""
        for column in ("minutes", "audience"):
            if column in reasons:
                problem(column, f"{reasons[column]}; left blank")
            elif values[column] < 0:
                problem(column, f"negative number {values[column]}; left blank")
                values[column] = 0
        studio = values["studio_id"]
        if studio and studio not in studios:
            problem("studio_id", f"unknown studio {studio!r}; left blank")
            studio = ""
        speakers = []
        for hid in values["speakers"]:
            if hid in people:
                speakers.append(hid)
            else:
                problem("speakers", f"unknown honoree {hid!r}; left out")
        seen[aid] = line
        items.append(
            Activity(
                id=aid,
                day=when[0],
                precision=when[1],
                kind=kind,
                title=title,
                start=start,
                minutes=values["minutes"],
                setting=setting,
                place=values["place"],
                district=values["district"],
                district_code=resolve_district(name, line)(values["district"]),
                studio_id=studio,
                speakers=tuple(dict.fromkeys(speakers)),
                audience=values["audience"],
                online=values["online"],
                summary=values["summary"],
                sample=values["sample"],
                source=values["source"],
            )
        )
    roster = _roster(exhibits, problems, people, today)
    facts, rules = _hall_yaml(exhibits / "hall.yaml", problems)
    return Activities.build(items, roster, facts, rules)


def _roster(exhibits: Path, problems: Problems, people: Container[str], today: dt.date) -> dict[str, Speaker]:
    name = schema.SPEAKER.file
    roster: dict[str, Speaker] = {}
    lines: dict[str, int] = {}
    if not (exhibits / name).exists():
        return roster
    for line, row in read_csv(exhibits, schema.SPEAKER, problems):
        values, reasons = read_row(schema.SPEAKER, row)
        hid = values["honoree_id"]
        if hid not in people:
            problems.add(name, line, "honoree_id", f"unknown honoree {hid!r}; skipped")
        elif hid in roster:
            problems.add(
                name, line, "honoree_id", f"{hid} listed twice (first on line {lines[hid]}); skipped"
            )
        elif not values["topics"]:
            problems.add(name, line, "topics", f"{hid} has no topic; skipped")
        else:
            since = values["since"]
            if "since" in reasons or (since is not None and not FIRST_YEAR <= since <= today.year):
                problems.add(name, line, "since", f"impossible year {row.get('since')!r}; left blank")
                since = None
            lines[hid] = line
            roster[hid] = Speaker(hid, values["topics"], since, values["sample"], values["source"])
    return roster


def _text(value: Any) -> Text:
    if isinstance(value, dict):
        return Text(str(value.get("zh", "") or "").strip(), str(value.get("en", "") or "").strip())
    return Text(str(value or "").strip())


def _hall_yaml(path: Path, problems: Problems) -> tuple[tuple[Fact, ...], BookingRules]:
    """hall.yaml's `programme` (cited figures) and `bookings` (slots and places); a bad value
    keeps the default and is reported. hall.pack has already refused a missing or broken file."""
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return (), BookingRules()
    if not isinstance(doc, dict):
        return (), BookingRules()
    facts = []
    for n, item in enumerate(doc.get("programme") or (), start=1):
        text = _text(item.get("text") if isinstance(item, dict) else None)
        if not text.zh:
            problems.add("hall.yaml", None, f"programme[{n}]", "a figure needs text (zh); skipped")
            continue
        facts.append(Fact(text, str(item.get("source", "") or "").strip()))
    given = doc.get("bookings") or {}
    default = BookingRules()
    rules: dict[str, Any] = {}
    limits = {
        "hall_capacity": (1, 10_000),
        "studio_capacity": (1, 10_000),
        "days_ahead": (1, _MAX_DAYS_AHEAD),
        "contact_days": (0, _MAX_CONTACT_DAYS),
    }
    for key, (low, high) in limits.items():
        if key not in given:
            continue
        value = given[key]
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            rules[key] = value
        else:
            reason = (
                f"must be a whole number from {low} to {high}, not {value!r}; {getattr(default, key)} used"
            )
            problems.add("hall.yaml", None, f"bookings.{key}", reason)
    if "slots" in given:
        slots = [parse_time(str(s)) for s in given.get("slots") or ()]
        if slots and all(slots):
            rules["slots"] = tuple(sorted(set(slots)))  # type: ignore[arg-type]
        else:
            reason = f"must be a list of times (HH:MM), not {given.get('slots')!r}; the default used"
            problems.add("hall.yaml", None, "bookings.slots", reason)
    if "timezone" in given:
        try:
            ZoneInfo(str(given["timezone"]))
            rules["timezone"] = str(given["timezone"])
        except (ValueError, ZoneInfoNotFoundError):
            reason = f"unknown time zone {given['timezone']!r}; {default.timezone} used"
            problems.add("hall.yaml", None, "bookings.timezone", reason)
    return tuple(facts), BookingRules(**rules)
