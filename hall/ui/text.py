"""Text made inert for Streamlit's Markdown: shown as typed, never as markup or a link.

The one path for every piece of visitor, link or content text a room shows through an element
that renders Markdown (st.markdown, st.caption, st.info/warning/error/success, st.title and the
headers, and every widget or page-link label). `st.text` and `st.code` show text as it is and
need none of this.
"""

from __future__ import annotations

import re

from hall.citations import citations
from hall.labels import t

# Markdown, Streamlit directives (:red[..]), LaTeX ($), raw HTML and entities (&amp;) start with one of these.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")
# Not printable, yet part of what was typed: joiners hold emoji such as 👩‍🔧 together.
_KEEP = frozenset("\n\t\u200c\u200d")
# Invisible, and breaks what escaping cannot: GitHub-flavoured Markdown links bare http://, www.
# and e-mail addresses by matching the text *after* escapes are resolved, and Streamlit turns
# :material/…: and :streamlit: into icons the same way. A word joiner after every ":" and "@" and
# inside "www." leaves nothing for them to match; the text reads the same.
WORD_JOINER = "\u2060"
_UNLINK = re.compile(r"(?<=\\:)|(?<=@)|(?<=www)(?=\\\.)", re.IGNORECASE)
# Spaces or tabs starting a line would make an indented code block: no-break spaces look the same.
_INDENT = re.compile(r"(?m)^[ \t]+")
# How much of a link's or a visitor's text a message repeats back.
ECHO_LIMIT = 100
# A web address in a pack's source citation (curated content): up to a space, a full-width
# character or a closing quote; a trailing full stop or comma is not part of it.


def plain(text: str, *, limit: int | None = None) -> str:
    """`text` as Markdown that shows exactly what was typed and does nothing else.

    Every character Markdown could read as markup is escaped, bare URLs and e-mail addresses are
    kept from becoming links, line indentation from becoming code, and characters that are not
    printable (controls, bidirectional overrides, zero-width spaces) are dropped. Newlines stay.

    Args:
        text: what a visitor typed, a link carried, or the pack holds.
        limit: cut to this many characters (and "…") before escaping, for text echoed back.
    """
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    cleaned = "".join(ch for ch in text if ch in _KEEP or ch.isprintable())
    escaped = _UNLINK.sub(WORD_JOINER, _SPECIAL.sub(r"\\\1", cleaned))
    return _INDENT.sub(lambda m: "\u00a0" * len(m.group(0).expandtabs(4)), escaped)


def t_inert(key: str, lang: str = "zh", **values: object) -> str:
    """The label `key` with every text value made inert: for labels that repeat a link's, a
    visitor's or a file's words. Numbers are filled in as they are."""
    return t(key, lang, **{k: v if isinstance(v, int | float) else plain(str(v)) for k, v in values.items()})


def cited(source: str, *, links: bool = True) -> str:
    """A pack's source cell as Markdown: each citation by its title (hall.citations), a link to
    its address online (`links`), plain text where no link may lead out (a kiosk). The titles
    are inert like plain(); the addresses are the curators', meant to be followed, never shown.
    Never for visitor or link text."""
    shown = []
    for c in citations(source):
        title = plain(c.title)
        if links and c.url:
            target = c.url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
            shown.append(f"[{title}](<{target}>)")
        else:
            shown.append(title)
    return "；".join(shown)


def highlight(text: str, needle: str, width: int = 16) -> str:
    """Markdown of `text` (cut to a window around `needle`) with `needle` marked; all inert."""
    at = text.find(needle) if needle else -1
    if at < 0:
        return plain(text[: width * 2] + ("…" if len(text) > width * 2 else ""))
    start, end = max(0, at - width), min(len(text), at + len(needle) + width)
    before = ("…" if start else "") + text[start:at]
    after = text[at + len(needle) : end] + ("…" if end < len(text) else "")
    return f"{plain(before)}:red-background[{plain(needle)}]{plain(after)}"
