"""The 名师高徒 sheet into pairs.csv: the directory importer's reading, cleaning, refusals and
all-or-nothing write, with masters and apprentices matched to the pack's people."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from hall.importer.pairs import apply_pairs, main, plan_pairs
from hall.importer.report import ImportFailed
from hall.pack import load_catalog
from tests.support.importing import csv_rows
from tests.support.packs import write_pack
from tests.support.pairs import write_pairs

HEADER = ["师傅", "师傅单位", "徒弟", "徒弟单位", "工作室", "结对年份", "技艺", "联系电话"]
GOOD = [
    # an honoree apprentice (the master's name spaced out, the year in full-width digits)
    ["单 晓 东", "", "曾丽华", "", "陈志强劳模创新工作室", "２０１８年", "工艺优化", ""],
    # an apprentice known by name and employer
    ["曾丽华", "", "小赵", "嵊州市人民医院", "", "2021.05", "急救培训", "13812345678"],
]


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = write_pack(tmp_path / "pack")
    write_pairs(root)
    return root


def _csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    text = "\n".join(",".join(r) for r in [["2025年名师高徒结对名单"], HEADER, *rows]) + "\n"
    path.write_bytes(text.encode(encoding))
    return path


def test_a_dry_run_reports_and_writes_nothing(pack: Path, tmp_path: Path) -> None:
    before = (pack / "exhibits" / "pairs.csv").read_bytes()
    plan = plan_pairs(_csv(tmp_path / "s.csv", GOOD), pack=pack)
    assert (plan.report.pairs, plan.report.new_pairs, plan.report.changed) == (2, 2, True)
    assert plan.report.dropped_columns == ("联系电话",)  # personal: dropped, never read
    assert (pack / "exhibits" / "pairs.csv").read_bytes() == before


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk"])
def test_pairs_are_written_matched_and_load(pack: Path, tmp_path: Path, encoding: str) -> None:
    report = apply_pairs(plan_pairs(_csv(tmp_path / "s.csv", GOOD, encoding), pack=pack), pack)
    assert report.written
    assert report.backup
    rows = csv_rows(pack / "exhibits" / "pairs.csv")[-2:]
    assert [(r["id"], r["master_id"], r["apprentice_id"], r["apprentice_name"]) for r in rows] == [
        ("p0007", "t04", "t05", "曾丽华"),  # numbered on from the pack's last, p6
        ("p0008", "t05", "", "小赵"),
    ]
    assert [(r["studio_id"], r["year"], r["sample"]) for r in rows] == [
        ("w1", "2018", "false"),
        ("", "2021", "false"),
    ]
    cat = load_catalog(pack)
    assert not [p for p in cat.problems if p.file == "pairs.csv"]


def test_importing_the_same_sheet_again_changes_nothing(pack: Path, tmp_path: Path) -> None:
    sheet = _csv(tmp_path / "s.csv", GOOD)
    apply_pairs(plan_pairs(sheet, pack=pack), pack)
    after = (pack / "exhibits" / "pairs.csv").read_bytes()
    again = apply_pairs(plan_pairs(sheet, pack=pack), pack)
    assert (again.changed, again.written, again.new_pairs, again.pairs) == (False, False, 0, 2)
    assert (pack / "exhibits" / "pairs.csv").read_bytes() == after


REFUSED = [
    (["无名氏", "", "小李", "", "", "2020", "", ""], "师傅", "unknown_master"),
    (["陈志强", "", "陈志强", "", "", "2020", "", ""], "徒弟", "self_pair"),
    (["陈志强", "", "小李", "", "无此工作室", "2020", "", ""], "工作室", "unknown_studio"),
    (["陈志强", "", "小李", "", "", "1930", "", ""], "结对年份", "bad_year"),
    (["陈志强", "", "小李", "", "", "98", "", ""], "结对年份", "two_digit_year"),
    (["吕文斌", "", "小李", "", "", "1995", "", ""], "结对年份", "bad_year"),  # the master was five
    (["陈志强", "", "=HYPERLINK(1)", "", "", "2020", "", ""], "徒弟", "formula"),
    (["陈志强", "", "小李", "", "", "2020", "13812345678", ""], "技艺", "personal_data"),
    (["陈志强", "", "", "", "", "2020", "", ""], "徒弟", "no_name"),
    (
        ["吕文斌", "", "李秀英", "", "", "2023", "", ""],
        "徒弟",
        "cycle",
    ),  # 李秀英 taught 单晓东 taught 陈志强 …
]


@pytest.mark.parametrize(
    ("row", "column", "code"), REFUSED, ids=[r[2] + str(i) for i, r in enumerate(REFUSED)]
)
def test_a_row_that_cannot_be_trusted_is_refused_with_row_column_and_reason(
    pack: Path, tmp_path: Path, row: list[str], column: str, code: str
) -> None:
    plan = plan_pairs(_csv(tmp_path / "s.csv", [*GOOD, row]), pack=pack)
    assert [(i.row, i.column, i.code) for i in plan.report.rejected] == [(5, column, code)]
    assert plan.report.new_pairs == 2  # the rest is still imported
    assert "13812345678" not in json.dumps(plan.report.to_json(), ensure_ascii=False)


def test_two_masters_of_one_name_are_told_apart_by_employer(tmp_path: Path) -> None:
    people = [
        ("t01", "张伟", "男", "1960", "柯桥区", "甲厂", "技师", "机械制造", "true"),
        ("t02", "张伟", "男", "1962", "越城区", "乙厂", "技师", "机械制造", "true"),
    ]
    root = write_pack(tmp_path / "pack", honorees=people, honours=[])
    sheet = tmp_path / "s.csv"
    text = "师傅,师傅单位,徒弟,结对年份\n张伟,,小李,2020\n张伟,乙厂,小周,2020\n"
    sheet.write_text(text, encoding="utf-8")
    plan = plan_pairs(sheet, pack=root)
    assert [(i.row, i.code) for i in plan.report.rejected] == [(2, "unknown_master")]
    assert "2 honorees share that name" in plan.report.rejected[0].reason
    assert plan.report.new_pairs == 1


def test_an_xlsx_sheet_imports_like_a_csv(pack: Path, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in GOOD:
        sheet.append(row)
    book.save(tmp_path / "s.xlsx")
    assert plan_pairs(tmp_path / "s.xlsx", pack=pack).report.new_pairs == 2


def test_a_sheet_without_master_and_apprentice_columns_is_refused(pack: Path, tmp_path: Path) -> None:
    (tmp_path / "s.csv").write_text("姓名,荣誉称号\n丁卫松,浙江工匠\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="师傅 and 徒弟"):
        plan_pairs(tmp_path / "s.csv", pack=pack)


def test_the_command_line_prints_json_and_exits_1_when_not_imported(
    pack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(_csv(tmp_path / "s.csv", GOOD)), "--pack", str(pack), "--dry-run", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["new_pairs"] == 2
    (tmp_path / "bad.csv").write_text("x\n", encoding="utf-8")
    assert main([str(tmp_path / "bad.csv"), "--pack", str(pack), "--json"]) == 1
    assert "error" in json.loads(capsys.readouterr().out)
