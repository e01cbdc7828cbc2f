"""A directory file into sheets of rows of cells: .xlsx, or CSV in UTF-8 (with or without a BOM),
UTF-16 or GBK/GB18030, separated by commas, tabs or semicolons."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

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


def read_table(data: bytes, filename: str) -> list[Sheet]:
    """Every sheet of the file; `filename` tells .xlsx from CSV when the bytes do not.

    Raises:
        ImportFailed: an old .xls file, a damaged .xlsx, or text in no known encoding.
    """
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(data, filename)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ImportFailed(f"{filename} is an old Excel 97–2003 (.xls) file: save it as .xlsx or CSV first")
    if filename.lower().endswith((".xlsx", ".xlsm")):
        raise ImportFailed(f"{filename} is not a readable .xlsx file")
    return [Sheet("", _read_csv(data, filename))]


def _read_xlsx(data: bytes, filename: str) -> list[Sheet]:
    import openpyxl  # only when a spreadsheet comes in: it is slow to import

    try:
        # Not read-only: merged cells (a name spanning two honour rows) need the sheet's ranges.
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ImportFailed(f"{filename} is not a readable .xlsx file ({type(exc).__name__})") from exc
    sheets = []
    for ws in book.worksheets:
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


def _read_csv(data: bytes, filename: str) -> list[list[object]]:
    text = _decode(data, filename)
    sample = text[:8192]
    delimiter = ","
    if sample.count("\t") > sample.count(","):
        delimiter = "\t"
    elif sample.count(";") > sample.count(","):
        delimiter = ";"
    try:
        return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise ImportFailed(f"{filename} is not readable as CSV: {exc}") from exc
