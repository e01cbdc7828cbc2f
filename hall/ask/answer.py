"""An answer: its kind, its text, the records it names and where it came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# What kind of question an answer answered; NOT_FOUND and INVALID answer nothing.
COUNT, LIST, MOST, FIRST, PERSON, FACT, NOT_FOUND, INVALID = (
    "count",
    "list",
    "most",
    "first",
    "person",
    "fact",
    "none",
    "invalid",
)
GRAMMAR_KINDS = frozenset({COUNT, LIST, MOST, FIRST})


@dataclass(frozen=True, slots=True)
class Source:
    """Where an answer came from: a title, the hall's page for it (a relative link) and the
    pack's citation of the record ("" for the hall's own tables and for sample records)."""

    title: str
    link: str
    cite: str = ""
    quote: str = ""  # the passage quoted, when the answer quotes one


@dataclass(frozen=True, slots=True)
class Answer:
    """The hall's answer to one question. ``text`` is plain text made of the records' own words
    (never the question's); ``ids`` the people it names, in the hall's order; ``nearest`` the
    people to look at when nothing answered."""

    kind: str
    text: str
    ids: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    count: int | None = None
    nearest: tuple[str, ...] = ()
    pages: tuple[Source, ...] = ()

    @property
    def answered(self) -> bool:
        return self.kind not in (NOT_FOUND, INVALID)

    def as_json(self) -> dict[str, Any]:
        return {
            "answer": self.text,
            "kind": self.kind,
            "count": self.count,
            "ids": list(self.ids),
            "sources": [
                {"title": s.title, "link": s.link, "cite": s.cite, "quote": s.quote} for s in self.sources
            ],
            "nearest": list(self.nearest),
            "pages": [{"title": s.title, "link": s.link} for s in self.pages],
        }
