"""Tests for hall.pinyin (names read as names) and hall.textnorm (one form for index and query)."""

from __future__ import annotations

import pytest

from hall.pinyin import name_pinyin, name_units, pinyin_keys, text_pinyin
from hall.textnorm import normalize, normalize_with_map, split_words, to_simplified


def fw(text: str) -> str:
    """Full-width form of ASCII text (written this way to keep the source plain ASCII)."""
    return "".join("\u3000" if c == " " else chr(ord(c) + 0xFEE0) for c in text)


@pytest.mark.parametrize(
    ("name", "display"),
    [
        ("丁卫松", "Ding Weisong"),
        ("单雄信", "Shan Xiongxin"),
        ("曾志伟", "Zeng Zhiwei"),
        ("解缙", "Xie Jin"),
        ("仇英", "Qiu Ying"),
        ("区家明", "Ou Jiaming"),
        ("朴树", "Piao Shu"),
        ("查良镛", "Zha Liangyong"),
        ("缪斯", "Miao Si"),
        ("覃雪", "Qin Xue"),
        ("翟志刚", "Zhai Zhigang"),
        ("盖聂", "Ge Nie"),
        ("乐嘉", "Yue Jia"),
        ("吕小明", "Lü Xiaoming"),
        ("欧阳修", "Ouyang Xiu"),
        ("司马光", "Sima Guang"),
        ("上官婉儿", "Shangguan Wan'er"),
        ("诸葛亮", "Zhuge Liang"),
        ("尉迟恭", "Yuchi Gong"),
        ("万俟卨", "Moqi Xie"),
        ("长孙无忌", "Zhangsun Wuji"),
        ("王嘉安", "Wang Jia'an"),
        ("歐陽修", "Ouyang Xiu"),
        ("單雄信", "Shan Xiongxin"),
        ("阿依古丽·买买提", "Ayiguli Maimaiti"),
        ("欧阳", "Ou Yang"),  # two characters: surname 欧, given name 阳
        ("", ""),
    ],
)
def test_name_pinyin(name: str, display: str) -> None:
    assert name_pinyin(name) == display


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("丁卫松", ("dingweisong", "dws")),
        ("曾志伟", ("zengzhiwei", "zzw", "cengzhiwei", "czw")),
        ("单雄信", ("shanxiongxin", "sxx", "danxiongxin", "dxx")),
        ("吕小明", ("lvxiaoming", "lxm", "luxiaoming", "lyuxiaoming")),
        ("欧阳修", ("ouyangxiu", "oyx")),
    ],
)
def test_pinyin_keys(name: str, keys: tuple[str, ...]) -> None:
    assert pinyin_keys(name) == keys


def test_keys_are_lower_ascii_and_primary_first() -> None:
    for name in ["丁卫松", "吕小明", "女娲", "𠀀字", "Anna Li", "阿依古丽·买买提", "朴树"]:
        keys = pinyin_keys(name)
        assert keys, name
        assert all(k.isascii() and k == k.lower() and k.isalnum() for k in keys)
    assert pinyin_keys("区家明")[0] == "oujiaming"
    assert "qujiaming" in pinyin_keys("区家明")


def test_units_align_with_characters() -> None:
    units = name_units("欧阳修")
    assert [u.text for u in units] == ["欧", "阳", "修"]
    assert [u.word for u in units] == [0, 0, 1]
    assert units[2].readings == ("xiu",)


def test_text_pinyin() -> None:
    assert text_pinyin("丁卫送") == "dingweisong"
    assert text_pinyin("纺织 5G", " ") == "fang zhi 5g"
    assert text_pinyin("") == ""


@pytest.mark.parametrize(
    ("raw", "norm"),
    [
        ("紹興縣", "绍兴县"),
        (fw("Ding Weisong"), "dingweisong"),
        ("dīng wèi sōng", "dingweisong"),
        ("Lü", "lu"),
        ("丁-卫.松" + fw("!"), "丁卫松"),
        ("a\u200bb\x00c\u202e", "abc"),
        ("😀 <b>x</b>", "bxb"),
        ("２０２０年", "2020年"),
        ("", ""),
    ],
)
def test_normalize(raw: str, norm: str) -> None:
    assert normalize(raw) == norm


def test_normalize_is_idempotent_and_maps_back() -> None:
    text = "紹興縣 王 大明" + fw("(X)")
    norm, origin = normalize_with_map(text)
    assert norm == normalize(text) == normalize(norm)
    assert len(origin) == len(norm)
    assert "".join(text[i] for i in origin) == "紹興縣王大明" + fw("X")


def test_split_words_and_simplified() -> None:
    assert split_words("丁卫松" + fw(",") + "柯桥 ") == ["丁卫松", "柯桥"]
    assert split_words("  " + fw("!!") + " ") == []
    assert to_simplified("越城區") == "越城区"
    assert to_simplified("abc") == "abc"
