"""Every kiosk screen at a glance: in both orientations each room's content and actions are in the
first screen, nothing is clipped or too small for a finger, nothing runs off sideways; and nothing
runs off sideways on a 390 px phone either."""

from __future__ import annotations

import pytest

from hall.pack import load_catalog
from tests.browser.conftest import shot, wait_ready
from tests.support.packs import REPO

LANDSCAPE, PORTRAIT, PHONE = (1920, 1080), (1080, 1920), (390, 844)
MIN_TARGET_PX = 60
REAL = next(h for h in load_catalog(REPO).honorees if h.name == "丁卫松")

# (path, how to get to the view, the selectors that must be in the first screen)
PAGER = '[class*="_next"] button'
KIOSK_ROOMS: list[tuple[str, str, tuple[str, ...]]] = [
    ("/", "", (".st-key-door_revolution", ".st-key-door_reform", ".st-key-door_new_era", "nav.hall-wall")),
    ("/revolution", "", (".st-key-era_view", "[class*='st-key-story_']")),
    ("/reform", "people", (".st-key-era_view", PAGER, "[class*='st-key-card_']")),
    ("/new-era", "people", (".st-key-era_view", PAGER)),
    ("/craftsmen", "", (PAGER, "[class*='st-key-card_']")),
    ("/timeline", "", ('[data-testid="stPlotlyChart"]', ".st-key-decade")),
    ("/map", "", ('[data-testid="stPlotlyChart"]', ".st-key-district")),
    ("/studios", "", ('[data-testid="stPlotlyChart"]', ".st-key-district", PAGER)),
    ("/search", "", (".st-key-key_A", ".st-key-key_Z", ".st-key-key_delete", PAGER)),
    ("/ask", "", (".st-key-key_A", ".st-key-key_Z", ".st-key-ask_try_0", ".st-key-ask_try_9")),
    (f"/honoree?id={REAL.id}", "", (".st-key-like", ".st-key-qr img", ".st-key-portrait img", "h1")),
    ("/attract", "", (".st-key-attract_touch", ".st-key-wall_pause", "nav.hall-wall")),
    ("/activities", "", (".st-key-act_kiosk_list", ".st-key-qr img")),
]
ONLINE_ROOMS = [
    "/",
    "/revolution",
    "/reform",
    "/new-era",
    "/craftsmen",
    "/timeline",
    "/map",
    "/studios",
    "/search?q=陈",
    "/ask",
    "/directory",
    "/figures",
    "/activities",
    f"/honoree?id={REAL.id}",
]

OUTSIDE_FIRST_SCREEN = """([selector, width, height]) => [...document.querySelectorAll(selector)]
  .filter(el => el.getClientRects().length)
  .map(el => el.getBoundingClientRect())
  .filter(r => r.top < 0 || r.bottom > height + 1 || r.left < 0 || r.right > width + 1)
  .map(r => [Math.round(r.top), Math.round(r.bottom), Math.round(r.left), Math.round(r.right)])"""
SIDEWAYS = """() => {
  const main = document.querySelector('[data-testid="stMain"]') || document.body;
  const root = document.documentElement;
  return Math.max(root.scrollWidth, main.scrollWidth) - root.clientWidth;
}"""
SMALL_TARGETS = """(minimum) => [...document.querySelectorAll(
    'button, [data-testid="stPageLink"] a, [role="tab"]')]
  .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
  .map(el => [el.innerText.trim().slice(0, 20), el.getBoundingClientRect()])
  .filter(([, r]) => r.width < minimum - 0.5 || r.height < minimum - 0.5)
  .map(([text, r]) => `${text}: ${Math.round(r.width)}×${Math.round(r.height)}`)"""
CHIPS = '[data-testid^="stBaseButton-pills"], [data-testid^="stBaseButton-segmented"]'
CLIPPED_CHIPS = """(chips) => [...document.querySelectorAll(chips)]
  .filter(el => el.getClientRects().length)
  .filter(el => {
    const r = el.getBoundingClientRect();
    let box = el.parentElement;
    while (box && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
    const outer = box ? box.getBoundingClientRect() : {left: 0, right: innerWidth};
    return r.left < outer.left - 1 || r.right > outer.right + 1 || r.right > innerWidth + 1;
  })
  .map(el => el.innerText.trim())"""


def _open(page, path: str, view: str) -> None:
    page.goto(path)
    wait_ready(page)
    if view:
        page.locator(".st-key-era_view").get_by_text({"people": "本时代人物"}[view], exact=True).first.click()
        wait_ready(page)


@pytest.mark.parametrize("viewport", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
@pytest.mark.parametrize(("path", "view", "keys"), KIOSK_ROOMS, ids=[f"{p}{v}" for p, v, _ in KIOSK_ROOMS])
def test_a_kiosk_room_shows_its_content_and_actions_in_the_first_screen(
    kiosk_server, new_page, viewport, path: str, view: str, keys: tuple[str, ...]
) -> None:
    page = new_page(kiosk_server.url, viewport)
    _open(page, path, view)
    width, height = viewport
    shot(page, f"glance-{path.strip('/').split('?')[0] or 'home'}{view}-{width}x{height}")
    for selector in keys:
        page.locator(selector).first.wait_for(state="attached", timeout=30_000)  # charts draw late
        outside = page.evaluate(OUTSIDE_FIRST_SCREEN, [selector, width, height])
        assert not outside, f"{selector} lies outside the first screen: {outside}"
    assert page.evaluate(SIDEWAYS) <= 1, "the page runs off sideways"
    assert page.evaluate(SMALL_TARGETS, MIN_TARGET_PX) == []
    assert page.evaluate(CLIPPED_CHIPS, CHIPS) == []


def test_the_kiosk_room_bar_is_one_row_in_landscape_and_two_at_most_in_portrait(
    kiosk_server, new_page
) -> None:
    for viewport, rows in ((LANDSCAPE, 1), (PORTRAIT, 2)):
        page = new_page(kiosk_server.url, viewport)
        _open(page, "/", "")
        tops = page.eval_on_selector_all(
            ".st-key-kiosk_bar > * , .st-key-kiosk_bar [data-testid='stPageLink']",
            "els => [...new Set(els.filter(e => e.getClientRects().length)"
            ".map(e => Math.round(e.getBoundingClientRect().top / 20)))]",
        )
        assert len(tops) <= rows, f"{viewport}: the room bar takes {len(tops)} rows"


@pytest.mark.parametrize("path", ONLINE_ROOMS)
def test_nothing_runs_off_sideways_on_a_phone(online_server, new_page, path: str) -> None:
    page = new_page(online_server.url, PHONE)
    page.goto(path)
    wait_ready(page)
    assert page.evaluate(SIDEWAYS) <= 1, f"{path} runs off sideways on a phone"
