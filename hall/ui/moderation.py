"""The curators' two queues in the admin room — guestbook messages to approve or reject, correction
requests to close — a page at a time, in tables keyed by the ids they show: an action applies to
exactly the ids ticked, once a confirmation has named them."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from hall.errors import StoreUnavailable
from hall.labels import t
from hall.pack import Catalog
from hall.ui.data import store
from hall.ui.paging import paged

PER_PAGE = 50
FIRST_WORDS = 24  # characters of a message shown in a confirmation
PICK = "pick"


@dataclass(frozen=True, slots=True)
class Action:
    """A button under a queue: what it says, asks and reports for n ids, and what it does to them."""

    key: str
    label: Callable[[int], str]
    question: Callable[[int], str]
    done: Callable[[int], str]
    run: Callable[[list[int]], int]  # returns how many changed


def messages(cat: Catalog, lang: str) -> None:
    """The guestbook's pending messages, oldest first, to approve (publish) or reject."""

    def page(start: int, stop: int) -> tuple[pd.DataFrame, pd.DataFrame]:
        queue = store().pending(limit=stop - start, offset=start)
        to = [_person(cat, m.honoree_id, t("admin_to_hall", lang)) for m in queue]
        table = pd.DataFrame(
            {
                t("admin_to", lang): to,
                t("admin_text", lang): [m.text for m in queue],
                t("guestbook_signature", lang): [m.signature for m in queue],
                t("admin_created", lang): [m.created_at.strftime("%Y-%m-%d %H:%M") for m in queue],
            },
            index=pd.Index([m.id for m in queue], name="#"),
        )
        words = pd.DataFrame(
            {t("admin_to", lang): to, t("admin_first_words", lang): [_first_words(m.text) for m in queue]},
            index=table.index,
        )
        return table, words

    _queue(
        "queue",
        store().pending_count,
        page,
        (
            Action(
                "admin_approve",
                lambda n: t("admin_approve", lang, n=n),
                lambda n: t("admin_confirm_approve", lang, n=n),
                lambda n: t("admin_approved", lang, n=n),
                lambda ids: store().moderate(ids, approve=True),
            ),
            Action(
                "admin_reject",
                lambda n: t("admin_reject", lang, n=n),
                lambda n: t("admin_confirm_reject", lang, n=n),
                lambda n: t("admin_rejected", lang, n=n),
                lambda ids: store().moderate(ids, approve=False),
            ),
        ),
        lang,
        counted="admin_queue_count",
        empty="admin_queue_empty",
    )


def requests(cat: Catalog, lang: str) -> None:
    """Open correction and withdrawal requests, oldest first; closing forgets their contacts."""

    def page(start: int, stop: int) -> tuple[pd.DataFrame, pd.DataFrame]:
        found = store().change_requests(limit=stop - start, offset=start)
        kinds = [t(f"request_{r.kind}", lang) for r in found]
        people = [_person(cat, r.honoree_id, t("admin_to_hall", lang)) for r in found]
        table = pd.DataFrame(
            {
                t("request_kind", lang): kinds,
                t("request_person", lang): people,
                t("request_details", lang): [r.details for r in found],
                t("request_contact", lang): [r.contact for r in found],
                t("admin_created", lang): [r.created_at.strftime("%Y-%m-%d %H:%M") for r in found],
            },
            index=pd.Index([r.id for r in found], name="#"),
        )
        words = pd.DataFrame(
            {
                t("request_kind", lang): kinds,
                t("request_person", lang): people,
                t("admin_first_words", lang): [_first_words(r.details) for r in found],
            },
            index=table.index,
        )
        return table, words

    _queue(
        "requests",
        store().request_count,
        page,
        (
            Action(
                "request_close",
                lambda n: t("request_close", lang, n=n),
                lambda n: t("request_confirm_close", lang, n=n),
                lambda n: t("requests_closed", lang, n=n),
                lambda ids: store().close_requests(ids),
            ),
        ),
        lang,
        counted="requests_count",
        empty="requests_none",
    )


def _queue(
    name: str,
    count: Callable[[], int],
    page: Callable[[int, int], tuple[pd.DataFrame, pd.DataFrame]],
    actions: Sequence[Action],
    lang: str,
    *,
    counted: str,
    empty: str,
) -> None:
    """One queue: what the last action did, the count (label `counted`), this page's table with
    its ticks, the action buttons, the confirmation of the action asked for, and the pager.

    `page(start, stop)` gives the page's rows (indexed by id) and, for the confirmation, the
    first words of each.
    """
    if note := st.session_state.pop(f"{name}_done", None):
        ok, text = note
        (st.success if ok else st.warning)(text)
    try:
        total = count()
    except StoreUnavailable:
        st.warning(t("figures_down", lang))
        return

    def draw(start: int, stop: int) -> None:
        try:
            table, words = page(start, stop)
        except StoreUnavailable:
            st.warning(t("figures_down", lang))
            return
        picked = _ticked(table, name, lang)
        asked = st.session_state.get(f"{name}_confirm")
        if asked and list(asked[1]) != picked:
            # The ticks changed after the question was asked: the question goes with them.
            del st.session_state[f"{name}_confirm"]
            asked = None
        with st.container(horizontal=True):
            for action in actions:
                if st.button(action.label(len(picked)), key=action.key, disabled=not picked):
                    asked = st.session_state[f"{name}_confirm"] = (action.key, tuple(picked))
        if asked:
            action = next(a for a in actions if a.key == asked[0])
            _confirm(name, action, list(asked[1]), words, lang)

    paged(total, f"{name}_page", lang, draw, per_page=PER_PAGE, counted=counted, empty=empty)


def _ticked(table: pd.DataFrame, name: str, lang: str) -> list[int]:
    """Draw the page's table with a tick column (and a box ticking it all); the ids ticked."""
    ids = [int(i) for i in table.index]
    # The editor keeps its ticks by row position. Keyed by the ids it shows, it starts afresh,
    # nothing ticked, whenever they change — after an action, another curator's, or on another
    # page — so a tick never passes to the message that moved into its row.
    shown = hashlib.blake2b(",".join(map(str, ids)).encode(), digest_size=8).hexdigest()
    every = st.checkbox(t("admin_pick_all", lang), key=f"{name}_all_{shown}")
    edited = st.data_editor(
        table.assign(**{PICK: every})[[PICK, *table.columns]],
        key=f"{name}_{shown}_{int(every)}",
        width="stretch",
        disabled=["_index", *table.columns],  # "_index": the ids, editable unless named here
        column_config={PICK: st.column_config.CheckboxColumn(t("admin_pick", lang))},
    )
    # The ids by row position from the table as drawn, never from the edited copy's index.
    return [i for i, ticked in zip(ids, edited[PICK], strict=True) if ticked]


def _confirm(name: str, action: Action, ids: list[int], words: pd.DataFrame, lang: str) -> None:
    """The question before an action: which ids, with their first words; confirm or cancel."""

    def run() -> None:
        # A callback: it runs before the next run draws the queue, which then shows the result.
        del st.session_state[f"{name}_confirm"]
        try:
            st.session_state[f"{name}_done"] = (True, action.done(action.run(ids)))
        except StoreUnavailable:
            st.session_state[f"{name}_done"] = (False, t("figures_down", lang))

    def cancel() -> None:
        del st.session_state[f"{name}_confirm"]

    with st.container(border=True):
        st.warning(action.question(len(ids)))
        st.dataframe(words.loc[ids], width="stretch")
        with st.container(horizontal=True):
            st.button(t("admin_confirm", lang), key=f"{name}_yes", type="primary", on_click=run)
            st.button(t("admin_cancel", lang), key=f"{name}_no", on_click=cancel)


def _person(cat: Catalog, honoree_id: str, hall: str) -> str:
    """Whom a message or request is about: the hall, a person's name, or an id the pack lacks."""
    if not honoree_id:
        return hall
    return cat.honoree(honoree_id).name if cat.has(honoree_id) else honoree_id


def _first_words(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= FIRST_WORDS else flat[: FIRST_WORDS - 1] + "…"
