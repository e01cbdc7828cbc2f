"""hall.yaml's texts as passages: the hall, each era (years, introduction, spirit), each honour
(level, other names, since when) and each district (former names)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hall.ask.passages import Link, Passage, sentences, source
from hall.labels import LABELS
from hall.pack.records import HonourType, Level
from hall.rooms import HOME, era_room

_LEVELS = {Level.NATIONAL: "全国级", Level.PROVINCIAL: "省级", Level.MUNICIPAL: "市级", Level.COUNTY: "县级"}
_TYPES = {
    HonourType.MODEL_WORKER: "劳模荣誉",
    HonourType.CRAFTSMAN: "工匠称号",
    HonourType.COLLECTIVE: "集体荣誉",
}


@source("hall")
def hall_texts(catalog: Any) -> Iterator[Passage]:
    info = catalog.info
    home = Link(HOME)
    yield Passage(
        f"{info.name.zh}由{info.organiser.zh or info.city.zh}主办，展示{info.city.zh}的劳动模范和工匠。",
        kind="hall",
        title=info.name.zh,
        link=home,
        key="hall",
    )
    for era in catalog.eras:
        link = Link(era_room(era.id))
        span = f"从{era.start}年开始，到{era.end}年" if era.end else f"从{era.start}年开始，至今"
        base = {"kind": "hall", "title": era.name.zh, "link": link, "key": era.id}
        # with the era room's short name (新时代), which visitors use and activity titles hold
        short = LABELS.get(f"room_{era_room(era.id)}", ("",))[0]
        named = f"{era.name.zh}（{short}）" if short and short != era.name.zh else era.name.zh
        yield Passage(f"{named}：{span}。", **base)
        for s in sentences(era.intro.zh):
            yield Passage(s, **base)
        if era.traits:
            traits = "、".join(t.zh for t in era.traits)
            yield Passage(f"{named}的时代精神：{traits}。", **base)
    for code, kind in catalog.honour_kinds.items():
        text = f"{kind.name.zh}的级别是{_LEVELS[kind.level]}，是{_TYPES[kind.type]}"
        if kind.aliases:
            text += f"，又称{'、'.join(kind.aliases)}"
        if kind.since:
            text += f"，自{kind.since}年开始设立评选"
        yield Passage(text + "。", kind="hall", title=kind.name.zh, link=home, key=code)
    for d in catalog.districts:
        if d.former:
            former = "、".join(d.former)
            text = (
                f"{d.name.zh}旧称{former}；{former}现在叫{d.name.zh}，旧名下的记录都算作今天的{d.name.zh}。"
            )
            yield Passage(
                text, kind="hall", title=d.name.zh, link=Link("map", (("district", d.adcode),)), key=d.adcode
            )
