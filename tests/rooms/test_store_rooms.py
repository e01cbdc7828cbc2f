"""Likes, the guestbook, the figures room and moderation, as visitors and curators see them."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from hall.config import Mode
from hall.labels import t
from hall.rooms import rooms_for
from hall.store import Store
from tests.rooms.conftest import texts

HOSTILE = "<script>alert(1)</script> **bold** [link](http://evil.example) $x$ :red[x]"


@pytest.fixture
def store(pack_env, tmp_path: Path) -> Store:
    return Store.open(None, tmp_path / "data")  # the same SQLite file the app uses (HALL_DATA)


def _honoree_page(open_room, cat):
    h = cat.honorees[0]
    return h, open_room("honoree", id=h.id)


def _post(at: AppTest, form: str, text: str, signature: str = "") -> AppTest:
    at.text_area(key=f"{form}_text").input(text)
    at.text_input(key=f"{form}_sig").input(signature)
    return at.button(key=f"FormSubmitter:{form}-{t('guestbook_send')}").click().run()


def test_like_counts_once_per_session(open_room, cat, store) -> None:
    h, at = _honoree_page(open_room, cat)
    assert at.button(key="like").label == t("like", n=0)
    at = at.button(key="like").click().run()
    assert at.button(key="like").label == t("liked", n=1)
    assert at.button(key="like").disabled
    assert store.likes(h.id) == 1
    _, other = _honoree_page(open_room, cat)  # another visitor
    assert other.button(key="like").label == t("like", n=1)


def test_new_message_is_shown_to_its_author_as_pending_and_to_no_one_else(open_room, cat, store) -> None:
    h, at = _honoree_page(open_room, cat)
    at = _post(at, f"guestbook_{h.id}", HOSTILE, "小王")
    assert t("guestbook_thanks") in texts(at)
    assert HOSTILE in [x.value for x in at.text]  # shown as typed, as plain text
    assert t("guestbook_pending") in texts(at).replace("\\", "")
    _, other = _honoree_page(open_room, cat)
    assert HOSTILE not in [x.value for x in other.text]
    (pending,) = store.pending()
    store.moderate([pending.id], approve=True)
    _, later = _honoree_page(open_room, cat)
    assert HOSTILE in [x.value for x in later.text]
    # Never as Markdown that runs: no element renders it as markup.
    assert all(HOSTILE not in m.value for m in later.markdown)


def test_refused_message_says_why(open_room, cat) -> None:
    at = open_room()
    at = _post(at, "guestbook_hall", "   ")
    assert t("guestbook_refused_empty") in texts(at)
    for n in range(3):
        at = _post(at, "guestbook_hall", f"致敬劳模 {n}")
    at = _post(at, "guestbook_hall", "再来一条")
    assert t("guestbook_refused_rate_limited", limit=3, minutes=10) in texts(at)


def test_store_down_rooms_still_browse_and_say_so(open_room, cat, tmp_path: Path, monkeypatch) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be")
    monkeypatch.setenv("HALL_DATA", str(blocked))
    h, at = _honoree_page(open_room, cat)
    assert not at.exception
    assert at.title[0].value == h.name
    assert t("store_down_like") in texts(at)
    assert t("store_down_read") in texts(at)
    home = open_room()
    assert not home.exception
    assert t("home_doors") in texts(home)


def test_figures_room_shows_the_stores_numbers(open_room, store) -> None:
    open_room()  # one visit
    figures = store.visit_stats(days=30)
    at = open_room("figures")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("figures_total_visits")] == f"{store.visit_stats(days=30).total_visits:,}"
    assert figures.total_visits >= 1
    assert len(at.get("plotly_chart")) == 2
    assert t("figures_search_private") in texts(at)


def test_search_terms_are_counted_with_their_results(open_room, store) -> None:
    at = open_room("search")
    at.text_input(key="q").input("没有这个人zzz").run()
    figures = store.visit_stats(days=1)
    assert ("没有这个人zzz", 1) in [(x.key, x.count) for x in figures.zero_result_searches]


def test_admin_refuses_a_wrong_password_and_moderates_in_bulk(open_room, cat, store, monkeypatch) -> None:
    monkeypatch.setenv("HALL_ADMIN_PASSWORD", "s3cret-劳模")
    for n in range(3):
        store.post_message(f"留言 {n}", session_key=f"visitor-{n}")
    at = open_room("admin")
    at.text_input(key="admin_pw").input("wrong")
    at = at.button(key=f"FormSubmitter:signin-{t('admin_sign_in')}").click().run()
    assert at.error[0].value == t("admin_wrong")
    assert "curator" not in at.session_state
    at.text_input(key="admin_pw").input("s3cret-劳模")
    at = at.button(key=f"FormSubmitter:signin-{t('admin_sign_in')}").click().run()
    assert at.session_state["curator"] is True
    (queue,) = at.dataframe  # the moderation queue, oldest first
    assert list(queue.value[t("admin_text")]) == ["留言 0", "留言 1", "留言 2"]


def test_admin_is_locked_without_a_password(open_room, monkeypatch) -> None:
    monkeypatch.delenv("HALL_ADMIN_PASSWORD", raising=False)
    at = open_room("admin")
    assert at.info[0].value == t("admin_locked")


def test_admin_and_figures_rooms_do_not_exist_in_kiosk_mode() -> None:
    keys = {r.key for r in rooms_for(Mode.KIOSK)}
    assert "admin" not in keys
    assert "figures" not in keys
    assert "admin" not in {r.key for r in rooms_for(Mode.DOCENT)}


def _sign_in(open_room, monkeypatch) -> AppTest:
    monkeypatch.setenv("HALL_ADMIN_PASSWORD", "pw")
    st.cache_resource.clear()  # settings are read once per process
    at = open_room("admin")
    at.text_input(key="admin_pw").input("pw")
    return at.button(key=f"FormSubmitter:signin-{t('admin_sign_in')}").click().run()


def test_admin_offers_every_curation_tool(open_room, monkeypatch) -> None:
    at = _sign_in(open_room, monkeypatch)
    assert not at.exception
    labels = [tab.label for tab in at.tabs]
    for name in ("moderate", "import", "photos", "labels", "requests", "export", "pack"):
        assert t(f"admin_tab_{name}") in labels
    assert t("qr_download") in [d.proto.label for d in at.get("download_button")]


def test_a_family_request_reaches_the_curators_and_closing_it_forgets_the_contact(
    open_room, cat, store, monkeypatch
) -> None:
    h, at = _honoree_page(open_room, cat)
    at.text_area(key="request_details").input("照片请撤回。")
    at.text_input(key="request_contact").input("13900000000")
    at.radio(key="request_kind").set_value("withdrawal")
    at = at.button(key=f"FormSubmitter:request_{h.id}-{t('request_send')}").click().run()
    assert t("request_thanks", n=1) in texts(at)
    (request,) = store.change_requests()
    assert (request.honoree_id, request.kind, request.contact) == (h.id, "withdrawal", "13900000000")
    admin = _sign_in(open_room, monkeypatch)
    assert "照片请撤回。" in [x.value for x in admin.text]
    admin = admin.button(key=f"close_{request.id}").click().run()
    assert store.change_requests() == []
    (closed,) = store.change_requests(open_only=False)
    assert closed.contact == ""
