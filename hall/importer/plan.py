"""The dry run: a directory file's sheets into checked rows, then into a plan of what the pack
would become; nothing is written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hall.config import Settings
from hall.importer.clean import is_blank
from hall.importer.columns import HEADER_SEARCH_ROWS, find_columns
from hall.importer.merge import merge
from hall.importer.report import Findings, ImportFailed, ImportPlan
from hall.importer.rows import Row, Terms, read_row
from hall.importer.sheets import Sheet, read_source, read_table
from hall.pack import Catalog


def plan_import(
    source: Path | str | bytes,
    filename: str | None = None,
    pack: Path | str | Catalog | None = None,
) -> ImportPlan:
    """Read a directory file and work out what importing it into `pack` would do; writes nothing.

    Args:
        source: the file's path, or its bytes (an upload).
        filename: the file's name (for bytes; used for messages and to tell .xlsx from .csv).
        pack: the content pack's folder (or a Catalog of it); default: HALL_PACK.

    Raises:
        ImportFailed: the file cannot be read as a directory at all.
        PackError: the pack has no usable hall.yaml.
    """
    data, filename = read_source(source, filename)
    pack_dir = resolve_pack(pack)
    terms = Terms.read(pack_dir)
    sheets = read_table(data, filename)
    del data  # a large upload need not stay in memory beside its cells
    findings = Findings()
    rows = read_sheets(sheets, terms, findings)
    return merge(rows, pack_dir, terms, findings)


def resolve_pack(pack: Path | str | Catalog | None) -> Path:
    """The pack's folder: given, a Catalog's, or HALL_PACK's when None or blank."""
    if isinstance(pack, Catalog):
        pack = pack.pack
    if pack is None or pack == "":
        return Settings.from_env().pack
    return Path(pack).resolve()


def read_sheets(sheets: list[Sheet], terms: Terms, findings: Findings) -> list[Row]:
    """The accepted rows of every sheet with a header row; refusals and warnings go to `findings`.

    Each sheet's cells are let go once read.

    Raises:
        ImportFailed: no sheet has a header row, or one names a field in two columns.
    """
    this_year = dt.date.today().year
    rows: list[Row] = []
    found_header = False
    for sheet in sheets:
        columns = find_columns(sheet.rows)
        if columns is None:
            if len(sheets) > 1:
                findings.warn(
                    None, "", f"sheet {sheet.name!r} has no header row with 姓名; skipped", "no_header"
                )
            continue
        if columns.twice:
            raise ImportFailed(columns.ambiguity(sheet.name))
        found_header = True
        findings.headers[sheet.name] = columns.headers
        for column in columns.personal:
            if column not in findings.dropped:
                findings.dropped.append(column)
        if columns.ignored:
            findings.warn(
                None,
                "",
                "columns not imported (not fields of the hall): " + ", ".join(columns.ignored),
                "ignored_columns",
                sheet.name,
            )
        for index in range(columns.header_row + 1, len(sheet.rows)):
            cells = sheet.rows[index]
            # Only the mapped fields' cells are taken: a personal column's value is never
            # copied out of the row it arrived in.
            kept = {f: (cells[i] if i < len(cells) else None) for f, i in columns.fields.items()}
            if all(is_blank(v) for v in kept.values()):
                continue
            read = read_row(index + 1, sheet.name, kept, columns.headers, terms, this_year)
            if read.row is None:
                findings.rejected.extend(read.rejected)
            else:
                findings.warnings.extend(read.notes)
                rows.append(read.row)
        sheet.rows.clear()
    if not found_header:
        raise ImportFailed(
            "no header row found: none of the first "
            f"{HEADER_SEARCH_ROWS} rows has a 姓名 (name) column beside other known columns"
        )
    return rows
