"""The process-wide heavy objects, built once and shared by every session."""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

from hall.config import Settings
from hall.directory import directory_frame
from hall.pack import Catalog, load_catalog
from hall.portraits import ensure_thumbnails
from hall.search import SearchIndex, index_path
from hall.store import Store

log = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False)
def settings() -> Settings:
    return Settings.from_env()


@st.cache_resource(show_spinner="展馆布展中…")
def catalog() -> Catalog:
    """The catalogue of the configured pack (read-only: never mutate it)."""
    s = settings()
    cat = load_catalog(s.pack, data_dir=s.data_dir)
    for problem in cat.problems:
        log.warning("pack problem: %s", problem)
    # Thumbnails are what pages serve; build missing ones, drop ones no portrait needs any more.
    report = ensure_thumbnails(cat, s.pack, s.data_dir)
    for failure in report.failed:
        log.warning("portrait %s: %s", failure.file, failure.reason)
    return cat


@st.cache_resource(show_spinner=False)
def directory(lang: str) -> pd.DataFrame:
    """The directory table in one language (read-only: filter into new frames)."""
    return directory_frame(catalog(), lang)


@st.cache_resource(show_spinner=False)
def index() -> SearchIndex:
    """The search index of the catalogue, shared by every session and every room's filters."""
    return SearchIndex.load_or_build(catalog(), index_path(settings().data_dir))


@st.cache_resource(show_spinner=False)
def store() -> Store:
    """The writable store (likes, guestbook, events); it connects lazily and survives outages."""
    s = settings()
    return Store.open(s.database_url or None, s.data_dir)
