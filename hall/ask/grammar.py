"""A small grammar for counting and listing questions, read into the catalogue's own filters.

"诸暨有多少位全国劳模？" reads as ``count`` with ``district=330681`` and ``honour=national_model``;
"2018年有哪些浙江工匠？" as ``list`` with ``years=(2018, 2018)``; "哪个区的绍兴工匠最多？" as ``most``
by district. The words come from the pack (hall.pack.names: districts with their former and short
names, honours with their aliases; eras; industries), the years from the question's digits
(二〇一八年, 八十年代 and 2010—2015年 too). A question is read only when *every* part of it is
understood: a word the grammar does not know (杭州, 企业, 丁卫松) leaves it to the other readers,
so "杭州有多少位全国劳模？" is never answered with Shaoxing's number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Any

from hall.ask.vocabulary import words as word_list
from hall.pack.records import HonourType, Level
from hall.textnorm import normalize, to_simplified

_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_CN_DECADE = {"五十": 50, "六十": 60, "七十": 70, "八十": 80, "九十": 90}
_YEAR = r"((?:19|20)\d\d)"
_SEP = r"(?:至|到|-|—|–|~|～)"
# (pattern, how): the year expressions, tried in this order on the question as typed.
_YEAR_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:上世纪)?((?:19|20)?\d0)年代"), "decade"),
    (re.compile(rf"{_YEAR}年?{_SEP}{_YEAR}年?(?:间|之间|期间)?"), "range"),
    (re.compile(rf"{_YEAR}年?(?:及)?(?:以来|以后|之后|起|后)"), "since"),
    (re.compile(rf"{_YEAR}年?(?:及)?(?:以前|之前|前)"), "before"),
    (re.compile(rf"{_YEAR}年?度?"), "year"),
)
_BIRTH_AFTER = re.compile(r"^(?:的人)?(?:出生|生人|生)")
_BIRTH_BEFORE = re.compile(r"(?:出生于|生于|出生在)$")

INTENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("oldest", ("最年长", "年纪最大", "岁数最大", "年龄最大", "最老")),
    ("youngest", ("最年轻", "年纪最小", "岁数最小", "年龄最小")),
    ("earliest", ("最早", "第一位", "第一个", "首位", "第一批", "首批")),
    ("latest", ("最近", "最新", "最晚")),
    ("most", ("最多",)),
    ("count", ("多少", "几位", "几名", "几个", "几人", "人数", "数量", "总数")),
    ("list", ("哪些", "有谁", "都有谁", "都是谁", "是谁", "哪几位", "名单", "列出", "谁")),
)
GROUPS = (
    ("district", ("哪个区县", "哪个区", "哪个县", "哪个县市", "哪个地方", "哪里", "哪儿")),
    ("industry", ("哪个行业", "什么行业", "哪一行", "哪行")),
    ("year", ("哪一年", "哪年")),
    ("era", ("哪个时期", "哪个时代")),
)
SUBJECTS = (
    ("studios", ("劳模创新工作室", "工匠创新工作室", "创新工作室", "工作室")),
    ("collectives", ("模范集体", "先进集体", "集体")),
)
KINDS = (
    (HonourType.MODEL_WORKER.value, ("劳动模范", "劳模", "模范", "先进工作者", "先进人物")),
    (HonourType.CRAFTSMAN.value, ("工匠",)),
)
LEVELS = (
    (Level.NATIONAL, ("全国级", "国家级", "全国")),
    (Level.PROVINCIAL, ("省级", "省部级")),
    (Level.MUNICIPAL, ("市级",)),
    (Level.COUNTY, ("县级", "区县级")),
)
GENDERS = (("女", ("女性", "女同志", "女职工", "女")), ("男", ("男性", "男同志", "男职工", "男")))
SAMPLES = ((False, ("真实人物", "真实", "真人", "非示例")), (True, ("示例人物", "示例", "虚构")))
OPEN = ("对外开放", "可以参观", "能参观", "开放参观", "可参观")
# Words that ask nothing of their own in a counting or listing question.
FILLER = tuple(
    sorted(
        word_list(
            "请问 请 告诉我 一下 展馆里 展馆 馆里 我们 目前 现在 一共 总共 共有",
            "共 全部 所有 全市 其中 里面 里 中 当中 之中 获得过 获得 获评 荣获",
            "被评为 评为 当选 入选 评上 授予 称号 荣誉称号 获得者 得主 人物 人员",
            "同志 的 有 是 了 吗 呢 啊 位 名 个 人 在 于 过 来自 出身 都",
            "分别 还 能 可以 年 届 次 被 所 一 记录 收录 表彰 获奖 拿到 属于",
            "当年 哪 本馆 名录 行业 领域 评出 评选出 评选 选出",
        ),
        key=len,
        reverse=True,
    )
)


@dataclass(frozen=True)
class Reading:
    """What a counting or listing question asks, in the catalogue's own filter values."""

    intent: str  # count | list | most | earliest | latest | oldest | youngest
    subject: str = "people"  # people | studios | collectives
    group: str = ""  # for "most": district | industry | year | era
    era: str | None = None
    honours: tuple[str, ...] | None = None  # honour codes (any of them)
    district: str | None = None  # adcode
    industry: str | None = None
    years: tuple[int | None, int | None] | None = None
    kind: str | None = None  # model_worker | craftsman
    gender: str | None = None
    sample: bool | None = None
    birth: tuple[int | None, int | None] | None = None
    open_only: bool = False

    def filters(self) -> dict[str, Any]:
        """The search index's filters (hall.search.facets.Filters) of this reading."""
        return {
            "era": self.era,
            "honour": list(self.honours) if self.honours else None,
            "district": self.district,
            "industry": self.industry,
            "years": self.years,
            "kind": self.kind,
        }


class Grammar:
    """The counting and listing grammar of one catalogue (its words are the pack's)."""

    def __init__(self, catalog: Any) -> None:
        self._words: list[tuple[str, str, Any]] = []  # (normalised word, slot, value)
        for key, hit in catalog.names.district_keys.items():
            if hit is not None and not key.isascii():
                self._add(key, "district", hit[1])
        for key, code in catalog.names.honour_keys.items():
            if code is not None and not key.isascii():
                self._add(key, "honour", code)
        for era in catalog.eras:
            self._add(era.name.zh, "era", era.id)
            head = era.name.zh.split("和")[0]
            if len(head) >= 4 and head != era.name.zh:
                self._add(head, "era", era.id)
        for era_id, label in _era_labels(catalog):
            self._add(label, "era", era_id)
        industries = [getattr(i.name, "zh", str(i.name)) for i in catalog.industries]
        heads: dict[str, list[str]] = {}
        for name in industries:
            self._add(name, "industry", name)
            if len(name) >= 4:
                heads.setdefault(name[:2], []).append(name)
        for head, names in heads.items():
            if len(names) == 1 and head not in industries:
                self._add(head, "industry", names[0])
        for slot, table in (
            ("intent", INTENTS),
            ("group", GROUPS),
            ("subject", SUBJECTS),
            ("kind", KINDS),
            ("level", LEVELS),
            ("gender", GENDERS),
            ("sample", SAMPLES),
        ):
            for value, words in table:
                for w in words:
                    self._add(w, slot, value)
        for w in OPEN:
            self._add(w, "open", True)
        city = normalize(catalog.info.city.zh)
        for w in (city, f"{city}市", f"{city}地区"):
            self._add(w, "filler", None)
        for w in FILLER:
            self._add(w, "filler", None)
        # Longest first, so 全国五一劳动奖章 wins over 五一劳动奖章 and 绍兴县 over 绍兴.
        self._words.sort(key=lambda x: -len(x[0]))
        self._kinds = catalog.honour_kinds

    def _add(self, word: str, slot: str, value: Any) -> None:
        norm = normalize(word)
        if norm:
            self._words.append((norm, slot, value))

    def read(self, question: str) -> Reading | None:
        """The reading of ``question``, or None when any part of it is not understood."""
        text = _typed(question)
        years, birth, text = _years(text)
        rest = normalize(text)
        found: dict[str, list[Any]] = {}
        for word, slot, value in self._words:
            while word in rest:
                rest = rest.replace(word, "\x00", 1)
                found.setdefault(slot, []).append(value)
        if rest.replace("\x00", ""):
            return None
        return self._reading(found, years, birth)

    def _reading(
        self,
        found: dict[str, list[Any]],
        years: tuple[int | None, int | None] | None,
        birth: tuple[int | None, int | None] | None,
    ) -> Reading | None:
        def one(slot: str) -> Any:
            values = list(dict.fromkeys(found.get(slot, ())))
            return values[0] if len(values) == 1 else (None if not values else ...)

        picks = {s: one(s) for s in ("district", "era", "industry", "gender", "sample", "subject", "kind")}
        if any(v is ... for v in picks.values()):
            return None  # two districts, or 男 and 女: a question the filters cannot say
        intents = [i for i, _ in INTENTS if i in found.get("intent", ())]
        group = one("group")
        if group is ...:
            return None
        filters = [found.get(s) for s in ("district", "era", "industry", "honour", "kind", "level", "gender")]
        if not intents:
            if not any(filters) and years is None and birth is None:
                return None
            intents = ["list"]
        intent = intents[0]
        if group and intent != "most":
            # 哪一年 / 哪个区 without 最多 ask for a fact about one record, not a grammar's answer
            return None
        if intent == "most" and not group:
            return None
        honours = self._honours(found.get("honour"), found.get("level"), picks["kind"])
        if honours == ():
            return None
        return Reading(
            intent=intent,
            subject=picks["subject"] or "people",
            group=group or "",
            era=picks["era"],
            honours=honours,
            district=picks["district"],
            industry=picks["industry"],
            years=years,
            kind=picks["kind"] if honours is None else None,
            gender=picks["gender"],
            sample=picks["sample"],
            birth=birth,
            open_only=bool(found.get("open")),
        )

    def _honours(
        self, named: list[str] | None, levels: list[Level] | None, kind: str | None
    ) -> tuple[str, ...] | None:
        """Honour codes from named honours, or from a level (全国、省级) with a kind (劳模、工匠)."""
        if named:
            return tuple(dict.fromkeys(named))
        if not levels:
            return None
        codes = tuple(
            code
            for code, k in self._kinds.items()
            if k.level in levels
            and (kind is None or k.type.value == kind)
            and k.type is not HonourType.COLLECTIVE
        )
        return codes


def narrowed(reading: Reading, **changes: Any) -> Reading:
    return replace(reading, **changes)


def _era_labels(catalog: Any) -> list[tuple[str, str]]:
    from hall.labels import LABELS
    from hall.rooms import era_room

    out = []
    for era in catalog.eras:
        label = LABELS.get(f"room_{era_room(era.id)}")
        if label and not label[0].isascii():
            out.append((era.id, label[0]))
    return out


def _typed(question: str) -> str:
    """The question folded for reading years: full-width → half-width, simplified, no spaces,
    Chinese digits in years and decades as numbers."""
    text = to_simplified(unicodedata.normalize("NFKC", question or "")).lower()
    text = "".join(text.split())
    for words, number in _CN_DECADE.items():
        text = text.replace(f"{words}年代", f"{number}年代")
    return re.sub(r"[〇零一二三四五六七八九]{4}(?=年)", lambda m: m.group(0).translate(_CN_DIGITS), text)


def _years(
    text: str,
) -> tuple[tuple[int | None, int | None] | None, tuple[int | None, int | None] | None, str]:
    """(honour years, birth years, the text without them). Each span is inclusive."""
    honours: tuple[int | None, int | None] | None = None
    birth: tuple[int | None, int | None] | None = None
    for pattern, how in _YEAR_FORMS:
        while True:
            m = pattern.search(text)
            if m is None:
                break
            span = _span(m, how)
            after, before = text[m.end() :], text[: m.start()]
            b_after, b_before = _BIRTH_AFTER.match(after), _BIRTH_BEFORE.search(before)
            if b_after or b_before:
                birth = span
                if b_after:
                    after = after[b_after.end() :]
                if b_before:
                    before = before[: b_before.start()]
            elif honours is None:
                honours = span
            else:
                return None, None, text + "?"  # two spans of honour years: not a filter
            text = before + " " + after
    return honours, birth, text


def _span(m: re.Match[str], how: str) -> tuple[int | None, int | None]:
    if how == "decade":
        d = int(m.group(1))
        start = d if d >= 1900 else (1900 + d if d >= 40 else 2000 + d)
        return (start, start + 9)
    if how == "range":
        a, b = sorted((int(m.group(1)), int(m.group(2))))
        return (a, b)
    y = int(m.group(1))
    if how == "since":
        return (y, None)
    if how == "before":
        return (None, y - 1)
    return (y, y)
