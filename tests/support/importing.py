"""Support for the importer's tests: the messy directory in each of its formats, hostile workbooks
(zip bombs), and snapshots of a pack's record files."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from tests.fixtures import messy

PACK_FILES = ("honorees.csv", "honours.csv", "ids.yaml", "collectives.csv", "studios.csv", "hall.yaml")


def messy_file(kind: str, folder: Path) -> Path:
    """The messy directory written into `folder` as xlsx, utf8_bom, utf8 or gbk."""
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "xlsx":
        return messy.write_xlsx(folder / "messy.xlsx")
    encoding = {"utf8_bom": "utf-8-sig", "utf8": "utf-8", "gbk": "gbk"}[kind]
    return messy.write_csv(folder / f"messy_{kind}.csv", encoding)


def snapshot(pack: Path) -> dict[str, bytes]:
    """The bytes of the pack's record files that exist."""
    exhibits = pack / "exhibits"
    return {name: (exhibits / name).read_bytes() for name in PACK_FILES if (exhibits / name).exists()}


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


SHEET = "xl/worksheets/sheet1.xml"
_SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    + '<row><c t="inlineStr"><is><t>姓名</t></is></c>'.encode()
    + '<c t="inlineStr"><is><t>荣誉称号</t></is></c></row>'.encode()
)
_SHEET_TAIL = b"</sheetData></worksheet>"


def workbook_with_sheet(path: Path, sheet_xml_parts: list[bytes] | None = None, *, repeat: int = 0) -> Path:
    """A real .xlsx (made by openpyxl) whose first sheet is replaced by `sheet_xml_parts`: the
    head, then `repeat` times the middle part, then the tail, streamed into the zip so that a
    sheet of hundreds of MB is never held in memory. Default: a valid sheet of one header row."""
    import openpyxl

    buf = io.BytesIO()
    book = openpyxl.Workbook()
    book.active.append(["姓名", "荣誉称号"])
    book.save(buf)
    head, middle, tail = sheet_xml_parts or [_SHEET_HEAD, b"", _SHEET_TAIL]
    packed = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9)
    with zipfile.ZipFile(buf) as src, packed as out:
        for item in src.infolist():
            if item.filename != SHEET:
                out.writestr(item, src.read(item))
        with out.open(SHEET, "w", force_zip64=True) as sheet:
            sheet.write(head)
            if middle:
                per_block = max(1, (1 << 20) // len(middle))  # about 1 MB a write
                for _ in range(repeat // per_block):
                    sheet.write(middle * per_block)
                sheet.write(middle * (repeat % per_block))
            sheet.write(tail)
    return path


def zip_bomb(path: Path, unpacked_mb: int) -> Path:
    """An .xlsx of a few MB whose sheet unpacks to about `unpacked_mb` MB of rows of cells (issue 14,
    finding 6: 3.3 MB that unpacked to 812 MB took the importer 3.9 GB and 107 s before refusing)."""
    row = '<row><c t="inlineStr"><is><t>劳模</t></is></c><c><v>1985</v></c></row>'.encode()
    return workbook_with_sheet(path, [_SHEET_HEAD, row, _SHEET_TAIL], repeat=unpacked_mb * 2**20 // len(row))
