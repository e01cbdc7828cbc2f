"""The association's 名师高徒 sheet (师傅 / 徒弟 / 工作室 / 结对年份 …) into exhibits/pairs.csv.

The directory import's pieces are used as they are: the same file reading and limits
(sheets), header words compared the same way, the same cell cleaning (names, years, width),
personal columns dropped unread and personal values refused, formulas refused, and the same
all-or-nothing write with a backup. A master must be an honoree already in the pack, matched
by name (and 师傅单位 when two share a name); an apprentice is matched the same way when they
are an honoree, and is otherwise kept by name and employer. Re-importing a sheet changes nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from hall.csvsafe import looks_like_formula
from hall.errors import PackError
from hall.importer.clean import (
    cell_text,
    clean_name,
    clean_text,
    fold,
    is_blank,
    parse_year,
)
from hall.importer.columns import HEADER_SEARCH_ROWS, Columns, map_columns
from hall.importer.plan import resolve_pack
from hall.importer.report import Findings, ImportFailed, Issue
from hall.importer.sheets import read_source, read_table
from hall.pack import write as packwrite
from hall.pack.pairs import MIN_MASTER_AGE, NAMED, Pair, cycle_closers
from hall.pack.read import FIRST_YEAR
from hall.pack.schema import HONOREE, PAIR, STUDIO
from hall.pack.write import PackCsv
from hall.personal import personal_value
from hall.textnorm import normalize

MASTER_EMPLOYER = "master_employer"  # only to tell two masters of one name apart; not kept
_FIELDS = (
    "master_id",
    "apprentice_name",
    "apprentice_employer",
    "studio_id",
    "craft",
    "year",
    "outcome",
    "source",
)
_HEADERS = {
    **{f.name: f.headers for f in PAIR.fields if f.name in _FIELDS},
    MASTER_EMPLOYER: ("师傅单位", "师傅工作单位", "名师单位", "master_employer"),
}
_HEADER_FIELD = {normalize(w): f for f, words in _HEADERS.items() for w in words}


@dataclass(frozen=True, slots=True)
class PairsReport:
    """What a pairs import found and did; `to_json()` is the CLI's --json output."""

    pairs: int  # accepted rows, repeats counted once
    new_pairs: int
    rejected: tuple[Issue, ...] = ()
    duplicates: tuple[int, ...] = ()
    dropped_columns: tuple[str, ...] = ()
    warnings: tuple[Issue, ...] = ()
    changed: bool = False
    written: bool = False
    backup: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "pairs": self.pairs,
            "new_pairs": self.new_pairs,
            "existing_pairs": self.pairs - self.new_pairs,
            "rejected": [i.to_json() for i in self.rejected],
            "duplicates": list(self.duplicates),
            "dropped_columns": list(self.dropped_columns),
            "warnings": [i.to_json() for i in self.warnings],
            "changed": self.changed,
            "written": self.written,
            "backup": self.backup,
        }


@dataclass(frozen=True)
class PairsPlan:
    """A dry run: the report and the exact bytes `apply_pairs` writes."""

    report: PairsReport
    pack: str
    files: tuple[tuple[str, bytes], ...] = field(default=(), repr=False)
    base: tuple[tuple[str, str], ...] = field(default=(), repr=False)


def plan_pairs(
    source: Path | str | bytes, filename: str | None = None, pack: Path | str | None = None
) -> PairsPlan:
    """Read a 名师高徒 sheet and work out what importing it would do; writes nothing.

    Raises:
        ImportFailed: the file cannot be read, has no 师傅 and 徒弟 header row, or names a field twice.
        PackError: the pack has no honorees.csv with ids and names.
    """
    data, filename = read_source(source, filename)
    pack_dir = resolve_pack(pack)
    sheets = read_table(data, filename)
    del data
    people = _Pack(pack_dir)
    findings = Findings()
    rows: list[tuple[int, str, dict[str, str]]] = []
    seen: dict[tuple[str, ...], int] = {}
    found = False
    for sheet in sheets:
        columns = find_pair_columns(sheet.rows)
        if columns is None:
            continue
        if columns.twice:
            raise ImportFailed(columns.ambiguity(sheet.name))
        found = True
        findings.headers[sheet.name] = columns.headers
        findings.dropped += [c for c in columns.personal if c not in findings.dropped]
        for index in range(columns.header_row + 1, len(sheet.rows)):
            cells = sheet.rows[index]
            kept = {f: (cells[i] if i < len(cells) else None) for f, i in columns.fields.items()}
            if all(is_blank(v) for v in kept.values()):
                continue
            row = people.read(index + 1, sheet.name, kept, findings)
            if row is None:
                continue
            fingerprint = tuple(row.get(f, "") for f in _FIELDS)
            if fingerprint in seen:
                findings.duplicates.append(index + 1)
                continue
            seen[fingerprint] = index + 1
            rows.append((index + 1, sheet.name, row))
    if not found:
        raise ImportFailed(
            f"no header row found: none of the first {HEADER_SEARCH_ROWS} rows has 师傅 and 徒弟 columns"
        )
    return people.plan(rows, findings)


def apply_pairs(plan: PairsPlan, pack_dir: Path | str | None = None) -> PairsReport:
    """Write a plan into the pack, all or nothing, keeping the previous file as a backup.

    Raises:
        packwrite.PackChanged: the pack's files changed after the plan was made.
        packwrite.PackWriteFailed: writing failed; the pack is as it was.
    """
    if not plan.report.changed:
        return plan.report
    target = Path(pack_dir) if pack_dir is not None else Path(plan.pack)
    backup = packwrite.replace_files(target, dict(plan.files), expected=dict(plan.base))
    return replace(plan.report, written=True, backup=str(backup.path))


def find_pair_columns(rows: list[list[object]]) -> Columns | None:
    """The first of the top rows naming both a master and an apprentice column, mapped to fields."""
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        mapped = [_header(c) for c in cells]
        if "master_id" not in mapped or "apprentice_name" not in mapped:
            continue
        return map_columns(index, cells, mapped)
    return None


def _header(cell: object) -> str | None:
    if cell is None:
        return None
    text = str(cell)
    return _HEADER_FIELD.get(normalize(text)) or _HEADER_FIELD.get(
        normalize(re.sub(r"[（(].*?[)）]", "", text))
    )


class _Pack:
    """The pack's people, studios and pairs, and how a row's names are matched to them."""

    def __init__(self, pack: Path) -> None:
        exhibits = pack / "exhibits"
        self.pack = pack
        self.people = PackCsv.read(exhibits / HONOREE.file, HONOREE.columns)
        for required in ("id", "name"):
            if required not in self.people.header:
                raise ImportFailed(f"the pack's {HONOREE.file} has no {required} column")
        self.by_name: dict[str, list[tuple[str, str, int | None]]] = defaultdict(list)
        for r in self.people.rows:
            born, _ = parse_year(self.people.get(r, "birth_year") or None)
            name, employer = clean_name(self.people.get(r, "name")), fold(self.people.get(r, "employer"))
            self.by_name[name].append((self.people.get(r, "id"), employer, born))
        studios = PackCsv.read(exhibits / STUDIO.file, STUDIO.columns)
        self.studios = {studios.get(r, "id"): studios.get(r, "id") for r in studios.rows}
        self.studios |= {fold(studios.get(r, "name")): studios.get(r, "id") for r in studios.rows}
        self.pairs = PackCsv.read(exhibits / PAIR.file, PAIR.columns)
        self.base = packwrite.fingerprint(pack, (PAIR.file,))
        self.this_year = dt.date.today().year

    def _match(self, name: str, employer: str) -> tuple[list[tuple[str, str, int | None]], bool]:
        """Honorees of this name (narrowed by employer when given), and whether the employer
        given differs from every one of theirs."""
        found = self.by_name.get(name, [])
        if employer and found:
            same = [p for p in found if p[1] == employer]
            return same, not same
        return found, False

    def read(
        self, row: int, sheet: str, cells: dict[str, object], findings: Findings
    ) -> dict[str, str] | None:
        """One row as pairs.csv values, or None when refused (the reason is in `findings`)."""
        texts = {f: clean_text(cell_text(v)) for f, v in cells.items()}
        for f, text in texts.items():
            if f == "year":
                continue
            looks = personal_value(text)
            if looks is not None:
                findings.reject(row, sheet, f, f"looks like {looks[1]}; row not imported", "personal_data")
                return None
            if looks_like_formula(text):
                findings.reject(row, sheet, f, "looks like a spreadsheet formula", "formula")
                return None
        master_name = clean_name(texts.get("master_id", ""))
        apprentice = clean_name(texts.get("apprentice_name", ""))
        if not master_name or not apprentice:
            findings.reject(
                row, sheet, "master_id" if not master_name else "apprentice_name", "no name", "no_name"
            )
            return None
        masters, _ = self._match(master_name, fold(texts.get(MASTER_EMPLOYER, "")))
        if len(masters) != 1:
            why = "no honoree of that name" if not masters else f"{len(masters)} honorees share that name"
            findings.reject(row, sheet, "master_id", f"master {master_name}: {why}", "unknown_master")
            return None
        master_id, _, master_born = masters[0]
        out = {f: texts.get(f, "") for f in _FIELDS} | {"master_id": master_id, "apprentice_name": apprentice}
        employer = fold(texts.get("apprentice_employer", ""))
        matched, other_employer = self._match(apprentice, employer)
        if len(matched) > 1:
            findings.reject(
                row,
                sheet,
                "apprentice_name",
                f"{len(matched)} honorees named {apprentice}",
                "ambiguous_apprentice",
            )
            return None
        if other_employer:
            note = f"{apprentice} is kept by name: the honoree of that name works elsewhere"
            findings.warn(row, findings.column(sheet, "apprentice_name"), note, "apprentice_by_name", sheet)
        apprentice_born = matched[0][2] if matched else None
        out["apprentice_id"] = matched[0][0] if matched else ""
        if out["apprentice_id"] == master_id:
            findings.reject(
                row, sheet, "apprentice_name", f"{apprentice} is paired with themself", "self_pair"
            )
            return None
        year, code = parse_year(cells.get("year"))
        if code or (year is not None and not FIRST_YEAR <= year <= self.this_year):
            findings.reject(
                row, sheet, "year", f"impossible year {texts.get('year', '')!r}", code or "bad_year"
            )
            return None
        too_young = master_born is not None and year is not None and year < master_born + MIN_MASTER_AGE
        if too_young or (apprentice_born is not None and year is not None and year < apprentice_born):
            findings.reject(row, sheet, "year", f"impossible year {year}: born later", "bad_year")
            return None
        out["year"] = str(year) if year is not None else ""
        studio = texts.get("studio_id", "")
        if studio:
            sid = self.studios.get(fold(studio))
            if sid is None:
                findings.reject(row, sheet, "studio_id", f"unknown studio {studio!r}", "unknown_studio")
                return None
            out["studio_id"] = sid
        return out

    def plan(self, rows: list[tuple[int, str, dict[str, str]]], findings: Findings) -> PairsPlan:
        """The rows added to pairs.csv: pairs already there are left as they are; a row that
        would close a cycle with the pack's pairs or the sheet's is refused."""
        existing = {(self.pairs.get(r, "master_id"), self._key(self.pairs, r)) for r in self.pairs.rows}
        numbers = [
            int(m.group(1))
            for r in self.pairs.rows
            if (m := re.fullmatch(r"p(\d+)", self.pairs.get(r, "id")))
        ]
        last = max(numbers, default=0)
        old = [Pair(**{f.name: self.pairs.get(r, f.name) for f in PAIR.fields}) for r in self.pairs.rows]
        added: list[tuple[int, str, dict[str, str]]] = []
        for row, sheet, values in rows:
            key = (
                values["apprentice_id"]
                or f"{NAMED}{values['apprentice_name']}|{values['apprentice_employer']}"
            )
            if (values["master_id"], key) in existing:
                continue
            existing.add((values["master_id"], key))
            added.append((row, sheet, values))
        new = [
            Pair(**({f.name: v.get(f.name, "") for f in PAIR.fields} | {"line": row})) for row, _, v in added
        ]
        closing = {p.line for p in cycle_closers([*old, *new]) if p in new}  # type: ignore[attr-defined]
        for row, sheet, _ in added:
            if row in closing:
                findings.reject(
                    row, sheet, "apprentice_name", "closes a cycle of masters and apprentices", "cycle"
                )
        kept = [(row, values) for row, _, values in added if row not in closing]
        for _, values in kept:
            last += 1
            record = [""] * len(self.pairs.header)
            for name, value in (values | {"id": f"p{last:04d}", "sample": "false"}).items():
                self.pairs.set(record, name, value)
            self.pairs.rows.append(record)
        report = PairsReport(
            pairs=len(rows) - len(closing),
            new_pairs=len(kept),
            rejected=tuple(sorted(findings.rejected, key=lambda i: (i.sheet, i.row or 0))),
            duplicates=tuple(findings.duplicates),
            dropped_columns=tuple(findings.dropped),
            warnings=tuple(findings.warnings),
            changed=bool(kept),
        )
        files = ((PAIR.file, self.pairs.to_bytes()),) if kept else ()
        return PairsPlan(report, str(self.pack), files, tuple(self.base.items()))

    @staticmethod
    def _key(csv: PackCsv, r: list[str]) -> str:
        apprentice = csv.get(r, "apprentice_id")
        return apprentice or f"{NAMED}{csv.get(r, 'apprentice_name')}|{csv.get(r, 'apprentice_employer')}"


def main(argv: Sequence[str] | None = None) -> int:
    """python -m hall.importer.pairs FILE [--pack DIR] [--dry-run] [--json]; 0 done, 1 not imported."""
    parser = argparse.ArgumentParser(
        prog="python -m hall.importer.pairs",
        description="Import the association's 名师高徒 sheet (.xlsx or .csv) into a pack's pairs.csv.",
    )
    parser.add_argument("file", type=Path)
    parser.add_argument("--pack", type=Path, default=None, help="content pack folder (default: HALL_PACK)")
    parser.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    try:
        plan = plan_pairs(args.file, args.file.name, args.pack)
        report = plan.report if args.dry_run else apply_pairs(plan, resolve_pack(args.pack))
    except (ImportFailed, PackError, packwrite.PackChanged, packwrite.PackWriteFailed) as exc:
        print(json.dumps({"error": str(exc)}, ensure_ascii=False) if args.json else f"not imported: {exc}")
        return 1
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        return 0
    print(
        f"{args.file.name}: {report.pairs} pairs, {report.new_pairs} new"
        + (" (dry run)" if args.dry_run else "")
    )
    for issue in report.rejected:
        print(f"  rejected {issue}")
    for issue in report.warnings:
        print(f"  warning {issue}")
    if report.written:
        print(f"  written; the previous file is kept in {report.backup}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
