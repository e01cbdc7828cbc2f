"""Why a person matched, and the nearest names when nobody did."""

from __future__ import annotations

import pickle

from hall.search import Match, SearchIndex, SearchResult


def test_nothing_found_gives_suggestions(index: SearchIndex) -> None:
    result = index.search("dingwesongg")
    assert result.total == 0
    assert result.ids == ()
    assert "p01" in result.suggestions
    result = index.search("丁为宋明")
    assert result.total == 0
    assert result.suggestions
    assert "p01" in result.suggestions


def test_suggestions_respect_the_filters_while_anyone_passes(index: SearchIndex) -> None:
    assert index.search("丁卫送x").suggestions[:1] == ("p01",)
    # p01 is in 柯桥 (330603): in 越城区 the nearest name is 丁伟 (p02)
    assert index.search("丁卫送x", district="330602").suggestions[:1] == ("p02",)


def test_reasons_name_the_field_and_the_printed_text(index: SearchIndex) -> None:
    assert index.search("丁衛松").reasons["p01"][0] == Match("name", "丁卫松")
    assert Match("initials", "丁卫松") in index.search("dws").reasons["p01"]
    assert Match("pinyin", "卫松") in index.search("weisong").reasons["p01"]
    assert Match("pinyin", "丁卫松") in index.search("ding卫松").reasons["p01"]
    assert Match("deeds", "紹興黃酒") in index.search("绍兴黄酒").reasons["p17"]
    assert Match("district", "绍兴县") in index.search("绍兴县").reasons["p01"]
    assert Match("employer", "绍兴纺织机械厂") in index.search("绍兴纺织机械厂").reasons["p01"]
    assert Match("quote", "爱一行") in index.search("爱一行").reasons["p01"]
    assert Match("honour", "全国劳动模范") in index.search("全国劳模").reasons["p20"]
    assert index.search("丁卫送").reasons["p01"][0].field == "sounds_like"
    reasons = index.search("陈 柯桥 专利").reasons["p12"]
    assert {m.field for m in reasons} >= {"name", "district", "deeds"}


def test_result_pickles_with_its_reasons(index: SearchIndex) -> None:
    result = index.search("dws")
    back = pickle.loads(pickle.dumps(result))
    assert back.ids == result.ids
    assert dict(back.reasons) == dict(result.reasons)
    assert isinstance(back, SearchResult)
