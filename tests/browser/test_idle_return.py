"""A visitor left idle while the hall is full gives their place to a newcomer; Chromium reconnects
by itself, and when the visitor comes back they carry on in the same session."""

from __future__ import annotations

from hall.labels import t
from hall.pack import load_catalog
from tests.browser.conftest import shot, wait_ready
from tests.support.packs import REPO

IDLE_S = 5
BUSY_TEXT = "展馆参观人数较多"


def test_an_idle_visitor_is_let_go_and_carries_on_when_back(hall_server, new_page) -> None:
    server = hall_server(
        "online",
        fresh=True,
        env={"HALL_MAX_SESSIONS": "2", "HALL_CLIENT_SHARE": "1", "HALL_IDLE_SESSION_SECONDS": str(IDLE_S)},
    )
    person = load_catalog(REPO).honorees[0]
    visitor = new_page(server.url, (1280, 800))
    sockets = []
    visitor.on("websocket", lambda ws: sockets.append(ws) if ws.url.endswith("/_stcore/stream") else None)
    visitor.goto(f"/honoree?id={person.id}")
    wait_ready(visitor)
    like = visitor.locator(".st-key-like button")
    like.click()
    saluted = t("liked", n=0).split()[0]  # the button says so (a second press would take it back)
    # A rerun may redraw the button (its help note appears): wait on the locator, not the node.
    visitor.locator(".st-key-like button", has_text=saluted).first.wait_for(timeout=15_000)

    new_page(server.url, (1280, 800), path="/")  # the hall is full: two places, two sessions
    visitor.wait_for_timeout((IDLE_S + 2) * 1000)  # both idle now

    newcomer = new_page(server.url, (1280, 800), path="/")
    assert not newcomer.get_by_text(BUSY_TEXT).is_visible(), "the idle sessions gave way"

    # The server closed the visitor's connection; the browser opened a new one by itself.
    for _ in range(40):
        if len(sockets) >= 2:
            break
        visitor.wait_for_timeout(250)
    assert len(sockets) >= 2, "Chromium reconnected after the server let the idle session go"
    assert sockets[0].is_closed()
    assert visitor.locator("h1").first.inner_text().strip() == person.name  # the page stayed

    # Back: a click runs in the same session (the salute is still theirs), not the busy page.
    visitor.get_by_role("button", name="English").click()
    wait_ready(visitor)
    assert not visitor.get_by_text(BUSY_TEXT).is_visible()
    assert visitor.get_by_role("button", name="中文").is_visible()
    saluted_en = t("liked", "en", n=0).split()[0]
    assert saluted_en in visitor.locator(".st-key-like button").first.inner_text(), (
        "the same session: already saluted"
    )
    assert not visitor.locator('[data-testid="stDialog"]').is_visible()  # no connection error shown
    shot(visitor, "idle-visitor-back")
