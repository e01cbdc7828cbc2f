"""The sample-pack generator: deterministic, honest about who is real, within the hall's rules."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest
import yaml

from hall.pack.schema import BY_FILE
from tools import samplepack

Pack = dict[str, list[dict[str, str]]]
REPO = Path(__file__).resolve().parents[2]
DATA = samplepack.load_data()
HALL = yaml.safe_load((REPO / "exhibits" / "hall.yaml").read_text(encoding="utf-8"))
KINDS = {k["code"]: k for k in HALL["honours"]}
SEED_PEOPLE = ("丁卫松", "董建奎", "赵龙", "范祥波", "杨七明", "沈红平", "王文娟")
# National commendation conferences (shared/data/honours_timeline.json).
CONFERENCES = {
    1950,
    1956,
    1959,
    1960,
    1977,
    1978,
    1979,
    1989,
    1995,
    2000,
    2005,
    2010,
    2015,
    2020,
    2025,
}
REGIONAL = CONFERENCES | {2019, 2024}


@pytest.fixture(scope="module")
def small() -> Pack:
    return samplepack.generate(300)


@pytest.fixture(scope="module")
def full() -> Pack:
    return samplepack.generate()


def _synthetic(rows: Pack) -> set[str]:
    return {p["id"] for p in rows["honorees.csv"] if p["sample"] == "true"}


def test_same_arguments_give_the_same_files(tmp_path: Path) -> None:
    samplepack.write_pack(tmp_path / "a", 300, seed=5)
    samplepack.write_pack(tmp_path / "b", 300, seed=5)
    for name in BY_FILE:
        assert (tmp_path / "a" / "exhibits" / name).read_bytes() == (
            tmp_path / "b" / "exhibits" / name
        ).read_bytes()


def test_another_seed_gives_other_people(small: Pack) -> None:
    other = samplepack.generate(300, seed=7)
    assert [p["name"] for p in other["honorees.csv"]] != [p["name"] for p in small["honorees.csv"]]
    assert other["milestones.csv"] == small["milestones.csv"]


def test_the_committed_pack_is_what_the_generator_writes(full: Pack) -> None:
    for name, rows in full.items():
        columns = BY_FILE[name].columns  # a column a row leaves out is written empty
        with (REPO / "exhibits" / name).open(encoding="utf-8", newline="") as f:
            assert list(csv.DictReader(f)) == [{c: row.get(c, "") for c in columns} for row in rows], name


def test_the_default_pack_has_at_least_1800_honorees(full: Pack) -> None:
    assert len(full["honorees.csv"]) >= 1800
    assert len({p["id"] for p in full["honorees.csv"]}) == len(full["honorees.csv"])


def _check_year(code: str, year: int) -> bool:
    if not 1949 <= year <= 2025:
        return False
    if code in ("national_model", "national_advanced"):
        return year in KINDS[code]["years"]
    if code == "national_may1":
        return year >= 1985 and year not in CONFERENCES
    if code == "zj_may1":
        return year >= 1985
    if code in ("zj_craftsman", "sx_craftsman"):
        return year >= 2017
    return year in REGIONAL


@pytest.mark.parametrize("size", ["small", "full"])
def test_every_sample_honour_year_follows_the_rules(
    size: str,
    request: pytest.FixtureRequest,
) -> None:
    rows = request.getfixturevalue(size)
    synthetic = _synthetic(rows)
    bad = [
        h
        for h in rows["honours.csv"]
        if h["honoree_id"] in synthetic and not (h["year"] and _check_year(h["honour"], int(h["year"])))
    ]
    assert bad == []


def test_only_real_honours_may_lack_a_year(full: Pack) -> None:
    real = {p["id"] for p in full["honorees.csv"] if p["sample"] == "false"}
    assert {h["honoree_id"] for h in full["honours.csv"] if not h["year"]} <= real


def test_people_are_honoured_at_a_working_age(full: Pack) -> None:
    birth = {p["id"]: int(p["birth_year"]) for p in full["honorees.csv"] if p["sample"] == "true"}
    mine = [h for h in full["honours.csv"] if h["honoree_id"] in birth]
    ages = [int(h["year"]) - birth[h["honoree_id"]] for h in mine]
    assert min(ages) >= 25
    assert max(ages) <= 60


def test_codes_districts_and_industries_are_known_to_hall_yaml(full: Pack) -> None:
    districts = {n for d in HALL["districts"] for n in (d["zh"], *d["former"])}
    current = {d["zh"] for d in HALL["districts"]}
    industries = {i["zh"] for i in HALL["industries"]}
    persons = {c for c, k in KINDS.items() if k["kind"] != "collective"}
    collectives = {c for c, k in KINDS.items() if k["kind"] == "collective"}
    real = {p["id"] for p in full["honorees.csv"] if p["sample"] == "false"}
    for p in full["honorees.csv"]:
        # A real person's industry is what a source says, and most say none.
        assert p["industry"] in industries or (p["id"] in real and not p["industry"]), p
        assert p["district"] in districts or (p["id"] in real and not p["district"]), p
        assert p["gender"] in ("男", "女", "")
    assert {h["honour"] for h in full["honours.csv"]} <= persons
    assert {c["honour"] for c in full["collectives.csv"]} <= collectives
    assert {c["district"] for c in full["collectives.csv"]} <= districts | {""}
    assert {s["district"] for s in full["studios.csv"]} <= current


def test_every_district_industry_and_honour_kind_is_used(full: Pack) -> None:
    people = full["honorees.csv"]
    assert {i["zh"] for i in HALL["industries"]} == {p["industry"] for p in people if p["industry"]}
    current = {n: d["zh"] for d in HALL["districts"] for n in (d["zh"], *d["former"])}
    today = {current[p["district"]] for p in people if p["district"]}
    assert today == {d["zh"] for d in HALL["districts"]}
    used = {h["honour"] for h in full["honours.csv"]}
    used |= {c["honour"] for c in full["collectives.csv"]}
    assert used == set(KINDS)


def test_eras_and_levels_are_in_the_real_hall_s_proportions(full: Pack) -> None:
    counts = samplepack.summary(full)
    people = sum(counts[f"era:{e}"] for e in ("old", "mid", "new"))
    assert 0.12 < counts["era:old"] / people < 0.18
    assert 0.36 < counts["era:mid"] / people < 0.44
    assert 0.41 < counts["era:new"] / people < 0.49
    assert 85 <= counts["level:national"] <= 115
    assert 600 <= counts["level:provincial"] <= 700
    assert 550 <= counts["level:municipal"] <= 700
    assert 85 <= counts["honour:zj_craftsman"] <= 105
    assert 200 <= counts["honour:sx_craftsman"] <= 240


def test_some_people_stand_in_two_eras(full: Pack) -> None:
    eras: dict[str, set[int]] = {}
    for h in full["honours.csv"]:
        if h["year"]:
            year = int(h["year"])
            eras.setdefault(h["honoree_id"], set()).add((year > 1978) + (year > 2012))
    assert sum(1 for e in eras.values() if len(e) > 1) > 50


@pytest.mark.parametrize("name", SEED_PEOPLE)
def test_seed_people_are_real_and_cite_the_seed(name: str, full: Pack) -> None:
    (row,) = [p for p in full["honorees.csv"] if p["name"] == name]
    assert row["sample"] == "false"
    assert "绍兴市劳模协会专版" in row["source"]
    assert row["birth_year"] == ""


def test_seed_honours_are_as_the_seed_states(full: Pack) -> None:
    ids = {p["name"]: p["id"] for p in full["honorees.csv"] if p["sample"] == "false"}
    honours = Counter((h["honoree_id"], h["honour"], h["year"]) for h in full["honours.csv"])
    assert honours[(ids["董建奎"], "national_may1", "")] == 1
    assert honours[(ids["董建奎"], "zj_model", "")] == 1
    assert honours[(ids["杨七明"], "national_model", "")] == 1
    assert honours[(ids["沈红平"], "county_model", "")] == 1
    assert honours[(ids["王文娟"], "sx_model", "")] == 1
    assert honours[(ids["丁卫松"], "zj_craftsman", "2018")] == 1
    assert not [h for h in full["honours.csv"] if h["honoree_id"] == ids["赵龙"]]


def test_real_rows_cite_a_source_and_sample_rows_do_not(full: Pack) -> None:
    for table in ("honorees.csv", "collectives.csv"):
        for row in full[table]:
            assert bool(row["source"]) == (row["sample"] == "false"), row
    assert all(m["source"] for m in full["milestones.csv"])


def test_no_sample_person_carries_a_real_name(full: Pack) -> None:
    real = {p["name"] for p in full["honorees.csv"] if p["sample"] == "false"}
    real |= DATA.names.reserved
    assert not [p for p in full["honorees.csv"] if p["sample"] == "true" and p["name"] in real]


def test_names_are_mostly_unique_and_include_tricky_surnames(full: Pack) -> None:
    names = [p["name"] for p in full["honorees.csv"]]
    assert len(set(names)) / len(names) > 0.97
    for surname in DATA.names.tricky:
        assert sum(1 for n in names if n.startswith(surname)) >= DATA.names.tricky_least, surname


def test_sample_deeds_have_two_or_three_paragraphs(full: Pack) -> None:
    synthetic = [p for p in full["honorees.csv"] if p["sample"] == "true"]
    assert {p["deeds"].count("\n") + 1 for p in synthetic} <= {2, 3}
    assert len({p["deeds"] for p in synthetic}) == len(synthetic)
    assert 0.3 < sum(1 for p in synthetic if p["quote"]) / len(synthetic) < 0.5
    assert not [p for p in synthetic if "{" in p["deeds"] + p["employer"]]


def test_studios_match_the_seed_s_counts(small: Pack) -> None:
    levels = Counter(s["level"] for s in small["studios.csv"])
    assert levels == {"provincial": 32, "municipal": 143}


def test_studios_are_led_from_their_district_and_lie_inside_it(full: Pack) -> None:
    geo = json.loads((REPO / "exhibits" / "geo" / "districts.geojson").read_text(encoding="utf-8"))
    shapes = {f["properties"]["name"]: [f["geometry"]["coordinates"]] for f in geo["features"]}
    people = {p["id"]: p for p in full["honorees.csv"]}
    current = {n: d["zh"] for d in HALL["districts"] for n in (d["zh"], *d["former"])}
    led = [s for s in full["studios.csv"] if s["leader_id"]]
    assert len(led) > 0.85 * len(full["studios.csv"])
    assert len({s["leader_id"] for s in led}) == len(led)
    for studio in full["studios.csv"]:
        if studio["leader_id"]:
            leader = people[studio["leader_id"]]
            assert leader["sample"] == "true"
            assert current[leader["district"]] == studio["district"]
            assert leader["name"] in studio["name"]
        assert samplepack.inside(float(studio["lon"]), float(studio["lat"]), shapes[studio["district"]])


def test_points_outside_a_district_are_outside() -> None:
    square = [[[(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0)]]]
    assert samplepack.inside(1.0, 1.0, square)
    assert not samplepack.inside(3.0, 1.0, square)


@pytest.mark.parametrize("trade", sorted(DATA.trades))
def test_every_kind_of_unit_has_deeds_to_tell(trade: str) -> None:
    t = DATA.trades[trade]
    for k, period in enumerate(("old", "mid", "new")):
        assert bool(t.units[period]) == (t.weights[k] > 0), period
        for unit in t.units[period]:
            assert t.fragments(period, unit.tag), (period, unit)


def test_write_pack_copies_what_a_pack_needs(tmp_path: Path) -> None:
    written = samplepack.write_pack(tmp_path, 120)
    exhibits = tmp_path / "exhibits"
    assert (exhibits / "hall.yaml").read_bytes() == (REPO / "exhibits" / "hall.yaml").read_bytes()
    assert (exhibits / "geo" / "districts.geojson").exists()
    assert written["honorees.csv"] == 120
    with (exhibits / "honorees.csv").open(encoding="utf-8", newline="") as f:
        assert next(csv.reader(f)) == list(BY_FILE["honorees.csv"].columns)


def test_write_pack_keeps_a_pack_s_own_hall_yaml(tmp_path: Path) -> None:
    (tmp_path / "exhibits").mkdir()
    (tmp_path / "exhibits" / "hall.yaml").write_text("name: {zh: 别的馆}\n", encoding="utf-8")
    samplepack.write_pack(tmp_path, 50)
    assert "别的馆" in (tmp_path / "exhibits" / "hall.yaml").read_text(encoding="utf-8")


def test_cli_writes_a_pack_and_says_so(tmp_path: Path) -> None:
    lines: list[str] = []
    argv = ["--pack", str(tmp_path), "--count", "80", "--seed", "3"]
    assert samplepack.main(argv, out=lines.append) == 0
    assert len(lines) == 1
    assert "80 honorees" in lines[0]
    assert (tmp_path / "exhibits" / "studios.csv").exists()
