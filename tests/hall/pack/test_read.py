"""The catalogue loads a pack, reports every bad row plainly and keeps every good one."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from hall.errors import HonoreeNotFound, PackError
from hall.pack import load_catalog
from tests.support.packs import HONOREES, HONOURS, write_pack


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return write_pack(tmp_path / "pack")


def _problems(cat) -> list[tuple[str, int | None, str]]:
    return [(p.file, p.line, p.column) for p in cat.problems]


def test_good_pack_loads_every_record_without_problems(pack: Path) -> None:
    cat = load_catalog(pack)
    assert [h.id for h in cat.honorees] == [row[0] for row in HONOREES]
    assert cat.problems == ()
    assert len(cat.collectives) == 1
    assert len(cat.studios) == 1
    assert cat.milestones[0].year == 1950


@pytest.mark.parametrize(
    ("honoree_id", "eras", "primary"),
    [
        ("t02", ("revolution", "reform"), "revolution"),
        ("t03", ("revolution",), "revolution"),
        ("t01", ("new_era",), "new_era"),
        ("t04", ("reform",), "reform"),
    ],
)
def test_era_of_each_honour_comes_from_its_year(
    pack: Path, honoree_id: str, eras: tuple[str, ...], primary: str
) -> None:
    h = load_catalog(pack).honoree(honoree_id)
    assert h.eras == eras
    assert h.primary_era == primary


def test_honour_without_a_known_year_is_kept_last_and_has_no_era(pack: Path) -> None:
    h = load_catalog(pack).honoree("t01")
    assert [(x.code, x.year, x.era) for x in h.honours] == [
        ("zj_craftsman", 2018, "new_era"),
        ("zj_model", None, ""),
    ]


@pytest.mark.parametrize(
    ("honoree_id", "printed", "adcode"),
    [
        ("t02", "绍兴县", "330603"),
        ("t03", "诸暨县", "330681"),
        ("t04", "上虞市", "330604"),
        ("t06", "越城区", "330602"),
    ],
)
def test_former_district_name_resolves_to_todays_district_and_is_kept_as_printed(
    pack: Path, honoree_id: str, printed: str, adcode: str
) -> None:
    h = load_catalog(pack).honoree(honoree_id)
    assert (h.district, h.district_code) == (printed, adcode)


def test_groups_and_flags_are_derived_from_honours(pack: Path) -> None:
    cat = load_catalog(pack)
    assert cat.honoree("t02").best_level == 0  # national
    assert cat.honoree("t06").is_craftsman
    assert not cat.honoree("t02").is_craftsman
    assert {h.id for h in cat.craftsmen} == {"t01", "t06", "t07"}
    assert {h.id for h in cat.members("era", "revolution")} == {"t02", "t03"}
    assert cat.count("district", "330603") == 2


def test_name_en_is_derived_as_pinyin_when_blank(pack: Path) -> None:
    cat = load_catalog(pack)
    assert cat.honoree("t01").name_en == "Ding Weisong"
    assert cat.honoree("t04").name_en.lower().startswith("shan")  # 单 read as a surname


def test_unknown_id_raises_honoree_not_found(pack: Path) -> None:
    with pytest.raises(HonoreeNotFound):
        load_catalog(pack).honoree("nobody")


def test_missing_honorees_file_is_a_clear_pack_error(pack: Path) -> None:
    (pack / "exhibits" / "honorees.csv").unlink()
    with pytest.raises(PackError, match=r"honorees\.csv: file is missing"):
        load_catalog(pack)


def test_missing_hall_yaml_is_a_clear_pack_error(pack: Path) -> None:
    (pack / "exhibits" / "hall.yaml").unlink()
    with pytest.raises(PackError, match=r"hall\.yaml: file is missing"):
        load_catalog(pack)


def test_missing_optional_file_is_reported_and_the_rest_loads(pack: Path) -> None:
    (pack / "exhibits" / "studios.csv").unlink()
    cat = load_catalog(pack)
    assert ("studios.csv", None, "") in _problems(cat)
    assert "file is missing" in str(cat.problems[0])
    assert len(cat.honorees) == len(HONOREES)


def test_wrong_column_is_reported_with_file_and_column(pack: Path) -> None:
    path = pack / "exhibits" / "honours.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("year", "yr", 1), encoding="utf-8")
    cat = load_catalog(pack)
    assert ("honours.csv", 1, "year") in _problems(cat)
    assert "required column is missing" in str(cat.problems[0])
    assert len(cat.honorees) == len(HONOREES)


def _duplicate_column(path: Path, column: str, value: str) -> None:
    """Add a second `column` at the end of the file, holding `value` in every row."""
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([[*rows[0], column], *([*r, value] for r in rows[1:])])


def test_a_column_named_twice_is_reported_and_neither_copy_is_read(pack: Path) -> None:
    path = pack / "exhibits" / "honorees.csv"
    header = next(csv.reader(path.open(encoding="utf-8")))
    _duplicate_column(path, "employer", "另一家单位")
    cat = load_catalog(pack)
    (problem,) = cat.problems
    first, second = header.index("employer") + 1, len(header) + 1
    assert (problem.file, problem.line, problem.column) == ("honorees.csv", 1, "employer")
    assert f"column named 2 times (columns {first} and {second}): ambiguous" in problem.reason
    assert len(cat.honorees) == len(HONOREES)  # every row still loads
    assert {h.employer for h in cat.honorees} == {""}  # neither the first copy nor the last wins


def test_a_required_column_named_twice_refuses_the_file(pack: Path) -> None:
    _duplicate_column(pack / "exhibits" / "honorees.csv", "name", "某某")
    with pytest.raises(
        PackError, match=r"honorees\.csv:1 \[name\]: column named 2 times .*the file is not read"
    ):
        load_catalog(pack)


def test_a_required_column_named_twice_in_an_optional_file_skips_it(pack: Path) -> None:
    _duplicate_column(pack / "exhibits" / "honours.csv", "honour", "sx_model")
    cat = load_catalog(pack)
    assert [(p.file, p.column) for p in cat.problems] == [("honours.csv", "honour")]
    assert sum(len(h.honours) for h in cat.honorees) == 0


@pytest.mark.parametrize(
    ("bad_row", "column", "reason"),
    [
        (("t02", "no_such_honour", "1989"), "honour", "unknown honour code 'no_such_honour'"),
        (("t02", "sx_model", "1850"), "year", "impossible year '1850'"),
        (("t02", "sx_model", "2999"), "year", "impossible year '2999'"),
        (("t02", "sx_model", "一九八九"), "year", "impossible year"),
        (("t02", "national_may1", "1960"), "year", "first awarded in 1985"),
        (("zz9", "sx_model", "1989"), "honoree_id", "unknown honoree 'zz9'"),
    ],
)
def test_bad_honour_row_names_line_column_and_reason_and_loses_nothing_else(
    tmp_path: Path, bad_row: tuple[str, str, str], column: str, reason: str
) -> None:
    pack = write_pack(tmp_path, honours=[*HONOURS, bad_row])
    cat = load_catalog(pack)
    line = len(HONOURS) + 2  # header is line 1
    (problem,) = cat.problems
    assert (problem.file, problem.line, problem.column) == ("honours.csv", line, column)
    assert reason in problem.reason
    assert sum(len(h.honours) for h in cat.honorees) == len(HONOURS)


def test_duplicate_id_keeps_the_first_row_and_names_both_lines(tmp_path: Path) -> None:
    dup = ("t02", "王二", "男", "1940", "越城区", "某厂", "工人", "化工", "true")
    pack = write_pack(tmp_path, honorees=[*HONOREES, dup])
    cat = load_catalog(pack)
    (problem,) = cat.problems
    assert (problem.file, problem.column) == ("honorees.csv", "id")
    assert "duplicate id t02 (first on line 4)" in problem.reason
    assert cat.honoree("t02").name == "王建国"
    assert len(cat.honorees) == len(HONOREES)


def test_row_lines_count_multiline_deeds(tmp_path: Path) -> None:
    # Each person's deeds span two physical lines, so the bad row sits on a later line.
    bad = ("", "无名", "男", "1950", "越城区", "某厂", "工人", "化工", "true")
    pack = write_pack(tmp_path, honorees=[*HONOREES, bad])
    (problem,) = load_catalog(pack).problems
    assert problem.line == 2 + 2 * len(HONOREES)
    assert problem.column == "id"


@pytest.mark.parametrize(
    ("field", "value", "column"),
    [
        (3, "1700", "birth_year"),
        (2, "未知", "gender"),
        (3, "abc", "birth_year"),
        (4, "火星区", "district"),
        (7, "炼金术", "industry"),
    ],
)
def test_bad_field_is_reported_and_the_person_still_stands(
    tmp_path: Path, field: int, value: str, column: str
) -> None:
    rows = [list(r) for r in HONOREES]
    rows[1][field] = value
    pack = write_pack(tmp_path, honorees=[tuple(r) for r in rows])
    cat = load_catalog(pack)
    (problem,) = cat.problems
    assert (problem.file, problem.column) == ("honorees.csv", column)
    assert cat.has("t02")


def test_cache_is_used_and_invalidated_when_the_pack_changes(pack: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = load_catalog(pack, data_dir=data)
    assert len(list(data.glob("catalog-*.pickle"))) == 1
    assert load_catalog(pack, data_dir=data).honorees == first.honorees
    with (pack / "exhibits" / "honours.csv").open("a", encoding="utf-8", newline="") as f:
        csv.writer(f).writerow(["t07", "zj_craftsman", "2023"])
    changed = load_catalog(pack, data_dir=data)
    assert len(changed.honoree("t07").honours) == 2


def test_damaged_cache_is_rebuilt(pack: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    load_catalog(pack, data_dir=data)
    (cache,) = data.glob("catalog-*.pickle")
    cache.write_bytes(b"not a pickle")
    assert len(load_catalog(pack, data_dir=data).honorees) == len(HONOREES)


def test_featured_people_are_stable_for_a_day_and_put_real_people_first(pack: Path) -> None:
    import datetime as dt

    cat = load_catalog(pack)
    day = dt.date(2026, 5, 1)
    first = cat.featured(day, 4)
    assert first == cat.featured(day, 4)
    assert not first[0].sample  # t01 is the only real person
    assert len({h.id for h in first}) == len(first)
