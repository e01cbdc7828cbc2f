"""Limits on an uploaded directory file, checked before anything parses it.

An .xlsx is a zip of XML: a file of a few MB can unpack to gigabytes (a zip bomb), and a few
bytes of XML can ask for billions of cells (a merged range or a cell far down and to the right).
The zip's central directory says how large each member unpacks (zipfile will not unpack more
than it says, so it cannot lie), and a streamed scan counts the cells and merged areas the XML
asks for, in bounded memory. Within these limits the workbook is parsed in a child process with
a memory ceiling and a time limit (hall.importer.isolate).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from hall.importer.report import ImportFailed

MB = 2**20


@dataclass(frozen=True, slots=True)
class Limits:
    """What one directory file may ask of the hall. The defaults hold a directory of 100,000
    people in 20 columns; reading one of a million cells took 46 s and 534 MB in the child on
    the 2-core development machine."""

    unpacked_bytes: int = 200 * MB  # all members of the zip, unpacked
    entries: int = 2_000  # members of the zip
    ratio: int = 200  # unpacked : packed for a member over RATIO_FLOOR; XML packs ~5-30:1
    cells: int = 2_000_000  # cells (and merged-over cells) in all sheets together
    memory_bytes: int = 1536 * MB  # the parsing child's address space
    seconds: int = 120  # the parsing child's time, wall clock and CPU


LIMITS = Limits()
RATIO_FLOOR = 10 * MB
_CHUNK = 4 * MB
_MAX_TAG = MB  # XML with no ">" for this long is no spreadsheet
# A cell element: <c r="A1" …>, <c>, <c/>, and with a namespace prefix, <x:c …>. Every "<c" is
# counted (one fast pass): the few other elements so named (<cols>, <cfRule> …) only make the
# count an upper bound.
_PREFIXED_CELL = re.compile(rb"<[A-Za-z_][\w.-]*:c[\s/>]")
_MERGE = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref=[\"']([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?"
)


def check_workbook(data: bytes, filename: str, limits: Limits = LIMITS) -> None:
    """Refuse an .xlsx that would unpack or expand beyond `limits`, before it is parsed.

    Raises:
        ImportFailed: not a readable zip, or beyond a limit (the message says which and how far).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            members = book.infolist()
            _check_directory(members, filename, limits)
            cells = 0
            for member in members:
                cells += _scan(book, member, filename, limits)
                if cells > limits.cells:
                    raise ImportFailed(_too_many(filename, f"more than {limits.cells:,}", limits))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError) as exc:
        raise ImportFailed(f"{filename} is not a readable .xlsx file ({type(exc).__name__})") from exc


def _check_directory(members: list[zipfile.ZipInfo], filename: str, limits: Limits) -> None:
    if len(members) > limits.entries:
        raise ImportFailed(
            f"{filename} holds {len(members):,} files inside; a directory workbook has a few dozen "
            f"(at most {limits.entries:,} are read)"
        )
    unpacked = sum(m.file_size for m in members)
    if unpacked > limits.unpacked_bytes:
        raise ImportFailed(
            f"{filename} would unpack to {unpacked / MB:,.0f} MB, more than the "
            f"{limits.unpacked_bytes / MB:,.0f} MB a directory may have: save only the directory's sheets, "
            "or split it into several files"
        )
    for m in members:
        if m.file_size > RATIO_FLOOR and m.file_size > limits.ratio * max(1, m.compress_size):
            raise ImportFailed(
                f"{filename}: {m.filename} unpacks {m.file_size // max(1, m.compress_size):,} times larger "
                f"than it is packed (a spreadsheet is 5–30 times, a zip bomb hundreds); not read"
            )


def _scan(book: zipfile.ZipFile, member: zipfile.ZipInfo, filename: str, limits: Limits) -> int:
    """Cells asked for by one member: cell elements plus the area of its merged ranges."""
    if member.is_dir():
        return 0
    count, carry = 0, b""
    with book.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            buf = carry + chunk
            cut = buf.rfind(b">") + 1
            if not cut and len(buf) > _MAX_TAG:
                raise ImportFailed(
                    f"{filename}: {member.filename} is not spreadsheet XML (a tag over 1 MB long)"
                )
            count += _count(buf[:cut])
            carry = buf[cut:]
            if count > limits.cells:
                break
    return count


def _count(xml: bytes) -> int:
    count = xml.count(b"<c")
    if b":c" in xml:  # prefixed cells are rare; the regex only runs when they may be there
        count += sum(1 for _ in _PREFIXED_CELL.finditer(xml))
    for m in _MERGE.finditer(xml) if b"mergeCell" in xml else ():
        left, top = _column(m.group(1)), int(m.group(2))
        right, bottom = _column(m.group(3) or m.group(1)), int(m.group(4) or m.group(2))
        count += (abs(right - left) + 1) * (abs(bottom - top) + 1)
    return count


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


def _too_many(filename: str, cells: str, limits: Limits) -> str:
    return (
        f"{filename} asks for {cells} cells (merged ranges count every cell they cover); a directory "
        f"may have at most {limits.cells:,}: delete stray cells far below or right of the table, "
        "or split the file"
    )


def too_large_grid(filename: str, sheet: str, rows: int, columns: int, limits: Limits) -> str:
    """The refusal for a sheet whose used range (first to last cell) is beyond the cell limit."""
    return (
        f"{filename}: sheet {sheet!r} spans {rows:,} rows × {columns:,} columns "
        f"({rows * columns:,} cells), more than the {limits.cells:,} a directory may have: "
        "delete stray cells far below or right of the table"
    )
