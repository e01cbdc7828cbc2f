"""Docent tools: the PIN, the tour being built or presented, and driving a paired screen."""

from __future__ import annotations

import secrets

import streamlit as st

from hall.labels import t
from hall.pack import Catalog
from hall.pack.tours import Stop, StopKind, Targets, Tour
from hall.rooms import TOUR_STOPS, room
from hall.ui.data import catalog, settings, store
from hall.ui.gate import DOCENTS, opened
from hall.ui.nav import title


def unlocked(lang: str) -> bool:
    """True once this session entered the docent PIN; otherwise draws the PIN form."""
    return opened(DOCENTS, settings().docent_pin, lang)


def docent_key() -> str:
    """A random token for this tablet's session: it owns the screen it pairs with."""
    if "docent_key" not in st.session_state:
        st.session_state["docent_key"] = secrets.token_urlsafe(16)
    return st.session_state["docent_key"]


def targets(cat: Catalog) -> Targets:
    return Targets(
        has_honoree=cat.has,
        eras=frozenset(e.id for e in cat.eras),
        districts=frozenset(d.adcode for d in cat.districts),
        rooms=TOUR_STOPS,
    )


def all_tours() -> dict[str, Tour]:
    """The pack's tours and those saved from the builder (a saved one wins on the same id)."""
    cat = catalog()
    tours = {tour.id: tour for tour in cat.tours}
    for tour in store().saved_tours(targets(cat)):
        tours[tour.id] = tour
    return tours


def describe(stop: Stop, cat: Catalog, lang: str) -> str:
    """What a stop shows, in a few words (its own title when the docent gave one)."""
    if stop.title:
        return stop.title
    if stop.kind is StopKind.HONOREE:
        return f"{t('stop_honoree', lang)}：{cat.honoree(stop.target).name}"
    if stop.kind is StopKind.ERA:
        return f"{t('stop_era', lang)}：{cat.era(stop.target).name.get(lang)}"
    if stop.kind is StopKind.LINEAGE:
        return f"{t('stop_lineage', lang)}：{cat.honoree(stop.target).name}"
    if stop.kind is StopKind.TIMELINE:
        return t("stop_timeline", lang, year=stop.target)
    if stop.kind is StopKind.MAP:
        district = cat.district(stop.target)
        return f"{t('stop_map', lang)}：{district.name.get(lang) if district else stop.target}"
    return title(room(stop.target), lang)
