"""The innovation studios as passages: where each is, who leads it, what there is to see."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hall.ask.passages import Link, Passage, sentences, source

_LEVELS = {"national": "全国级", "provincial": "省级", "municipal": "市级", "county": "县级"}


@source("studios")
def studios(catalog: Any) -> Iterator[Passage]:
    names = {h.id: h.name for h in catalog.honorees}
    for s in catalog.studios:
        district = catalog.district(s.district_code) if s.district_code else None
        where = district.name.zh if district else s.district
        leader = names.get(s.leader_id, "")
        ids = (s.leader_id,) if leader else ()
        link = Link("studios", (("district", s.district_code),) if s.district_code else ())
        base = {"kind": "studio", "title": s.name, "link": link, "ids": ids, "cite": s.source, "key": s.id}
        head = f"{s.name}是{_LEVELS.get(str(s.level), '')}创新工作室"
        head += f"，位于{where}" if where else ""
        head += f"，由{leader}领衔" if leader else ""
        head += "，对外开放参观" if s.open_for_visits else "，暂不对外开放参观"
        # One passage a studio: its record is short, and where it is belongs with what is there.
        yield Passage(head + "。" + "".join(sentences(s.what_to_see)), **base)
