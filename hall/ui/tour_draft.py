"""The tour being built: a plain dict in session state, edited stop by stop."""

from __future__ import annotations

import itertools
from typing import Any

import streamlit as st

from hall.labels import t
from hall.pack import Catalog
from hall.pack.tours import Stop, StopKind, Tour
from hall.ui.docent import describe
from hall.ui.text import plain

_uids = itertools.count(1)  # widget keys must follow a stop when it moves


def new_draft() -> dict[str, Any]:
    return {"id": "my-tour", "title": "", "audience": "小学", "stops": []}


def draft_from(tour: Tour) -> dict[str, Any]:
    return {
        "id": tour.id,
        "title": tour.title.zh,
        "title_en": tour.title.en,
        "audience": tour.audience,
        "stops": [
            {
                "uid": next(_uids),
                "kind": s.kind.value,
                "target": s.target,
                "title": s.title,
                "minutes": s.minutes,
                "points": "\n".join(s.points),
            }
            for s in tour.stops
        ],
    }


def add_stop(kind: StopKind, target: str) -> None:
    st.session_state["draft"]["stops"].append(
        {"uid": next(_uids), "kind": kind.value, "target": target, "title": "", "minutes": 5, "points": ""}
    )


def draft_doc(draft: dict[str, Any]) -> dict[str, Any]:
    """The draft in the pack's tour format, for the same checks every tour gets."""
    return {
        "id": draft["id"].strip(),
        "title": {"zh": draft["title"].strip(), "en": draft.get("title_en", "")},
        "audience": draft["audience"],
        "stops": [
            {
                "kind": s["kind"],
                "target": s["target"],
                "title": s["title"],
                "minutes": s["minutes"],
                "points": [p for p in s["points"].splitlines() if p.strip()],
            }
            for s in draft["stops"]
        ],
    }


def _move(n: int, delta: int) -> None:
    stops = st.session_state["draft"]["stops"]
    if 0 <= n + delta < len(stops):
        stops[n], stops[n + delta] = stops[n + delta], stops[n]


def _remove(n: int) -> None:
    del st.session_state["draft"]["stops"][n]


def edit_stops(draft: dict[str, Any], cat: Catalog, lang: str) -> None:
    """Each stop: what it shows, minutes, talking points, and up / down / remove."""
    if not draft["stops"]:
        st.caption(t("builder_no_stops", lang))
    for n, stop in enumerate(draft["stops"]):
        uid = stop["uid"]
        shown = Stop(StopKind(stop["kind"]), stop["target"], 1, ("-",), stop["title"])
        with st.container(border=True, key=f"stop_{uid}"):
            st.markdown(f"**{n + 1}.** {plain(describe(shown, cat, lang))}")
            stop["minutes"] = st.number_input(
                t("builder_minutes", lang), 1, 120, int(stop["minutes"]), key=f"min_{uid}"
            )
            stop["points"] = st.text_area(
                t("builder_points", lang), stop["points"], key=f"pts_{uid}", height=90
            )
            with st.container(horizontal=True):
                st.button("↑", key=f"up_{uid}", on_click=_move, args=(n, -1), disabled=n == 0)
                st.button(
                    "↓", key=f"down_{uid}", on_click=_move, args=(n, 1), disabled=n == len(draft["stops"]) - 1
                )
                st.button(
                    t("builder_remove", lang),
                    key=f"rm_{uid}",
                    on_click=_remove,
                    args=(n,),
                    icon=":material/delete:",
                )
