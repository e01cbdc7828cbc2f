"""Reading the file: xlsx with merged cells, CSV in its encodings, and files that are no directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from hall.importer import ImportFailed, plan_import
from tests.fixtures import messy
from tests.support.importing import messy_file


def test_the_committed_fixture_files_are_what_the_builder_writes(tmp_path: Path) -> None:
    for kind, name in (("utf8_bom", "messy_utf8.csv"), ("gbk", "messy_gbk.csv")):
        assert messy_file(kind, tmp_path).read_bytes() == (messy.HERE / name).read_bytes()
    import openpyxl

    def cells(path: Path) -> list[tuple[object, ...]]:
        return list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))

    assert cells(messy.HERE / "messy.xlsx") == cells(messy_file("xlsx", tmp_path))


def test_a_name_merged_over_two_rows_in_excel_gives_one_person_with_two_honours(
    pack: Path, tmp_path: Path
) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (
        ["姓名", "出生年月", "荣誉称号", "获评年份"],
        ["何一", 1970, "市劳模", 1995],
        [None, None, "省劳模", 2005],
    ):
        sheet.append(row)
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("B2:B3")
    book.save(tmp_path / "merged.xlsx")
    (person,) = plan_import(tmp_path / "merged.xlsx", None, pack).people
    assert (person.name, person.honours_added) == ("何一", (("sx_model", 1995), ("zj_model", 2005)))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "old Excel"),
        (b"PK\x03\x04 not really a zip", "not a readable .xlsx"),
        (bytes(range(128, 256)) * 4, "neither UTF-8 nor GBK"),
        ("这是一段说明文字，没有表头。\n第二行\n".encode(), "no header row"),
    ],
)
def test_a_file_that_is_no_directory_is_refused_whole(data: bytes, message: str, pack: Path) -> None:
    with pytest.raises(ImportFailed, match=message):
        plan_import(data, "upload.csv", pack)
