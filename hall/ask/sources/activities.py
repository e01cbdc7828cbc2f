"""Activities as passages (hall.activities): each activity's date, title, kind, 五进 setting,
place, speakers, audience and summary written as one passage linked to its own page, and the
programme's cited figures (hall.yaml's ``programme``) each as a passage linked to the figures."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hall.activities.records import TALK_KINDS
from hall.ask.passages import Link, Passage, source
from hall.labels import t

SAMPLE = "示例"  # the pack's own word for invented records (hall.labels sample_tag)
PROGRAMME = "劳模工匠宣讲团"


def when(a: Any) -> str:
    """The activity's date as its record knows it: a year, a month or a day (and its time)."""
    if a.precision == "year":
        return f"{a.day.year}年"
    if a.precision == "month":
        return f"{a.day.year}年{a.day.month}月"
    # A day as 2022-02-10: two thousand passages of 年月日 would make 月 and 日 words of no weight,
    # and "绍兴工匠日是哪一天？" would then be "answered" by any sentence naming 绍兴工匠.
    day = a.day.isoformat()
    return f"{day} {a.start}" if a.start else day


def text_of(a: Any, catalog: Any) -> str:
    """One activity as one passage, in the record's own words; a sample one says so first."""
    parts = [f"{when(a)}，{a.title.zh}"]
    parts.append(
        t(f"act_kind_{a.kind}", "zh") + (f"，{t(f'act_setting_{a.setting}', 'zh')}" if a.setting else "")
    )
    district = catalog.district(a.district_code) if a.district_code else None
    where = "，".join(x for x in (a.place, district.name.zh if district else a.district) if x)
    if where:
        parts.append(f"地点：{where}")
    names = [catalog.honoree(i).name for i in a.speakers if catalog.has(i)]
    if names:
        parts.append(("宣讲人：" if a.kind in TALK_KINDS else "劳模工匠：") + "、".join(names))
    if a.audience:
        # "参加" and "观看": how visitors ask about an audience, in a hall or watching online
        parts.append(f"参加和观看的有{a.audience}人" + ("（线上直播）" if a.online else ""))
    head = (f"{SAMPLE}活动：" if a.sample else "") + "；".join(parts) + "。"
    return head + (a.summary.strip() if a.summary else "")


@source("activities")
def activities(catalog: Any) -> Iterator[Passage]:
    """Every activity (one passage each: its summary is short), then the programme's figures."""
    acts = getattr(catalog, "activities", None)
    if acts is None:
        return
    for a in acts.items:
        title = f"{a.title.zh}（{SAMPLE}）" if a.sample else a.title.zh
        ids = tuple(i for i in dict.fromkeys(a.speakers) if catalog.has(i))
        yield Passage(
            text_of(a, catalog),
            kind="activity",
            title=title,
            link=Link("activities", (("id", a.id),)),
            ids=ids,
            cite="" if a.sample else a.source,
            key=a.id,
        )
    for n, fact in enumerate(acts.facts, 1):
        yield Passage(
            fact.text.zh,
            kind="activity",
            title=PROGRAMME,
            link=Link("activities", (("view", "figures"),)),
            cite=fact.source,
            key=f"programme-{n}",
        )
