"""管理 — the curators' room."""

from __future__ import annotations

from hall.labels import t
from tests.support.apptest import sign_in_curator


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
