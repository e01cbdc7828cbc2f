"""A directory file into sheets of rows of cells: .xlsx, or CSV in UTF-8 (with or without a BOM),
UTF-16 or GBK/GB18030, separated by commas, tabs or semicolons.

An .xlsx is checked against hall.importer.guard's limits before anything parses it, then parsed
in a child process with a memory ceiling (hall.importer.isolate); a CSV is counted as it is read.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from hall.importer.guard import LIMITS, Limits, check_workbook, too_large_grid
from hall.importer.report import ImportFailed

MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass
class Sheet:
    """One sheet of a workbook (a CSV file is one sheet without a name), as rows of cells."""

    name: str
    rows: list[list[object]]


def read_source(source: Path | str | bytes, filename: str | None = None) -> tuple[bytes, str]:
    """The file's bytes and the name messages call it by.

    Raises:
        ImportFailed: the file is unreadable or larger than MAX_FILE_BYTES.
    """
    if isinstance(source, bytes):
        data = source
        filename = filename or "upload"
    else:
        path = Path(source)
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise ImportFailed(f"{path.name} is larger than {MAX_FILE_BYTES // 2**20} MB")
            data = path.read_bytes()
        except OSError as exc:
            raise ImportFailed(f"cannot read {path.name}: {exc.strerror}") from exc
        filename = filename or path.name
    if len(data) > MAX_FILE_BYTES:
        raise ImportFailed(f"{filename} is larger than {MAX_FILE_BYTES // 2**20} MB")
    return data, filename


def read_table(data: bytes, filename: str, limits: Limits = LIMITS) -> list[Sheet]:
    """Every sheet of the file; `filename` tells .xlsx from CSV when the bytes do not.

    Raises:
        ImportFailed: an old .xls file, a damaged .xlsx, text in no known encoding, or a file
            beyond `limits` (unpacked size, cells, memory or time to read it).
    """
    if data[:4] == b"PK\x03\x04":
        from hall.importer.isolate import read_xlsx_apart  # it runs this module's read_xlsx

        check_workbook(data, filename, limits)
        return read_xlsx_apart(data, filename, limits)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ImportFailed(f"{filename} is an old Excel 97–2003 (.xls) file: save it as .xlsx or CSV first")
    if filename.lower().endswith((".xlsx", ".xlsm")):
        raise ImportFailed(f"{filename} is not a readable .xlsx file")
    return [Sheet("", _read_csv(data, filename, limits))]


def read_xlsx(data: bytes, filename: str, limits: Limits = LIMITS) -> list[Sheet]:
    """Parse a workbook (in this process: hall.importer.isolate runs it in a child), merged
    cells filled with their value.

    Raises:
        ImportFailed: a damaged .xlsx, or a sheet whose used range is beyond `limits.cells`.
    """
    import openpyxl  # only when a spreadsheet comes in: it is slow to import

    try:
        # Not read-only: merged cells (a name spanning two honour rows) need the sheet's ranges.
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ImportFailed(f"{filename} is not a readable .xlsx file ({type(exc).__name__})") from exc
    sheets = []
    for ws in book.worksheets:
        # Two cells far apart (A1 and XFD1048576) make a grid of 17 billion: refused unread.
        if ws.max_row * ws.max_column > limits.cells:
            raise ImportFailed(too_large_grid(filename, ws.title, ws.max_row, ws.max_column, limits))
        merged = [(r.min_row, r.min_col, r.max_row, r.max_col) for r in ws.merged_cells.ranges]
        rows = [list(r) for r in ws.iter_rows(min_row=1, values_only=True)]
        for top, left, bottom, right in merged:
            value = rows[top - 1][left - 1] if top - 1 < len(rows) and left - 1 < len(rows[top - 1]) else None
            for r in range(top - 1, min(bottom, len(rows))):
                for c in range(left - 1, min(right, len(rows[r]))):
                    rows[r][c] = value
        sheets.append(Sheet(ws.title, rows))
    book.close()
    return sheets


def _decode(data: bytes, filename: str) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFailed(f"{filename} is neither UTF-8 nor GBK/GB18030 text, nor an .xlsx spreadsheet")


def _read_csv(data: bytes, filename: str, limits: Limits) -> list[list[object]]:
    text = _decode(data, filename)
    sample = text[:8192]
    delimiter = ","
    if sample.count("\t") > sample.count(","):
        delimiter = "\t"
    elif sample.count(";") > sample.count(","):
        delimiter = ";"
    rows: list[list[object]] = []
    cells = 0
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            cells += max(1, len(row))
            if cells > limits.cells:
                raise ImportFailed(
                    f"{filename} has more than {limits.cells:,} cells, more than a directory may have: "
                    "split it into several files"
                )
            rows.append(list(row))
        return rows
    except csv.Error as exc:
        raise ImportFailed(f"{filename} is not readable as CSV: {exc}") from exc
