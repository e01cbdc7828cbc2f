"""管理 — the curators' room."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from streamlit.testing.v1 import AppTest

from hall.labels import t
from hall.store import CLIENT_LOCKOUT, MessageStatus
from tests.support.apptest import act, every_page, queue_editor, queue_ids, says, sign_in_curator, texts, tick


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


def test_admin_offers_every_curation_tool(open_room, monkeypatch) -> None:
    at = sign_in_curator(open_room, monkeypatch)
    assert not at.exception
    labels = [tab.label for tab in at.tabs]
    for name in ("moderate", "import", "photos", "labels", "requests", "lockouts", "export", "pack"):
        assert t(f"admin_tab_{name}") in labels
    assert t("qr_download") in [d.proto.label for d in at.get("download_button")]


# ------------------------------------------------------------------ moderation (issue 14, item 7)


def _waiting(store, n: int) -> list[int]:
    return [store.post_message(f"留言 {i}", session_key=f"visitor-{i}").id for i in range(n)]


def test_after_an_action_no_other_message_is_left_ticked(open_room, store, monkeypatch) -> None:
    # Finding 7: with more messages waiting than one table shows, tick message 1 and reject it:
    # message 2, now in its row, must not be ticked, or "approve" publishes what nobody chose.
    ids = _waiting(store, 205)
    at = sign_in_curator(open_room, monkeypatch)
    at = tick(at, "queue", [0])
    assert at.button(key="admin_reject").label == t("admin_reject", n=1)
    at = act(at, "admin_reject", "queue")
    assert store.message(ids[0]).status is MessageStatus.REJECTED
    assert queue_ids(at, "queue")[0] == ids[1]
    assert at.button(key="admin_approve").disabled, "a message nobody ticked is ticked"
    if not at.button(key="admin_approve").disabled:
        act(at, "admin_approve", "queue")
    assert store.message(ids[1]).status is MessageStatus.PENDING
    assert store.pending_count() == 204


def test_the_confirmation_names_the_ticked_messages_and_only_they_are_published(
    open_room, store, monkeypatch
) -> None:
    ids = _waiting(store, 60)
    at = sign_in_curator(open_room, monkeypatch)
    at = at.button(key="queue_page_next").click().run()
    assert queue_ids(at, "queue") == ids[50:]
    at = tick(at, "queue", [0, 3])
    at = at.button(key="admin_approve").click().run()
    assert store.pending_count() == 60  # nothing is published before the curator confirms
    assert at.warning[0].value == t("admin_confirm_approve", n=2)
    (asked,) = [d for d in at.dataframe if d.editing_mode == "read_only"]
    assert list(asked.value.index) == [ids[50], ids[53]]
    assert list(asked.value[t("admin_first_words")]) == ["留言 50", "留言 53"]
    at = at.button(key="queue_yes").click().run()
    assert [m.id for m in store.messages(everywhere=True)] == [ids[53], ids[50]]
    assert store.pending_count() == 58
    assert at.success[0].value == t("admin_approved", n=2)
    assert at.button(key="admin_approve").disabled  # nothing ticked after the action


def test_an_edited_id_cell_cannot_redirect_an_action(open_room, store, monkeypatch) -> None:
    ids = _waiting(store, 6)
    at = sign_in_curator(open_room, monkeypatch)
    key = queue_editor(at, "queue").key
    at.session_state[key] = {  # as a crafted (or confused) client could send it
        "edited_rows": {0: {"_index": ids[5], "pick": True}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at = act(at.run(), "admin_approve", "queue")
    assert [m.id for m in store.messages(everywhere=True)] == [ids[0]]  # the row ticked, not the id typed


def test_changing_the_ticks_or_cancelling_withdraws_the_question(open_room, store, monkeypatch) -> None:
    ids = _waiting(store, 5)
    at = sign_in_curator(open_room, monkeypatch)
    at = tick(at, "queue", [1])
    at = at.button(key="admin_approve").click().run()
    assert "queue_yes" in [b.key for b in at.button]
    at = tick(at, "queue", [1, 2])  # the question named one message: two are ticked now
    assert "queue_yes" not in [b.key for b in at.button]
    at = at.button(key="admin_reject").click().run()
    assert at.warning[0].value == t("admin_confirm_reject", n=2)
    at = at.button(key="queue_no").click().run()
    assert "queue_yes" not in [b.key for b in at.button]
    assert [m.id for m in store.pending()] == ids


def test_every_waiting_message_is_reachable(open_room, store, monkeypatch) -> None:
    ids = _waiting(store, 230)
    at = sign_in_curator(open_room, monkeypatch)
    _, pages = every_page(at, "queue", lambda page: queue_ids(page, "queue"))
    seen = [i for ids_on_page in pages for i in ids_on_page]
    assert seen == ids, f"{len(set(ids) - set(seen))} waiting messages cannot be reached"


def test_ticking_a_whole_page_rejects_that_page_only(open_room, store, monkeypatch) -> None:
    ids = _waiting(store, 70)
    at = sign_in_curator(open_room, monkeypatch)
    (every,) = [c for c in at.checkbox if c.key.startswith("queue_all_")]
    at = every.check().run()
    assert at.button(key="admin_reject").label == t("admin_reject", n=50)
    at = act(at, "admin_reject", "queue")
    assert [m.id for m in store.pending()] == ids[50:]
    assert queue_ids(at, "queue") == ids[50:]
    (every,) = [c for c in at.checkbox if c.key.startswith("queue_all_")]
    assert not every.value  # the new rows are not ticked by the last page's box
    assert at.button(key="admin_approve").disabled


# ------------------------------------------------------- correction requests (issue 14, item 8)


def _requests(store, n: int) -> list[int]:
    return [store.request_change(f"r{i:03d}", "correction", f"申请 {i}", f"1390000{i:04d}") for i in range(n)]


def _shown(at) -> str:
    """Every text on the page, the tables' cells included."""
    cells = [str(v) for table in at.dataframe for v in table.value.to_numpy().ravel()]
    return texts(at) + "\n" + "\n".join(cells)


def test_every_open_request_is_reachable_and_closed_in_bulk(open_room, store, monkeypatch) -> None:
    # Finding 8: the admin listed only the oldest 200 open requests, so #231 had no close button.
    ids = _requests(store, 230)
    at = sign_in_curator(open_room, monkeypatch)
    at, pages = every_page(at, "requests", _shown)
    seen = "\n".join(pages)
    missing = [i for i in range(230) if f"申请 {i}\n" not in seen + "\n"]
    assert not missing, f"{len(missing)} open requests cannot be reached, e.g. #{ids[missing[0]]}"
    last_page = queue_ids(at, "requests")
    assert last_page[-1] == ids[-1]
    at = tick(at, "requests", [0, len(last_page) - 1])
    at = at.button(key="request_close").click().run()
    assert at.warning[0].value == t("request_confirm_close", n=2)
    at = at.button(key="requests_yes").click().run()
    closed = {r.id: r for r in store.change_requests(open_only=False, limit=1000) if not r.open}
    assert set(closed) == {last_page[0], ids[-1]}
    assert {r.contact for r in closed.values()} == {""}
    assert store.request_count() == 228
    assert at.success[0].value == t("requests_closed", n=2)


PASSWORD = "s3cret-劳模"


@pytest.fixture
def no_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """The waits between tries are the store tests' business (they move a clock); here, the
    lockout they lead to, without sleeping through them."""
    from hall.store import limits

    monkeypatch.setattr(limits, "wait_after", lambda _failures: dt.timedelta(0))


def try_password(at: AppTest, password: str) -> AppTest:
    """Type a password into the sign-in form and send it, if the page offers the form."""
    if not [w for w in at.text_input if w.key == "admin_pw"]:
        return at
    at.text_input(key="admin_pw").input(password)
    return at.button(key=f"FormSubmitter:signin-{t('admin_sign_in')}").click().run()


def test_fifty_wrong_passwords_then_the_right_one_is_refused_and_logged(
    open_room, store, monkeypatch, caplog, no_waits
) -> None:
    """Finding 2: 50 wrong tries in one session, and the right one was still accepted; the log
    said nothing of where the tries came from."""
    monkeypatch.setenv("HALL_ADMIN_PASSWORD", PASSWORD)
    caplog.set_level(logging.WARNING, logger="hall")
    at = open_room("admin")
    for n in range(50):
        at = try_password(at, f"guess-{n:02d}")
    at = try_password(at, PASSWORD)
    assert "curator" not in at.session_state
    assert says(at, "gate_refused_locked")  # and until when
    assert not [w for w in at.text_input if w.key == "admin_pw"]  # no form while locked
    (lockout,) = store.lockouts()
    assert (lockout.gate, lockout.failures) == ("curator", CLIENT_LOCKOUT)

    logged = [r.getMessage() for r in caplog.records if r.name.startswith("hall")]
    wrong = [line for line in logged if "curator sign-in refused: wrong secret" in line]
    assert len(wrong) == CLIENT_LOCKOUT
    assert all(f"client {lockout.client}" in line for line in wrong)
    assert [f"try {n} in a row" in line for n, line in enumerate(wrong, 1)] == [True] * CLIENT_LOCKOUT
    assert any(line.startswith(f"curator gate locked for client {lockout.client}") for line in logged)
    assert not [line for line in logged if "guess-" in line or PASSWORD in line]  # never the secret


def test_a_curator_sees_the_lockouts_and_lifts_one(open_room, store, monkeypatch, no_waits) -> None:
    for _ in range(CLIENT_LOCKOUT):
        store.begin_try("docent", "ab12cd34ef56ab78")
    at = sign_in_curator(open_room, monkeypatch)
    rows = [x.value for x in at.text if "ab12cd34ef56ab78" in x.value]
    assert len(rows) == 1
    assert t("docent_pin") in rows[0]
    at = at.button(key="lift_docent_ab12cd34ef56ab78").click().run()
    assert store.lockouts() == []
    assert t("lockouts_lifted") in [s.value for s in at.success]
    assert t("lockouts_none") in [i.value for i in at.info]


# ------------------------------------------------------------------ the printed 名录 (issue 20)


def test_admin_makes_the_book_on_request_and_offers_it_again_without_making_it(
    open_room, monkeypatch
) -> None:
    from tests.support.apptest import capture_downloads

    downloads = capture_downloads(monkeypatch)
    at = sign_in_curator(open_room, monkeypatch)
    at.selectbox(key="book_scope").select("district:330624")
    at = at.radio(key="book_paper").set_value("A5").run()
    assert not downloads.get("book_pdf_0")
    at = at.button(key="book_make").click().run()
    assert not at.exception
    assert downloads["book_pdf_0"]().startswith(b"%PDF")
    downloads.clear()
    # Another curator, the same pack and choice: the book is there at once.
    again = sign_in_curator(open_room, monkeypatch)
    again.selectbox(key="book_scope").select("district:330624")
    again = again.radio(key="book_paper").set_value("A5").run()
    assert "book_make" not in [b.key for b in again.button]
    assert downloads["book_pdf_0"]().startswith(b"%PDF")


def test_admin_offers_the_open_data(open_room, monkeypatch) -> None:
    from tests.support.apptest import capture_downloads

    downloads = capture_downloads(monkeypatch)
    sign_in_curator(open_room, monkeypatch)
    assert downloads["export_open_data"]().startswith(b"PK")
