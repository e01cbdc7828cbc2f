"""Hostile text through every place a room shows words from a link or a visitor (across rooms,
like test_offline_figures): the corpus of tests/support/hostile.py in the URL and in what
visitors and docents save, and each place's rendered value checked to be exactly the inert form."""

from __future__ import annotations

import pytest
import yaml

from hall.config import Mode
from hall.labels import t
from hall.rooms import ROOMS
from hall.store import MAX_SIGNATURE
from hall.store.values import is_refused_char
from hall.ui.text import ECHO_LIMIT, plain
from tests.support.apptest import markdown_shown, queue_editor, sign_in_curator, unlock
from tests.support.hostile import CORPUS, live_links

ONE_LINE = {name: " ".join(text.split()) for name, text in CORPUS.items()}
# What the guestbook takes (it refuses a bidi override as typed, see tests/hall/store).
SIGNABLE = [name for name, text in ONE_LINE.items() if not any(is_refused_char(ch) for ch in text)]
URL_PARAMS = ("id", "q", "year", "district", "span", "lang", "era", "honour", "industry", "view")


def assert_no_live_links(at) -> None:
    assert not at.exception
    for value in markdown_shown(at):
        assert live_links(value) == [], value


@pytest.mark.parametrize("text", CORPUS.values(), ids=CORPUS.keys())
def test_unknown_honoree_id_from_a_link_is_shown_inert(open_room, text: str) -> None:
    at = open_room("honoree", id=text)
    assert [w.value for w in at.warning] == [t("honoree_missing", id=plain(text, limit=ECHO_LIMIT))]
    assert_no_live_links(at)


@pytest.mark.parametrize("text", CORPUS.values(), ids=CORPUS.keys())
def test_search_text_from_a_link_is_shown_inert(open_room, text: str) -> None:
    at = open_room("search", q=text)
    query = at.text_input(key="q").value
    assert query == text[:100]
    nothing = [i.value for i in at.info]
    if nothing:
        assert nothing == [t("search_nothing", query=plain(query, limit=ECHO_LIMIT))]
    assert_no_live_links(at)


@pytest.mark.parametrize("name", SIGNABLE)
def test_guestbook_signature_and_message_are_shown_inert(open_room, cat, store, name: str) -> None:
    h = next(x for x in cat.honorees if "http" not in x.source)  # a cited web address is a link
    signature = ONE_LINE[name][:MAX_SIGNATURE]
    posted = store.post_message(CORPUS[name][:500], session_key="a", honoree_id=h.id, signature=signature)
    store.moderate([posted.id], approve=True)
    at = open_room("honoree", id=h.id)
    assert posted.text in [x.value for x in at.text]  # st.text: never Markdown
    byline = plain(f"{posted.signature} · {posted.created_at:%Y-%m-%d}")
    assert byline in [c.value for c in at.caption]
    assert_no_live_links(at)


def _hostile_tour(cat) -> tuple[str, list[tuple[str, list[str]]]]:
    """A docent's saved tour whose title, stop titles and talking points are the corpus."""
    stops = [(ONE_LINE[name][:200], CORPUS[name].splitlines() or ["-"]) for name in CORPUS]
    doc = {
        "id": "hostile",
        "title": {"zh": ONE_LINE["phishing"], "en": ONE_LINE["link"]},
        "audience": "小学",
        "stops": [
            {"kind": "honoree", "target": cat.honorees[0].id, "title": title, "minutes": 1, "points": points}
            for title, points in stops
        ],
    }
    return yaml.safe_dump(doc, allow_unicode=True), stops


def test_docent_tour_titles_and_points_are_shown_inert(docent_env, open_room, cat, store) -> None:
    text, stops = _hostile_tour(cat)
    store.save_tour("hostile", text)
    at = unlock(open_room("presenter"))
    at = at.selectbox(key="tour_id").select("hostile").run()
    for n, (title, points) in enumerate(stops):
        if n:
            at = at.button(key="next_stop").click().run()
        assert [h.value for h in at.header] == [plain(title.strip())]
        shown = [m.value for m in at.markdown]
        for point in (p.strip() for p in points if p.strip()):
            assert f"- {plain(point)}" in shown
        assert_no_live_links(at)


def test_docent_tour_draft_shows_stop_titles_inert(docent_env, open_room, cat, store) -> None:
    text, stops = _hostile_tour(cat)
    store.save_tour("hostile", text)
    at = unlock(open_room("tours"))
    at = at.selectbox(key="builder_from").select("hostile").run()
    shown = [m.value for m in at.markdown]
    for n, (title, _points) in enumerate(stops, start=1):
        assert f"**{n}.** {plain(title.strip())}" in shown
    assert_no_live_links(at)


def test_screen_pairing_code_typed_by_a_docent_is_never_shown_live(docent_env, open_room) -> None:
    at = unlock(open_room("presenter"))
    at.text_input(key="pair_code").input("[a](b)")
    at = at.button(key=f"FormSubmitter:pair-{t('presenter_pair')}").click().run()
    assert [e.value for e in at.error] == [t("pairing_unknown")]
    assert_no_live_links(at)


@pytest.mark.parametrize("room", [r for r in ROOMS if Mode.ONLINE in r.modes], ids=lambda r: r.key)
def test_link_text_in_any_query_parameter_is_never_shown_live(open_room, room) -> None:
    at = open_room(room.key, **dict.fromkeys(URL_PARAMS, CORPUS["phishing"]))
    assert_no_live_links(at)


def test_change_request_text_reaches_curators_as_typed(open_room, cat, store, monkeypatch) -> None:
    h = cat.honorees[0]
    store.request_change(h.id, "correction", CORPUS["phishing"], ONE_LINE["email"][:100])
    admin = sign_in_curator(open_room, monkeypatch)
    # The requests queue is a table: its cells are text, never Markdown.
    queue = queue_editor(admin, "requests").value
    assert CORPUS["phishing"] in list(queue[t("request_details")])
    assert ONE_LINE["email"][:100] in list(queue[t("request_contact")])
    assert_no_live_links(admin)
