"""What an import found and would do: issues about rows, the people it touches, the report, its printing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from hall.errors import HallError


class ImportFailed(HallError):
    """The file cannot be imported at all (unreadable, no header row, too big)."""


@dataclass(frozen=True, slots=True)
class Issue:
    """One thing about one row (or the file, when `row` is None), in plain words.

    `code` is stable (no_name, bad_year, two_digit_year, unknown_honour, personal_data …) so
    a curator's screen can word it in its own language; `reason` never quotes a personal value.
    """

    row: int | None
    column: str
    reason: str
    code: str = ""
    sheet: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "row": self.row,
            "column": self.column,
            "reason": self.reason,
            "code": self.code,
        }
        if self.sheet:
            out["sheet"] = self.sheet
        return out

    def __str__(self) -> str:
        where = "file" if self.row is None else f"row {self.row}"
        if self.sheet:
            where = f"{self.sheet} {where}"
        return f"{where}" + (f" [{self.column}]" if self.column else "") + f": {self.reason}"


@dataclass(frozen=True, slots=True)
class PlannedPerson:
    """A person the import touches, as the pack will hold them afterwards."""

    id: str
    name: str
    new: bool
    birth_year: int | None = None
    gender: str = ""
    district: str = ""
    employer: str = ""
    position: str = ""
    industry: str = ""
    honours_added: tuple[tuple[str, int | None], ...] = ()  # (honour code, year)
    rows: tuple[int, ...] = ()  # the file's rows that made them


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import found and did; `to_json()` is the CLI's --json output."""

    persons: int
    honours: int
    rejected: tuple[Issue, ...] = ()
    duplicates: tuple[int, ...] = ()  # rows that repeat an earlier row exactly (counted once)
    dropped_columns: tuple[str, ...] = ()  # personal columns, never read
    warnings: tuple[Issue, ...] = ()
    new_persons: int = 0
    existing_persons: int = 0
    honours_added: int = 0
    changed: bool = False  # the pack's files would change
    written: bool = False  # the pack's files did change
    backup: str = ""  # where the previous files were kept, when written

    @property
    def rejected_rows(self) -> tuple[int, ...]:
        return tuple(sorted({i.row for i in self.rejected if i.row is not None}))

    def to_json(self) -> dict[str, Any]:
        return {
            "persons": self.persons,
            "honours": self.honours,
            "rejected": [i.to_json() for i in self.rejected],
            "duplicates": list(self.duplicates),
            "dropped_columns": list(self.dropped_columns),
            "warnings": [i.to_json() for i in self.warnings],
            "new_persons": self.new_persons,
            "existing_persons": self.existing_persons,
            "honours_added": self.honours_added,
            "changed": self.changed,
            "written": self.written,
            "backup": self.backup,
        }


@dataclass(frozen=True)
class ImportPlan:
    """A dry run: the report, the people it touches, and the exact bytes `apply_import` writes."""

    report: ImportReport
    pack: str
    people: tuple[PlannedPerson, ...] = ()
    files: tuple[tuple[str, bytes], ...] = field(default=(), repr=False)  # exhibits/ name → bytes
    base: tuple[tuple[str, str], ...] = field(default=(), repr=False)  # fingerprints planned against


@dataclass
class Findings:
    """The issues a plan collects as it reads and merges rows; sorted into the report at the end."""

    rejected: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # personal columns, as written
    duplicates: list[int] = field(default_factory=list)
    headers: dict[str, dict[str, str]] = field(default_factory=dict)  # sheet → field → header as written

    def column(self, sheet: str, fld: str) -> str:
        """The header a sheet gives a field (the field's name when the sheet has none)."""
        return self.headers.get(sheet, {}).get(fld, fld)

    def warn(self, row: int | None, column: str, reason: str, code: str, sheet: str = "") -> None:
        self.warnings.append(Issue(row, column, reason, code, sheet))

    def reject(self, row: int, sheet: str, fld: str, reason: str, code: str) -> None:
        self.rejected.append(Issue(row, self.column(sheet, fld), reason, code, sheet))

    def report(
        self, *, persons: int, honours: int, new_persons: int, honours_added: int, changed: bool
    ) -> ImportReport:
        return ImportReport(
            persons=persons,
            honours=honours,
            rejected=tuple(sorted(self.rejected, key=_issue_order)),
            duplicates=tuple(self.duplicates),
            dropped_columns=tuple(self.dropped),
            warnings=tuple(sorted(self.warnings, key=_issue_order)),
            new_persons=new_persons,
            existing_persons=persons - new_persons,
            honours_added=honours_added,
            changed=changed,
        )


def _issue_order(issue: Issue) -> tuple[str, int, str]:
    return (issue.sheet, -1 if issue.row is None else issue.row, issue.column)


def quote(text: str, limit: int = 30) -> str:
    """A value as a reason quotes it: on one line, cut at `limit` characters."""
    text = " ".join(str(text).split())
    return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"


def print_report(report: ImportReport, filename: str, pack: Path, dry_run: bool, out: TextIO) -> None:
    """The report in plain words, as the command line prints it."""

    def line(text: str = "") -> None:
        print(text, file=out)

    line(f"{filename} → {pack}" + ("  (dry run: nothing written)" if dry_run else ""))
    line(
        f"  people: {report.persons} (new {report.new_persons}, in the pack {report.existing_persons})"
        f"   honours: {report.honours} (new to the pack {report.honours_added})"
    )
    if report.dropped_columns:
        line("  personal columns dropped, never read: " + ", ".join(report.dropped_columns))
    if report.duplicates:
        line("  exact duplicate rows (counted once): " + ", ".join(map(str, report.duplicates)))
    if report.rejected:
        line(f"  rejected {len(report.rejected_rows)} rows:")
        for issue in report.rejected:
            line(f"    {issue}")
    if report.warnings:
        line("  warnings:")
        for issue in report.warnings:
            line(f"    {issue}")
    if report.written:
        line(f"  written; the previous files are kept in {report.backup}")
    elif not report.changed:
        line("  nothing to change: the pack already holds all of this")
