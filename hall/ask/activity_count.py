"""Counting activities: "2026年有多少场宣讲？", "诸暨市的志愿服务有几场？" — read whole or not at all.

A question is read only when every part of it is a year, a district the pack knows (today's,
former or short name), a 五进 setting, an activity kind (the activities room's own words, and a
few others) or one of the few asking words around them; anything else leaves it to the rest of
hall.ask (so "2021年劳模工匠宣讲团开展了多少场次五进宣讲？" is answered from the programme's cited
figure, not counted). The count is hall.activities.select's, the activities room's own filter.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from hall.activities import Filters, Kind, Setting, select
from hall.ask.answer import COUNT, Answer, Source
from hall.labels import LABELS, t
from hall.rooms import room
from hall.textnorm import to_simplified

# Other words visitors use for a kind or a setting, beside the room's labels (act_kind_*, act_setting_*).
KIND_WORDS = {
    "宣讲会": Kind.TALK,
    "报告会": Kind.REPORT,
    "劳模事迹报告会": Kind.REPORT,
    "沙龙": Kind.SALON,
    "网上名师课堂": Kind.ONLINE_CLASS,
    "开放日": Kind.OPEN_DAY,
}
SETTING_WORDS = {"进农村": Setting.COMMUNITY, "进社区": Setting.COMMUNITY}
ANY = "活动"
_VERB = r"(?:一共|总共|共)?(?:有|开展了|开展|举办了|举办|办了|组织了|搞了)"
_HOW_MANY = r"(?:多少|几)(?:场次|场|次)"
# "<where and when>有多少场<what>", and "<where and when>的<what>有多少场" (split where it reads)
_ASKED = re.compile(rf"^(?P<scope>.*?){_VERB}{_HOW_MANY}(?P<what>.+?)$")
_ASKED_AFTER = re.compile(rf"^(?P<body>.+?){_VERB}{_HOW_MANY}$")
_YEAR = re.compile(r"(?P<year>(?:19|20)\d\d)年")
_END = "？?。！!"


@dataclass(frozen=True, slots=True)
class ActivityQuestion:
    """What a counting question about activities asked for ("" or None: any)."""

    kind: str = ""
    setting: str = ""
    district: str = ""  # adcode
    year: int | None = None


class ActivityCount:
    """Reads and answers counting questions about one catalogue's activities."""

    def __init__(self, catalog: Any) -> None:
        self.catalog = catalog
        self.acts = catalog.activities
        self.kinds = {_folded(LABELS[f"act_kind_{k}"][0]): k for k in Kind} | KIND_WORDS
        settings = {_folded(LABELS[f"act_setting_{s}"][0]): s for s in Setting} | SETTING_WORDS
        self.settings = dict(sorted(settings.items(), key=lambda kv: -len(kv[0])))

    def read(self, question: str) -> ActivityQuestion | None:
        """The question's filters, or None when it is not wholly a count of activities."""
        if not len(self.acts):
            return None
        text = _folded(question).rstrip(_END)
        splits: list[tuple[str, str]] = []
        if m := _ASKED.match(text):
            splits.append((m.group("scope"), m.group("what")))
        if m := _ASKED_AFTER.match(text):
            body = m.group("body")
            splits += [(body[:i], body[i:]) for i in range(len(body))]
        for scope, words in splits:
            what = self._what(words.removeprefix("的"))
            where = self._scope(scope) if what is not None else None
            if what is not None and where is not None:
                return ActivityQuestion(what[0], what[1], where[0], where[1])
        return None

    def _what(self, words: str) -> tuple[str, str] | None:
        """(kind, setting) of "进企业宣讲", "志愿服务活动", "活动" …; None for other words."""
        if words == ANY:
            return "", ""
        words = words.removesuffix(ANY)
        setting = ""
        for word, value in self.settings.items():  # longest first
            if words.startswith(word):
                setting, words = str(value), words[len(word) :].removeprefix("的")
                break
        kind = str(self.kinds.get(words, "")) if words else ""
        if (words and not kind) or not (kind or setting):
            return None
        return kind, setting

    def _scope(self, words: str) -> tuple[str, int | None] | None:
        """(district adcode, year) of "2026年", "诸暨市", "在诸暨" …; None for other words."""
        year = None
        m = _YEAR.search(words)
        if m:
            year = int(m.group("year"))
            words = words[: m.start()] + words[m.end() :]
        words = words.removeprefix("在").removesuffix("的").removesuffix("在")
        if not words:
            return "", year
        code = self.catalog.district_code(words)
        return (code, year) if code else None

    def answer(self, question: str, lang: str = "zh", today: dt.date | None = None) -> Answer | None:
        """The count, or None when the question is not one this module reads."""
        asked = self.read(question)
        if asked is None:
            return None
        filters = Filters(kind=asked.kind, setting=asked.setting, district=asked.district, year=asked.year)
        rows = select(self.acts, filters, today=today or dt.date.today(), coming=None)
        samples = sum(1 for i in rows if self.acts.items[int(i)].sample)
        n = len(rows)
        text = t("ask_act_count", lang, scope=self.scope(asked, lang), n=n)
        if samples:
            text += t("ask_act_sample", lang, n=samples)
        link = f"/{room('activities').url}?view=figures"
        return Answer(COUNT, text, (), (Source(t("ask_record_activities", lang), link),), n)

    def scope(self, asked: ActivityQuestion, lang: str) -> str:
        """What was counted, in words: 2026年诸暨市进企业的宣讲."""
        parts = []
        if asked.year is not None:
            parts.append(t("ask_span_year", lang, a=asked.year))
        district = self.catalog.district(asked.district) if asked.district else None
        if district is not None:
            parts.append(district.name.get(lang))
        if asked.setting:
            parts.append(t(f"act_setting_{asked.setting}", lang))
        what = t(f"act_kind_{asked.kind}", lang) if asked.kind else t("ask_act_any", lang)
        if lang == "en":
            return what + (" — " + ", ".join(parts) if parts else "")
        return "".join(parts) + ("的" if parts else "") + what


def _folded(text: str) -> str:
    """Simplified, half-width, without spaces: how the words above are compared."""
    return re.sub(r"\s+", "", to_simplified(unicodedata.normalize("NFKC", text or "")))
