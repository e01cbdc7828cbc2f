"""As a visitor sees it: a face for every person on a card page, each its own and named for a
screen reader; the wall of names opens the welcome hall and leads to the person."""

from __future__ import annotations

import hashlib
import urllib.request

import pytest

from hall.pack import load_catalog
from tests.browser.conftest import assert_offline, shot, wait_ready
from tests.support.packs import REPO


def _portraits(page) -> list[tuple[str, str]]:
    """(src, alt) of every portrait on the page's cards."""
    return page.eval_on_selector_all(
        '[class*="st-key-card_"] img', "els => els.map(e => [e.currentSrc || e.src, e.getAttribute('alt')])"
    )


def _digest(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return hashlib.sha256(response.read()).hexdigest()


@pytest.mark.parametrize("room", ["/revolution", "/reform", "/new-era", "/craftsmen"])
def test_every_card_has_its_own_portrait_named_for_its_person(online_server, new_page, room: str) -> None:
    page = new_page(online_server.url, (1920, 1080))
    page.goto(room)
    wait_ready(page)
    loaded = "[...document.querySelectorAll('[class*=\"st-key-card_\"] img')]"
    page.wait_for_function(f"() => {loaded}.every(i => i.complete && i.naturalWidth > 0)")
    portraits = _portraits(page)
    assert len(portraits) == 24
    names = page.eval_on_selector_all(
        '[class*="st-key-card_"] [data-testid="stPageLink"] p', "els => els.map(e => e.innerText.trim())"
    )
    assert [alt for _, alt in portraits] == names  # alt text: the person's name
    digests = [_digest(src) for src, _ in portraits]
    assert len(set(digests)) == len(digests), "two cards show the same picture"
    assert "placeholders" not in " ".join(src for src, _ in portraits)
    assert_offline(page)
    shot(page, f"exhibition-cards-{room.strip('/')}")


def test_the_wall_of_names_opens_the_welcome_hall_and_leads_to_the_person(online_server, new_page) -> None:
    cat = load_catalog(REPO)
    page = new_page(online_server.url, (1920, 1080))
    page.goto("/")
    wait_ready(page)
    wall = page.locator("nav.hall-wall")
    assert wall.is_visible()
    assert wall.locator("a").count() == len(cat.honorees)
    person = next(h for h in cat.honorees if h.name == "丁卫松")
    link = wall.locator(f'a[href="honoree?id={person.id}"]')
    assert link.evaluate("el => getComputedStyle(el).fontWeight") == "700"  # a real person stands out
    link.scroll_into_view_if_needed()
    link.click()
    page.wait_for_url(f"**/honoree?id={person.id}")
    wait_ready(page)
    assert page.locator("h1").first.inner_text().strip() == person.name
    shot(page, "exhibition-wall-to-person")


def test_the_moving_wall_is_still_for_visitors_who_ask_for_less_motion(kiosk_server, new_page) -> None:
    page = new_page(kiosk_server.url, (1920, 1080))
    page.emulate_media(reduced_motion="reduce")
    page.goto("/attract")
    wait_ready(page)
    names = page.locator(".hall-wall.moving .hall-wall-names")
    assert names.evaluate("el => getComputedStyle(el).animationName") == "none"
    page.emulate_media(reduced_motion="no-preference")
    assert names.evaluate("el => getComputedStyle(el).animationName") == "hall-wall-rise"
