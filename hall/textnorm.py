"""Text normalisation shared by the search index and the queries it answers.

The same function, :func:`normalize`, is applied to every indexed field when the index is
built and to every query when it is searched, so that the two always meet in the same form:

* compatibility forms are folded (NFKC): full-width letters and digits become ASCII ones;
* Latin diacritics are dropped, so pinyin typed with tones (``dīng wèi sōng``) reads as
  ``dingweisong`` and ``lü`` as ``lu``;
* everything is lower-cased;
* spaces, punctuation, symbols (emoji included) and control or format characters
  (zero-width spaces, direction marks) are dropped: only letters, digits and marks remain;
* traditional characters become simplified ones (OpenCC ``t2s``): ``紹興縣`` → ``绍兴县``.

Nothing is done at import time: the per-character table fills itself as characters are met and
the OpenCC converter is built on first use, once per process.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Sequence
from typing import Any

__all__ = [
    "normalize",
    "normalize_many",
    "normalize_with_map",
    "split_words",
    "to_simplified",
]

_COMBINING_LATIN = range(0x0300, 0x0370)


def _fold_char(ch: str) -> str | None:
    """What one character becomes: NFKC, lower case, Latin diacritics off, only letters/digits."""
    text = unicodedata.normalize("NFKC", ch).lower()
    text = unicodedata.normalize("NFD", text)
    kept = [c for c in text if ord(c) not in _COMBINING_LATIN and _is_word_char(c)]
    if not kept:
        return None
    return unicodedata.normalize("NFC", "".join(kept))


def _is_word_char(c: str) -> bool:
    """Letters, digits and marks stay; spaces, punctuation, symbols and controls go."""
    return unicodedata.category(c)[0] in "LNM"


class _FoldTable(dict[int, Any]):
    """A ``str.translate`` table that computes (and keeps) each character's folding on demand."""

    def __missing__(self, code: int) -> str | None:
        value = _fold_char(chr(code))
        if value == chr(code):
            value = code  # unchanged: the fastest thing str.translate can be told
        self[code] = value
        return value


_TABLE = _FoldTable()
_CONVERTER: Any = None
_CONVERTER_LOCK = threading.Lock()


def _converter() -> Any:
    global _CONVERTER
    if _CONVERTER is None:
        with _CONVERTER_LOCK:
            if _CONVERTER is None:
                import opencc

                _CONVERTER = opencc.OpenCC("t2s")
    return _CONVERTER


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese (OpenCC ``t2s``); ASCII text is returned as it is."""
    if not text or text.isascii():
        return text
    return str(_converter().convert(text))


def normalize(text: str) -> str:
    """The searchable form of ``text``, used alike for indexed fields and for queries.

    ``normalize("紹興縣 Wèi-Sōng!") == "绍兴县weisong"``
    """
    if not text:
        return ""
    folded = text.translate(_TABLE)
    return to_simplified(folded)


def normalize_many(texts: Sequence[str]) -> list[str]:
    """``[normalize(t) for t in texts]``, with one traditional → simplified pass for all of them."""
    folded = [t.translate(_TABLE) if t else "" for t in texts]
    joined = "\n".join(folded)  # folding drops "\n", so no text contains one
    if joined.isascii():
        return folded
    out = to_simplified(joined).split("\n")
    if len(out) != len(folded):  # pragma: no cover - never seen with t2s
        return [to_simplified(f) for f in folded]
    return out


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """``normalize(text)`` and, for each character of it, the index in ``text`` it came from.

    Used to turn a match found in normalised text back into the characters as printed, so that
    the interface can highlight them. If the traditional → simplified conversion ever changed the
    length of the text, characters are converted one by one instead (the map stays exact).
    """
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text or ""):
        folded = ch.translate(_TABLE)
        out.append(folded)
        origin.extend([i] * len(folded))
    folded_text = "".join(out)
    simplified = to_simplified(folded_text)
    if len(simplified) != len(folded_text):
        simplified = "".join(to_simplified(c) or c for c in folded_text)
        if len(simplified) != len(folded_text):  # pragma: no cover - never seen with t2s
            simplified = folded_text
    return simplified, origin


def split_words(text: str) -> list[str]:
    """Split raw text on white space and punctuation, then normalise each piece (empties dropped).

    ``split_words("丁卫松, 柯桥 ") == ["丁卫松", "柯桥"]``
    """
    pieces: list[str] = []
    word: list[str] = []
    for ch in unicodedata.normalize("NFKC", text or ""):
        cat = unicodedata.category(ch)
        if cat[0] in "ZPC" or ch.isspace():
            if word:
                pieces.append("".join(word))
                word = []
        else:
            word.append(ch)
    if word:
        pieces.append("".join(word))
    words = [normalize(p) for p in pieces]
    return [w for w in words if w]
