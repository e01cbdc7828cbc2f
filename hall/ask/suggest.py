"""Ten questions to try, written from the pack's own words and kept only when the hall answers
them: what the 问展馆 room offers to tap."""

from __future__ import annotations

from typing import Any

from hall.labels import LABELS
from hall.pack.records import HonourType, Level
from hall.rooms import era_room, room


def candidates(catalog: Any) -> list[str]:
    """Questions made from this pack: its districts, honours, years, eras and real people."""
    kinds = [k for k in catalog.honour_kinds.values() if k.type is not HonourType.COLLECTIVE]
    national = next(
        (k for k in kinds if k.level is Level.NATIONAL and k.type is HonourType.MODEL_WORKER), None
    )
    craft = [k for k in kinds if k.type is HonourType.CRAFTSMAN]
    started = [k for k in kinds if k.since]
    out: list[str] = []
    districts = list(catalog.districts)
    if districts and national:
        short = districts[min(3, len(districts) - 1)].name.zh
        short = short[:-1] if len(short) > 2 and short[-1] in "区县市" else short
        out.append(f"{short}有多少位{national.aliases[0] if national.aliases else national.name.zh}？")
    if craft:
        years = sorted(
            {o.year for h in catalog.honorees for o in h.honours if o.code == craft[0].code and o.year}
        )
        if years:
            out.append(f"{years[len(years) // 2]}年有哪些{craft[0].name.zh}？")
        out.append(f"哪个区的{craft[-1].name.zh}最多？")
    real = [h for h in catalog.honorees if not h.sample]
    for h in real[:1]:
        out.append(f"{h.name}在哪里工作？")
    if started:
        out.append(f"{started[0].aliases[0] if started[0].aliases else started[0].name.zh}是哪一年设立的？")
    if national:
        out.append(f"最早的{national.name.zh}是谁？")
    former = [(d, f) for d in districts for f in d.former if f.endswith("县")]
    if former:
        out.append(f"{former[0][1]}现在叫什么？")
    if catalog.eras:  # the era's short name, as on its room's door
        era = catalog.eras[-1]
        short = LABELS.get(room(era_room(era.id)).label, (era.name.zh,))[0]
        out.append(f"{short}的时代精神是什么？")
    if districts and catalog.studios:
        out.append(f"{districts[0].name.zh}有多少个创新工作室？")
    out.append("有多少位女工匠？")
    for h in real[1:]:
        out.append(f"{h.name}获得过哪些荣誉？")
    return out


def suggestions(asker: Any, limit: int = 10) -> list[str]:
    """Up to ``limit`` questions this hall answers."""
    found: list[str] = []
    for question in candidates(asker.catalog):
        if len(found) == limit:
            break
        if question not in found and asker.ask(question).answered:
            found.append(question)
    return found
