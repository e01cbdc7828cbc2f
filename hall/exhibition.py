"""What the hall puts on its walls before it lists anyone: the wall of names (名录墙), and for each
era its milestones and the stories told at length."""

from __future__ import annotations

import datetime as dt
import html
import random
from collections.abc import Sequence
from dataclasses import dataclass

from hall.pack import Catalog, Era, Honoree, Milestone, rank_key

# Names a wall shows at most: every name up to here, a day's selection beyond (a hall of 100,000
# people shows real people and a sample, not all: the directory lists everyone).
WALL_LIMIT = 2400


@dataclass(frozen=True, slots=True)
class Wall:
    """The names on the wall, in the order they hang (era, then year of first honour, then
    the hall's ranking), and how many people the hall holds in all."""

    names: tuple[Honoree, ...]
    total: int

    @property
    def complete(self) -> bool:
        return len(self.names) == self.total


def wall(cat: Catalog, day: dt.date, limit: int = WALL_LIMIT) -> Wall:
    """Every honoree's name, or — past `limit` — every real person's and a stable sample drawn
    for `day` of the others."""
    people: Sequence[Honoree] = cat.honorees
    if len(people) > limit:
        real = [h for h in people if not h.sample][:limit]
        rest = [h for h in people if h.sample]
        people = real + random.Random(day.toordinal()).sample(rest, min(len(rest), limit - len(real)))
    order = {era.id: i for i, era in enumerate(cat.eras)}
    hung = sorted(
        people, key=lambda h: (order.get(h.primary_era, len(order)), h.first_year or 9999, rank_key(h))
    )
    return Wall(tuple(hung), len(cat.honorees))


def wall_html(names: Sequence[Honoree], era_class: dict[str, str], person_url: str) -> str:
    """The names as links, one <a> each, coloured by their first era's class; real people marked.

    Every name and id is escaped: pack text never becomes markup.
    """
    links = []
    for h in names:
        classes = era_class.get(h.primary_era, "e")
        if not h.sample:
            classes += " r"
        href = html.escape(f"{person_url}?id={h.id}", quote=True)
        links.append(f'<a class="{classes}" href="{href}">{html.escape(h.name)}</a>')
    return "".join(links)


def era_milestones(cat: Catalog, era: Era) -> tuple[Milestone, ...]:
    """The dated events of this era's years, oldest first."""
    return tuple(m for m in cat.milestones if era.contains(m.year))


def era_stories(cat: Catalog, era_id: str, n: int = 3) -> tuple[Honoree, ...]:
    """The people whose stories an era's room tells at length: real people first, then invented
    ones; within each, those with their own words and the fullest story first."""
    members = [h for h in cat.members("era", era_id) if h.deeds]
    return tuple(sorted(members, key=lambda h: (h.sample, not h.quote, -len(h.deeds), rank_key(h)))[:n])
