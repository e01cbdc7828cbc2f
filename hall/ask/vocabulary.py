"""The hall's own words for cutting questions and passages into terms: jieba, taught the pack's
names, places, honours, studios and industries, quiet, with its cache in the data folder.

jieba's dictionary of general Chinese cuts 诸暨市全国劳模 or 丁卫松在哪里工作 badly: people's names
split into characters and 柯桥区 into 柯桥 + 区. Every name the pack uses is added as a word, so a
question and a passage cut the same way. Terms are in the search index's normal form
(hall.textnorm.normalize: simplified, lower case, no punctuation) so that traditional
characters and full-width letters meet their simplified, half-width selves.
"""

from __future__ import annotations

import logging
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from hall.labels import LABELS
from hall.rooms import era_room
from hall.search.facets import text_of
from hall.textnorm import normalize, to_simplified


def words(*lines: str) -> tuple[str, ...]:
    """The space-separated words of ``lines`` (word lists written as text)."""
    return tuple(w for line in lines for w in line.split())


# Words that carry no meaning of their own in a question: asking, counting and joining words.
# Kept out of the terms a passage must share with a question.
STOPWORDS = frozenset(
    words(
        "的 了 是 在 有 和 与 及 或 吗 呢 吧 啊 呀 么 什么 哪 哪里 哪儿",
        "哪个 哪些 哪位 哪家 哪年 哪一年 几 几位 几个 几名 多少 多少位 多少名",
        "多少个 怎么 怎样 如何 为什么 谁 请问 请 问 告诉 我 你 他 她 它",
        "我们 他们 她们 这 那 这个 那个 一 一个 一位 位 名 个 人 都 也 还",
        "就 被 把 让 给 对 从 到 向 于 以 之 年 共 一共 总共 共有 展馆",
        "馆里 里 中 上 下 吗 过 曾 曾经 会 能 可以 要 想 知道 一下 一年",
        "哪一年 一天 哪一天 哪天 什么时候 何时 时候 几月 几号 哪月 哪个月 多久",
        "多长时间 多长 是不是 有没有",
    )
)
# What a user-dictionary word weighs: above any general word it contains, so it stays whole.
_WORD_FREQ = 200000
_LOCK = threading.Lock()
_TOKENIZERS: dict[str, Any] = {}


def pack_words(catalog: Any) -> list[str]:
    """Every word of the pack worth keeping whole: people's names, district names (today's,
    former and short), honour names and aliases, era names, industries, studios, apprentices who
    are no honoree (名师高徒). Not employers:
    kept whole, their insides would be cut in search mode into words they do not mean
    (嵊州市长乐镇 holds 市长); jieba's own words cut them well."""
    words: list[str] = []
    words += [h.name for h in catalog.honorees]
    for d in catalog.districts:
        words += [d.name.zh, *d.former]
        if len(d.name.zh) > 2 and d.name.zh[-1] in "区县市":
            words.append(d.name.zh[:-1])
    for k in catalog.honour_kinds.values():
        words += [k.name.zh, *k.aliases]
    words += [e.name.zh for e in catalog.eras]
    # and the era rooms' short names (新时代): activity titles say them, cut apart they mean little
    words += [LABELS[f"room_{era_room(e.id)}"][0] for e in catalog.eras if f"room_{era_room(e.id)}" in LABELS]
    words += [text_of(i)[0] for i in catalog.industries]
    words += [s.name for s in getattr(catalog, "studios", ())]
    words += [p.apprentice_name for p in getattr(catalog, "pairs", ()) if p.apprentice_name]
    return [w for w in dict.fromkeys(normalize(w) for w in words) if 2 <= len(w) <= 40]


class Vocabulary:
    """The process's jieba tokenizer, taught a pack's words."""

    def __init__(self, words: Sequence[str], data_dir: str | Path | None = None) -> None:
        self.dictionary = frozenset(words)
        self._tk = _tokenizer(data_dir)
        with _LOCK:
            for w in words:
                if self._tk.FREQ.get(w) != _WORD_FREQ:
                    self._tk.add_word(w, _WORD_FREQ)

    def cut(self, text: str) -> list[str]:
        """The terms of ``text``: normalised words, with the dictionary words inside long ones
        (jieba's search mode), punctuation and spaces dropped."""
        out: list[str] = []
        for piece in self._tk.cut_for_search(_folded(text), HMM=False):
            word = normalize(piece)
            if word:
                out.append(word)
        return out

    def words(self, text: str) -> list[str]:
        """The whole words of ``text`` (no words inside words): 范阳嘉劳模创新工作室 stays one."""
        return [w for w in (normalize(p) for p in self._tk.lcut(_folded(text), HMM=False)) if w]

    def terms(self, text: str) -> list[str]:
        """``cut`` without the stopwords: what a passage and a question must share."""
        return [w for w in self.cut(text) if w not in STOPWORDS]

    def cut_many(self, texts: Iterable[str]) -> list[list[str]]:
        """``terms`` of each text, cutting each run of word characters once: jieba cuts such runs
        apart (punctuation always ends a word), and records repeat their clauses a lot."""
        import jieba

        runs = jieba.re_han_default
        seen: dict[str, list[str]] = {}
        out = []
        for text in texts:
            terms: list[str] = []
            for run in runs.findall(_folded(text)):
                found = seen.get(run)
                if found is None:
                    found = seen[run] = self.terms(run)
                terms += found
            out.append(terms)
        return out


def _folded(text: str) -> str:
    """Simplified and half-width before cutting: the dictionary's words are (紹興縣 → 绍兴县)."""
    return to_simplified(unicodedata.normalize("NFKC", text or ""))


def _tokenizer(data_dir: str | Path | None) -> Any:
    """The process's one jieba tokenizer: its dictionary cache lives in the first ``data_dir``
    asked for (not in /tmp), it logs nothing below a warning (jieba prints its start-up to
    stderr otherwise), and it is shared — jieba's dictionary is some 50 MB, so packs in one
    process add their words to one copy (a word of one pack does no harm to another's cutting)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    with _LOCK:
        tk = _TOKENIZERS.get("")
        if tk is None:
            tk = jieba.Tokenizer()
            if data_dir is not None:
                Path(data_dir).mkdir(parents=True, exist_ok=True)
                tk.tmp_dir = str(data_dir)
            tk.cache_file = "jieba.cache"
            tk.initialize()
            _TOKENIZERS[""] = tk
        return tk
