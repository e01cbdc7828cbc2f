"""Answers to counting and listing questions: a grammar reading (hall.ask.grammar) run through
the search index's filters, then the few the index has no filter for (gender, birth year, real
or sample), counted, listed, ranked by group or by year."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from hall.ask.answer import COUNT, FIRST, LIST, MOST, Answer, Source
from hall.ask.grammar import Reading
from hall.ask.table import People
from hall.labels import t
from hall.rooms import room

NAMES_SHOWN = 20
FIRSTS = {
    "earliest": "ask_earliest",
    "latest": "ask_latest",
    "oldest": "ask_oldest",
    "youngest": "ask_youngest",
}


class Counting:
    """Counts and lists over one catalogue and its search index."""

    def __init__(self, catalog: Any, index: Any) -> None:
        self.catalog = catalog
        self.index = index
        self.table = People(catalog)

    def answer(self, reading: Reading, lang: str = "zh") -> Answer:
        if reading.subject == "studios":
            return self._things(reading, self._studios(reading), "ask_record_studios", "studios", lang)
        if reading.subject == "collectives":
            return self._things(reading, self._collectives(reading), "ask_record_collectives", "", lang)
        scope = self.scope(reading, lang)
        source = self._source(reading, lang)
        if reading.intent == MOST:
            return self._most(reading, scope, source, lang)
        if reading.intent not in (COUNT, LIST):
            return self._first(reading, scope, source, lang)
        ids = self.ids(reading)
        unit = {"unit": t("ask_unit_people", lang)}
        if reading.intent == COUNT:
            n = self.index_count(reading)
            n = len(ids) if n is None else n
            text = t("ask_count", lang, scope=scope, n=n, **unit)
            return Answer(COUNT, text, ids, (source,), n)
        if not ids:
            return Answer(LIST, t("ask_none_match", lang, scope=scope), (), (source,), 0)
        if reading.intent == LIST:
            shown = [self.catalog.honoree(i) for i in ids[:NAMES_SHOWN]]
            names = self._names(shown, lang, len(ids))
            text = t("ask_list", lang, scope=scope, n=len(ids), names=names, **unit)
            return Answer(LIST, text, ids, (source,), len(ids))

    # -- who passes ------------------------------------------------------------------------

    def ids(self, reading: Reading) -> tuple[str, ...]:
        """Everyone the reading selects, in the hall's order (hall.ask.table's columns)."""
        return self.table.in_order(self.table.mask(reading, self.table.honours_mask(reading)))

    def index_count(self, reading: Reading) -> int | None:
        """The search index's own count, when its filters can say the reading alone (no gender,
        birth or real/sample, not one honour in given years or era); else None."""
        one_honour = (reading.honours or reading.kind) and (reading.years or reading.era)
        if reading.gender or reading.sample is not None or reading.birth is not None or one_honour:
            return None
        return self.index.search("", **reading.filters(), limit=0).total

    def _most(self, reading: Reading, scope: str, source: Source, lang: str) -> Answer:
        table = self.table
        honours = table.honours_mask(reading)
        mask = table.mask(reading, honours)
        if reading.group in ("district", "industry"):
            column = table.district if reading.group == "district" else table.industry
            names = table.district_names() if reading.group == "district" else table.industry_names()
            counts = np.bincount(column[mask], minlength=len(names))
            keys = {i: names[i] for i in range(len(names)) if names[i]}
            member = column
        else:
            picked = np.ones(table.h_row.size, dtype=bool) if honours is None else honours.copy()
            picked &= mask[table.h_row]
            if reading.group == "year":
                picked &= table.h_year > 0
                values, names = table.h_year, {int(y): str(int(y)) for y in np.unique(table.h_year)}
            else:
                values, names = table.h_era, {k: v for k, v in table.era_names().items() if v}
            pairs = np.unique(table.h_row[picked].astype(np.int64) * 100000 + values[picked])
            counts = np.bincount(pairs % 100000, minlength=max(names, default=0) + 1)
            keys = names
            member = None
        scored = {k: int(counts[k]) for k in keys if k < counts.size and counts[k]}
        if not scored:
            return Answer(MOST, t("ask_none_match", lang, scope=scope), (), (source,), 0)
        top = max(scored.values())
        winners = sorted(k for k, c in scored.items() if c == top)
        if member is not None:
            in_group = mask & np.isin(member, winners)
        else:
            rows = table.h_row[picked & np.isin(values, winners)]
            in_group = np.zeros(table.n, dtype=bool)
            in_group[rows] = True
        shown = "、".join(self._group_name(reading.group, keys[w], lang) for w in winners)
        group = {"group": t(f"ask_group_{reading.group}", lang)}
        unit = {"unit": t("ask_unit_people", lang)}
        text = t("ask_most", lang, scope=scope, winners=shown, n=top, **group, **unit)
        return Answer(MOST, text, table.in_order(in_group), (source,), top)

    def _first(self, reading: Reading, scope: str, source: Source, lang: str) -> Answer:
        table = self.table
        honours = table.honours_mask(reading)
        mask = table.mask(reading, honours)
        if reading.intent in ("oldest", "youngest"):
            born = table.birth[mask & (table.birth > 0)]
            if not born.size:
                return Answer(FIRST, t("ask_no_birth", lang, scope=scope), (), (source,), 0)
            year = int(born.min() if reading.intent == "oldest" else born.max())
            chosen = mask & (table.birth == year)
        else:
            picked = np.ones(table.h_row.size, dtype=bool) if honours is None else honours.copy()
            picked &= mask[table.h_row] & (table.h_year > 0)
            years = table.h_year[picked]
            if not years.size:
                return Answer(FIRST, t("ask_none_match", lang, scope=scope), (), (source,), 0)
            year = int(years.min() if reading.intent == "earliest" else years.max())
            chosen = np.zeros(table.n, dtype=bool)
            chosen[table.h_row[picked & (table.h_year == year)]] = True
        ids = table.in_order(chosen)
        shown = [self.catalog.honoree(i) for i in ids[:NAMES_SHOWN]]
        text = t(
            FIRSTS[reading.intent], lang, scope=scope, year=year, names=self._names(shown, lang, len(ids))
        )
        return Answer(FIRST, text, ids, (source,), len(ids))

    def _group_name(self, group: str, value: str, lang: str) -> str:
        if group == "district":
            d = self.catalog.district(value)
            return d.name.get(lang) if d else value
        if group == "era":
            return self.catalog.era(value).name.get(lang)
        if group == "year":
            return t("ask_span_year", lang, a=value)
        return value

    # -- studios and collectives ------------------------------------------------------------

    def _studios(self, reading: Reading) -> list[Any]:
        out = []
        for s in self.catalog.studios:
            if reading.district and s.district_code != reading.district:
                continue
            if reading.open_only and not s.open_for_visits:
                continue
            if reading.sample is not None and bool(s.sample) != reading.sample:
                continue
            out.append(s)
        return out

    def _collectives(self, reading: Reading) -> list[Any]:
        out = []
        for c in self.catalog.collectives:
            if reading.district and c.district_code != reading.district:
                continue
            if reading.honours and c.honour not in reading.honours:
                continue
            if reading.years is not None and not _within(c.year, reading.years):
                continue
            if reading.era and c.era != reading.era:
                continue
            if reading.sample is not None and bool(c.sample) != reading.sample:
                continue
            out.append(c)
        return out

    def _things(self, reading: Reading, things: list[Any], title: str, room_key: str, lang: str) -> Answer:
        scope = self.scope(reading, lang)
        unit = {"unit": t("ask_unit_things", lang)}
        params = f"?district={reading.district}" if reading.district and room_key else ""
        link = f"/{room(room_key).url}{params}" if room_key else f"/{room('home').url}"
        source = Source(t(title, lang), link)
        leaders = tuple(
            dict.fromkeys(getattr(x, "leader_id", "") for x in things if getattr(x, "leader_id", ""))
        )
        leaders = tuple(i for i in leaders if self.catalog.has(i))
        if reading.intent == LIST and things:
            names = "、".join(x.name for x in things[:NAMES_SHOWN])
            if len(things) > NAMES_SHOWN:
                names = t("ask_list_more", lang, names=names)
            text = t("ask_list", lang, scope=scope, n=len(things), names=names, **unit)
            return Answer(LIST, text, leaders, (source,), len(things))
        if reading.intent not in (COUNT, LIST):
            return Answer(
                COUNT,
                t("ask_count", lang, scope=scope, n=len(things), **unit),
                leaders,
                (source,),
                len(things),
            )
        return Answer(
            COUNT, t("ask_count", lang, scope=scope, n=len(things), **unit), leaders, (source,), len(things)
        )

    # -- words -----------------------------------------------------------------------------

    def scope(self, reading: Reading, lang: str) -> str:
        """What the reading selects, in words: 诸暨市 2018年 女性 全国劳动模范."""
        parts: list[str] = []
        if reading.district:
            d = self.catalog.district(reading.district)
            parts.append(d.name.get(lang) if d else reading.district)
        if reading.era:
            parts.append(self.catalog.era(reading.era).name.get(lang))
        if reading.years:
            parts.append(_span_words(reading.years, lang))
        if reading.birth:
            parts.append(t("ask_scope_birth", lang, span=_span_words(reading.birth, lang)))
        if reading.sample is not None:
            parts.append(t("ask_scope_sample" if reading.sample else "ask_scope_real", lang))
        if reading.industry:
            parts.append(t("ask_scope_industry", lang, name=reading.industry))
        if reading.open_only:
            parts.append(t("ask_scope_open", lang))
        who = []
        if reading.gender:
            who.append(t(f"ask_gender_{reading.gender}", lang))
        if reading.subject == "studios":
            who.append(t("ask_scope_studios", lang))
        elif reading.honours:
            sep = " / " if lang == "en" else "或"
            who.append(sep.join(self.catalog.honour_name(c, lang) for c in reading.honours))
        elif reading.subject == "collectives":
            who.append(t("ask_scope_collectives", lang))
        elif reading.kind:
            who.append(t(f"ask_kind_{reading.kind}", lang))
        else:
            who.append(t("ask_everyone", lang))
        joiner = ", " if lang == "en" else ""
        where = joiner.join(parts)
        if lang == "en":
            return ", ".join([*who, *parts]) if parts else " ".join(who)
        return (
            where + "的" if where and not where.endswith("的") and not where.endswith("中") else where
        ) + "".join(who)

    def _names(self, people: Sequence[Any], lang: str, total: int | None = None) -> str:
        names = "、".join(h.name for h in people[:NAMES_SHOWN])
        more = (total if total is not None else len(people)) > NAMES_SHOWN
        return t("ask_list_more", lang, names=names) if more else names

    def _source(self, reading: Reading, lang: str) -> Source:
        """The roll of honorees, linked to the search room with the same filters where it has them."""
        params = []
        for name, value in (
            ("era", reading.era),
            ("district", reading.district),
            ("industry", reading.industry),
        ):
            if value:
                params.append(f"{name}={value}")
        if reading.honours and len(reading.honours) == 1:
            params.append(f"honour={reading.honours[0]}")
        link = f"/{room('search').url}" + ("?" + "&".join(params) if params else "")
        return Source(t("ask_record", lang), link)


def _within(year: int | None, span: tuple[int | None, int | None]) -> bool:
    if year is None:
        return False
    lo, hi = span
    return (lo is None or year >= lo) and (hi is None or year <= hi)


def _span_words(span: tuple[int | None, int | None], lang: str) -> str:
    lo, hi = span
    if lo is not None and hi is not None:
        return t("ask_span_year", lang, a=lo) if lo == hi else t("ask_span_range", lang, a=lo, b=hi)
    if lo is not None:
        return t("ask_span_since", lang, a=lo)
    return t("ask_span_before", lang, b=hi)
