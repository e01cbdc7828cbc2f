"""Which fields an import fills, the header words that name them, and finding a sheet's header row."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hall.importer.clean import is_personal_header
from hall.pack.schema import HONOREE, HONOUR
from hall.textnorm import normalize

HEADER_SEARCH_ROWS = 30

# Set by the importer itself (an imported person is real: sample=false), never read from a file.
SET_BY_IMPORT = ("sample",)
# Who a person is: matched or given, never filled into a person the pack already has.
IDENTITY = ("id", "name", "name_en")
# The pack's fields an import fills, in the order a merged person's values are compared: every
# published field of an honoree (the portrait is not: photos come in through hall.portraits).
FIELDS = tuple(f.name for f in HONOREE.published() if f.name not in SET_BY_IMPORT)
# Fields of an existing person an import may fill when the pack has them blank.
FILLABLE = tuple(f for f in FIELDS if f not in IDENTITY)

# The combined 工作单位及职务 column of official lists: not a field of the pack, split on import
# into employer and position.
EMPLOYER_POSITION = "employer_position"
EMPLOYER_POSITION_HEADERS = (
    *("工作单位及职务", "工作单位和职务", "单位及职务", "单位和职务", "工作单位职务", "单位职务"),
    *("工作单位及职务职称", "工作单位及职称", "单位及职称"),
)
_SPLIT = ("employer", "position", EMPLOYER_POSITION)

# Header words → field: a person's fields, the honour and its year (hall.pack.schema says which
# words name them), and the combined column.
HEADERS: dict[str, tuple[str, ...]] = {
    **{f.name: f.headers for f in HONOREE.fields if f.name in FIELDS},
    **{f.name: f.headers for f in HONOUR.fields if f.headers},
    EMPLOYER_POSITION: EMPLOYER_POSITION_HEADERS,
}
# Compared after normalize() (no spaces, punctuation or case).
_HEADER_FIELD = {normalize(word): f for f, words in HEADERS.items() for word in words}


@dataclass
class Columns:
    """Where each field is in a sheet, and what was left out."""

    header_row: int  # 0-based index of the header row in the sheet
    fields: dict[str, int] = field(default_factory=dict)  # field → column index
    headers: dict[str, str] = field(default_factory=dict)  # field → the header as written
    personal: list[str] = field(default_factory=list)  # personal columns' headers: never read
    ignored: list[str] = field(default_factory=list)  # headers that are no field of the hall
    # A field named by two columns: (field, first column, its header, other column, its header).
    twice: list[tuple[str, int, str, int, str]] = field(default_factory=list)

    def ambiguity(self, sheet: str) -> str:
        """Why the sheet cannot be read when a field is named twice, naming both columns ("" if not)."""
        where = f"sheet {sheet!r}: " if sheet else ""
        return "; ".join(
            f"{where}columns {column_letter(a)} “{ha}” and {column_letter(b)} “{hb}” both give the "
            f"{fld} field, so which one to import is ambiguous: delete or rename one of them"
            for fld, a, ha, b, hb in self.twice
        )


def column_letter(index: int) -> str:
    """A 0-based column index as the spreadsheet names it: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def header_field(cell: object) -> str | None:
    """The field a header cell names, with or without a bracketed note (出生年月（年.月）)."""
    if cell is None:
        return None
    return _HEADER_FIELD.get(normalize(str(cell))) or _HEADER_FIELD.get(_strip_brackets(str(cell)))


def _strip_brackets(text: str) -> str:
    return normalize(re.sub(r"[（(【\[].*?[)）】\]]", "", text))


def map_columns(
    index: int, cells: list[object], mapped: list[str | None], *, ignore: tuple[str, ...] = ()
) -> Columns:
    """Row `index` of a sheet as its columns: each titled cell a field (`mapped`, by position),
    a personal column (never read), a field named twice, or ignored. `ignore` names fields that
    give way once the combined employer-and-position column is there."""
    columns = Columns(index)
    for i, (cell, fld) in enumerate(zip(cells, mapped, strict=True)):
        title = " ".join(str(cell).split()) if cell is not None else ""
        if not title:
            continue
        if is_personal_header(title):
            columns.personal.append(title)
        elif fld in columns.fields:
            columns.twice.append((fld, columns.fields[fld], columns.headers[fld], i, title))
        elif fld is None or (fld in ignore and EMPLOYER_POSITION in columns.fields):
            columns.ignored.append(title)
        else:
            columns.fields[fld] = i
            columns.headers[fld] = title
    return columns


def find_columns(rows: list[list[object]]) -> Columns | None:
    """The first of the top rows that has a name column beside at least one other known or
    personal column, mapped to fields; None when no row qualifies.

    A field named by two columns is listed in `twice` (the import is refused as ambiguous,
    rather than losing one column); the combined employer-and-position column gives way to
    separate employer or position columns.
    """
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        mapped = [header_field(c) for c in cells]
        known = sum(1 for m in mapped if m)
        personal = sum(1 for c in cells if c is not None and is_personal_header(str(c)))
        if "name" not in mapped or known + personal < 2:
            continue
        columns = map_columns(index, cells, mapped, ignore=_SPLIT)
        if EMPLOYER_POSITION in columns.fields and (
            "employer" in columns.fields or "position" in columns.fields
        ):
            columns.ignored.append(columns.headers.pop(EMPLOYER_POSITION))
            del columns.fields[EMPLOYER_POSITION]
        return columns
    return None
