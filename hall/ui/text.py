"""Content text made inert for Streamlit's Markdown: shown as typed, never as markup."""

from __future__ import annotations

import re

# Markdown, Streamlit directives (:red[..]), LaTeX ($) and raw HTML all start with one of these.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=])")


def plain(text: str) -> str:
    """Escape every character Markdown could read as markup; newlines stay line breaks."""
    cleaned = "".join(ch for ch in text if ch in "\n\t" or ch.isprintable())
    return _SPECIAL.sub(r"\\\1", cleaned)
