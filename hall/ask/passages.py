"""Passages: the sentences a question can be answered from, each knowing where it came from.

A *source* is a function from a catalogue to passages, registered by name with
:func:`source`; the modules of ``hall.ask.sources`` register the hall's (people's records,
milestones, hall.yaml's texts, studios). A new record kind — activities, lineages — becomes
answerable with one small module there and one import in ``hall/ask/sources/__init__.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

# Sentence ends in Chinese and Western punctuation; a line break ends a paragraph.
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*")


@dataclass(frozen=True, slots=True)
class Link:
    """Where a passage can be read in the hall: a room (hall.rooms key) and its query."""

    room: str
    params: tuple[tuple[str, str], ...] = ()

    def url(self, url_path: str) -> str:
        """The relative address, given the room's URL path (hall.rooms.Room.url)."""
        query = "&".join(f"{k}={v}" for k, v in self.params)
        return f"/{url_path}" + (f"?{query}" if query else "")


@dataclass(frozen=True, slots=True)
class Passage:
    """One sentence (or a record's few fields written as one) that can answer a question.

    ``kind`` names the source (``person``, ``milestone``, ``hall``, ``studio`` …); ``ids`` the
    people it is about; ``title`` what the source is called on screen; ``cite`` the pack's
    citation of the record (its ``source`` cell), "" for invented sample records.
    """

    text: str
    kind: str
    title: str
    link: Link
    ids: tuple[str, ...] = ()
    cite: str = ""
    key: str = ""  # the record it came from (honoree id, milestone year …), for tests and JSON


SourceFn = Callable[[Any], Iterable[Passage]]
_SOURCES: dict[str, SourceFn] = {}


def source(name: str) -> Callable[[SourceFn], SourceFn]:
    """Register ``fn(catalog) -> passages`` as the source ``name`` (a decorator).

    Raises:
        ValueError: another source has this name already.
    """

    def register(fn: SourceFn) -> SourceFn:
        if name in _SOURCES and _SOURCES[name] is not fn:
            raise ValueError(f"answer source {name!r} is registered twice")
        _SOURCES[name] = fn
        return fn

    return register


def sources() -> Mapping[str, SourceFn]:
    """Every registered source by name (importing hall.ask.sources registers the hall's)."""
    import hall.ask.sources  # noqa: F401  (registers them)

    return dict(_SOURCES)


def all_passages(catalog: Any) -> list[Passage]:
    """Every passage of every registered source, in the sources' order."""
    return [p for fn in sources().values() for p in fn(catalog)]


def sentences(text: str) -> Iterator[str]:
    """The sentences of ``text``: cut after 。！？； and at line breaks, blanks dropped."""
    for m in _SENTENCE.finditer(text or ""):
        s = m.group(0).strip()
        if len(s) > 1:
            yield s


@dataclass(frozen=True)
class Corpus:
    """The passages of one catalogue, with the people each person's passages start at, and the
    other passages (activities, pairs, studios) that name each person."""

    passages: tuple[Passage, ...]
    by_person: dict[str, tuple[int, ...]] = field(default_factory=dict)
    mentions: dict[str, tuple[int, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, passages: Iterable[Passage]) -> Corpus:
        items = tuple(passages)
        rows: dict[str, list[int]] = {}
        named: dict[str, list[int]] = {}
        for i, p in enumerate(items):
            for hid in p.ids:
                (rows if p.kind == "person" else named).setdefault(hid, []).append(i)
        return cls(items, {k: tuple(v) for k, v in rows.items()}, {k: tuple(v) for k, v in named.items()})
