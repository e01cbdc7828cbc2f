"""Pinyin for honorees' names: the display spelling and the lower-case keys that search indexes.

pypinyin has no surname mode: on its own it reads 单 曾 解 仇 区 朴 查 as dan ceng jie chou qu
pu cha. Here the first character (or the first two, for compound surnames such as 欧阳 or
上官) is read from a surname table instead, and the everyday misreading is kept as an extra
search key, because that is what visitors type. ü is displayed as ``ü`` (``Lü Xiaoming``) and
indexed as ``lv``, ``lu`` and ``lyu``.

Nothing is loaded at import time: pypinyin is imported on first use.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from typing import NamedTuple

from hall.textnorm import to_simplified

__all__ = [
    "COMPOUND_SURNAMES",
    "SURNAME_READINGS",
    "NameUnit",
    "name_pinyin",
    "name_units",
    "pinyin_keys",
    "reading_table",
    "text_pinyin",
]

#: Two-character surnames and their readings (a name must have 3+ characters to use one).
COMPOUND_SURNAMES: dict[str, tuple[str, str]] = {
    "欧阳": ("ou", "yang"),
    "司马": ("si", "ma"),
    "上官": ("shang", "guan"),
    "诸葛": ("zhu", "ge"),
    "尉迟": ("yu", "chi"),
    "万俟": ("mo", "qi"),
    "长孙": ("zhang", "sun"),
    "单于": ("chan", "yu"),
    "夏侯": ("xia", "hou"),
    "东方": ("dong", "fang"),
    "皇甫": ("huang", "fu"),
    "公孙": ("gong", "sun"),
    "慕容": ("mu", "rong"),
    "令狐": ("ling", "hu"),
    "宇文": ("yu", "wen"),
    "司徒": ("si", "tu"),
    "司空": ("si", "kong"),
    "端木": ("duan", "mu"),
    "澹台": ("tan", "tai"),
    "公冶": ("gong", "ye"),
    "宗政": ("zong", "zheng"),
    "濮阳": ("pu", "yang"),
    "太史": ("tai", "shi"),
    "申屠": ("shen", "tu"),
    "轩辕": ("xuan", "yuan"),
    "钟离": ("zhong", "li"),
    "闻人": ("wen", "ren"),
    "呼延": ("hu", "yan"),
    "南宫": ("nan", "gong"),
    "西门": ("xi", "men"),
    "百里": ("bai", "li"),
    "东郭": ("dong", "guo"),
    "第五": ("di", "wu"),
    "拓跋": ("tuo", "ba"),
    "独孤": ("du", "gu"),
    "赫连": ("he", "lian"),
}

#: Single-character surnames that pypinyin reads wrongly as a surname ("v" stands for ü).
SURNAME_READINGS: dict[str, str] = {
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "朴": "piao",
    "查": "zha",
    "缪": "miao",
    "覃": "qin",
    "翟": "zhai",
    "盖": "ge",
    "乐": "yue",
    "吕": "lv",
    "秘": "bi",
    "冼": "xian",
    "洗": "xian",
    "种": "chong",
    "员": "yun",
    "句": "gou",
    "繁": "po",
    "黑": "he",
    "隗": "wei",
    "召": "shao",
    "祭": "zhai",
    "谌": "chen",
    "阚": "kan",
    "逄": "pang",
    "宿": "su",
    "能": "nai",
    "折": "she",
    "柏": "bai",
    "薄": "bo",
    "卜": "bu",
    "藏": "zang",
    "朝": "chao",
    "车": "che",
    "重": "chong",
    "那": "na",
    "角": "jue",
    "厍": "she",
    "炅": "gui",
    "眭": "sui",
    "贲": "ben",
    "郇": "xun",
    "过": "guo",
    "都": "du",
    "华": "hua",
    "任": "ren",
    "沈": "shen",
    "纪": "ji",
    "尉": "wei",
    "长": "chang",
    "万": "wan",
    "叶": "ye",
    "石": "shi",
}

_MAX_VARIANTS = 8
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_RUNS = re.compile(_HAN.pattern + "+|[^" + _HAN.pattern[1:-1] + "]+")
_PART_SPLIT = re.compile("[\\s\u00b7\u2022\u30fb\u2027.\uff0e]+")
_ASCII_WORD = re.compile(r"[a-z0-9]+")


class NameUnit(NamedTuple):
    """One character of a name (or one run of non-Chinese letters) and how it may be read.

    ``readings[0]`` is the correct lower-case ASCII reading ("v" for ü), the rest are spellings
    visitors also type; ``readings`` is empty when no reading is known. ``word`` numbers the
    words of the display spelling (0 = surname, 1 = given name).
    """

    text: str
    readings: tuple[str, ...]
    word: int


def _lazy_pinyin(text: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    return list(lazy_pinyin(text, style=Style.NORMAL, errors="default"))


@functools.cache  # bounded by the number of distinct characters
def _char_reading(ch: str) -> str:
    return (_lazy_pinyin(ch) or [""])[0]


@functools.lru_cache(maxsize=16384)
def _run_readings(run: str) -> tuple[str, ...]:
    """pypinyin's reading of a run of Chinese characters, one syllable per character.

    Two characters that pypinyin does not know as a phrase are read one by one, as pypinyin
    itself would; caching single characters makes indexing 100,000 names several times faster.
    """
    from pypinyin.constants import PHRASES_DICT

    if len(run) == 1 or (len(run) == 2 and run not in PHRASES_DICT):
        return tuple(_char_reading(c) for c in run)
    readings = _lazy_pinyin(run)
    if len(readings) != len(run):  # pragma: no cover - defensive
        readings = [_char_reading(c) for c in run]
    return tuple(readings)


def _is_han(ch: str) -> bool:
    return bool(_HAN.match(ch))


def _ascii_reading(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower())
    return "".join(_ASCII_WORD.findall(folded.encode("ascii", "ignore").decode()))


def _with_u_variants(primary: str, others: tuple[str, ...] = ()) -> tuple[str, ...]:
    out = [primary, *others]
    for reading in (primary, *others):
        if "v" in reading:
            out += [reading.replace("v", "u"), reading.replace("v", "yu")]
    return tuple(dict.fromkeys(r for r in out if r))


def _read_run(text: str, word: int) -> list[NameUnit]:
    """Read a run of characters (Chinese characters one by one, other runs whole)."""
    units: list[NameUnit] = []
    for chunk in _RUNS.findall(text):
        if _is_han(chunk[0]):
            readings = _run_readings(chunk)
            for ch, reading in zip(chunk, readings, strict=True):
                ok = reading.isascii() and reading.isalpha()
                units.append(NameUnit(ch, _with_u_variants(reading) if ok else (), word))
        else:
            reading = _ascii_reading(chunk)
            units.append(NameUnit(chunk, (reading,) if reading else (), word))
    return units


def _default_reading(ch: str) -> str:
    reading = _char_reading(ch)
    return reading if reading.isascii() and reading.isalpha() else ""


@functools.lru_cache(maxsize=8192)
def name_units(name: str) -> tuple[NameUnit, ...]:
    """The name split into characters with their readings, surname first.

    ``name_units("曾志伟")[0] == NameUnit("曾", ("zeng", "ceng"), 0)``
    """
    text = unicodedata.normalize("NFKC", name or "").strip()
    parts = [p for p in _PART_SPLIT.split(text) if p]
    if not parts:
        return ()
    if len(parts) > 1 or not _is_han(parts[0][0]):
        # Names written in words (e.g. 阿依古丽·买买提, or a Latin name): no surname rules.
        return tuple(u for i, part in enumerate(parts) for u in _read_run(part, i))
    chars = parts[0]
    head = to_simplified(chars[:2])
    units: list[NameUnit] = []
    if len(chars) >= 3 and head in COMPOUND_SURNAMES:
        for ch, reading in zip(chars[:2], COMPOUND_SURNAMES[head], strict=True):
            misread = _default_reading(ch)
            units.append(NameUnit(ch, _with_u_variants(reading, (misread,)), 0))
        rest = chars[2:]
    else:
        ch = chars[0]
        reading = SURNAME_READINGS.get(to_simplified(ch))
        if reading is None:
            units += _read_run(ch, 0)
        else:
            units.append(NameUnit(ch, _with_u_variants(reading, (_default_reading(ch),)), 0))
        rest = chars[1:]
    units += _read_run(rest, 1) if rest else []
    return tuple(units)


def _display_syllable(reading: str) -> str:
    return reading.replace("v", "ü")


def name_pinyin(name: str) -> str:
    """Display pinyin: surname and given name each joined and capitalised.

    ``name_pinyin("丁卫松") == "Ding Weisong"``, ``name_pinyin("欧阳修") == "Ouyang Xiu"``,
    ``name_pinyin("吕小明") == "Lü Xiaoming"``, ``name_pinyin("王嘉安") == "Wang Jia'an"``.
    Characters without a known reading are kept as they are.
    """
    words: dict[int, list[str]] = {}
    for unit in name_units(name):
        piece = _display_syllable(unit.readings[0]) if unit.readings else unit.text
        syllables = words.setdefault(unit.word, [])
        if syllables and unit.readings and piece.startswith(("a", "o", "e")):
            piece = "'" + piece
        syllables.append(piece)
    out = []
    for syllables in words.values():
        word = "".join(syllables)
        out.append(word[:1].upper() + word[1:])
    return " ".join(out)


def _variants(units: tuple[NameUnit, ...]) -> list[tuple[str, ...]]:
    choices = [u.readings for u in units if u.readings]
    if not choices:
        return []
    primary = tuple(c[0] for c in choices)
    out = [primary]
    for combo in itertools.product(*choices):
        if len(out) >= _MAX_VARIANTS:
            break
        if combo != primary:
            out.append(combo)
    return out


def pinyin_keys(name: str) -> tuple[str, ...]:
    """The lower-case ASCII forms a visitor may type for ``name``, most correct first.

    Full pinyin without spaces, then initials, then the misread and ü variants:
    ``pinyin_keys("丁卫松") == ("dingweisong", "dws")``,
    ``pinyin_keys("曾志伟") == ("zengzhiwei", "zzw", "cengzhiwei", "czw")``.
    """
    keys: list[str] = []
    for syllables in _variants(name_units(name)):
        keys.append("".join(syllables))
        keys.append("".join(s[0] for s in syllables))
    return tuple(dict.fromkeys(k for k in keys if k))


def reading_table() -> dict[str, str]:
    """Every character pypinyin knows with its default toneless reading ("v" for ü).

    The same reading ``lazy_pinyin`` gives a character on its own; the search index keeps this
    table so that answering a query never needs pypinyin (whose import takes half a second).
    """
    from pypinyin.pinyin_dict import pinyin_dict

    out: dict[str, str] = {}
    for code, readings in pinyin_dict.items():
        first = unicodedata.normalize("NFD", readings.split(",")[0]).replace("u\u0308", "v")
        plain = "".join(c for c in first if not unicodedata.combining(c))
        if plain.isascii() and plain.isalpha():
            out[chr(code)] = plain
    return out


def text_pinyin(text: str, sep: str = "") -> str:
    """Toneless lower-case pinyin of any text (no surname rules); other letters and digits kept.

    ``text_pinyin("丁卫送") == "dingweisong"``; ``text_pinyin("纺织 5G", " ") == "fang zhi 5g"``.
    """
    pieces: list[str] = []
    for item in _lazy_pinyin(unicodedata.normalize("NFKC", text or "")):
        reading = item.lower() if item.isascii() else _ascii_reading(item)
        pieces += _ASCII_WORD.findall(reading)
    return sep.join(pieces)
