"""AppTest helpers shared by room tests and the kiosk soak: a visitor's random tap, the text on a
page, the people and charts on it, forms filled as a visitor would."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from typing import Any

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from hall.labels import LABELS, t
from hall.pack import Catalog, Honoree
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


# Elements whose value Streamlit renders as Markdown, and elements whose label it does.
MARKDOWN_VALUES = (
    *("title", "header", "subheader", "markdown", "caption"),
    *("info", "warning", "success", "error"),
)
MARKDOWN_LABELS = (
    *("button", "page_link", "download_button", "text_input", "text_area", "number_input", "checkbox"),
    *("toggle", "radio", "selectbox", "multiselect", "slider", "metric", "expander", "tab", "status"),
)


def markdown_shown(at: AppTest) -> list[str]:
    """Every string on the page that Streamlit renders as Markdown: element values and labels
    (and radio options, which are Markdown too)."""
    shown = [str(el.value) for kind in MARKDOWN_VALUES for el in at.get(kind)]
    for kind in MARKDOWN_LABELS:
        for el in at.get(kind):
            label = getattr(el, "label", None)
            shown.append(str(label if label is not None else el.proto.label))
    shown += [str(option) for radio in at.get("radio") for option in radio.options]
    return shown


# Text that must stay inert wherever a visitor or a link puts it on a page.
HOSTILE = "<script>alert(1)</script> **bold** [link](http://evil.example) $x$ :red[x]"
PIN = "246813"  # the docent PIN the room tests set (six digits: a shorter one is refused)


def capture_downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Record each st.download_button's data by key as the rooms draw them (AppTest keeps no
    deferred download); a callable is left for the test to call, as a click would."""
    seen: dict[str, Any] = {}
    original = st.download_button

    def spy(*args: Any, **kwargs: Any) -> Any:
        data = kwargs["data"] if "data" in kwargs else args[1]
        seen[kwargs.get("key", "")] = data
        return original(*args, **kwargs)

    monkeypatch.setattr(st, "download_button", spy)
    return seen


def person_ids(at: AppTest) -> list[str]:
    """The people's cards on the page, in order (a studio's link to its leader is not one)."""
    leader = t("studio_leader", name="")
    return [
        p.proto.query_string.removeprefix("id=")
        for p in at.get("page_link")
        if "honoree" in p.proto.page and not p.proto.label.startswith(leader)
    ]


def best_first(cat: Catalog, people: list[Honoree]) -> list[str]:
    """The ids in the order the hall lists people, written out here independently of the code."""
    return [h.id for h in sorted(people, key=lambda h: (h.best_level, h.first_year or 9999, h.id))]


def plotly_spec(at: AppTest, index: int = 0) -> dict[str, Any]:
    return json.loads(at.get("plotly_chart")[index].proto.spec)


def honoree_page(open_room: Callable[..., AppTest], cat: Catalog) -> tuple[Honoree, AppTest]:
    h = cat.honorees[0]
    return h, open_room("honoree", id=h.id)


def post_message(at: AppTest, form: str, text: str, signature: str = "") -> AppTest:
    at.text_area(key=f"{form}_text").input(text)
    at.text_input(key=f"{form}_sig").input(signature)
    return at.button(key=f"FormSubmitter:{form}-{t('guestbook_send')}").click().run()


def unlock(at: AppTest, pin: str = PIN) -> AppTest:
    """Type the docent PIN into the gate."""
    at.text_input(key="pin").input(pin)
    return at.button(key=f"FormSubmitter:docent_pin-{t('admin_sign_in')}").click().run()


def switch_mode(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings are per process: switch the mode the next run sees (both share one store)."""
    monkeypatch.setenv("HALL_MODE", mode)
    st.cache_resource.clear()


def sign_in_curator(open_room: Callable[..., AppTest], monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The admin room, signed in with a password set for this test."""
    monkeypatch.setenv("HALL_ADMIN_PASSWORD", "pw")
    st.cache_resource.clear()  # settings are read once per process
    at = open_room("admin")
    at.text_input(key="admin_pw").input("pw")
    return at.button(key=f"FormSubmitter:signin-{t('admin_sign_in')}").click().run()


# ------------------------------------------------------------- the curators' queues (admin room)


def queue_editor(at: AppTest, queue: str) -> Any:
    """The data editor of one admin queue ("queue": messages, "requests"), whatever page it shows.

    Raises:
        AssertionError: the queue shows no table.
    """
    for table in at.dataframe:
        key = table.key or ""
        if table.editing_mode != "read_only" and (key == queue or key.startswith(f"{queue}_")):
            return table
    raise AssertionError(f"the {queue!r} queue shows no table")


def queue_ids(at: AppTest, queue: str) -> list[int]:
    """The ids in the rows of the queue's table as shown, top to bottom."""
    frame = queue_editor(at, queue).value
    return [int(i) for i in (frame["id"] if "id" in frame.columns else frame.index)]


def tick(at: AppTest, queue: str, rows: list[int]) -> AppTest:
    """Tick these rows (by position, as a curator's clicks are sent) of the queue's table, and run."""
    key = queue_editor(at, queue).key
    at.session_state[key] = {
        "edited_rows": {row: {"pick": True} for row in rows},
        "added_rows": [],
        "deleted_rows": [],
    }
    return at.run()


def act(at: AppTest, button: str, queue: str) -> AppTest:
    """Press an action button under a queue, then confirm when the room asks."""
    at = at.button(key=button).click().run()
    if f"{queue}_yes" in [b.key for b in at.button]:
        at = at.button(key=f"{queue}_yes").click().run()
    return at


def every_page(at: AppTest, queue: str, read: Callable[[AppTest], Any]) -> tuple[AppTest, list[Any]]:
    """Walk the queue's pager from the page shown to the last, reading each page with `read`
    (an AppTest is one object that each run changes): the room at the end, and what was read."""
    seen = [read(at)]
    while (nxt := f"{queue}_page_next") in [b.key for b in at.button] and not at.button(key=nxt).disabled:
        at = at.button(key=nxt).click().run()
        seen.append(read(at))
    return at, seen


def says(at: AppTest, key: str) -> bool:
    """Whether the page shows label `key` (in Chinese), whatever fills its placeholders."""
    parts = re.split(r"\{\w+\}", LABELS[key][0])
    pattern = ".+?".join(re.escape(part) for part in parts)
    return re.search(pattern, texts(at).replace("\\", "")) is not None
