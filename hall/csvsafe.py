"""Spreadsheet-safe CSV: the one writer every download and export uses, and the test the importer
applies to a value that a spreadsheet would run as a formula.

A cell that starts with = + - @ (or a tab or carriage return, which some programs skip before
one of those) is a formula to Excel, LibreOffice and WPS: `=HYPERLINK(…)` shows a link out of
the hall's own file, `+cmd|' /C calc'!A0` asks to start a program (OWASP, "CSV injection").
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A plain number is read as a number, never run: -3, +86, -1.5, 1e-3 stay as they are.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
# A dash and a space before words ("- 参与技术攻关") is a list mark. Without what a harmful formula
# needs — a call "(", a link to a program "|", a reference "!", "=" or "@" — it stays text on import.
_DASH_PROSE = re.compile(r"[-—–]+\s+[^=@|!()]*")


def is_formula(value: str) -> bool:
    """Whether a spreadsheet opening `value` as a cell could read it as a formula."""
    stripped = value.lstrip(" ")
    return stripped.startswith(FORMULA_START) and not _NUMBER.fullmatch(stripped)


def looks_like_formula(value: str) -> bool:
    """Whether an imported value looks like a spreadsheet formula and is refused: is_formula(),
    except for plain numbers, a lone dash and a dash-and-space list mark before plain words."""
    stripped = value.strip()
    if not is_formula(stripped) or set(stripped) <= set("-—– "):
        return False
    return not _DASH_PROSE.fullmatch(stripped)


def safe_cell(value: object) -> object:
    """A cell as a spreadsheet should show it: text that would start a formula gets a leading
    apostrophe (shown as text, never run); numbers and everything else are left alone."""
    if isinstance(value, str) and is_formula(value):
        return "'" + value
    return "" if value is None else value


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A CSV file for Excel and WPS: UTF-8 with a BOM, the header first, every cell safe_cell()'d."""
    buf = io.BytesIO()
    # Encoded as written, so a million rows never sit in memory twice (as text, then bytes).
    # The BOM makes Excel read the file as UTF-8 rather than the system code page.
    with io.TextIOWrapper(buf, encoding="utf-8-sig", newline="", write_through=True) as text:
        writer = csv.writer(text)
        writer.writerow([safe_cell(h) for h in header])
        writer.writerows([safe_cell(cell) for cell in row] for row in rows)
        text.flush()
        return buf.getvalue()
