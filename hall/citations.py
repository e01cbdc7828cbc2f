"""A record's `source` cell read as citations: each the title a visitor reads and, when given,
the address it can be followed at (the address is never shown as text)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

_URL = re.compile(r"https?://[^\s；;，,）)》」]+")
_SEPARATORS = re.compile(r"\s*[；;]\s*")
_LOOSE_ENDS = " \t:：,，、.。-—–"


@dataclass(frozen=True, slots=True)
class Citation:
    title: str
    url: str = ""


def citations(source: str) -> tuple[Citation, ...]:
    """The citations of a source cell, in order: parts split at ；, each part's web address taken
    out of its text; a part that is only an address is titled by its site's name."""
    found = []
    for part in _SEPARATORS.split(source.strip()):
        urls = _URL.findall(part)
        title = _URL.sub(" ", part)
        title = " ".join(title.split()).strip(_LOOSE_ENDS)
        if not title and urls:
            title = urlsplit(urls[0]).hostname or urls[0]
        if title:
            found.append(Citation(title, urls[0] if urls else ""))
    return tuple(found)
