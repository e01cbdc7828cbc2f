"""AppTest helpers shared by room tests and the kiosk soak: a visitor's random tap, the text on a page."""

from __future__ import annotations

import random

from streamlit.testing.v1 import AppTest

from hall.rooms import HONOREE, room


def random_tap(at: AppTest, rng: random.Random, rooms: list[str]) -> AppTest:
    """One tap of a restless visitor: an enabled button, a person's card, or another room."""
    buttons = [b for b in at.button if not b.disabled]
    people = [p.proto.query_string for p in at.get("page_link") if p.proto.page == "honoree"]
    roll = rng.random()
    if roll < 0.6 and buttons:
        return rng.choice(buttons).click().run()
    if roll < 0.75 and people:
        at.query_params["id"] = rng.choice(people).removeprefix("id=")
        return at.switch_page(room(HONOREE).file).run()
    at.query_params.clear()
    return at.switch_page(room(rng.choice(rooms)).file).run()


def texts(at: AppTest) -> str:
    """All the text a visitor reads on the page, joined."""
    parts = []
    for kind in (
        "title",
        "header",
        "subheader",
        "markdown",
        "caption",
        "info",
        "warning",
        "success",
        "error",
        "metric",
        "text",
        "code",
    ):
        for el in getattr(at, kind):
            value = getattr(el, "value", "")
            label = getattr(el, "label", "")
            parts.append(f"{label} {value}")
    for link in at.get("page_link"):
        parts.append(link.proto.label)
    return "\n".join(parts)
