"""The search room's state: widgets seeded from the URL once, the URL kept in step after."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

FILTERS = ("era", "honour", "district", "industry")
KEPT = ("lang", "size")


def seed_from_url(options: Mapping[str, Sequence[str]]) -> None:
    """On a session's first visit, put ?q=&era=&… into the widgets (unknown values ignored)."""
    if st.session_state.get("search_seeded"):
        return
    st.session_state["search_seeded"] = True
    st.session_state["q"] = st.query_params.get("q", "")[:100]
    for name in FILTERS:
        value = st.query_params.get(name)
        if value and value in options[name]:
            st.session_state[f"s_{name}"] = value


def write_to_url(query: str, filters: Mapping[str, str | None]) -> None:
    """Keep the address bar a shareable deep link of what is on screen."""
    params = {"q": query} if query else {}
    params |= {name: value for name, value in filters.items() if value}
    for kept in KEPT:  # the visitor's language and text size stay in the link
        if st.query_params.get(kept):
            params[kept] = st.query_params[kept]
    if params != st.query_params.to_dict():
        st.query_params.from_dict(params)
