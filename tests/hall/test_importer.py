"""The directory importer: a messy 名录 becomes exactly the expected pack, safely and privately."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hall.importer import (
    ImportFailed,
    apply_import,
    clean_name,
    is_personal_header,
    main,
    parse_year,
    plan_import,
    split_employer,
)
from hall.pack import load_catalog
from hall.pack import write as packwrite
from tests.fixtures import messy
from tests.support.packs import REPO, write_pack

# What the messy fixture turns into: every column of every new or changed row, exactly.
HONOREE_HEADER = (
    "id,name,name_en,gender,birth_year,district,employer,position,industry,deeds,quote,portrait,sample,source"
)
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
EXPECTED_REJECTED = [
    (10, "姓名", "no_name"),
    (11, "获评年份", "impossible_year"),
    (12, "获评年份", "two_digit_year"),
    (13, "荣誉称号", "unknown_honour"),
    (14, "所在区县", "unknown_district"),
    (15, "主要事迹", "phone"),
    (16, "主要事迹", "id_number"),
    (17, "姓名", "ambiguous_person"),
    (25, "获评年份", "before_honour_existed"),
]
EXPECTED_WARNINGS = [
    (None, "", "ignored_columns"),
    (7, "", "duplicate"),
    (20, "", "year_filled"),
    (21, "", "namesake"),
    (23, "", "duplicate"),
    (24, "工作单位及职务", "employer_not_split"),
    (26, "行业", "unknown_industry"),
    (27, "所在区县", "city_only"),
    (28, "性别", "unknown_gender"),
]
PACK_FILES = ("honorees.csv", "honours.csv", "ids.yaml", "collectives.csv", "studios.csv", "hall.yaml")


def _fixture(kind: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "xlsx":
        return messy.write_xlsx(folder / "messy.xlsx")
    encoding = {"utf8_bom": "utf-8-sig", "utf8": "utf-8", "gbk": "gbk"}[kind]
    return messy.write_csv(folder / f"messy_{kind}.csv", encoding)


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return messy.base_pack(tmp_path / "pack")


def _snapshot(pack: Path) -> dict[str, bytes]:
    exhibits = pack / "exhibits"
    return {name: (exhibits / name).read_bytes() for name in PACK_FILES if (exhibits / name).exists()}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


# ---------------------------------------------------------------------------------------
# The messy file, in every format, imports to exactly the expected pack
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["xlsx", "utf8_bom", "utf8", "gbk"])
def test_messy_directory_imports_to_the_expected_pack(kind: str, pack: Path, tmp_path: Path) -> None:
    before = {row["id"]: row for row in _rows(pack / "exhibits" / "honorees.csv")}
    report = apply_import(plan_import(_fixture(kind, tmp_path), None, pack), pack)

    assert report.written
    people = _rows(pack / "exhibits" / "honorees.csv")
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
    honours = [(r["honoree_id"], r["honour"], r["year"]) for r in _rows(pack / "exhibits" / "honours.csv")]
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


@pytest.mark.parametrize("kind", ["xlsx", "utf8_bom", "gbk"])
def test_report_lists_every_rejection_duplicate_and_dropped_column(
    kind: str, pack: Path, tmp_path: Path
) -> None:
    report = plan_import(_fixture(kind, tmp_path), None, pack).report
    assert (report.persons, report.honours) == (12, 14)
    assert (report.new_persons, report.existing_persons, report.honours_added) == (9, 3, 12)
    assert [(i.row, i.column, i.code) for i in report.rejected] == EXPECTED_REJECTED
    assert report.duplicates == (7, 23)
    assert report.dropped_columns == ("身份证号码", "联系电话", "家庭住址")
    assert [(i.row, i.column, i.code) for i in report.warnings] == EXPECTED_WARNINGS
    assert report.rejected_rows == (10, 11, 12, 13, 14, 15, 16, 17, 25)


def test_the_committed_fixture_files_are_what_the_builder_writes(tmp_path: Path) -> None:
    for kind, name in (("utf8_bom", "messy_utf8.csv"), ("gbk", "messy_gbk.csv")):
        assert _fixture(kind, tmp_path).read_bytes() == (messy.HERE / name).read_bytes()
    import openpyxl

    def cells(path: Path) -> list[tuple[object, ...]]:
        return list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))

    assert cells(messy.HERE / "messy.xlsx") == cells(_fixture("xlsx", tmp_path))


# ---------------------------------------------------------------------------------------
# Personal data never lands anywhere
# ---------------------------------------------------------------------------------------


def _leaks(*folders: Path) -> list[str]:
    """Every (file, value) where a fixture's personal value appears, in UTF-8 or GBK."""
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            if not path.is_file():
                continue
            data = path.read_bytes()
            for value in messy.PERSONAL_VALUES:
                for encoding in ("utf-8", "gb18030", "utf-16-le"):
                    if value.encode(encoding) in data:
                        found.append(f"{path.relative_to(folder)}: {value}")
    return found


def test_no_personal_value_lands_in_the_pack_the_data_folder_or_the_report(
    pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _fixture("gbk", tmp_path / "in")
    data_dir = tmp_path / "data"
    monkeypatch.setenv("HALL_DATA", str(data_dir))
    monkeypatch.setenv("HALL_PACK", str(pack))

    assert main([str(source), "--dry-run", "--json"]) == 0
    # A failed import: the swap breaks half-way and is rolled back.
    real_replace = os.replace
    with monkeypatch.context() as m:
        m.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError(28, "No space left on device")))
        assert main([str(source), "--json"]) == 1
    assert os.replace is real_replace
    assert main([str(source), "--json"]) == 0
    assert main([str(source)]) == 0
    load_catalog(pack, data_dir=data_dir)  # the catalogue cache in the data folder, too
    out = capsys.readouterr()

    assert _leaks(pack, data_dir) == []
    assert [v for v in messy.PERSONAL_VALUES if v in out.out + out.err] == []
    assert not any(p.is_file() for p in (pack / "exhibits" / ".backup").rglob("staging-*/*"))


@pytest.mark.parametrize(
    ("header", "personal"),
    [
        ("身份证号码", True),
        ("公民身份号码", True),
        ("身份证号", True),
        ("联系电话", True),
        ("手机号码", True),
        ("家庭住址", True),
        ("通讯地址", True),
        ("电子邮箱", True),
        ("银行账号", True),
        ("民族", True),
        ("政治面貌", True),
        ("Phone", True),
        ("E-mail", True),
        ("姓名", False),
        ("出生年月", False),
        ("所在区县", False),
        ("地区", False),
        ("主要事迹", False),
    ],
)
def test_personal_columns_are_recognised_by_their_header(header: str, personal: bool) -> None:
    assert is_personal_header(header) is personal


def test_a_personal_value_is_refused_without_being_quoted(pack: Path) -> None:
    text = "姓名,荣誉称号,获评年份,主要事迹\n赵六,省劳模,2005,电话 0575-88001122 欢迎来访\n"
    report = plan_import(text.encode(), "x.csv", pack).report
    assert [(i.row, i.column, i.code) for i in report.rejected] == [(2, "主要事迹", "phone")]
    assert "88001122" not in json.dumps(report.to_json(), ensure_ascii=False)


# ---------------------------------------------------------------------------------------
# All or nothing
# ---------------------------------------------------------------------------------------


def test_a_failure_while_swapping_files_leaves_the_old_pack_intact(
    pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_import(_fixture("xlsx", tmp_path), None, pack)
    before = _snapshot(pack)
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
    assert _snapshot(pack) == before
    assert not (pack / "exhibits" / ".backup" / packwrite.JOURNAL).exists()
    assert list((pack / "exhibits" / ".backup").glob("staging-*")) == []
    assert packwrite.backups(pack) == []


def test_a_crash_mid_write_is_rolled_back_when_the_pack_is_next_opened(pack: Path, tmp_path: Path) -> None:
    source = _fixture("utf8_bom", tmp_path)
    before = _snapshot(pack)
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
    torn = _snapshot(pack)
    assert torn["honorees.csv"] != before["honorees.csv"]  # the crash really tore the pack …
    assert torn["honours.csv"] == before["honours.csv"]

    load_catalog(pack)  # … and opening it puts the previous files back

    assert _snapshot(pack) == before
    assert not (pack / "exhibits" / ".backup" / packwrite.JOURNAL).exists()
    assert packwrite.recover(pack) is False


def test_a_failure_while_preparing_changes_nothing(
    pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = plan_import(_fixture("xlsx", tmp_path), None, pack)
    before = _snapshot(pack)
    real = packwrite._copy_synced
    monkeypatch.setattr(packwrite, "_copy_synced", lambda *a: (_ for _ in ()).throw(OSError(5, "I/O error")))
    with pytest.raises(packwrite.PackWriteFailed, match="could not prepare"):
        apply_import(plan, pack)
    monkeypatch.setattr(packwrite, "_copy_synced", real)
    assert _snapshot(pack) == before
    assert [p.name for p in (pack / "exhibits" / ".backup").iterdir() if p.name != ".lock"] == []


def test_the_previous_files_are_kept_as_a_backup(pack: Path, tmp_path: Path) -> None:
    before = _snapshot(pack)
    report = apply_import(plan_import(_fixture("xlsx", tmp_path), None, pack), pack)
    (backup,) = packwrite.backups(pack)
    assert str(backup.path) == report.backup
    assert backup.path.parent == pack / "exhibits" / ".backup"
    assert set(backup.files) == {"honorees.csv", "honours.csv", "ids.yaml"}
    for name in backup.files:
        assert (backup.path / name).read_bytes() == before[name]


def test_a_plan_made_before_someone_else_changed_the_pack_is_not_written(pack: Path, tmp_path: Path) -> None:
    plan = plan_import(_fixture("xlsx", tmp_path), None, pack)
    with (pack / "exhibits" / "honours.csv").open("a", encoding="utf-8") as f:
        f.write("t01,zj_craftsman,2019\n")
    edited = _snapshot(pack)
    with pytest.raises(packwrite.PackChanged):
        apply_import(plan, pack)
    assert _snapshot(pack) == edited


# ---------------------------------------------------------------------------------------
# Re-import, ids
# ---------------------------------------------------------------------------------------


def test_reimporting_the_same_file_changes_nothing(pack: Path, tmp_path: Path) -> None:
    source = _fixture("gbk", tmp_path)
    apply_import(plan_import(source, None, pack), pack)
    after = _snapshot(pack)
    mtimes = {p.name: p.stat().st_mtime_ns for p in (pack / "exhibits").iterdir() if p.is_file()}

    again = plan_import(source, None, pack)
    report = apply_import(again, pack)

    assert (report.changed, report.written, report.new_persons, report.honours_added) == (False, False, 0, 0)
    assert again.files == ()
    assert _snapshot(pack) == after
    assert {p.name: p.stat().st_mtime_ns for p in (pack / "exhibits").iterdir() if p.is_file()} == mtimes
    assert len(packwrite.backups(pack)) == 1


def test_a_deleted_persons_id_is_never_given_again(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "pack")
    first = "姓名,出生年月,荣誉称号,获评年份\n甲一,1960,省劳模,1990\n乙二,1961,省劳模,1991\n"
    apply_import(plan_import(first.encode(), "a.csv", pack), pack)
    people = _rows(pack / "exhibits" / "honorees.csv")
    assert [p["id"] for p in people if p["name"] in ("甲一", "乙二")] == ["i00001", "i00002"]
    # A curator deletes 乙二 by hand; the next new person must not inherit i00002.
    lines = (pack / "exhibits" / "honorees.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (pack / "exhibits" / "honorees.csv").write_text(
        "".join(line for line in lines if "乙二" not in line), encoding="utf-8"
    )
    plan = plan_import("姓名,荣誉称号\n丙三,市劳模\n".encode(), "b.csv", pack)
    assert [(p.id, p.name, p.new) for p in plan.people] == [("i00003", "丙三", True)]


def test_an_id_column_matches_people_already_in_the_pack(pack: Path) -> None:
    text = "id,姓名,荣誉称号,获评年份\nt03,吴国平,省劳模,1999\nt04,周文斌,省劳模,1999\nzz9,某某,省劳模,1999\n"
    plan = plan_import(text.encode(), "ids.csv", pack)
    assert [(p.id, p.new, p.honours_added) for p in plan.people] == [("t03", False, (("zj_model", 1999),))]
    assert [(i.row, i.code) for i in plan.report.rejected] == [(3, "id_mismatch"), (4, "unknown_id")]


# ---------------------------------------------------------------------------------------
# Normalisation, table-driven
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1985", (1985, "")),
        ("1985年", (1985, "")),
        ("1985年度", (1985, "")),
        ("１９８５", (1985, "")),
        ("１９８５年度", (1985, "")),
        ("一九八五年", (1985, "")),
        ("1968.05", (1968, "")),
        ("1968-05", (1968, "")),
        ("1968/5", (1968, "")),
        ("1968-05-12", (1968, "")),
        ("1968年5月", (1968, "")),
        ("1968年05月12日", (1968, "")),
        ("19680512", (1968, "")),
        ("196805", (1968, "")),
        ("1985.0", (1985, "")),
        (1985, (1985, "")),
        (1985.0, (1985, "")),
        (1968.05, (1968, "")),
        (dt.datetime(1968, 5, 12), (1968, "")),
        (dt.date(1968, 5, 12), (1968, "")),
        ("", (None, "")),
        (None, (None, "")),
        ("85", (None, "two_digit_year")),
        ("85年", (None, "two_digit_year")),
        ("1980年代", (None, "decade")),
        ("1985-1990", (None, "range")),
        ("1968.13", (None, "bad_year")),
        ("不详", (None, "bad_year")),
        ("25569", (None, "bad_year")),
    ],
)
def test_years_are_read_however_offices_wrote_them(value: object, expected: tuple[int | None, str]) -> None:
    assert parse_year(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("绍兴市城建档案馆 馆长", ("绍兴市城建档案馆", "馆长", True)),
        ("绍兴 柯桥 排水有限公司 高级技师", ("绍兴柯桥排水有限公司", "高级技师", True)),
        ("诸暨市绿康果蔬专业合作社，理事", ("诸暨市绿康果蔬专业合作社", "理事", True)),
        ("某公司/总经理", ("某公司", "总经理", True)),
        ("嵊州市人民医院内科主任、主任医师", ("嵊州市人民医院", "内科主任、主任医师", True)),
        ("浙江医药股份有限公司昌海生物分公司副总裁", ("浙江医药股份有限公司昌海生物分公司", "副总裁", True)),
        ("国网诸暨市供电公司枫桥供电所党支部书记", ("国网诸暨市供电公司枫桥供电所", "党支部书记", True)),
        ("绍兴市蕺山中心小学校长、高级教师", ("绍兴市蕺山中心小学", "校长、高级教师", True)),
        ("某某纺织厂副厂长", ("某某纺织厂副厂长", "", False)),
        ("东湖村党支部书记", ("东湖村党支部书记", "", False)),
        ("绍兴市第一医院", ("绍兴市第一医院", "", False)),
        ("", ("", "", True)),
    ],
)
def test_employer_and_position_are_cut_only_where_the_cut_is_clear(
    text: str, expected: tuple[str, str, bool]
) -> None:
    assert split_employer(text) == expected


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("陈 建 华", "陈建华"),
        ("王\u3000丽", "王丽"),
        (" 丁卫松 ", "丁卫松"),
        ("阿依古丽 • 买买提", "阿依古丽·买买提"),
        ("丁\u200b卫松", "丁卫松"),
        ("John  Smith", "John Smith"),
    ],
)
def test_names_lose_stray_spaces(raw: str, clean: str) -> None:
    assert clean_name(raw) == clean


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("省劳模", "zj_model"),
        ("浙江省劳模", "zj_model"),
        ("浙江省劳动模范", "zj_model"),
        ("浙江省劳动模范称号", "zj_model"),
        ("浙江省劳动模范获得者", "zj_model"),
        (" 省 劳 模 ", "zj_model"),
        ("zj_model", "zj_model"),
        ("Zhejiang Model Worker", "zj_model"),
        ("全国劳动模范称号获得者", "national_model"),
        ("全国五一劳动奖章获得者", "national_may1"),
        ("浙江省五一劳动奖章", "zj_may1"),
        ("县(市、区)劳动模范", "county_model"),
        ("县（市、区）劳动模范", "county_model"),
        ("最美浙江人·最美工匠", "zj_craftsman"),
        ("荣获绍兴工匠称号", "sx_craftsman"),
    ],
)
def test_an_honour_written_any_known_way_finds_its_code(written: str, code: str, pack: Path) -> None:
    text = f"姓名,荣誉称号,获评年份\n张三,{written},2020\n"
    (person,) = plan_import(text.encode("utf-8"), "h.csv", pack).people
    assert person.honours_added == ((code, 2020),)


@pytest.mark.parametrize(
    ("written", "code"),
    [("优秀共产党员", "unknown_honour"), ("全国工人先锋号", "collective_honour"), ("劳模", "unknown_honour")],
)
def test_an_honour_the_hall_does_not_know_rejects_the_row(written: str, code: str, pack: Path) -> None:
    text = f"姓名,荣誉称号,获评年份\n张三,{written},2020\n"
    assert [i.code for i in plan_import(text.encode(), "h.csv", pack).report.rejected] == [code]


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("柯桥区", "柯桥区"),
        ("绍兴县", "绍兴县"),
        ("上虞市", "上虞市"),
        ("诸暨", "诸暨市"),
        ("浙江省绍兴市柯桥区", "柯桥区"),
        ("绍兴市越城区", "越城区"),
        ("浙江绍兴嵊州市", "嵊州市"),
        ("绍兴市城区", "绍兴市城区"),
        (" 嵊 县 ", "嵊县"),
    ],
)
def test_districts_are_found_by_current_former_or_short_name(written: str, printed: str, pack: Path) -> None:
    text = f"姓名,所在区县,荣誉称号\n张三,{written},省劳模\n"
    (person,) = plan_import(text.encode(), "d.csv", pack).people
    assert person.district == printed


# ---------------------------------------------------------------------------------------
# Odd files
# ---------------------------------------------------------------------------------------


def test_english_field_names_work_as_headers(pack: Path) -> None:
    text = (
        "name,gender,birth_year,district,employer,position,industry,honour,year\n"
        "张三,male,1970,越城区,某厂,钳工,化工,zj_model,2001\n"
    )
    (person,) = plan_import(text.encode(), "e.csv", pack).people
    assert (person.name, person.gender, person.employer, person.position) == ("张三", "男", "某厂", "钳工")


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


# ---------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------


def test_cli_dry_run_prints_the_report_as_json_and_writes_nothing(
    pack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(pack)
    assert main([str(_fixture("xlsx", tmp_path)), "--pack", str(pack), "--dry-run", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {"persons", "honours", "rejected", "duplicates", "dropped_columns", "warnings"} <= set(report)
    assert (report["persons"], report["honours"], report["duplicates"]) == (12, 14, [7, 23])
    assert report["rejected"][0] == {
        "row": 10,
        "column": "姓名",
        "reason": "no name",
        "code": "no_name",
        "sheet": "名录",
    }
    assert (report["changed"], report["written"]) == (True, False)
    assert _snapshot(pack) == before


def test_cli_imports_and_says_so_in_plain_words(pack: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "hall.importer", str(_fixture("gbk", tmp_path)), "--pack", str(pack)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "people: 12 (new 9, in the pack 3)" in done.stdout
    assert "personal columns dropped, never read: 身份证号码, 联系电话, 家庭住址" in done.stdout
    assert "row 12 [获评年份]: two-digit year" in done.stdout
    assert "previous files are kept in" in done.stdout


def test_cli_reports_an_unreadable_file_with_exit_status_1(
    pack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    assert main([str(tmp_path / "old.xls"), "--pack", str(pack), "--json"]) == 1
    assert "old Excel" in json.loads(capsys.readouterr().out)["error"]


def test_report_json_has_the_documented_shape(pack: Path) -> None:
    report = plan_import("姓名,荣誉称号\n张三,省劳模\n".encode(), "s.csv", pack).report
    assert list(report.to_json())[:6] == [
        "persons",
        "honours",
        "rejected",
        "duplicates",
        "dropped_columns",
        "warnings",
    ]
