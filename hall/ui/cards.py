"""Portrait cards of honorees, with paging: the hall's main way of showing people."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence

import streamlit as st

from hall.labels import t
from hall.pack import Catalog
from hall.pack.records import Honoree
from hall.portraits import names, thumbnail_path, thumbnail_url
from hall.rooms import HONOREE
from hall.ui.data import catalog, index
from hall.ui.nav import page
from hall.ui.paging import KIOSK_PER_PAGE, PER_PAGE, paged
from hall.ui.text import plain
from hall.ui.widgets import kiosk

log = logging.getLogger(__name__)


def portrait_url(h: Honoree, size: str = "card") -> str | bytes:
    """The honoree's face as a static URL: their photo's thumbnail, or else their name portrait
    (drawn the first time anyone asks). Only when the static folder cannot be written, the
    portrait's bytes themselves."""
    if h.portrait and thumbnail_path(h.id, size).exists():
        return thumbnail_url(h.id, size)
    look = names.Look.of(h)
    try:
        return names.ensure(look, size)
    except OSError as exc:
        log.warning("name portrait of %s not saved (%s); sent inline", h.id, exc)
        return names.draw(look, names.SIZES[size])


def honour_summary(h: Honoree, cat: Catalog, lang: str, era: str = "") -> str:
    """The best honour (of `era`, in an era's room), its year and today's district, in one line."""
    parts = []
    honours = [x for x in h.honours if x.era == era] if era else h.honours
    if honours:
        best = min(honours, key=lambda x: (cat.honour_kinds[x.code].level.rank, x.year or 9999))
        parts.append(cat.honour_name(best.code, lang))
        parts.append(str(best.year) if best.year else t("year_unknown", lang))
    district = cat.district(h.district_code)
    if district:
        parts.append(district.name.get(lang))
    return " · ".join(parts)


def display_name(h: Honoree, lang: str) -> str:
    return f"{h.name} {h.name_en}" if lang == "en" and h.name_en else h.name


def card(h: Honoree, cat: Catalog, lang: str, person_room: st.Page, note: str = "", era: str = "") -> None:
    """One portrait card; `note` is Markdown the caller has already made safe, `era` the room's.

    Four elements, laid out by hall.css as a grid (portrait left, text right): every element
    is a message to the browser, and a page of cards is most of what a busy hall sends."""
    with st.container(border=True, key=f"card_{h.id}"):
        st.image(portrait_url(h), width=88, alt=display_name(h, lang))
        st.page_link(person_room, label=plain(display_name(h, lang)), query_params={"id": h.id})
        line = plain(honour_summary(h, cat, lang, era))
        if h.sample:
            line += f" :gray-badge[{t('sample_tag', lang)}]"
        st.caption(line)
        if note:
            st.markdown(note)


def card_grid(
    people: Sequence[Honoree],
    cat: Catalog,
    lang: str,
    notes: Mapping[str, str] | None = None,
    era: str = "",
) -> None:
    """Cards in as many columns as the screen is wide (hall.css): one on a phone, four on a kiosk.
    In an era's room (`era`), each card names the honour and year of that era."""
    person_room = page(HONOREE)
    with st.container(key="grid_cards"):  # one grid per page
        for h in people:
            card(h, cat, lang, person_room, (notes or {}).get(h.id, ""), era)


def found_people(query: str = "", **filters: object) -> Callable[[int, int], list[Honoree]]:
    """People the search index finds, asked for one page at a time, in the hall's order."""

    def page_of(start: int, stop: int) -> list[Honoree]:
        found = index().search(query, **filters, limit=stop - start, offset=start)  # type: ignore[arg-type]
        return [catalog().honoree(i) for i in found.ids]

    return page_of


def person_pages(
    total: int,
    key: str,
    lang: str,
    people: Callable[[int, int], Sequence[Honoree]],
    notes: Callable[[Honoree], str] | None = None,
    per_page: int | None = None,
    era: str = "",
) -> None:
    """People as cards a page at a time: `people(start, stop)` gives a page's people (often
    straight from the search index), `notes` a line already made safe for each card."""
    cat = catalog()

    def draw(start: int, stop: int) -> None:
        shown = people(start, stop)
        card_grid(shown, cat, lang, notes={h.id: notes(h) for h in shown} if notes else None, era=era)

    paged(total, key, lang, draw, per_page=per_page or (KIOSK_PER_PAGE if kiosk() else PER_PAGE))
