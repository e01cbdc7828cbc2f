"""Invented innovation studios: led by invented people still at work, placed inside their district."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from tools.samplepack.data import SampleData
from tools.samplepack.draw import fill, pick
from tools.samplepack.geo import Shape, point_in
from tools.samplepack.people import Person
from tools.samplepack.places import place
from tools.samplepack.tables import LEVELS, PERIODS, Trade, fitting

Row = dict[str, str]

UNLED_CHANCE = 0.07  # studios named for a unit, with no leader among the honorees
OPEN_CHANCE = 0.65  # studios open for visits


def _still_at_work(p: Person, craft: bool) -> bool:
    """Honoured lately and young enough to run a studio."""
    last = p.honours[-1][1]
    return (last >= 2005 and p.birth >= 1955 and craft) or (last >= 2010 and p.birth >= 1958)


def invent_studios(
    rng: random.Random, data: SampleData, people: Sequence[Person], shapes: Mapping[str, Shape]
) -> list[Row]:
    """The studios.csv rows: each level's count, most led by an invented person of its district."""
    honours = data.honours
    active = [p for p in people if _still_at_work(p, data.trades[p.industry].craft)]
    rng.shuffle(active)
    taken: set[str] = set()
    out: list[Row] = []
    now = len(PERIODS) - 1
    industries = tuple(data.trades)
    texts = data.studio_texts
    for studio in data.studios:
        pool = active
        if studio.leader_level:
            least = LEVELS.index(studio.leader_level) + 1
            pool = [p for p in active if min(honours[c].tier for c, _ in p.honours) <= least]
        candidates = iter([p for p in pool if p.id not in taken])
        for _ in range(studio.count):
            leader = None if rng.random() < UNLED_CHANCE else next(candidates, None)
            if leader is not None:
                taken.add(leader.id)
                district = leader.district
                industry = leader.industry
                craftsman_only = all(honours[c].craftsman for c, _ in leader.honours)
                name = leader.name + (texts.led_craftsman if craftsman_only else texts.led_model_worker)
            else:
                districts = data.places.districts
                district = pick(rng, tuple(districts), [d.weight for d in districts.values()])
                weights = [data.trades[i].weights[now] for i in industries]
                industry = pick(rng, industries, weights)
                values = place(rng, data, district, data.last_year)
                unit = rng.choice(data.trades[industry].units[PERIODS[now]])
                name = fill(unit.template, rng, values, data.words) + rng.choice(texts.unled)
            lon, lat = point_in(shapes[district], rng)
            open_ = rng.random() < OPEN_CHANCE
            out.append(
                {
                    "id": f"w{len(out) + 1:03d}",
                    "name": name,
                    "level": studio.level,
                    "leader_id": leader.id if leader else "",
                    "district": district,
                    "lon": f"{lon:.5f}",
                    "lat": f"{lat:.5f}",
                    "open_for_visits": "true" if open_ else "false",
                    "what_to_see": _what_to_see(rng, data, data.trades[industry], open_),
                    "sample": "true",
                    "source": "",
                }
            )
    return out


def _what_to_see(rng: random.Random, data: SampleData, trade: Trade, open_: bool) -> str:
    texts, words = data.studio_texts, data.words
    fits = fitting(texts.see, "craft" if trade.craft else "")
    picked = rng.sample(fits, rng.choice((2, 2, 3)))
    lines = (fill(s, rng, {"skill": rng.choice(trade.skills)}, words) for s in picked)
    text = words.separator.join(lines) + words.full_stop
    if not open_:
        return text + texts.closed
    return text + rng.choice(texts.open)
