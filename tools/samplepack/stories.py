"""An invented person's row: employer, post and the story of their deeds and honours."""

from __future__ import annotations

import random

from tools.samplepack.data import SampleData
from tools.samplepack.draw import fill
from tools.samplepack.people import Person
from tools.samplepack.places import place, printed_district
from tools.samplepack.tables import PERIODS, fitting

Row = dict[str, str]

CODA_CHANCE = 0.65  # stories with a closing thought
QUOTE_CHANCE = 0.4  # people with a quote
TRADE_QUOTE_CHANCE = 0.3  # of those, a saying of their own trade when it has any
JOIN_CHANCE = 0.4  # the first deed joins the opening paragraph


def honoree_row(rng: random.Random, data: SampleData, p: Person) -> Row:
    """The honorees.csv row of an invented person."""
    trade = data.trades[p.industry]
    words = data.words
    stories = data.stories
    first, last = p.honours[0][1], p.honours[-1][1]
    period, late = data.period(first), data.period(last)
    unit = rng.choice(trade.units[period])
    employer = fill(unit.template, rng, place(rng, data, p.district, first), words)
    posts = [x for x in unit.positions if p.gender == words.female or words.women_only not in x]
    position = rng.choice(posts)
    ta = words.pronoun[p.gender]
    start = min(first - 3, p.birth + rng.randint(16, 22))
    values = {
        "name": p.name,
        "ta": ta,
        "emp": employer,
        "pos": position,
        "start": start,
        "yrs": max(3, last - start),
        "skill": rng.choice(trade.skills),
    }
    pool = trade.fragments(period, unit.tag)
    picked = rng.sample(pool, min(len(pool), rng.choice((1, 2, 2, 3))))
    acts = [fill(a, rng, values, words) for a in picked]
    # Units of this kind only exist from the first period on: earlier starts go unmentioned.
    first_year = data.period_starts[PERIODS[0]]
    intros = [i for i in stories.intros[period] if start >= first_year or "{start}" not in i]
    paragraphs = [fill(rng.choice(intros), rng, values, words)]
    if len(acts) > 1 and rng.random() < JOIN_CHANCE:
        paragraphs[0] += acts.pop(0)
    body = "".join(acts)
    later = [f for f in trade.fragments(late, unit.tag) if fill(f, rng, values, words) not in acts]
    if late != period and later:
        body += rng.choice(stories.later) + fill(rng.choice(later), rng, values, words)
    closing = _honoured(rng, data, p, ta)
    codas = fitting(stories.codas[late], "craft" if trade.craft else "")
    coda = fill(rng.choice(codas), rng, values, words) if rng.random() < CODA_CHANCE else ""
    if body:
        paragraphs.append(body)
    if coda:
        paragraphs.append(coda + closing)
    else:
        paragraphs[-1] += closing
    quote = ""
    if rng.random() < QUOTE_CHANCE:
        own = trade.quotes and rng.random() < TRADE_QUOTE_CHANCE
        quote = rng.choice(trade.quotes if own else stories.quotes)
    return {
        "id": p.id,
        "name": p.name,
        "name_en": "",
        "gender": p.gender,
        "birth_year": str(p.birth),
        "district": printed_district(data, p.district, first),
        "employer": employer,
        "position": position,
        "industry": p.industry,
        "deeds": "\n".join(paragraphs),
        "quote": quote,
        "portrait": "",
        "sample": "true",
        "source": "",
    }


def _honoured(rng: random.Random, data: SampleData, p: Person, ta: str) -> str:
    """The sentence that names a person's honours."""
    stories = data.stories

    def title(code: str, year: int) -> str:
        return data.honours[code].title(year, printed_district(data, p.district, year))

    if len(p.honours) == 1:
        code, year = p.honours[0]
        honour = data.honours[code]
        name = title(code, year)
        if honour.medal:
            return stories.medal.format(year=year, ta=ta, name=name)
        if honour.craftsman:
            return stories.craftsman.format(year=year, ta=ta, name=name)
        return rng.choice(stories.title).format(year=year, ta=ta, name=name)
    listed = data.words.separator.join(
        stories.listed.format(year=year, name=title(code, year)) for code, year in p.honours
    )
    return stories.several.format(ta=ta, listed=listed)
