"""A kiosk used with fingers only, offline, at 1920×1080 and 1080×1920: it never escapes the
hall, every control is big enough, and it resets itself when left alone."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
import yaml

from tests.browser.conftest import assert_offline, shot, wait_ready
from tests.support.packs import REPO

VIEWPORTS = [(1920, 1080), (1080, 1920)]
MIN_TARGET_PX = 60
# Idle long enough that a slow first load under CI load is not "idle"; the warning the least WCAG allows.
SHORT_IDLE_S, SHORT_WARN_S = 15, 20


@pytest.fixture(scope="module")
def short_idle_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default pack, with an idle time short enough to wait out in a test."""
    root = tmp_path_factory.mktemp("short-idle")
    shutil.copytree(REPO / "exhibits", root / "exhibits")
    hall_yaml = root / "exhibits" / "hall.yaml"
    doc = yaml.safe_load(hall_yaml.read_text(encoding="utf-8"))
    doc["kiosk"] = {"idle_seconds": SHORT_IDLE_S, "warning_seconds": SHORT_WARN_S}
    hall_yaml.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return root


def _small_targets(page) -> list[str]:
    """Visible buttons and links smaller than a fingertip target."""
    return page.evaluate(
        """(min) => [...document.querySelectorAll('button, [data-testid="stPageLink"] a')]
          .filter((el) => el.offsetParent !== null)
          .map((el) => [el.innerText.trim(), el.getBoundingClientRect()])
          .filter(([, r]) => r.width > 0 && (r.width < min || r.height < min))
          .map(([text, r]) => `${text} ${Math.round(r.width)}x${Math.round(r.height)}`)""",
        MIN_TARGET_PX,
    )


def _tap(page, locator) -> None:
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: f"{v[0]}x{v[1]}")
def test_fingers_only_visit_home_era_person_qr_and_keyboard(hall_server, new_page, viewport) -> None:
    server = hall_server("kiosk")
    page = new_page(server.url, viewport)
    page.goto("/")
    wait_ready(page)
    name = f"kiosk-{viewport[0]}x{viewport[1]}"

    assert not page.locator('[data-testid="stToolbar"]').is_visible()
    assert not page.locator('[data-testid="stHeader"]').is_visible()
    assert _small_targets(page) == []
    # The room's own text (the headline numbers' labels), and the room bar's, which is compact.
    body_px = page.evaluate(
        """() => Array.from(document.querySelectorAll('[data-testid="stMarkdownContainer"] p'))
          .filter((p) => !p.closest('.st-key-kiosk_bar, [data-testid="stCaptionContainer"]'))
          .map((p) => parseFloat(getComputedStyle(p).fontSize))"""
    )
    assert body_px
    assert min(body_px) >= 24, body_px
    bar_px = page.locator('.st-key-kiosk_bar [data-testid="stPageLink"] p').first
    assert bar_px.evaluate("(el) => parseFloat(getComputedStyle(el).fontSize)") >= 20
    assert page.evaluate("getComputedStyle(document.body).userSelect") == "none"
    shot(page, f"{name}-home")

    _tap(page, page.locator('.st-key-door_reform [data-testid="stPageLink"] a'))
    page.wait_for_url("**/reform")
    wait_ready(page)
    assert _small_targets(page) == []
    # The era opens on its stories: a storied person's name leads to their page.
    _tap(page, page.locator('[class*="st-key-story_"] [data-testid="stPageLink"] a').first)
    page.wait_for_url(re.compile(r".*/honoree\?id=.+"))
    wait_ready(page)
    qr = page.locator(".st-key-qr img")
    qr.wait_for()
    assert qr.get_attribute("src").startswith("data:image/svg+xml")
    shot(page, f"{name}-honoree-qr")

    _tap(page, page.locator('.st-key-kiosk_bar [data-testid="stPageLink"] a', has_text="搜索"))
    page.wait_for_url("**/search")
    wait_ready(page)
    assert _small_targets(page) == []
    for letter in "DWS":
        _tap(page, page.locator(f".st-key-key_{letter} button"))
        wait_ready(page)
    first = page.locator('[class*="st-key-card_"] [data-testid="stPageLink"] a').first
    assert first.inner_text().strip() == "丁卫松"
    shot(page, f"{name}-keyboard")
    _tap(page, first)
    page.wait_for_url(re.compile(r".*/honoree\?id=r001"))
    wait_ready(page)
    assert page.locator("h1").first.inner_text().strip() == "丁卫松"

    # No link leaves the hall: a tap on an outside link is swallowed.
    page.evaluate(
        """() => { const a = document.createElement('a'); a.href = 'https://example.com/';
        a.id = 'outside'; a.textContent = 'outside'; document.body.appendChild(a); }"""
    )
    page.evaluate("document.getElementById('outside').click()")
    page.wait_for_timeout(500)
    assert page.url.startswith(server.url)
    # No context menu either.
    prevented = page.evaluate(
        "() => !document.body.dispatchEvent(new MouseEvent('contextmenu', {bubbles: true, cancelable: true}))"
    )
    assert prevented
    assert_offline(page)


def test_directory_typed_into_the_address_bar_lands_home(hall_server, new_page) -> None:
    server = hall_server("kiosk", fresh=True)  # cold: the first request is the typed URL
    page = new_page(server.url, (1920, 1080))
    page.goto("/directory")
    wait_ready(page)
    assert page.locator(".st-key-door_reform").is_visible()  # the welcome hall's era doors
    assert page.locator('[data-testid="stDataFrame"]').count() == 0


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: f"{v[0]}x{v[1]}")
def test_left_alone_it_warns_then_resets_to_the_attract_screen(
    hall_server, new_page, short_idle_pack, viewport
) -> None:
    server = hall_server("kiosk", env={"HALL_PACK": str(short_idle_pack)})
    page = new_page(server.url, viewport)
    page.goto("/search")
    wait_ready(page)
    _tap(page, page.locator(".st-key-key_D button"))
    wait_ready(page)
    left = time.monotonic()
    page.locator("#hall-still-there").wait_for(timeout=(SHORT_IDLE_S + 2) * 1000)
    assert time.monotonic() - left >= SHORT_IDLE_S - 1, "asked before the idle time was up"
    shot(page, f"kiosk-still-there-{viewport[0]}x{viewport[1]}")
    box = page.locator("#hall-still-there").bounding_box()  # one touch: the visit goes on
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.locator("#hall-still-there").wait_for(state="detached", timeout=2000)
    left = time.monotonic()
    page.locator("#hall-still-there").wait_for(timeout=(SHORT_IDLE_S + 2) * 1000)
    asked = time.monotonic()
    assert asked - left >= SHORT_IDLE_S - 1, "the touch did not start the idle time again"
    page.wait_for_url("**/attract", timeout=(SHORT_WARN_S + 4) * 1000)
    # WCAG 2.2.1: at least 20 s between the question and the reset.
    assert time.monotonic() - asked >= SHORT_WARN_S - 1
    wait_ready(page)
    shot(page, f"kiosk-attract-{viewport[0]}x{viewport[1]}")

    box = page.locator(".st-key-attract_slide").bounding_box()  # a touch off the wall's names
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(re.compile(r".*:\d+/(\?.*)?$"))
    wait_ready(page)
    _tap(page, page.locator('.st-key-kiosk_bar [data-testid="stPageLink"] a', has_text="搜索"))
    page.wait_for_url("**/search")
    wait_ready(page)
    # The previous visitor's letters are gone: the keyboard shows an empty query.
    assert page.locator("h2", has_text="—").count() == 1
    assert_offline(page)
