"""Questions about one person: who is meant (a name the pack knows, else the search index's
pinyin, initials and typo tiers), what is asked (where they work, their honours, their words …),
and the sentence of their record that holds it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hall.textnorm import normalize

# (slot, phrases), tried in order: the first phrase found in the question names the slot.
SLOTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("personal", (
        "电话", "手机", "号码", "地址", "住址", "家住", "工资", "收入", "身份证", "微信", "邮箱", "孩子",
        "儿子", "女儿", "妻子", "丈夫", "老婆", "老公", "家人", "家庭", "存款", "车牌", "病历",
    )),
    # 名师高徒 (hall.ask.sources.lineage): before "about", so 丁卫松的徒弟是谁 is not his story.
    ("lineage", (
        "徒弟", "师傅", "师父", "高徒", "带徒", "带过", "传人", "师承", "拜师", "出师",
    )),
    ("quote", ("说过", "格言", "名言", "心声", "座右铭", "寄语", "说了什么", "感言", "说什么")),
    ("birth", ("出生", "哪年生", "多大", "年龄", "几岁", "生于", "生日")),
    ("employer", (
        "在哪里工作", "在哪工作", "在哪儿工作", "哪个单位", "什么单位", "工作单位", "单位", "在哪上班",
        "就职", "职务", "岗位", "做什么工作", "干什么工作", "从事什么", "是做什么的", "干什么的", "职业",
    )),
    ("district", ("哪里人", "哪儿人", "哪个区", "哪个县", "来自哪", "区县", "住在", "哪个地方")),
    ("honours", ("什么荣誉", "哪些荣誉", "获得过", "获得了", "称号", "荣誉", "获评", "得过什么奖", "什么奖")),
    ("industry", ("哪个行业", "什么行业", "行业")),
    ("gender", ("男的还是女的", "性别", "男性还是女性")),
    ("about", (
        "是谁", "是什么人", "介绍", "简介", "事迹", "做了什么", "干了什么", "贡献", "有什么故事", "怎么样",
        "做过什么", "的故事",
    )),
)  # fmt: skip
_NAME_MATCHES = frozenset({"name", "pinyin", "initials", "typo", "sounds_like"})
_SLOT_FIELDS = {
    "birth": "birth_year",
    "district": "district",
    "honours": "honours",
    "industry": "industry",
    "gender": "gender",
}


def slot_of(text: str) -> tuple[str, int]:
    """The slot a question asks for and where its phrase starts in ``text`` (normalised);
    ("", -1) when none is named."""
    best = ("", -1)
    for slot, phrases in SLOTS:
        for phrase in phrases:
            at = text.find(normalize(phrase))
            if at >= 0:
                return slot, at
    return best


# A lineage question asking for someone's apprentices (else for their masters).
_DOWN = ("徒弟", "高徒", "带徒", "带过", "传人")


def lineage_rows(h: Any, norm: str, rows: Sequence[int], passages: Sequence[Any]) -> list[int]:
    """The 名师高徒 passages naming ``h`` (a pair passage's ids are master, then apprentice):
    those where ``h`` is the master first when the question asks for apprentices, else those
    where ``h`` is the apprentice."""
    pairs = [r for r in rows if passages[r].kind == "pair"]
    down = any(normalize(w) in norm for w in _DOWN)
    return sorted(pairs, key=lambda r: (passages[r].ids[:1] == (h.id,)) != down)


def fuzzy_person(index: Any, prefix: str) -> str:
    """The one person the words before a slot name, by pinyin, initials or a typo ("" if none)."""
    prefix = prefix.strip()
    # A Chinese name is two to five characters; a pinyin name or initials up to 24 letters.
    if not 2 <= len(prefix) <= (24 if prefix.isascii() else 5):
        return ""
    found = index.search(prefix, limit=1)
    if not found.ids:
        return ""
    reasons = found.reasons.get(found.ids[0], ())
    return found.ids[0] if reasons and reasons[0].field in _NAME_MATCHES else ""


def pick(slot: str, h: Any, rows: Sequence[int], passages: Sequence[Any]) -> int | None:
    """The row of the passage of ``h`` that answers ``slot`` (None: the record does not say).

    The first of a person's passages is their facts (hall.ask.sources.people); then the
    sentences of their deeds; the quote last."""
    if not rows:
        return None
    facts, rest = rows[0], list(rows[1:])
    if slot == "employer":
        for value in (h.employer, h.position):
            if value:
                hit = next((r for r in rest if value in passages[r].text), None)
                return hit if hit is not None else facts
        return None
    if slot == "quote":
        if not h.quote:
            return None
        return next((r for r in rest if h.quote[:20] in passages[r].text), None)
    if slot in _SLOT_FIELDS:
        return facts if getattr(h, _SLOT_FIELDS[slot]) else None
    if slot == "about":
        return rest[0] if rest else facts
    return None
