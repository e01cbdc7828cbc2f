"""One resolver for district and honour names, as records and curators' spreadsheets write them."""

from __future__ import annotations

from pathlib import Path

import pytest

from hall.pack import Names
from hall.pack.hall_yaml import read_hall_yaml
from hall.pack.problems import Problems
from tests.support.packs import REPO


@pytest.fixture(scope="module")
def names() -> Names:
    info, _eras, kinds, districts, _industries = read_hall_yaml(REPO / "exhibits" / "hall.yaml", Problems())
    return Names.of(info.city.zh, kinds, districts)


@pytest.mark.parametrize(
    ("text", "printed", "adcode", "why"),
    [
        ("柯桥区", "柯桥区", "330603", ""),
        ("绍兴县", "绍兴县", "330603", ""),  # a former name keeps its printed form
        ("柯桥", "柯桥区", "330603", ""),  # a short name means today's district
        ("浙江省绍兴市诸暨市", "诸暨市", "330681", ""),
        ("绍兴市上虞区", "上虞区", "330604", ""),
        ("嵊县", "嵊县", "330683", ""),
        ("Keqiao", "Keqiao", "330603", ""),  # the English name
        ("Hangzhou", "", "", "unknown_district"),
        ("绍兴市", "", "", "city_only"),
        ("杭州市西湖区", "", "", "unknown_district"),
        ("", "", "", ""),
    ],
)
def test_district_names_resolve_to_todays_district(names: Names, text, printed, adcode, why) -> None:
    assert names.district(text) == (printed, adcode, why)
    assert names.district_code(text) == adcode


@pytest.mark.parametrize(
    ("text", "collective", "code", "why"),
    [
        ("全国劳动模范", False, "national_model", ""),
        ("national_model", False, "national_model", ""),
        ("荣获全国五一劳动奖章", False, "national_may1", ""),
        ("浙江省劳动模范称号", False, "zj_model", ""),
        ("全国工人先锋号", False, None, "collective_honour"),
        ("全国工人先锋号", True, "national_pioneer", ""),
        ("全国劳动模范", True, None, "person_honour"),
        ("优秀少先队员", False, None, "unknown_honour"),
    ],
)
def test_honour_names_resolve_to_codes(names: Names, text, collective, code, why) -> None:
    assert names.honour(text, collective=collective) == (code, why)


def test_two_honours_sharing_a_name_are_ambiguous(tmp_path: Path) -> None:
    from hall.pack.records import HonourKind, HonourType, Level, Text

    kinds = {
        c: HonourKind(c, Text("劳动模范"), Level.MUNICIPAL, HonourType.MODEL_WORKER)
        for c in ("a_model", "b_model")
    }
    assert Names.of("绍兴", kinds, ()).honour("劳动模范") == (None, "ambiguous_honour")
