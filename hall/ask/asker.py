"""问展馆: one question in, one answer out, from the hall's own records only.

In order: bad input gets a plain reply; a counting or listing question the grammar reads in
full is answered from the catalogue's filters (hall.ask.counting); a question naming a person
gets the sentence of their record that holds the answer (hall.ask.person); anything else gets
the passage (hall.ask.retrieve) that holds *every* rare word of the question. Failing all of
these, "展馆里没有找到答案" with the nearest people and pages: never a guess.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from hall.ask import person
from hall.ask.activity_count import ActivityCount
from hall.ask.answer import FACT, INVALID, NOT_FOUND, PERSON, Answer, Source
from hall.ask.counting import Counting
from hall.ask.grammar import Grammar
from hall.ask.passages import Passage
from hall.ask.retrieve import Retriever
from hall.labels import t
from hall.rooms import room
from hall.textnorm import normalize

MAX_CHARS = 200  # a question is a sentence or two; more is refused, not cut
COVERAGE = 0.8  # the share of a question's weight (idf) a passage must hold to answer it
NEAREST = 6
TOP = 8  # passages weighed against a question
LINEAGE_ROWS = 4  # 名师高徒 pairs quoted for one person
_CJK = re.compile(r"[\u3400-\u9fff]")
# "how many X": the passage answering it must hold a number of X (131人, 674场次, 458所) — not
# merely the words (诸暨市有多少家企业 is not answered by a talk given at a company in 诸暨市)
_HOW_MANY = re.compile(r"(?:多少|几)(场次|人次|家|所|场|个|次|人|名|位|件|项|年)")


def _counted(question: str) -> str:
    """The measure word a "how many" question counts in ("" when it asks no number)."""
    m = _HOW_MANY.search(question)
    return m.group(1) if m else ""


class Asker:
    """Answers questions about one catalogue; immutable, shared by every session."""

    def __init__(self, catalog: Any, index: Any, retriever: Retriever) -> None:
        self.catalog = catalog
        self.index = index
        self.retriever = retriever
        self.grammar = Grammar(catalog)
        self.counting = Counting(catalog, index)
        self.activity_count = ActivityCount(catalog)
        self._passage_terms: dict[str, frozenset[str]] = {}
        self._by_name: dict[str, list[str]] = {}
        for h in catalog.honorees:
            self._by_name.setdefault(normalize(h.name), []).append(h.id)
        named = (p.apprentice_name for p in getattr(catalog, "pairs", ()) if not p.apprentice_id)
        self._apprentices = frozenset(normalize(n) for n in named if n) - set(self._by_name)
        self._names = frozenset(self._by_name) | self._apprentices
        self._passage_words: dict[str, frozenset[str]] = {}

    @classmethod
    def build(cls, catalog: Any, index: Any, data_dir: str | Path | None = None) -> Asker:
        """An asker for ``catalog``; its passage index is loaded from ``data_dir`` or built (and saved)."""
        return cls(catalog, index, Retriever.load_or_build(catalog, data_dir))

    def ask(self, question: str, lang: str = "zh") -> Answer:
        """The hall's answer to ``question`` (see the module's docstring for how)."""
        question = question if isinstance(question, str) else ""
        stripped = question.strip()
        if not stripped:
            return Answer(INVALID, t("ask_empty", lang))
        if len(stripped) > MAX_CHARS:
            return Answer(INVALID, t("ask_too_long", lang, n=MAX_CHARS))
        norm = normalize(stripped)
        if not norm:
            return Answer(INVALID, t("ask_no_words", lang))
        if not _CJK.search(norm):
            hid = person.fuzzy_person(self.index, stripped) if len(stripped.split()) <= 3 else ""
            if hid:
                return self._about([hid], "about", norm, lang)
            return Answer(INVALID, t("ask_chinese_only", lang))
        reading = self.grammar.read(stripped)
        if reading is not None:
            return self.counting.answer(reading, lang)
        counted = self.activity_count.answer(stripped, lang)
        if counted is not None:
            return counted
        slot, at = person.slot_of(norm)
        ids = self._named(norm)
        if not ids and at > 0 and not self._apprentice_named(norm):
            hid = person.fuzzy_person(self.index, norm[:at])
            ids = [hid] if hid else []
        if ids:
            return self._about(ids, slot, norm, lang)
        return self._retrieve(stripped, lang)

    # -- a person ---------------------------------------------------------------------------

    def _named(self, norm: str) -> list[str]:
        """Ids of the people whose names the question holds (as whole words of its cut)."""
        out: list[str] = []
        for word in self.retriever.vocabulary.words(norm):
            for hid in self._by_name.get(word, ()):
                if hid not in out:
                    out.append(hid)
        return out

    def _apprentice_named(self, norm: str) -> bool:
        """Whether the question names an apprentice who is no honoree (名师高徒): then it is not
        about the honoree whose name is the nearest typo of theirs (姚宏 is not 姚宏翔)."""
        return any(w in self._apprentices for w in self.retriever.vocabulary.words(norm))

    def _about(self, ids: list[str], slot: str, norm: str, lang: str) -> Answer:
        people = [self.catalog.honoree(i) for i in ids[:3]]
        if slot == "personal":
            return Answer(NOT_FOUND, t("ask_personal", lang), nearest=tuple(ids))
        passages = self.retriever.corpus.passages
        rows_of = self.retriever.corpus.by_person
        picked: list[tuple[Any, Passage]] = []
        mentions = self.retriever.corpus.mentions
        for h in people:
            if slot == "lineage":  # the pairs they are in, not their own record
                rows = person.lineage_rows(h, norm, mentions.get(h.id, ()), passages)
                picked += [(h, passages[r]) for r in rows[:LINEAGE_ROWS]]
                continue
            rows = rows_of.get(h.id, ())
            row = person.pick(slot, h, rows, passages) if slot else None
            if row is None and not slot:
                names = {normalize(p.name) for p in people}
                terms = [w for w in self.retriever.vocabulary.terms(norm) if w not in names]
                row = self._grounded_row(terms, rows)
                if row is None:  # their record does not say: the activities and pairs naming them
                    row = self._grounded_row(terms, mentions.get(h.id, ()))
            if row is not None:
                picked.append((h, passages[row]))
        if not picked:
            name = "、".join(h.name for h in people)
            return Answer(NOT_FOUND, t("ask_slot_missing", lang, name=name), nearest=tuple(ids))
        return self._quoted(PERSON, picked, lang)

    # -- any passage ------------------------------------------------------------------------

    def _retrieve(self, question: str, lang: str) -> Answer:
        terms = self.retriever.vocabulary.terms(question)
        top = self.retriever.top(terms, k=TOP)
        if any(not self.retriever.known(term) for term in terms):
            return self._nothing(top, lang)  # a word no passage has: the hall knows nothing of it
        # The passage that holds most of the question, then the best scored of those.
        unit = _counted(question)
        names = self._names.intersection(self.retriever.vocabulary.words(question))
        passages = self.retriever.corpus.passages
        best = max(
            (
                (self._coverage(terms, passages[row], names), score, -row)
                for row, score in top
                if not unit or re.search(rf"\d{unit}", passages[row].text)
            ),
            default=(0.0, 0.0, 0),
        )
        if best[0] >= COVERAGE:
            p = self.retriever.corpus.passages[-best[2]]
            kind = PERSON if p.kind == "person" else FACT
            owner = self.catalog.honoree(p.ids[0]) if p.ids and self.catalog.has(p.ids[0]) else None
            return self._quoted(kind, [(owner, p)], lang)
        return self._nothing(top, lang)

    def _grounded_row(self, terms: list[str], rows: tuple[int, ...]) -> int | None:
        if not terms:
            return None
        for row, _score in self.retriever.top(terms, k=3, rows=rows):
            if self._grounded(terms, self.retriever.corpus.passages[row]):
                return row
        return None

    def _grounded(self, terms: list[str], passage: Passage) -> bool:
        return self._coverage(terms, passage) >= COVERAGE

    def _coverage(self, terms: list[str], passage: Passage, names: frozenset[str] = frozenset()) -> float:
        """How much of the question the passage holds: the share of the question's words, by
        idf, that are among its words (or, three characters and longer, inside its text). A word
        no passage has means the hall knows nothing of it: 0. ``names``: the people the question
        names as whole words, each of whom the passage must name too (not inside a longer name)."""
        if not terms:
            return 0.0
        have = self._terms_of(passage.text)
        text = normalize(passage.text)
        total = covered = 0.0
        for term in dict.fromkeys(terms):
            if not self.retriever.known(term):
                return 0.0
            weight = self.retriever.idf(term)
            total += weight
            if term in names and not self._names_one(term, passage.text):
                continue  # a name only inside a longer name (丁洁 in 丁洁莹) is not that person
            if term in have or (len(term) >= 3 and term in text):
                covered += weight
        return covered / total if total > 0 else 0.0

    def _names_one(self, name: str, text: str) -> bool:
        """Whether ``text`` names ``name``: as a word, or inside a word holding no longer name that
        holds it (潘林东 in 潘林东劳模创新工作室, but not 丁洁 in 丁洁莹 nor in 丁洁莹劳模创新工作室)."""
        for w in self._whole_words(text):
            if w == name:
                return True
            if name in w:
                inside = self._names.intersection(self.retriever.vocabulary.cut(w))
                if not any(n != name and name in n for n in inside):
                    return True
        return False

    def _whole_words(self, text: str) -> frozenset[str]:
        """A passage's whole words (names kept whole), remembered like its terms."""
        found = self._passage_words.get(text)
        if found is None:
            found = frozenset(self.retriever.vocabulary.words(text))
            if len(self._passage_words) >= 4096:
                self._passage_words.clear()
            self._passage_words[text] = found
        return found

    def _terms_of(self, text: str) -> frozenset[str]:
        """A passage's words, remembered for the last few thousand passages weighed."""
        found = self._passage_terms.get(text)
        if found is None:
            found = frozenset(self.retriever.vocabulary.terms(text))
            if len(self._passage_terms) >= 4096:
                self._passage_terms.clear()
            self._passage_terms[text] = found
        return found

    # -- composing --------------------------------------------------------------------------

    def _link(self, p: Passage) -> str:
        return p.link.url(room(p.link.room).url)

    def _quoted(self, kind: str, picked: list[tuple[Any, Passage]], lang: str) -> Answer:
        lines, sources, ids = [], [], []
        for owner, p in picked:
            lines.append(t("ask_quote", lang, title=p.title, text=p.text))
            sources.append(Source(p.title, self._link(p), p.cite, p.text))
            for hid in p.ids or ((owner.id,) if owner is not None else ()):
                if hid not in ids and self.catalog.has(hid):
                    ids.append(hid)
        return Answer(kind, "\n".join(lines), tuple(ids), tuple(sources), None)

    def _nothing(self, top: list[tuple[int, float]], lang: str) -> Answer:
        people: list[str] = []
        pages: list[Source] = []
        for row, _score in top:
            p = self.retriever.corpus.passages[row]
            if p.kind == "person":
                people += [i for i in p.ids if i not in people]
            elif len(pages) < 3 and all(s.title != p.title for s in pages):
                pages.append(Source(p.title, self._link(p)))
        return Answer(
            NOT_FOUND, t("ask_not_found", lang), nearest=tuple(people[:NEAREST]), pages=tuple(pages)
        )
