"""A small pack (tests/support/packs.py), its catalogue, search index and asker, once per process;
the same with a few activities (one with a hostile title), a programme figure and two pairs."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from hall.activities import Activities, Activity, BookingRules, Fact, Kind, Setting
from hall.ask import Asker
from hall.ask.retrieve import Retriever
from hall.pack import Catalog, load_catalog
from hall.pack.pairs import Pair
from hall.pack.records import Text
from hall.search import SearchIndex
from tests.support.hostile import CORPUS
from tests.support.packs import write_pack


@pytest.fixture(scope="session")
def small_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_pack(tmp_path_factory.mktemp("askpack"))


@pytest.fixture(scope="session")
def cat(small_pack: Path) -> Catalog:
    return load_catalog(small_pack)


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("askdata")


@pytest.fixture(scope="session")
def asker(cat: Catalog, data_dir: Path) -> Asker:
    return Asker.build(cat, SearchIndex.build(cat), data_dir)


HOSTILE = CORPUS["html"] + CORPUS["js_link"] + CORPUS["directives"]

ACTIVITIES = [
    Activity(
        "a1", dt.date(2021, 1, 1), Kind.SCHOOL, Text("开学第一课", "First lesson"), precision="year",
        setting=Setting.CLASSROOM, speakers=("t01", "t02"), audience=7000, online=True,
        summary="七千名师生收看直播。", source="某报2021年报道",
    ),
    Activity(
        "sa1", dt.date(2024, 5, 8), Kind.OPEN_DAY, Text("青瓷工坊开放日", "Open day"), start="14:30",
        place="青瓷工坊", district="诸暨县", district_code="330681", speakers=("t03",), audience=44,
        sample=True,
    ),
    Activity(
        "sa2", dt.date(2025, 3, 2), Kind.TALK, Text("蓝星宣讲" + HOSTILE, "x"), setting=Setting.FAMILY,
        speakers=("t04",), audience=12, sample=True,
    ),
    Activity(
        "sa3", dt.date(2025, 6, 9), Kind.TALK, Text("安全生产每一天", "x"), setting=Setting.ENTERPRISE,
        place="车间", district="诸暨市", district_code="330681", speakers=("t05",), audience=30, sample=True,
    ),
]  # fmt: skip
FACTS = (Fact(Text("2021年组建由131人组成的宣讲团。", "131 speakers."), "协会专版"),)
PAIRS = (
    Pair(
        id="p1", master_id="t01", apprentice_id="", apprentice_name="丁澄洋",
        apprentice_employer="绍兴技师学院", studio_id="", craft="焊接", year=2016, outcome="全国技术能手",
        sample=False, source="某报报道", line=2,
    ),
    Pair(
        id="p2", master_id="t06", apprentice_id="t07", apprentice_name="", apprentice_employer="",
        studio_id="w1", craft="黄酒酿造", year=2020, outcome="", sample=True, source="", line=3,
    ),
    # an apprentice whose name begins a person's name (陈志, 陈志强) and their studio's
    Pair(
        id="p3", master_id="t05", apprentice_id="", apprentice_name="陈志",
        apprentice_employer="嵊州市人民医院",
        studio_id="", craft="护理", year=2022, outcome="", sample=True, source="", line=4,
    ),
)  # fmt: skip


@pytest.fixture(scope="session")
def full(cat: Catalog) -> Catalog:
    acts = Activities.build(list(ACTIVITIES), {}, FACTS, BookingRules())
    return dataclasses.replace(cat, activities=acts, pairs=PAIRS)


@pytest.fixture(scope="session")
def full_asker(full: Catalog) -> Asker:
    return Asker(full, SearchIndex.build(full), Retriever.build(full))
