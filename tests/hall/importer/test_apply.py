"""Writing a plan: the messy directory becomes exactly the expected pack, all or nothing, and a
re-import changes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hall.importer import apply_import, plan_import
from hall.pack import load_catalog
from hall.pack import write as packwrite
from hall.pack.schema import HONOREE
from tests.support.importing import csv_rows, messy_file, snapshot
from tests.support.packs import REPO

HONOREE_HEADER = ",".join(HONOREE.columns)  # written in the schema's own column order

EXPECTED_CHANGED_OR_NEW = [
    # id, name, gender, birth, district, employer, position, industry, deeds (None: unchanged), sample
    ("t02", "孙美娟", "女", "1972", "越城区", "绍兴市第一医院", "护士长", "医疗卫生", None, "true"),
    ("i00010", "陈建华", "男", "1968", "绍兴县", "绍兴市纺织机械厂", "车间主任", "纺织印染",
     "他改进织机12台。\n他带出徒弟20名。", "false"),
    ("i00011", "王丽", "女", "1975", "嵊县", "嵊州市人民医院", "内科主任、主任医师", "医疗卫生",
     "她扎根基层二十年。", "false"),
    ("i00012", "赵小明", "男", "1980", "诸暨市", "诸暨市绿康果蔬专业合作社", "理事", "农业", "", "false"),
    ("i00013", "郑海涛", "男", "1985", "柯桥区", "浙江某某建设集团", "项目经理", "建筑", "", "false"),
    ("i00014", "马丁", "女", "1960", "越城区", "东湖村党支部书记", "", "基层治理", "", "false"),
    ("i00015", "丁小军", "男", "1986", "越城区", "绍兴市城建档案馆", "馆长", "公共管理", "", "false"),
    ("i00016", "林慧", "女", "1978", "", "", "", "", "", "false"),
    ("i00017", "徐可", "", "1990", "新昌县", "新昌县某某公司", "技术员", "机械制造", "", "false"),
    ("i00018", "顾建新", "男", "1962", "越城区", "", "", "", "", "false"),
]  # fmt: skip


EXPECTED_HONOURS = [
    ("t01", "sx_model", "1989"),
    ("t02", "zj_model", "2010"),  # the pack's undated honour got its year
    ("t03", "sx_model", "1979"),
    ("t04", "zj_model", "1995"),
    ("t05", "sx_model", "2015"),
    ("i00007", "sx_model", "2000"),
    ("i00010", "zj_model", "1985"),
    ("i00010", "national_model", "1989"),
    ("i00011", "national_may1", "2017"),
    ("i00012", "zj_model", "2020"),
    ("t01", "zj_model", "1995"),
    ("i00013", "zj_model", "2019"),
    ("i00007", "county_model", "1995"),
    ("i00014", "sx_model", "1985"),
    ("i00015", "sx_craftsman", "2021"),
    ("i00016", "sx_model", "2015"),
    ("i00017", "zj_craftsman", "2019"),
    ("i00018", "national_model", "2000"),
]


@pytest.mark.parametrize("kind", ["xlsx", "utf8_bom", "utf8", "gbk"])
def test_messy_directory_imports_to_the_expected_pack(kind: str, pack: Path, tmp_path: Path) -> None:
    before = {row["id"]: row for row in csv_rows(pack / "exhibits" / "honorees.csv")}
    report = apply_import(plan_import(messy_file(kind, tmp_path), None, pack), pack)

    assert report.written
    people = csv_rows(pack / "exhibits" / "honorees.csv")
    assert (pack / "exhibits" / "honorees.csv").read_text(encoding="utf-8").splitlines()[0] == HONOREE_HEADER
    expected = {}
    for (
        hid,
        name,
        gender,
        birth,
        district,
        employer,
        position,
        industry,
        deeds,
        sample,
    ) in EXPECTED_CHANGED_OR_NEW:
        old = before.get(hid, {})
        expected[hid] = {
            **{c: "" for c in HONOREE_HEADER.split(",")},
            **old,
            "id": hid,
            "name": name,
            "gender": gender,
            "birth_year": birth,
            "district": district,
            "employer": employer,
            "position": position,
            "industry": industry,
            "deeds": old["deeds"] if deeds is None else deeds,
            "sample": sample,
        }
    unchanged = [row for row in people if row["id"] not in expected]
    assert unchanged == [row for hid, row in before.items() if hid not in expected]
    assert [row for row in people if row["id"] in expected] == [
        expected[hid] for hid in before if hid in expected
    ] + [expected[hid] for hid in expected if hid not in before]
    honours = [(r["honoree_id"], r["honour"], r["year"]) for r in csv_rows(pack / "exhibits" / "honours.csv")]
    assert honours == EXPECTED_HONOURS
    assert (pack / "exhibits" / "ids.yaml").read_text(encoding="utf-8").endswith("prefix: i\nlast: 18\n")
    # And the hall loads it without a single problem about the imported rows.
    cat = load_catalog(pack)
    mine = [p for p in cat.problems if p.file in ("honorees.csv", "honours.csv")]
    assert [p.column for p in mine] == ["industry"]
    assert "公共管理" in mine[0].reason  # reported on import too
    assert [x.code for x in cat.honoree("i00010").honours] == ["zj_model", "national_model"]
    assert cat.honoree("i00010").eras == ("reform",)
    assert cat.honoree("i00010").district_code == "330603"


def test_a_failure_while_swapping_files_leaves_the_old_pack_intact(
    pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_import(messy_file("xlsx", tmp_path), None, pack)
    before = snapshot(pack)
    real_replace = os.replace
    calls = []

    def replace_then_fail(src: object, dst: object) -> None:
        calls.append(dst)
        if len(calls) > 1:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_then_fail)
    with pytest.raises(packwrite.PackWriteFailed, match="previous files are back"):
        apply_import(plan, pack)
    monkeypatch.undo()

    assert len(calls) == 2  # one file had really been replaced before the failure
    assert snapshot(pack) == before
    assert not (pack / "exhibits" / ".backup" / packwrite.JOURNAL).exists()
    assert list((pack / "exhibits" / ".backup").glob("staging-*")) == []
    assert packwrite.backups(pack) == []


def test_a_crash_mid_write_is_rolled_back_when_the_pack_is_next_opened(pack: Path, tmp_path: Path) -> None:
    source = messy_file("utf8_bom", tmp_path)
    before = snapshot(pack)
    # A real crash: the process dies between the first and the second file, no handler runs.
    crash = f"""
import os, sys
sys.path.insert(0, {str(REPO)!r})
from hall.importer import plan_import, apply_import
real, n = os.replace, [0]
def dying_replace(src, dst):
    if "staging-" in str(src):
        n[0] += 1
        if n[0] == 2:
            os._exit(70)
    real(src, dst)
os.replace = dying_replace
apply_import(plan_import({str(source)!r}, None, {str(pack)!r}), {str(pack)!r})
"""
    done = subprocess.run([sys.executable, "-c", crash], capture_output=True, text=True, timeout=120)
    assert done.returncode == 70, done.stderr
    torn = snapshot(pack)
    assert torn["honorees.csv"] != before["honorees.csv"]  # the crash really tore the pack …
    assert torn["honours.csv"] == before["honours.csv"]

    load_catalog(pack)  # … and opening it puts the previous files back

    assert snapshot(pack) == before
    assert not (pack / "exhibits" / ".backup" / packwrite.JOURNAL).exists()
    assert packwrite.recover(pack) is False


def test_a_failure_while_preparing_changes_nothing(
    pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_import(messy_file("xlsx", tmp_path), None, pack)
    before = snapshot(pack)
    real = packwrite._copy_synced
    monkeypatch.setattr(packwrite, "_copy_synced", lambda *a: (_ for _ in ()).throw(OSError(5, "I/O error")))
    with pytest.raises(packwrite.PackWriteFailed, match="could not prepare"):
        apply_import(plan, pack)
    monkeypatch.setattr(packwrite, "_copy_synced", real)
    assert snapshot(pack) == before
    assert [p.name for p in (pack / "exhibits" / ".backup").iterdir() if p.name != ".lock"] == []


def test_the_previous_files_are_kept_as_a_backup(pack: Path, tmp_path: Path) -> None:
    before = snapshot(pack)
    report = apply_import(plan_import(messy_file("xlsx", tmp_path), None, pack), pack)
    (backup,) = packwrite.backups(pack)
    assert str(backup.path) == report.backup
    assert backup.path.parent == pack / "exhibits" / ".backup"
    assert set(backup.files) == {"honorees.csv", "honours.csv", "ids.yaml"}
    for name in backup.files:
        assert (backup.path / name).read_bytes() == before[name]


def test_a_plan_made_before_someone_else_changed_the_pack_is_not_written(pack: Path, tmp_path: Path) -> None:
    plan = plan_import(messy_file("xlsx", tmp_path), None, pack)
    with (pack / "exhibits" / "honours.csv").open("a", encoding="utf-8") as f:
        f.write("t01,zj_craftsman,2019\n")
    edited = snapshot(pack)
    with pytest.raises(packwrite.PackChanged):
        apply_import(plan, pack)
    assert snapshot(pack) == edited


def test_reimporting_the_same_file_changes_nothing(pack: Path, tmp_path: Path) -> None:
    source = messy_file("gbk", tmp_path)
    apply_import(plan_import(source, None, pack), pack)
    after = snapshot(pack)
    mtimes = {p.name: p.stat().st_mtime_ns for p in (pack / "exhibits").iterdir() if p.is_file()}

    again = plan_import(source, None, pack)
    report = apply_import(again, pack)

    assert (report.changed, report.written, report.new_persons, report.honours_added) == (False, False, 0, 0)
    assert again.files == ()
    assert snapshot(pack) == after
    assert {p.name: p.stat().st_mtime_ns for p in (pack / "exhibits").iterdir() if p.is_file()} == mtimes
    assert len(packwrite.backups(pack)) == 1
