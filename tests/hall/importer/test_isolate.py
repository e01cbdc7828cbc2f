"""A workbook parsed in a child process: what it reads comes back unchanged, and a workbook too
heavy to read is stopped at the child's memory ceiling, time limit or cell limit."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

import pytest

from hall.importer import ImportFailed
from hall.importer.guard import MB, Limits
from hall.importer.isolate import read_xlsx_apart
from hall.importer.sheets import read_table, read_xlsx
from tests.support.importing import workbook_with_sheet

HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
TAIL = b"</sheetData></worksheet>"


def test_cells_come_back_from_the_child_as_openpyxl_read_them(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["姓名", "出生年月", "时间", "分数", "人数", "在职", "备注", "致敬"])
    book.active.append(
        ["丁卫松", dt.datetime(1968, 5, 12), dt.time(9, 30), 98.5, 12, True, None, "👩‍🔧 =1+1"]
    )
    book.active.append(["何一", dt.date(1970, 1, 2), None, -3, 0, False, "", "劳模"])
    book.active.merge_cells("G2:G3")
    path = tmp_path / "values.xlsx"
    book.save(path)
    data = path.read_bytes()
    apart = read_xlsx_apart(data, "values.xlsx")
    assert [(s.name, s.rows) for s in apart] == [(s.name, s.rows) for s in read_xlsx(data, "values.xlsx")]
    assert apart[0].rows[1][1] == dt.datetime(1968, 5, 12)


def test_two_cells_far_apart_are_refused_before_their_grid_is_built(tmp_path: Path) -> None:
    far = (
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
        b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    )
    data = workbook_with_sheet(tmp_path / "far.xlsx", [HEAD + far, b"", TAIL]).read_bytes()
    with pytest.raises(ImportFailed, match=r"spans 1,048,576 rows × 16,384 columns"):
        read_xlsx_apart(data, "far.xlsx")


ROW = b'<row><c t="inlineStr"><is><t>x</t></is></c><c><v>1</v></c></row>'


def test_a_child_over_its_memory_ceiling_is_stopped_with_a_reason(tmp_path: Path) -> None:
    data = workbook_with_sheet(tmp_path / "heavy.xlsx", [HEAD, ROW, TAIL], repeat=40_000).read_bytes()
    assert read_xlsx_apart(data, "heavy.xlsx")[0].rows[-1] == ["x", 1]  # within the default ceiling
    with pytest.raises(ImportFailed, match="needed more than 64 MB of memory"):
        read_xlsx_apart(data, "heavy.xlsx", Limits(memory_bytes=64 * MB))


def test_a_child_over_its_time_limit_is_stopped_with_a_reason(tmp_path: Path) -> None:
    data = workbook_with_sheet(tmp_path / "slow.xlsx", [HEAD, ROW, TAIL], repeat=300_000).read_bytes()
    with pytest.raises(ImportFailed, match="took longer than 1 s"):
        read_xlsx_apart(data, "slow.xlsx", Limits(seconds=1))


def test_a_csv_with_too_many_cells_is_refused_as_it_is_read() -> None:
    data = ("姓名,荣誉称号\n" + "张三,省劳模\n" * 10).encode()
    assert len(read_table(data, "ok.csv", Limits(cells=22))[0].rows) == 11
    with pytest.raises(ImportFailed, match="more than 21 cells"):
        read_table(data, "big.csv", Limits(cells=21))


def test_the_child_gets_none_of_the_servers_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HALL_ADMIN_PASSWORD", "secret-pw")
    monkeypatch.setenv("HALL_DATABASE_URL", "postgresql+psycopg://hall:pw@127.0.0.1/hall")
    real_run = subprocess.run
    given: dict[str, str] = {}

    def spy(*args: Any, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
        given.update(kwargs["env"])
        return real_run(*args, **kwargs)

    monkeypatch.setattr(subprocess, "run", spy)
    data = workbook_with_sheet(tmp_path / "env.xlsx").read_bytes()
    assert read_xlsx_apart(data, "env.xlsx")[0].rows == [["姓名", "荣誉称号"]]
    assert given["PYTHONPATH"], "the spy saw the child's environment"
    assert not [name for name in given if name.startswith("HALL_")]
