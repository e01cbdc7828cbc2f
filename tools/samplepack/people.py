"""Invented people: their category, era, trade and district, their honours and years, their names."""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field

from tools.samplepack.data import SampleData
from tools.samplepack.draw import pick, quota
from tools.samplepack.tables import PERIODS

FIRST_AGE = 25  # youngest age at an honour
RETIREMENT_AGE = 60  # no honour after it
HONOUR_GAP = 2  # least years between two honours of a person
LATER_CHOICES = 4  # a later honour comes in one of the next few years it can
ATTEMPTS = 30  # ladders tried before a person falls back to the category's plain honour
UNIQUE_ATTEMPTS = 8  # names drawn before a name already given may be given again


@dataclass
class Person:
    """An invented person while the sample is drawn; `honours` are (code, year), oldest first."""

    id: str
    category: str
    period: str
    industry: str
    district: str
    gender: str
    birth: int = 0
    honours: list[tuple[str, int]] = field(default_factory=list)
    name: str = ""


def invent_people(rng: random.Random, data: SampleData, n: int, taken: Iterable[str]) -> list[Person]:
    """n invented people, ids s00001 …; none carries a name in `taken` or the data's reserved names."""
    return _People(rng, data, taken).make(n)


class _People:
    def __init__(self, rng: random.Random, data: SampleData, taken: Iterable[str]) -> None:
        self.rng = rng
        self.data = data
        self.reserved = frozenset(taken) | data.names.reserved
        self.used_names: set[str] = set(self.reserved)
        self.industries = tuple(data.trades)

    def make(self, n: int) -> list[Person]:
        rng, data = self.rng, self.data
        categories = quota(rng, n, [(c.name, c.share) for c in data.categories.values()])
        crafts_only = sum(1 for c in categories if data.categories[c].craftsman)
        rest = n - crafts_only
        # Craftsmen-only people are all of the last era; the others make up the era shares.
        last = PERIODS[-1]
        shares = [(p, data.era_shares[p] * n) for p in PERIODS[:-1]]
        shares.append((last, max(0.0, data.era_shares[last] * n - crafts_only)))
        eras = iter(quota(rng, rest, shares)) if rest else iter(())
        tricky_names = data.names.tricky
        spots_needed = len(tricky_names) * data.names.tricky_least
        tricky = {}
        if n >= 10 * spots_needed:
            spots = rng.sample(range(n), spots_needed)
            tricky = {i: tricky_names[k % len(tricky_names)] for k, i in enumerate(spots)}
        districts = data.places.districts
        people = []
        for i, category in enumerate(categories):
            period = last if data.categories[category].craftsman else next(eras)
            industry = self._industry(category, period)
            trade = data.trades[industry]
            weights = [d.weight * trade.districts.get(name, 1.0) for name, d in districts.items()]
            person = Person(
                id=f"s{i + 1:05d}",
                category=category,
                period=period,
                industry=industry,
                district=pick(rng, tuple(districts), weights),
                gender=data.words.female if rng.random() < trade.female else data.words.male,
            )
            self._honours(person)
            person.name = self._name(person, tricky.get(i))
            people.append(person)
        self._add_titles(people, n)
        return people

    def _industry(self, category: str, period: str) -> str:
        k = PERIODS.index(period)
        crafts = self.data.categories[category].craftsman
        trades = [self.data.trades[i] for i in self.industries]
        weights = [t.weights[k] if t.craft or not crafts else 0.0 for t in trades]
        return pick(self.rng, self.industries, weights)

    def _ladder(self, person: Person) -> list[str]:
        """The codes of a person's honours, lowest first, the category's best last."""
        rng, data = self.rng, self.data
        public = rng.random() < data.trades[person.industry].public
        category = data.categories[person.category]
        best = category.best[0]
        if len(category.best) > 1 and not rng.random() < category.chance:
            best = category.best[1]
        lower = [code for code in category.lower if code != best]
        if public:
            best = data.public.get(best, best)
            lower = [data.public.get(code, code) for code in lower]
        sizes = category.sizes
        k = rng.choices(range(1, len(sizes) + 1), sizes)[0]
        chosen = rng.sample(lower, min(k - 1, len(lower)))
        # Lower honours come first: county, city, then a level's medal before its title.
        honours = data.honours
        return [*sorted(chosen, key=lambda code: (-honours[code].tier, not honours[code].medal)), best]

    def _honours(self, person: Person) -> None:
        rng, data = self.rng, self.data
        lo, hi = data.period_years(person.period)
        for _attempt in range(ATTEMPTS):
            codes = self._ladder(person)
            firsts = [y for y in data.honours[codes[0]].years if lo <= y <= hi]
            if not firsts:
                continue
            y0 = rng.choice(firsts)
            top = 46 if len(codes) > 1 else 56  # leave room for later honours
            age = (rng.randint(FIRST_AGE, top) + rng.randint(FIRST_AGE, top)) // 2
            birth = y0 - age
            years = [y0]
            for code in codes[1:]:
                last = min(data.last_year, birth + RETIREMENT_AGE)
                later = [y for y in data.honours[code].years if years[-1] + HONOUR_GAP <= y <= last]
                if not later:
                    break
                years.append(rng.choice(later[:LATER_CHOICES]))
            if len(years) == len(codes):
                person.birth = birth
                person.honours = list(zip(codes, years, strict=True))
                return
        # The category cannot start in this era: fall back to its plain honour.
        code = data.categories[person.category].fallback
        y0 = rng.choice([y for y in data.honours[code].years if lo <= y <= hi])
        person.birth = y0 - rng.randint(30, 50)
        person.honours = [(code, y0)]

    def _add_titles(self, people: list[Person], n: int) -> None:
        """Craftsman titles for model workers of a craft, up to each title's share of everyone."""
        rng, data = self.rng, self.data
        for added in data.added:
            code = added.honour
            have = sum(1 for p in people for c, _ in p.honours if c == code)
            need = round(added.share * n) - have
            pool = [
                p
                for p in people
                if p.category in added.categories
                and data.trades[p.industry].craft
                and code not in {c for c, _ in p.honours}
                and self._title_years(p, code)
            ]
            for p in rng.sample(pool, max(0, min(need, len(pool)))):
                year = rng.choice(self._title_years(p, code))
                honours = [*p.honours, (code, year)]
                p.honours = sorted(honours, key=lambda h: (h[1], data.honours[h[0]].tier))

    def _title_years(self, p: Person, code: str) -> list[int]:
        first = p.honours[0][1]
        taken = {y for _, y in p.honours}
        top = min(self.data.last_year, p.birth + RETIREMENT_AGE)
        return [y for y in self.data.honours[code].years if first < y <= top and y not in taken]

    def _name(self, person: Person, surname: str | None) -> str:
        rng, names = self.rng, self.data.names
        generation = names.generation(person.birth)
        chars = names.given[(person.gender, generation)]
        name = ""
        for attempt in range(100):
            family = surname or pick(rng, names.surnames, names.surname_weights)
            if generation == names.nickname_generation and rng.random() < 0.08:
                given = names.nickname + rng.choice(chars)
            elif rng.random() < 0.22:
                given = rng.choice(chars)
            else:
                given = rng.choice(chars) + rng.choice(chars)
            name = family + given
            doubled = len(given) == 2 and given[0] == given[1]
            if family[-1] in given or (doubled and person.gender == self.data.words.male):
                continue
            # Unique while names are plentiful; never a real person's name.
            if name not in self.reserved and (name not in self.used_names or attempt >= UNIQUE_ATTEMPTS):
                break
        self.used_names.add(name)
        return name
