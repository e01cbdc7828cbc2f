"""Personal data in free text — ID-card and bank numbers, phone numbers, e-mail addresses — spotted
so that it is never kept: the importer refuses such a cell, the store empties such a search."""

from __future__ import annotations

import re
import unicodedata

# Values that look like someone's identity or contact details: (code, pattern, what it looks like).
_PERSONAL_VALUES = (
    (
        "id_number",
        re.compile(r"(?<![0-9])(?:[0-9]{17}[Xx]|[0-9]{15,19})(?![0-9])"),
        "an ID-card or bank-card number",
    ),
    ("phone", re.compile(r"(?<![0-9])1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])"), "a mobile phone number"),
    ("phone", re.compile(r"(?<![0-9])0[0-9]{2,3}-[0-9]{7,8}(?![0-9])"), "a telephone number"),
    ("email", re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), "an e-mail address"),
)
# Spaces, dashes and dots typed between digits to group them (3306 8119 9001 0112 34).
_DIGIT_GROUPING = re.compile(r"(?<=[0-9])[\s.-]+(?=[0-9])")


def _fold(text: str) -> str:
    # NFKC makes full-width digits, letters and ＠ ASCII; format characters (zero-width spaces
    # and joiners, the BOM) go, so a number cannot hide behind them.
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if unicodedata.category(ch) != "Cf")


def personal_value(text: str) -> tuple[str, str] | None:
    """(code, what it looks like) if the text holds an ID number, phone number or e-mail.

    `code` is id_number, phone or email; `what` says it in words ("a mobile phone number")
    without quoting the value.
    """
    folded = _fold(text)
    for code, pattern, what in _PERSONAL_VALUES:
        if pattern.search(folded):
            return code, what
    return None


def looks_personal(text: str) -> bool:
    """Whether short text a visitor typed (a search) holds an ID number, phone number or e-mail,
    also when its digits are grouped by spaces, dashes or dots.

    Stricter than `personal_value`, which must not refuse prose such as "1985 1990 2003 2010"
    in a record: a search holding fifteen digits in groups is taken for a number to forget.
    """
    ungrouped = _DIGIT_GROUPING.sub("", _fold(text))
    return personal_value(text) is not None or personal_value(ungrouped) is not None
