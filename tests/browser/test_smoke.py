"""A freshly started hall answers a cold deep link with the framed room, in Chinese glyphs."""

from __future__ import annotations

import pytest

from hall.pack import load_catalog
from tests.browser.conftest import assert_offline, shot, wait_ready
from tests.support.packs import REPO


@pytest.fixture(scope="module")
def real_person():
    cat = load_catalog(REPO)
    return cat, next(h for h in cat.honorees if h.name == "丁卫松")


@pytest.mark.parametrize("viewport", [(390, 844), (1920, 1080)], ids=["phone", "screen"])
def test_cold_deep_link_renders_the_framed_honoree_room(hall_server, new_page, real_person, viewport):
    cat, person = real_person
    server = hall_server("online", fresh=True)  # nobody has opened "/" on this server
    page = new_page(server.url, viewport)
    page.goto(f"/honoree?id={person.id}")
    wait_ready(page)

    heading = page.locator("h1").first
    assert heading.inner_text().strip() == person.name
    # The frame ran: the hall's header with its sample badge and the language button.
    assert page.get_by_text(cat.info.name.zh, exact=False).first.is_visible()
    assert page.get_by_role("button", name="English").first.is_visible()
    # Chinese is drawn with the bundled Simplified Chinese face, not a Japanese fallback.
    family = heading.evaluate("el => getComputedStyle(el).fontFamily")
    assert family.startswith("hallsans")
    assert page.evaluate("document.fonts.check('32px hallsans', '丁卫松')")
    assert_offline(page)
    shot(page, f"smoke-honoree-{viewport[0]}x{viewport[1]}")


def test_unknown_room_falls_back_home(online_server, new_page):
    page = new_page(online_server.url, (1280, 800))
    page.goto("/admin-does-not-exist")
    wait_ready(page)
    assert page.locator("h1").first.inner_text().strip() == load_catalog(REPO).info.name.zh
