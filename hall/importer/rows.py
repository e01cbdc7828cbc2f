"""One row of a sheet into a person's values and one honour, or the reasons it is refused;
checked against the hall's words for honours, districts and industries."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hall.csvsafe import looks_like_formula
from hall.importer.clean import (
    GENDER_WORDS,
    cell_text,
    clean_name,
    clean_text,
    fold,
    is_plausible_name,
    parse_year,
    split_employer,
    split_honour_year,
    squeeze,
)
from hall.importer.columns import EMPLOYER_POSITION, FIELDS
from hall.importer.report import Issue, quote
from hall.pack.hall_yaml import read_hall_yaml
from hall.pack.names import Names
from hall.pack.problems import Problems
from hall.pack.read import FIRST_YEAR, OLDEST_BIRTH_YEAR
from hall.pack.records import District, HonourKind
from hall.personal import personal_value

MIN_AGE_AT_HONOUR = 14
_PROSE = ("deeds", "quote", "source", "note")


@dataclass(frozen=True)
class Terms:
    """The hall's words an import checks cells against, from the pack's hall.yaml."""

    names: Names
    kinds: Mapping[str, HonourKind]
    districts: tuple[District, ...]
    industries: frozenset[str]  # Chinese names

    @classmethod
    def read(cls, pack: Path) -> Terms:
        """Read exhibits/hall.yaml of the pack at `pack`.

        Raises:
            PackError: the pack has no usable hall.yaml.
        """
        hall_yaml = pack / "exhibits" / "hall.yaml"
        info, _eras, kinds, districts, industries = read_hall_yaml(hall_yaml, Problems())
        return cls(
            Names.of(info.city.zh, kinds, districts),
            kinds,
            districts,
            frozenset(i.name.zh for i in industries),
        )

    def same_district(self, a: str, b: str) -> bool:
        """Whether two names (current, former or short) mean the same known district."""
        return self.names.district_code(a) == self.names.district_code(b) != ""


@dataclass
class Row:
    """An accepted row: a person's cleaned values and at most one honour."""

    row: int  # 1-based, as the spreadsheet numbers it
    sheet: str
    values: dict[str, Any]  # field → normalised value (birth_year: int | None)
    honour: str = ""  # code
    year: int | None = None

    def fingerprint(self) -> tuple[object, ...]:
        return (*(self.values.get(f) for f in FIELDS), self.honour, self.year)


@dataclass
class RowResult:
    """A row read: the row when accepted, why not when refused, and warnings that hold if accepted."""

    row: Row | None
    rejected: list[Issue] = field(default_factory=list)
    notes: list[Issue] = field(default_factory=list)


@dataclass
class _Checks:
    number: int
    sheet: str
    headers: Mapping[str, str]
    rejected: list[Issue] = field(default_factory=list)
    notes: list[Issue] = field(default_factory=list)

    def reject(self, fld: str, reason: str, code: str) -> None:
        self.rejected.append(Issue(self.number, self.headers.get(fld, fld), reason, code, self.sheet))

    def note(self, fld: str, reason: str, code: str) -> None:
        self.notes.append(Issue(self.number, self.headers.get(fld, fld), reason, code, self.sheet))


def read_row(
    number: int,
    sheet: str,
    kept: Mapping[str, object],
    headers: Mapping[str, str],
    terms: Terms,
    this_year: int,
) -> RowResult:
    """Clean and check one row's cells (`kept`: field → cell, the mapped columns only)."""
    checks = _Checks(number, sheet, headers)
    texts = {f: cell_text(v) for f, v in kept.items()}
    for fld, text in texts.items():
        found = personal_value(text)
        if found:
            code, what = found
            checks.reject(
                fld, f"looks like {what}: personal data is never imported; remove it from this cell", code
            )
    for fld, text in texts.items():
        if looks_like_formula(text):
            # Written out as a spreadsheet cell (the directory's CSV), it would run: a link out of
            # the hall's own file, or a program started (hall.csvsafe). Not quoted: it may be long.
            first = text.strip()[0]
            checks.reject(
                fld,
                f"looks like a spreadsheet formula (it starts with {first!r}): "
                "type the value itself, not a formula",
                "formula",
            )
    if checks.rejected:
        # Nothing else is checked: a later reason could otherwise quote the value.
        return RowResult(None, checks.rejected)

    values: dict[str, Any] = {}
    name = clean_name(texts.get("name", ""))
    if not name:
        checks.reject("name", "no name", "no_name")
    elif not is_plausible_name(name):
        checks.reject("name", f"{quote(name)} is not a person's name (a total or a note?)", "not_a_name")
    values["name"] = name
    values["id"] = texts.get("id", "").strip()
    values["name_en"] = " ".join(fold(texts.get("name_en", "")).split())

    birth, error = parse_year(kept.get("birth_year"))
    if error:
        checks.reject("birth_year", _year_reason(texts["birth_year"], error, "birth"), error)
    elif birth is not None and not OLDEST_BIRTH_YEAR <= birth <= this_year - MIN_AGE_AT_HONOUR:
        checks.reject("birth_year", f"impossible birth year {birth}", "impossible_year")
        birth = None
    values["birth_year"] = birth

    code, year = _honour(checks, kept, texts, terms, birth, this_year)
    values.update(_facts(checks, texts, terms))

    if checks.rejected:
        return RowResult(None, checks.rejected)
    return RowResult(Row(number, sheet, values, code, year), notes=checks.notes)


def _honour(
    checks: _Checks,
    kept: Mapping[str, object],
    texts: Mapping[str, str],
    terms: Terms,
    birth: int | None,
    this_year: int,
) -> tuple[str, int | None]:
    """The row's honour code and year, from the honour cell (which may carry the year) and the year cell."""
    code, year_text = "", ""
    honour_text = texts.get("honour", "").strip()
    if honour_text:
        honour_text, year_text = split_honour_year(honour_text)
        found_code, error = terms.names.honour(honour_text)
        if found_code is None:
            checks.reject("honour", _honour_reason(honour_text, error), error)
        else:
            code = found_code
    year, error = parse_year(kept.get("year"))
    if error:
        checks.reject("year", _year_reason(texts["year"], error, "honour"), error)
    elif year_text:
        embedded = int(year_text)
        if year is not None and year != embedded:
            checks.reject(
                "year", f"the honour cell says {embedded} but the year cell says {year}", "two_years"
            )
        year = embedded
    if year is not None and not error:
        since = terms.kinds[code].since if code else None
        if not FIRST_YEAR <= year <= this_year:
            checks.reject(
                "year",
                f"impossible year {year}: honours run from {FIRST_YEAR} to this year",
                "impossible_year",
            )
        elif since and year < since:
            checks.reject(
                "year",
                f"{terms.kinds[code].name.zh} was first awarded in {since}, not {year}",
                "before_honour_existed",
            )
        elif birth is not None and year - birth < MIN_AGE_AT_HONOUR:
            checks.reject("year", f"honoured in {year} but born in {birth}", "impossible_year")
    if year is not None and not honour_text:
        checks.reject("honour", "a year but no honour", "no_honour")
    return code, year


def _facts(checks: _Checks, texts: Mapping[str, str], terms: Terms) -> dict[str, Any]:
    """District, gender, employer, position, industry and prose, cleaned."""
    values: dict[str, Any] = {}
    printed, _adcode, error = terms.names.district(texts.get("district", ""))
    if error == "city_only":
        checks.note(
            "district",
            f"{quote(texts['district'])} names the city, not a district; left blank",
            "city_only",
        )
    elif error:
        known = "、".join(d.name.zh for d in terms.districts)
        checks.reject(
            "district",
            f"unknown district {quote(texts['district'])} (the hall knows {known} and former names)",
            error,
        )
    values["district"] = printed

    gender_text = unicodedata.normalize("NFKC", texts.get("gender", "")).strip().lower()
    values["gender"] = GENDER_WORDS.get(gender_text, "")
    if gender_text and gender_text not in GENDER_WORDS:
        checks.note("gender", f"gender {quote(gender_text)} is not 男/女; left blank", "unknown_gender")

    if EMPLOYER_POSITION in texts:
        employer, position, clear = split_employer(texts[EMPLOYER_POSITION])
        if not clear:
            checks.note(
                EMPLOYER_POSITION,
                "no clear cut between employer and position: all of it kept as the employer",
                "employer_not_split",
            )
    else:
        employer = squeeze(fold(texts.get("employer", "")))
        position = squeeze(fold(texts.get("position", "")))
    values["employer"], values["position"] = employer, position

    industry = squeeze(fold(texts.get("industry", "")))
    if industry and industry not in terms.industries:
        checks.note("industry", f"industry {quote(industry)} is not in hall.yaml; kept", "unknown_industry")
    values["industry"] = industry
    for fld in _PROSE:
        values[fld] = clean_text(texts.get(fld, ""))
    return values


def _year_reason(text: str, code: str, what: str) -> str:
    value = quote(text)
    return {
        "two_digit_year": f"two-digit year {value}: write all four digits (19xx or 20xx?)",
        "decade": f"{value} is a decade, not a year",
        "range": f"{value} is a range of years: one {what} year a row",
    }.get(code, f"{value} is not a year")


def _honour_reason(text: str, code: str) -> str:
    value = quote(text)
    return {
        "ambiguous_honour": f"{value} could be more than one honour in hall.yaml; use its full name",
        "collective_honour": f"{value} is awarded to collectives, not people",
    }.get(code, f"unknown honour {value}: not a name or alias in hall.yaml (one honour a row)")
