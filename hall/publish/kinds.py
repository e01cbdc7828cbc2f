"""What a page writer is, and the writers of a publication: one module per kind of record.

A writer turns the catalogue into pages; adding a kind of record (as activities were) is a module
with a `pages(cat, ctx)` generator and one line in hall.publish.build.WRITERS.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from hall.pack import Catalog, Honoree
from hall.publish.images import Drawing
from hall.publish.markup import ShareImage, Site


@dataclass(frozen=True, slots=True)
class Page:
    """One file of the mirror: its path, its HTML, the preview picture it names (drawn by the
    builder only when missing) and whether the sitemap lists it."""

    file: str
    html: str
    picture: tuple[ShareImage, Drawing] | None = None
    listed: bool = True


@dataclass(frozen=True, slots=True)
class Context:
    """What writers share: the site, where photo thumbnails are, and the hall's own card picture."""

    site: Site
    static_dir: Path
    hall_card: Callable[[str], tuple[ShareImage, Drawing]]  # era id ("" for none) → picture


Writer = Callable[[Catalog, Context], Iterator[Page]]


def best_honour(h: Honoree, cat: Catalog, era: str = "") -> str:
    """The highest honour (of `era` when given) and its year, in one phrase."""
    honours = [x for x in h.honours if x.era == era] if era else list(h.honours)
    if not honours:
        return ""
    best = min(honours, key=lambda x: (cat.honour_kinds[x.code].level.rank, x.year or 9999))
    name = cat.honour_name(best.code)
    return f"{best.year} {name}" if best.year else name
