"""The one CSV writer: cells a spreadsheet would run as formulas are shown as text (OWASP), plain
numbers stay numbers; and the importer's test for a formula-looking value."""

from __future__ import annotations

import csv
import io

import pytest

from hall.csvsafe import csv_bytes, is_formula, looks_like_formula, safe_cell

ATTACKS = [
    '=HYPERLINK("http://evil.example","点我")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "=1+1",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "   =1+1",
    "-cmd|' /C notepad'!A0",
    '- HYPERLINK("http://evil.example")',
]


@pytest.mark.parametrize("value", ATTACKS)
def test_formula_cells_are_written_as_text(value: str) -> None:
    assert is_formula(value)
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize(
    "value", ["-3", "+86", "-1.5", "1e-3", "王小明", "2018-2020", "e-mail", "", "劳模 =榜样", 1985, -3, 2.5]
)
def test_numbers_and_text_are_written_as_they_are(value: object) -> None:
    assert safe_cell(value) == value


@pytest.mark.parametrize("value", ["-", "- 参与技术攻关", "+ 1"])
def test_the_writer_quotes_any_text_a_spreadsheet_might_read_as_a_formula(value: str) -> None:
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ATTACKS)
def test_importer_refuses_formula_looking_values(value: str) -> None:
    assert looks_like_formula(value)


@pytest.mark.parametrize(
    "value",
    ["-3", "-1.5", "+86", "-", "—", "--", "- 参与技术攻关，三次获奖", "— 引自报道", "王小明", "2018-2020"],
)
def test_importer_keeps_numbers_dashes_and_dashed_prose(value: str) -> None:
    assert not looks_like_formula(value)


def test_csv_bytes_has_a_bom_and_quotes_every_formula_cell_header_too() -> None:
    data = csv_bytes(["=name", "year"], [["=1+1", 1985], ["王小明", None], ["-3", -3]])
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [["'=name", "year"], ["'=1+1", "1985"], ["王小明", ""], ["-3", "-3"]]
