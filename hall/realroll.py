"""The real roll: the hall's real people (not marked sample), counted by era, district and honour,
with the sources they are cited from — for the welcome hall's sentence, the report script and the
test that every real record is traceable."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from hall.citations import Citation, citations
from hall.pack import Catalog, Honoree

# A printed publication is cited by its title in 《》 (a paper, a journal, the association's page).
_PRINTED = re.compile(r"《[^》]+》")
NO_ERA, NO_DISTRICT = "year not given", "district not given"


def real_people(cat: Catalog) -> tuple[Honoree, ...]:
    return tuple(h for h in cat.honorees if not h.sample)


def real_and_sample(cat: Catalog) -> tuple[int, int]:
    """How many people are real and how many invented."""
    real = len(real_people(cat))
    return real, len(cat.honorees) - real


def traceable(c: Citation) -> bool:
    """A citation a reader can follow: a web address, or the title of a printed publication."""
    return bool(c.url) or bool(_PRINTED.search(c.title))


def untraceable(cat: Catalog) -> tuple[str, ...]:
    """Ids of real people with no citation a reader can follow."""
    return tuple(h.id for h in real_people(cat) if not any(traceable(c) for c in citations(h.source)))


@dataclass(frozen=True)
class RollReport:
    """Real people per era, district and honour (a person counts under each of theirs), and
    every source cited with the number of real people citing it."""

    people: int
    sample: int
    eras: dict[str, int]
    districts: dict[str, int]
    honours: dict[str, int]
    sources: dict[Citation, int]


def roll_report(cat: Catalog, lang: str = "zh") -> RollReport:
    people = real_people(cat)
    eras: Counter[str] = Counter()
    districts: Counter[str] = Counter()
    honours: Counter[str] = Counter()
    sources: Counter[Citation] = Counter()
    for h in people:
        for era in h.eras or (NO_ERA,):
            eras[cat.era(era).name.get(lang) if era != NO_ERA else NO_ERA] += 1
        district = cat.district(h.district_code)
        districts[district.name.get(lang) if district else NO_DISTRICT] += 1
        for code in dict.fromkeys(o.code for o in h.honours):
            honours[cat.honour_name(code, lang)] += 1
        for c in dict.fromkeys(citations(h.source)):
            sources[c] += 1
    return RollReport(
        len(people),
        len(cat.honorees) - len(people),
        dict(eras.most_common()),
        dict(districts.most_common()),
        dict(honours.most_common()),
        dict(sources.most_common()),
    )


def report_markdown(report: RollReport) -> str:
    """The report as Markdown tables, for the README and the docs."""
    lines = [f"Real people: **{report.people}** (sample people: {report.sample}).", ""]
    for title, counts in (
        ("Era (of each honour; a person honoured in two eras counts in both)", report.eras),
        ("District (today's)", report.districts),
        ("Honour (a person counts under each of theirs)", report.honours),
    ):
        lines += [f"| {title} | people |", "|---|---:|"]
        lines += [f"| {k} | {v} |" for k, v in counts.items()]
        lines.append("")
    lines += ["| Source | address | real people citing it |", "|---|---|---:|"]
    lines += [
        f"| {c.title.replace('|', '/')} | {c.url or '(printed)'} | {n} |" for c, n in report.sources.items()
    ]
    return "\n".join(lines) + "\n"
