"""名师高徒 pairs (pairs.csv): a master, an apprentice, the studio and the year, checked at load.

A master is an honoree; an apprentice is an honoree too, or a person named with an employer.
Every row is checked against the people and studios already read: an unknown person or
studio, a person paired with themself, an impossible year, a repeated pair, and a row that
would close a cycle (A taught B taught A) are each reported with file, line and reason.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path

from hall.pack import schema
from hall.pack.problems import Problems
from hall.pack.read import FIRST_YEAR, read_csv, read_row
from hall.pack.records import derive

FILE = schema.PAIR.file
MIN_MASTER_AGE = 14  # the youngest a master is taken to be when a pair is made
NAMED = "~"  # a node key for an apprentice who is no honoree: "~name|employer"


class _PairBase:
    """One 名师高徒 pair: who taught whom, where, which craft, since when, and what came of it."""

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        # A plain tuple, as the other records pickle: the catalogue cache loads faster.
        return (type(self), tuple(getattr(self, name) for name in self.__slots__))  # type: ignore[attr-defined]

    @property
    def apprentice_key(self) -> str:
        """The apprentice as a node of the lineage graph: the honoree's id, or name and employer."""
        if self.apprentice_id:  # type: ignore[attr-defined]
            return self.apprentice_id  # type: ignore[attr-defined]
        return f"{NAMED}{self.apprentice_name}|{self.apprentice_employer}"  # type: ignore[attr-defined]


Pair = derive(schema.PAIR, "Pair", _PairBase, derived=(("line", int, 0),))  # line: where in pairs.csv
Pair.__module__ = __name__  # pickled by name from here, where it is defined


def read_pairs(
    exhibits: Path,
    problems: Problems,
    birth_years: Mapping[str, int | None],
    studios: Collection[str],
    this_year: int,
) -> tuple[Pair, ...]:  # type: ignore[valid-type]
    """Every usable row of exhibits/pairs.csv (a pack without the file has no pairs).

    Args:
        birth_years: the honorees' ids and birth years (None when unknown).
        studios: the studios' ids.
    """
    if not (exhibits / FILE).exists():
        return ()
    pairs: list[Pair] = []  # type: ignore[valid-type]
    ids: dict[str, int] = {}
    seen: dict[tuple[str, str], int] = {}
    for line, row in read_csv(exhibits, schema.PAIR, problems):
        values, reasons = read_row(schema.PAIR, row)

        def bad(column: str, reason: str, line: int = line) -> None:
            problems.add(FILE, line, column, reason)

        pid, master, apprentice = values["id"], values["master_id"], values["apprentice_id"]
        year = values["year"]
        if not pid:
            bad("id", "row has no id; skipped")
        elif pid in ids:
            bad("id", f"duplicate id {pid} (first on line {ids[pid]}); skipped")
        elif master not in birth_years:
            bad("master_id", f"unknown master {master!r}: a master must be an honoree; skipped")
        elif apprentice and apprentice not in birth_years:
            bad("apprentice_id", f"unknown apprentice {apprentice!r}; skipped")
        elif not apprentice and not values["apprentice_name"]:
            bad("apprentice_name", "no apprentice: give an honoree's id or a name; skipped")
        elif apprentice == master:
            bad("apprentice_id", f"{master} is paired with themself; skipped")
        elif reason := _year_reason(
            year, reasons.get("year", ""), birth_years, master, apprentice, this_year
        ):
            bad("year", f"{reason}; skipped")
        else:
            if values["studio_id"] and values["studio_id"] not in studios:
                bad("studio_id", f"unknown studio {values['studio_id']!r}; left blank")
                values["studio_id"] = ""
            pair = Pair(**values, line=line)
            key = (master, pair.apprentice_key)
            if key in seen:
                bad("apprentice_id", f"the same master and apprentice as line {seen[key]}; skipped")
                continue
            ids[pid], seen[key] = line, line
            pairs.append(pair)
    closing = cycle_closers(pairs)
    for pair, cycle in closing.items():
        reason = f"closes a cycle ({' → '.join(cycle)}): no one is their own master's master; skipped"
        problems.add(FILE, pair.line, "apprentice_id", reason)
    return tuple(p for p in pairs if p not in closing)


def _year_reason(
    year: int | None,
    unreadable: str,
    birth_years: Mapping[str, int | None],
    master: str,
    apprentice: str,
    this_year: int,
) -> str:
    """Why the year a pair was made is impossible ("" when it is possible or not given)."""
    if unreadable:
        return f"impossible year: {unreadable}"
    if year is None:
        return ""
    if not FIRST_YEAR <= year <= this_year:
        return f"impossible year {year}: pairs are made from {FIRST_YEAR} to this year"
    born = birth_years.get(master)
    if born is not None and year < born + MIN_MASTER_AGE:
        return f"impossible year {year}: the master was born in {born}"
    born = birth_years.get(apprentice) if apprentice else None
    if born is not None and year < born:
        return f"impossible year {year}: the apprentice was born in {born}"
    return ""


def cycle_closers(pairs: Iterable[Pair]) -> dict[Pair, tuple[str, ...]]:  # type: ignore[valid-type]
    """The pairs that close a cycle, in file order, each with the cycle it closes (A, B, …, A).

    Only pairs inside a strongly connected part of the graph can close one, so the costly
    reachability test runs on those alone: a clean pack of 10,000 pairs pays one linear pass.
    """
    pairs = list(pairs)
    edges: dict[str, list[str]] = defaultdict(list)
    for p in pairs:
        if p.apprentice_id:
            edges[p.master_id].append(p.apprentice_id)
    tangled = _tangled(edges)
    if not tangled:
        return {}
    kept: dict[str, list[str]] = defaultdict(list)
    closers: dict[Pair, tuple[str, ...]] = {}  # type: ignore[valid-type]
    for p in pairs:
        a, m = p.apprentice_id, p.master_id
        if not a or m not in tangled or a not in tangled:
            continue
        back = _path(kept, a, m)  # the apprentice already (indirectly) taught the master
        if back:
            closers[p] = (m, *back)
        else:
            kept[m].append(a)
    return closers


def _path(edges: Mapping[str, list[str]], start: str, goal: str) -> tuple[str, ...]:
    """A path start → … → goal along `edges` (empty when there is none)."""
    before: dict[str, str] = {start: ""}
    queue = [start]
    for node in queue:
        if node == goal:
            path = [node]
            while before[path[-1]]:
                path.append(before[path[-1]])
            return tuple(reversed(path))
        for nxt in edges.get(node, ()):
            if nxt not in before:
                before[nxt] = node
                queue.append(nxt)
    return ()


def _tangled(edges: Mapping[str, list[str]]) -> set[str]:
    """Nodes that lie on some cycle: members of strongly connected parts bigger than one
    (Tarjan's algorithm, iterative so that long lines cannot overflow the stack)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    tangled: set[str] = set()
    counter = 0
    for root in list(edges):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            children = edges.get(node, [])
            if i < len(children):
                work.append((node, i + 1))
                child = children[i]
                if child not in index:
                    work.append((child, 0))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            if low[node] == index[node]:
                part = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    part.append(top)
                    if top == node:
                        break
                if len(part) > 1:
                    tangled.update(part)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return tangled
