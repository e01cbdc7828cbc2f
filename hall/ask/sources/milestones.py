"""The timeline's milestones as passages: "1985年：全国五一劳动奖状、奖章评选表彰开始。"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hall.ask.passages import Link, Passage, source


@source("milestones")
def milestones(catalog: Any) -> Iterator[Passage]:
    for m in catalog.milestones:
        when = m.date if m.date and "/" not in m.date else f"{m.year}年"
        # A conference is held (召开); the record's title alone does not say so.
        text = f"{when}召开{m.title.zh}。" if m.kind == "national_conference" else f"{when}：{m.title.zh}。"
        yield Passage(
            text,
            kind="milestone",
            title=f"时间长廊 {m.year}",
            link=Link("timeline", (("span", str(m.year)), ("span", str(m.year)))),
            cite=m.source,
            key=str(m.year),
        )
