"""传承 in a real browser: a visitor follows a skill from a master through two generations of
apprentices on a 390 px phone and on a kiosk (by 60 px buttons), a tap on a dot follows too, the
kiosk room fits its first screen in both orientations, and the graph draws with nothing fetched
from outside the hall."""

from __future__ import annotations

import pytest

from hall.lineage import Lineage
from hall.pack import load_catalog
from tests.browser.conftest import assert_offline, shot, wait_ready
from tests.browser.test_at_a_glance import (
    CHIPS,
    CLIPPED_CHIPS,
    LANDSCAPE,
    MIN_TARGET_PX,
    OUTSIDE_FIRST_SCREEN,
    PHONE,
    PORTRAIT,
    SIDEWAYS,
    SMALL_TARGETS,
)
from tests.support.packs import REPO

LIN = Lineage.of(load_catalog(REPO))
# A first master whose line runs three generations: master → apprentice → the apprentice's own.
ROOT = next(k for k in LIN.roots(range(len(LIN.pairs))) if len(LIN.line(k).down) >= 2)
CHILD = next(p for p in LIN.apprentices(ROOT) if LIN.apprentices(p.key))
GRANDCHILD = LIN.apprentices(CHILD.key)[0]


def _follow(page, name: str) -> None:
    page.get_by_role("button", name=f"跟随{name}的传承").first.click()
    page.get_by_role("heading", name=f"{name}的传承").wait_for(timeout=30_000)
    wait_ready(page)


@pytest.mark.parametrize(
    ("mode", "viewport"), [("online", PHONE), ("kiosk", LANDSCAPE)], ids=["phone", "kiosk"]
)
def test_a_visitor_follows_a_skill_through_two_generations(hall_server, new_page, mode, viewport) -> None:
    page = new_page(hall_server(mode).url, viewport)
    page.goto(f"/lineage?id={ROOT}")
    wait_ready(page)
    page.get_by_role("heading", name=f"{LIN.people[ROOT].name}的传承").wait_for(timeout=30_000)
    _follow(page, CHILD.name)  # the apprentice
    _follow(page, GRANDCHILD.name)  # the apprentice's apprentice
    shot(page, f"lineage-two-generations-{mode}")
    text = page.locator('[data-testid="stMain"]').inner_text()
    assert "师傅的师傅" in text  # the line reaches back to where it started
    assert LIN.people[ROOT].name in text
    assert page.evaluate(SIDEWAYS) <= 1
    if mode == "kiosk":
        assert page.evaluate(SMALL_TARGETS, MIN_TARGET_PX) == []


def test_a_tap_on_a_dot_follows_that_persons_line(online_server, new_page) -> None:
    page = new_page(online_server.url, (1280, 900))
    page.goto(f"/lineage?id={CHILD.key}")
    wait_ready(page)
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    chart.wait_for(timeout=30_000)
    # Trace 0 is the lines, 1 the honorees (here the master above), 2 named apprentices, 3 the focus.
    dot = chart.locator("g.trace.scatter").nth(1).locator("path.point").first
    dot.wait_for(timeout=30_000)
    dot.click(force=True)
    page.get_by_role("heading", name=f"{LIN.people[ROOT].name}的传承").wait_for(timeout=30_000)
    wait_ready(page)
    assert f"id={ROOT}" in page.url


@pytest.mark.parametrize("viewport", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
@pytest.mark.parametrize("path", ["/lineage", f"/lineage?id={CHILD.key}"], ids=["city", "line"])
def test_the_kiosk_room_shows_its_graph_and_actions_in_the_first_screen(
    kiosk_server, new_page, viewport, path: str
) -> None:
    page = new_page(kiosk_server.url, viewport)
    page.goto(path)
    wait_ready(page)
    width, height = viewport
    shot(page, f"glance-lineage-{'line' if 'id=' in path else 'city'}-{width}x{height}")
    keys = [
        '[data-testid="stPlotlyChart"]',
        ".st-key-lineage_view" if "id=" not in path else ".st-key-lineage_back",
    ]
    for selector in keys:
        page.locator(selector).first.wait_for(state="attached", timeout=30_000)
        assert not page.evaluate(OUTSIDE_FIRST_SCREEN, [selector, width, height]), selector
    assert page.evaluate(SIDEWAYS) <= 1
    assert page.evaluate(SMALL_TARGETS, MIN_TARGET_PX) == []
    assert page.evaluate(CLIPPED_CHIPS, CHIPS) == []


def test_the_graph_draws_offline(online_server, new_page) -> None:
    page = new_page(online_server.url, (1280, 900))
    page.goto("/lineage")
    wait_ready(page)
    page.locator('[data-testid="stPlotlyChart"] g.trace.scatter').first.wait_for(timeout=30_000)
    assert_offline(page)
