"""搜索 — find anyone from any scrap: characters, pinyin, initials, a typo, an old place name.

On a kiosk the on-screen keyboard and the results share one screen: side by side when the screen
lies wide, the keyboard above when it stands upright."""

import streamlit as st

from hall.labels import t
from hall.pack import Honoree
from hall.search import Match
from hall.ui.cards import card_grid, person_pages
from hall.ui.data import catalog, index
from hall.ui.lang import current
from hall.ui.realroll import real_only
from hall.ui.search_state import seed_from_url, write_to_url
from hall.ui.text import ECHO_LIMIT, highlight, plain
from hall.ui.visits import count_search
from hall.ui.widgets import choice, era_name, keyboard, kiosk

KIOSK_RESULTS = 6  # beside (or under) the keyboard, with the pager in view
cat, lang, idx = catalog(), current(), index()
touch = kiosk()
names = {
    "era": {e.id: era_name(e.id, lang) for e in cat.eras},
    "honour": {c: k.name.get(lang) for c, k in cat.honour_kinds.items() if k.type.value != "collective"},
    "district": {d.adcode: d.name.get(lang) for d in cat.districts},
    "industry": {i.name.zh: i.name.get(lang) for i in cat.industries},
}
seed_from_url(names)

if touch:
    layout = st.container(key="search_kiosk")
    keys, found_side = layout.container(key="search_keys"), layout.container(key="search_found")
    with keys:
        query = keyboard("kq", lang)
else:
    st.title(t("room_search", lang), anchor=False)
    found_side = st.container()
    query = st.text_input(
        t("search_box", lang), key="q", placeholder=t("search_placeholder", lang), max_chars=100
    )
filters = {name: st.session_state.get(f"s_{name}") for name in names}
with found_side:
    filters["real"] = "1" if real_only("s_real", lang) else None
result = idx.search(query, **filters, limit=0)


def chips(name: str, label: str) -> None:
    counts = result.facets.get(name, {})
    st.pills(
        label,
        list(names[name]),
        key=f"s_{name}",
        format_func=lambda v: f"{names[name][v]} {counts.get(v, 0)}",
        label_visibility="collapsed" if touch else "visible",
    )


reasons: dict[str, tuple[Match, ...]] = {}


def page_of(start: int, stop: int) -> list[Honoree]:
    found = idx.search(query, **filters, limit=stop - start, offset=start)
    reasons.update(found.reasons)
    return [cat.honoree(i) for i in found.ids]


def why(h: Honoree) -> str:
    """Why this person was found: the field and the matched text, highlighted."""
    if not query or not reasons.get(h.id):
        return ""
    match = reasons[h.id][0]
    value = h.name if match.field in ("name", "pinyin", "initials", "sounds_like", "typo") else ""
    value = value or str(getattr(h, match.field, "") or match.text)
    return f"{t('match_' + match.field, lang)}：{highlight(value, match.text)}"


with found_side:
    chips("era", t("filter_era", lang))
    chips("district", t("filter_district", lang))
    if not touch:  # a kiosk keeps to the two rows of chips that fit beside the keyboard
        left, right = st.columns(2)
        for col, name, label in ((left, "honour", "filter_honour"), (right, "industry", "filter_industry")):
            counts = result.facets.get(name, {})
            with col:
                choice(
                    t(label, lang),
                    list(names[name]),
                    f"s_{name}",
                    lambda v, n=name, c=counts: f"{names[n][v]} ({c.get(v, 0)})",
                    lang,
                )
    write_to_url(query, filters)
    key = f"page_search_{query}_{sorted(filters.items())}"
    count_search(query, result.total)
    if result.total or not query:
        person_pages(result.total, key, lang, page_of, why, per_page=KIOSK_RESULTS if touch else None)
    else:
        st.info(t("search_nothing", lang, query=plain(query, limit=ECHO_LIMIT)))
        if result.suggestions:
            st.subheader(t("search_suggestions", lang), anchor=False)
            card_grid([cat.honoree(i) for i in result.suggestions[:8]], cat, lang)
