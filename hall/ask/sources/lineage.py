"""名师高徒 pairs as passages (catalog.pairs): master, apprentice, craft, studio, year and what
came of it, one passage a pair, linked to the 传承 room at the master's line."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hall.ask.passages import Link, Passage, source
from hall.ask.sources.activities import SAMPLE


def apprentice_of(p: Any, catalog: Any) -> str:
    """The apprentice's name (an honoree's, or the row's own) and employer."""
    if p.apprentice_id and catalog.has(p.apprentice_id):
        h = catalog.honoree(p.apprentice_id)
        return h.name + (f"（{h.employer}）" if h.employer else "")
    return p.apprentice_name + (f"（{p.apprentice_employer}）" if p.apprentice_employer else "")


def text_of(p: Any, catalog: Any, studios: dict[str, str]) -> str:
    """One pair in the words visitors ask with: 师傅, 徒弟, 传承, 结对; a sample one says so."""
    master = catalog.honoree(p.master_id).name
    parts = [f"师傅{master}带徒弟{apprentice_of(p, catalog)}"]
    if p.craft:
        parts.append(f"传承技艺：{p.craft}")
    if studios.get(p.studio_id):
        parts.append(f"在{studios[p.studio_id]}")
    if p.year:
        parts.append(f"{p.year}年结对拜师")
    if p.outcome:
        parts.append(f"徒弟的成果：{p.outcome}")
    return (f"{SAMPLE}名师高徒：" if p.sample else "名师高徒：") + "；".join(parts) + "。"


@source("lineage")
def lineage(catalog: Any) -> Iterator[Passage]:
    """Every pair whose master is in the catalogue (the pack's reader keeps only those)."""
    studios = {s.id: s.name for s in getattr(catalog, "studios", ())}
    for p in getattr(catalog, "pairs", ()):
        if not catalog.has(p.master_id):
            continue
        master = catalog.honoree(p.master_id).name
        ids = tuple(i for i in (p.master_id, p.apprentice_id) if i and catalog.has(i))
        yield Passage(
            text_of(p, catalog, studios),
            kind="pair",
            title=f"名师高徒 {master}" + (f"（{SAMPLE}）" if p.sample else ""),
            link=Link("lineage", (("id", p.master_id),)),
            ids=ids,
            cite="" if p.sample else p.source,
            key=p.id,
        )
