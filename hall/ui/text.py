"""Content text made inert for Streamlit's Markdown: shown as typed, never as markup."""

from __future__ import annotations

import re

# Markdown, Streamlit directives (:red[..]), LaTeX ($), raw HTML and entities (&amp;) start with one of these.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")
# Not printable, yet part of what was typed: joiners hold emoji such as 👩‍🔧 together.
_KEEP = frozenset("\n\t\u200c\u200d")


def plain(text: str) -> str:
    """Escape every character Markdown could read as markup; newlines stay line breaks."""
    cleaned = "".join(ch for ch in text if ch in _KEEP or ch.isprintable())
    return _SPECIAL.sub(r"\\\1", cleaned)


def highlight(text: str, needle: str, width: int = 16) -> str:
    """Markdown of `text` (cut to a window around `needle`) with `needle` marked; all inert."""
    at = text.find(needle) if needle else -1
    if at < 0:
        return plain(text[: width * 2] + ("…" if len(text) > width * 2 else ""))
    start, end = max(0, at - width), min(len(text), at + len(needle) + width)
    before = ("…" if start else "") + text[start:at]
    after = text[at + len(needle) : end] + ("…" if end < len(text) else "")
    return f"{plain(before)}:red-background[{plain(needle)}]{plain(after)}"
