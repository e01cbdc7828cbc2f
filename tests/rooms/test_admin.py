"""管理 — the curators' room."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from streamlit.testing.v1 import AppTest

from hall.labels import t
from hall.store import CLIENT_LOCKOUT
from tests.support.apptest import says, sign_in_curator


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
