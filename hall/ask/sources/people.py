"""People's records as passages: each sentence of the deeds, the quote, and the record's facts
(employer, position, district, industry, birth year, honours) written as one sentence."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hall.ask.passages import Link, Passage, sentences, source
from hall.rooms import HONOREE


def facts(h: Any, catalog: Any) -> str:
    """The record's short fields as one sentence, in the record's own words."""
    parts = [h.name]
    if h.employer or h.position:
        parts.append(
            f"工作单位：{h.employer}{h.position and '，' + h.position if h.employer else h.position}"
        )
    district = catalog.district(h.district_code) if h.district_code else None
    if h.district:
        today = district.name.zh if district and district.name.zh != h.district else ""
        parts.append(f"所在区县：{h.district}" + (f"（今{today}）" if today else ""))
    if h.industry:
        parts.append(f"行业：{h.industry}")
    if h.gender:
        parts.append(f"性别：{h.gender}")
    if h.birth_year:
        parts.append(f"出生年份：{h.birth_year}年")
    if h.honours:
        named = [(f"{o.year}年" if o.year else "") + catalog.honour_name(o.code) for o in h.honours]
        parts.append("荣誉：" + "、".join(named))
    return "；".join(parts) + "。"


@source("people")
def people(catalog: Any) -> Iterator[Passage]:
    """Every person's facts, deeds sentence by sentence, and quote."""
    for h in catalog.honorees:
        link = Link(HONOREE, (("id", h.id),))
        title = h.name
        base = {"kind": "person", "title": title, "link": link, "ids": (h.id,), "cite": h.source, "key": h.id}
        yield Passage(facts(h, catalog), **base)
        for s in sentences(h.deeds):
            yield Passage(s, **base)
        if h.quote:
            yield Passage(f"{h.name}说：{h.quote}", **base)
