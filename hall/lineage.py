"""名师高徒 as a graph: who taught whom, a person's line two generations up and down, filters,
figures, and a layout computed once per pack.

Pure: a catalogue in, plain data out. The layout is the costly part (every family of masters
and apprentices laid out as a tree, generations as rows); `Lineage.of` builds it once per
catalogue and the room only picks and places what a filter or a person's line shows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from hall.pack import Catalog, Honoree
from hall.pack.pairs import NAMED, Pair

GAP = 1.0  # slots between two families placed side by side


@dataclass(frozen=True, slots=True)
class Person:
    """A node: an honoree, or an apprentice known by name and employer only."""

    key: str  # the honoree's id, or "~name|employer"
    name: str
    honoree: bool
    employer: str = ""
    district_code: str = ""
    industry: str = ""
    sample: bool = False


@dataclass(frozen=True, slots=True)
class Filters:
    """What the room narrows the pairs to; blank means any."""

    craft: str = ""
    industry: str = ""
    district: str = ""  # adcode: the master's or the apprentice's district
    studio: str = ""

    @property
    def any(self) -> bool:
        return bool(self.craft or self.industry or self.district or self.studio)


@dataclass(frozen=True, slots=True)
class Line:
    """A person's line: masters' masters … apprentices' apprentices, nearest generation first."""

    person: Person
    up: tuple[tuple[Person, ...], ...]  # up[0] the masters, up[1] their masters
    down: tuple[tuple[Person, ...], ...]  # down[0] the apprentices, down[1] theirs
    pairs: tuple[int, ...]  # the pairs drawn between them (indexes into Lineage.pairs)

    @property
    def size(self) -> int:
        return 1 + sum(map(len, self.up)) + sum(map(len, self.down))


@dataclass(frozen=True, slots=True)
class View:
    """What a chart draws: people at (x, y) and the pairs between them as segments."""

    keys: tuple[str, ...]
    xs: tuple[float, ...]
    ys: tuple[float, ...]
    edges: tuple[tuple[float, float, float, float], ...]
    width: float
    rows: int


@dataclass(frozen=True)
class Lineage:
    """Every pair of a pack, its people, its families and their layout."""

    pairs: tuple[Pair, ...]  # type: ignore[valid-type]
    people: Mapping[str, Person]
    masters_of: Mapping[str, tuple[int, ...]]  # person → pairs where they are the apprentice
    apprentices_of: Mapping[str, tuple[int, ...]]  # person → pairs where they are the master
    families: tuple[tuple[str, ...], ...]  # connected people, biggest family first
    place: Mapping[str, tuple[float, int]]  # person → (slot within the family, generation)
    family_of: Mapping[str, int]
    family_width: tuple[float, ...]
    _memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, cat: Catalog) -> Lineage:
        """The lineage of a catalogue, laid out (the costly step: once per pack)."""
        return _build(cat)

    # -- a person ------------------------------------------------------------------------
    def has(self, key: str) -> bool:
        return key in self.people

    def masters(self, key: str) -> tuple[Person, ...]:
        return tuple(self.people[self.pairs[i].master_id] for i in self.masters_of.get(key, ()))

    def apprentices(self, key: str) -> tuple[Person, ...]:
        return tuple(self.people[self.pairs[i].apprentice_key] for i in self.apprentices_of.get(key, ()))

    def line(self, key: str, depth: int = 2) -> Line | None:
        """A person's masters and apprentices, and `depth` generations each way (None when the
        person is in no pair)."""
        if key not in self.people:
            return None
        drawn: set[int] = set()
        up = self._walk(key, depth, self.masters_of, lambda p: p.master_id, drawn)
        down = self._walk(key, depth, self.apprentices_of, lambda p: p.apprentice_key, drawn)
        return Line(self.people[key], up, down, tuple(sorted(drawn)))

    def _walk(
        self, key: str, depth: int, links: Mapping[str, tuple[int, ...]], other: Any, drawn: set[int]
    ) -> tuple[tuple[Person, ...], ...]:
        levels: list[tuple[Person, ...]] = []
        seen, frontier = {key}, [key]
        for _ in range(depth):
            nxt: list[str] = []
            for k in frontier:
                for i in links.get(k, ()):
                    drawn.add(i)
                    o = other(self.pairs[i])
                    if o not in seen:
                        seen.add(o)
                        nxt.append(o)
            if not nxt:
                break
            levels.append(tuple(self.people[k] for k in nxt))
            frontier = nxt
        return tuple(levels)

    # -- filters ---------------------------------------------------------------------------
    def select(self, f: Filters) -> tuple[int, ...]:
        """The pairs a filter keeps, in file order."""
        if not f.any:
            return tuple(range(len(self.pairs)))
        people = self.people
        return tuple(
            i
            for i, p in enumerate(self.pairs)
            if (not f.craft or p.craft == f.craft)
            and (not f.industry or people[p.master_id].industry == f.industry)
            and (not f.studio or p.studio_id == f.studio)
            and (
                not f.district
                or f.district in (people[p.master_id].district_code, people[p.apprentice_key].district_code)
            )
        )

    def choices(self) -> dict[str, tuple[str, ...]]:
        """The values each filter may take, most pairs first (crafts, industries, studios)."""
        if "choices" not in self._memo:
            count = Counter
            self._memo["choices"] = {
                "craft": _ranked(count(p.craft for p in self.pairs if p.craft)),
                "industry": _ranked(count(self.people[p.master_id].industry for p in self.pairs)),
                "studio": _ranked(count(p.studio_id for p in self.pairs if p.studio_id)),
            }
        return self._memo["choices"]

    def roots(self, pairs: Iterable[int]) -> tuple[str, ...]:
        """The first masters of the selected pairs' lines (taught by no one among them), the
        biggest line first: where a visitor starts to follow one."""
        chosen = list(pairs)
        taught = {self.pairs[i].apprentice_key for i in chosen}
        size: Counter[str] = Counter()
        for i in chosen:
            m = self.pairs[i].master_id
            if m not in taught:
                size[m] += 1 + len(self.apprentices_of.get(self.pairs[i].apprentice_key, ()))
        return tuple(k for k, _ in sorted(size.items(), key=lambda kv: (-kv[1], kv[0])))

    # -- drawing ---------------------------------------------------------------------------
    def view(self, pairs: Sequence[int], width: float = 40.0) -> View:
        """The selected pairs' families, each as laid out once, placed in rows `width` slots wide."""
        keys: dict[str, None] = {}
        for i in pairs:
            p = self.pairs[i]
            keys[p.master_id] = None
            keys[p.apprentice_key] = None
        families = sorted({self.family_of[k] for k in keys})
        offset: dict[int, tuple[float, int]] = {}
        x = row_top = 0.0
        row_depth = rows = 0
        for fam in families:
            w = self.family_width[fam]
            if x and x + w > width:
                x, row_top, row_depth, rows = 0.0, row_top + row_depth + 1.5, 0, rows + 1
            offset[fam] = (x, row_top)
            depth = max(self.place[k][1] for k in self.families[fam])
            row_depth = max(row_depth, depth)
            x += w + GAP
        pos = {}
        for k in keys:
            fx, fy = offset[self.family_of[k]]
            slot, gen = self.place[k]
            pos[k] = (fx + slot, -(fy + gen))
        edges = tuple((*pos[self.pairs[i].master_id], *pos[self.pairs[i].apprentice_key]) for i in pairs)
        return View(
            tuple(keys),
            tuple(pos[k][0] for k in keys),
            tuple(pos[k][1] for k in keys),
            edges,
            width,
            rows + 1 if families else 0,
        )

    def line_view(self, line: Line) -> View:
        """A person's line drawn on its own: generations as rows, the person in the middle row,
        each row centred (small enough to read on a phone)."""
        rows = [*reversed(line.up), (line.person,), *line.down]
        widest = max(len(r) for r in rows)
        keys, xs, ys = [], [], []
        pos: dict[str, tuple[float, float]] = {}
        for depth, row in enumerate(rows):
            start = (widest - len(row)) / 2
            for n, person in enumerate(row):
                pos[person.key] = (start + n, -float(depth))
                keys.append(person.key)
                xs.append(start + n)
                ys.append(-float(depth))
        edges = tuple(
            (*pos[p.master_id], *pos[p.apprentice_key])
            for p in (self.pairs[i] for i in line.pairs)
            if p.master_id in pos and p.apprentice_key in pos
        )
        return View(tuple(keys), tuple(xs), tuple(ys), edges, float(widest), len(rows))

    # -- figures -----------------------------------------------------------------------------
    def per_year(self, pairs: Iterable[int]) -> dict[int, int]:
        """Pairs made each year (pairs without a year left out)."""
        years = Counter(self.pairs[i].year for i in pairs if self.pairs[i].year)
        return dict(sorted(years.items()))

    def per_studio(self, pairs: Iterable[int]) -> dict[str, int]:
        """Pairs of each studio, most first (pairs outside a studio left out)."""
        return dict(
            _ranked_counts(Counter(self.pairs[i].studio_id for i in pairs if self.pairs[i].studio_id))
        )

    def honoured_later(self, pairs: Iterable[int], cat: Catalog) -> dict[str, int]:
        """Apprentices by what came after: honoured after they were paired, honoured before, or
        (as yet) not among the hall's honorees."""
        tally = Counter({"after": 0, "before": 0, "not_yet": 0})
        for key in dict.fromkeys(self.pairs[i].apprentice_key for i in pairs):
            if key.startswith(NAMED) or not cat.has(key):
                tally["not_yet"] += 1
                continue
            paired = min((self.pairs[i].year or 9999 for i in self.masters_of[key]), default=9999)
            first = _first_year(cat.honoree(key))
            after = first is not None and first >= paired
            tally["after" if after else "before" if first is not None else "not_yet"] += 1
        return dict(tally)


def tapped_person(selection: Mapping[str, Any] | None, lineage: Lineage) -> str:
    """The person a tap on a lineage graph picked: the key its dot carries ("" for none, a line,
    or a key this lineage does not hold)."""
    for point in (selection or {}).get("points") or ():
        data = point.get("customdata")
        if isinstance(data, Sequence) and not isinstance(data, str):
            data = data[0] if data else ""
        if isinstance(data, str) and lineage.has(data):
            return data
    return ""


def _first_year(h: Honoree) -> int | None:  # type: ignore[valid-type]
    return min((x.year for x in h.honours if x.year), default=None)  # type: ignore[attr-defined]


def _ranked(counts: Counter[str]) -> tuple[str, ...]:
    return tuple(k for k, _ in _ranked_counts(counts))


def _ranked_counts(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _person(key: str, cat: Catalog) -> Person:
    if key.startswith(NAMED):
        name, _, employer = key[len(NAMED) :].partition("|")
        return Person(key, name, False, employer)
    h = cat.honoree(key)
    return Person(key, h.name, True, h.employer, h.district_code, h.industry, h.sample)


_BUILT: dict[int, tuple[Catalog, Lineage]] = {}  # by the catalogue's identity (it is unhashable)


def _build(cat: Catalog) -> Lineage:
    built = _BUILT.get(id(cat))
    if built is not None and built[0] is cat:
        return built[1]
    lineage = lay_out(cat)
    if len(_BUILT) >= 4:  # a process holds one pack; tests and benchmarks hold a few
        _BUILT.pop(next(iter(_BUILT)))
    _BUILT[id(cat)] = (cat, lineage)
    return lineage


def lay_out(cat: Catalog) -> Lineage:
    """The lineage of a catalogue laid out afresh, uncached (`Lineage.of` keeps it per catalogue)."""
    pairs = tuple(cat.pairs)
    masters_of: dict[str, list[int]] = defaultdict(list)
    apprentices_of: dict[str, list[int]] = defaultdict(list)
    order: dict[str, None] = {}
    for i, p in enumerate(pairs):
        apprentices_of[p.master_id].append(i)
        masters_of[p.apprentice_key].append(i)
        order[p.master_id] = order[p.apprentice_key] = None
    people = {k: _person(k, cat) for k in order}
    # Families: a spanning forest from the first masters down (a person taught by two masters
    # hangs under the first); slots are leaves left to right, a master centred over the taught.
    children: dict[str, list[str]] = defaultdict(list)
    parent: dict[str, str] = {}
    for p in pairs:
        a = p.apprentice_key
        if a not in parent and a != p.master_id:
            parent[a] = p.master_id
            children[p.master_id].append(a)
    roots = [k for k in order if k not in parent]
    place: dict[str, tuple[float, int]] = {}
    trees: list[tuple[str, ...]] = []
    widths: list[float] = []
    for root in roots:
        members: list[str] = []
        next_slot = 0.0
        stack: list[tuple[str, int, bool]] = [(root, 0, False)]
        while stack:
            key, gen, done = stack.pop()
            kids = children.get(key, ())
            if not kids:
                place[key] = (next_slot, gen)
                next_slot += 1
                members.append(key)
            elif done:
                slots = [place[c][0] for c in kids]
                place[key] = ((min(slots) + max(slots)) / 2, gen)
                members.append(key)
            else:
                stack.append((key, gen, True))
                stack.extend((c, gen + 1, False) for c in reversed(kids))
        trees.append(tuple(members))
        widths.append(max(next_slot, 1.0))
    # Families joined through a second master are still drawn apart: each tree is one family.
    ranked = sorted(range(len(trees)), key=lambda i: (-len(trees[i]), trees[i][-1]))
    families = tuple(trees[i] for i in ranked)
    family_width = tuple(widths[i] for i in ranked)
    family_of = {k: n for n, fam in enumerate(families) for k in fam}
    return Lineage(
        pairs=pairs,
        people=people,
        masters_of={k: tuple(v) for k, v in masters_of.items()},
        apprentices_of={k: tuple(v) for k, v in apprentices_of.items()},
        families=families,
        place=place,
        family_of=family_of,
        family_width=family_width,
    )
