"""Invented collectives: units and teams of today's trades honoured as pioneers or model collectives."""

from __future__ import annotations

import random
from collections.abc import Sequence

from tools.samplepack.data import SampleData
from tools.samplepack.draw import fill, pick, quota
from tools.samplepack.places import place, printed_district
from tools.samplepack.tables import PERIODS

Row = dict[str, str]

HONOURED_CHANCE = 0.5  # stories that end saying when the collective was honoured


def invent_collectives(rng: random.Random, data: SampleData, count: int, real: Sequence[Row]) -> list[Row]:
    """The invented collectives of a pack of `count` honorees, beside the pack's real ones.

    Their ids run on from the real rows' count (c008 … after seven real ones); a name a real
    collective carries is never given again.
    """
    n = max(data.collectives_least, round(count * data.collectives_per_honoree))
    codes = quota(rng, n, list(data.collective_shares.items()))
    now = len(PERIODS) - 1
    industries = [i for i in data.trades if data.trades[i].weights[now] > 0]
    weights = [data.trades[i].weights[now] for i in industries]
    districts = data.places.districts
    district_weights = [d.weight for d in districts.values()]
    texts = data.collective_texts
    names = {r["name"] for r in real}
    rows: list[Row] = []
    for k, code in enumerate(codes):
        honour = data.collective_honours[code]
        trade = data.trades[pick(rng, industries, weights)]
        year = rng.choice(honour.years)
        district = pick(rng, tuple(districts), district_weights)
        unit = rng.choice(trade.units[data.period(year)] or trade.units[PERIODS[now]])
        name = fill(unit.template, rng, place(rng, data, district, year), data.words)
        if honour.team:
            name += rng.choice(trade.team_names(unit.tag) or [texts.team])
        if name in names:
            continue
        names.add(name)
        values = {"who": texts.who_team if honour.team else texts.who_unit, "skill": rng.choice(trade.skills)}
        first, second = texts.paragraphs[trade.craft]
        lines = [fill(rng.choice(part), rng, values, data.words) for part in (first, second)]
        if rng.random() < HONOURED_CHANCE:
            honoured = texts.honoured_team if honour.team else texts.honoured_other
            lines.append(honoured.format(year=year, name=honour.zh))
        rows.append(
            {
                "id": f"c{len(real) + k + 1:03d}",
                "name": name,
                "district": printed_district(data, district, year),
                "honour": code,
                "year": str(year),
                "deeds": lines[0] + "\n" + "".join(lines[1:]),
                "sample": "true",
                "source": "",
            }
        )
    return rows
