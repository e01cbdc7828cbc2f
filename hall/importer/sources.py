"""Rows from several public sources about one person: whether two rows can be the same person,
their citations gathered on the record, and what the sources disagree on written down.

A name printed in two sources is one person only when the unit or the district agree; when both
sources state a unit or a district and none of them agree, they are two people of one name. Each
row carries its own citation, and a person keeps every distinct one (joined by ；, the separator
hall.citations reads). A value two sources print differently is kept as the first prints it, and
the other is noted on the record, naming the source that prints it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from hall.citations import citations
from hall.textnorm import normalize

SEPARATOR = "；"
# Fields whose values from several sources are gathered rather than compared.
GATHERED = ("source", "note", "deeds")
# How a noted conflict names the field (the visitor reads the note in Chinese, as the sources).
FIELD_NAMES = {
    "gender": "性别",
    "birth_year": "出生年份",
    "district": "所在区县",
    "employer": "工作单位",
    "position": "职务",
    "industry": "行业",
    "quote": "格言",
}
_QUOTED = re.compile(r"《([^》]+)》")
# Company-name words too common to show that two units are the same.
_GENERIC = ("有限公司", "股份", "集团", "公司", "浙江省", "浙江", "绍兴市", "绍兴")


def _unit(text: str) -> str:
    key = normalize(text)
    for word in _GENERIC:
        key = key.replace(normalize(word), "")
    return key


def same_unit(a: str, b: str) -> bool:
    """Whether two units as printed name the same place: equal or one inside the other, once
    the words every company name shares are left out (绍兴柯桥排水有限公司 ~ 柯桥排水公司)."""
    ka, kb = _unit(a), _unit(b)
    return bool(ka and kb) and (ka in kb or kb in ka)


def same_value(field: str, a: object, b: object, same_district: Callable[[str, str], bool]) -> bool:
    """Whether two sources print one fact alike: the same words (punctuation, spaces and
    traditional forms aside), one district under two names, one unit printed shorter."""
    ta, tb = str(a), str(b)
    if normalize(ta) == normalize(tb):
        return True
    if field == "district":
        return same_district(ta, tb)
    return field == "employer" and same_unit(ta, tb)


def comparable(values: Mapping[str, Any]) -> bool:
    """Whether a row says where the person worked or lived: without either it cannot agree."""
    return bool(values.get("employer") or values.get("district"))


def agree(a: Mapping[str, Any], b: Mapping[str, Any], same_district: Callable[[str, str], bool]) -> bool:
    """Whether two records of one name can be one person: the unit or the district agree, or
    one of them states neither (then nothing tells them apart, and the name decides)."""
    if not comparable(a) or not comparable(b):
        return True
    ea, eb = str(a.get("employer") or ""), str(b.get("employer") or "")
    da, db = str(a.get("district") or ""), str(b.get("district") or "")
    return (bool(ea and eb) and same_unit(ea, eb)) or (
        bool(da and db) and (da == db or same_district(da, db))
    )


def gather(have: str, more: str, field: str) -> str:
    """`have` with what `more` adds: citations not cited yet (by address, else by title), note
    parts not written yet, a deeds paragraph not there yet."""
    if not more:
        return have
    if not have:
        return more
    if field == "source":
        known = {c.url or c.title for c in citations(have)}
        parts = [p.strip() for p in more.split(SEPARATOR) if p.strip()]
        new = [p for p in parts if all((c.url or c.title) not in known for c in citations(p))]
        return SEPARATOR.join([have, *new]) if new else have
    if field == "deeds":
        paragraphs = have.splitlines()
        new = [p for p in more.splitlines() if p.strip() and p.strip() not in paragraphs]
        return "\n".join([have, *new]) if new else have
    parts = [p.strip() for p in have.split(SEPARATOR)]
    new = [p.strip() for p in more.split(SEPARATOR) if p.strip() and p.strip() not in parts]
    return SEPARATOR.join([have, *new]) if new else have


def conflict_note(field: str, value: object, source: str) -> str:
    """A note that a source prints `field` as `value`: "工作单位：《标题》作“X”"."""
    cited = citations(source)
    title = cited[0].title if cited else ""
    quoted = _QUOTED.search(title)
    if quoted:
        who = f"《{quoted.group(1)}》"
    elif title.startswith("（") and "）" in title:  # an untitled page, described
        who = title[: title.index("）") + 1]
    else:
        who = title.split("，")[0].strip() or "另一来源"
    return f"{FIELD_NAMES.get(field, field)}：{who}作“{value}”"
