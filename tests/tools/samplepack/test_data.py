"""The sample's data files: the code holds no words of its own, the tables agree with the default pack."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from tests.support.packs import REPO
from tools import samplepack

DATA = samplepack.load_data()
HALL = yaml.safe_load((REPO / "exhibits" / "hall.yaml").read_text(encoding="utf-8"))
CODE = sorted((REPO / "tools" / "samplepack").glob("*.py"))
CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _docstrings(tree: ast.Module) -> set[int]:
    """ids of the string nodes that are docstrings: comments and docs may speak Chinese."""
    owners = [tree, *(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.ClassDef))]
    return {
        id(owner.body[0].value)
        for owner in owners
        if owner.body
        and isinstance(owner.body[0], ast.Expr)
        and isinstance(owner.body[0].value, ast.Constant)
    }


@pytest.mark.parametrize("path", CODE, ids=lambda p: p.name)
def test_the_generator_code_holds_no_word_of_the_sample(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    words = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docs
        and CHINESE.search(node.value)
    ]
    assert words == [], "word lists belong in tools/samplepack/data/"


def test_honours_industries_and_districts_are_the_default_pack_s() -> None:
    kinds = {k["code"]: k for k in HALL["honours"]}
    for code, honour in {**DATA.honours, **DATA.collective_honours}.items():
        assert (honour.zh, honour.level) == (kinds[code]["zh"], kinds[code]["level"]), code
    assert set(DATA.trades) == {i["zh"] for i in HALL["industries"]}
    assert list(DATA.places.districts) == [d["zh"] for d in HALL["districts"]]
    for d in HALL["districts"]:
        district = DATA.places.districts[d["zh"]]
        assert {printed for _, printed, _, _ in district.names} <= {d["zh"], *d["former"]}
        assert district.towns


@pytest.mark.parametrize(
    ("district", "year", "printed", "county"),
    [
        ("越城区", 1982, "绍兴市城区", ("绍兴市", "绍兴")),
        ("越城区", 1983, "越城区", ("绍兴市", "绍兴")),
        ("柯桥区", 2013, "绍兴县", ("绍兴县", "绍兴")),  # renamed in October, after the May Day awards
        ("柯桥区", 2014, "柯桥区", ("柯桥区", "柯桥")),
        ("上虞区", 1991, "上虞县", ("上虞县", "上虞")),
        ("上虞区", 1992, "上虞市", ("上虞市", "上虞")),
        ("嵊州市", 1994, "嵊县", ("嵊县", "嵊县")),
        ("嵊州市", 1995, "嵊州市", ("嵊州市", "嵊州")),
        ("新昌县", 1950, "新昌县", ("新昌县", "新昌")),
    ],
)
def test_a_district_is_named_as_records_of_its_year_printed_it(
    district: str, year: int, printed: str, county: tuple[str, str]
) -> None:
    assert DATA.places.districts[district].printed(year) == printed
    assert DATA.places.districts[district].county(year) == county


@pytest.mark.parametrize(
    ("town", "year", "name"),
    [
        ("枫桥镇", 1983, "枫桥公社"),
        ("柯桥街道", 1984, "柯桥镇"),
        ("东和乡", 2000, "东和乡"),
        ("柯桥街道", 2012, "柯桥镇"),
        ("柯桥街道", 2013, "柯桥街道"),
    ],
)
def test_a_town_is_named_as_records_of_its_year_printed_it(town: str, year: int, name: str) -> None:
    assert DATA.places.town_name(town, year) == name


@pytest.mark.parametrize(
    ("birth", "generation"), [(1930, "old"), (1949, "old"), (1950, "mid"), (1975, "new")]
)
def test_given_names_follow_the_generation_born(birth: int, generation: str) -> None:
    assert DATA.names.generation(birth) == generation


@pytest.mark.parametrize(
    ("code", "first", "absent"),
    [
        ("national_may1", 1985, 1989),  # a conference year goes to the titles
        ("national_pioneer", 2008, 2010),
        ("zj_model_collective", 1989, 1986),
        ("zj_craftsman", 2017, 2016),
    ],
)
def test_honour_years_follow_their_rule(code: str, first: int, absent: int) -> None:
    honour = DATA.honours.get(code) or DATA.collective_honours[code]
    assert honour.years[0] == first
    assert honour.years[-1] <= DATA.last_year
    assert absent not in honour.years
