"""The map, studios and timeline rooms and the life line drawn in a real Chromium with no internet,
on a phone and a 1920×1080 screen: districts really drawn, a tap picks a district or a decade."""

from __future__ import annotations

import pytest

from hall.pack import load_catalog
from tests.browser.conftest import assert_offline, shot, wait_ready
from tests.support.packs import REPO

VIEWPORTS = [(390, 844), (1920, 1080)]
DISTRICT_PATHS = ".stPlotlyChart path.choroplethlocation"


@pytest.fixture(scope="module")
def cat():
    return load_catalog(REPO)


def _tap(page, locator, *, touch: bool, at: tuple[float, float] = (0.5, 0.5)) -> None:
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] * at[0], box["y"] + box["height"] * at[1]
    if touch:
        page.touchscreen.tap(x, y)
    else:
        page.mouse.click(x, y)
    page.wait_for_timeout(300)
    wait_ready(page)


def _svg_texts(page, selector: str) -> list[str]:
    """Text drawn in the chart's SVG (innerText is undefined there)."""
    return page.evaluate(f"[...document.querySelectorAll('{selector}')].map((el) => el.textContent)")


def _drawn_districts(page, expected: int) -> list[dict]:
    """Each district path's box: present, non-empty, and not the whole plot (a mis-wound ring)."""
    page.wait_for_function(f"document.querySelectorAll('{DISTRICT_PATHS}').length >= {expected}")
    chart = page.locator(".stPlotlyChart").first.bounding_box()
    boxes = page.evaluate(
        f"""[...document.querySelectorAll('{DISTRICT_PATHS}')].map((p) => {{
              const r = p.getBoundingClientRect();
              return {{d: (p.getAttribute('d') || '').length, w: r.width, h: r.height,
                       fill: getComputedStyle(p).fill, opacity: getComputedStyle(p).fillOpacity}};
            }})"""
    )
    for box in boxes[:expected]:
        assert box["d"] > 100, "a district path without outline points"
        assert 10 < box["w"] < chart["width"] * 0.8, box
        assert 10 < box["h"] < chart["height"] * 0.9, box
    return boxes


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: f"{v[0]}x{v[1]}")
def test_map_draws_every_district_offline_and_a_tap_picks_one(online_server, new_page, cat, viewport) -> None:
    touch = viewport[0] < 600
    page = new_page(online_server.url, viewport, path="/map")
    boxes = _drawn_districts(page, len(cat.districts))
    fills = {b["fill"] for b in boxes[: len(cat.districts)]}
    assert len(fills) > 1, "every district has the same colour: the counts did not reach the map"
    labels = _svg_texts(page, ".stPlotlyChart .scattergeo text")
    assert all(any(d.name.zh in text for text in labels) for d in cat.districts)
    shot(page, f"map-{viewport[0]}x{viewport[1]}")

    zhuji = next(i for i, d in enumerate(cat.districts) if d.name.zh == "诸暨市")
    _tap(page, page.locator(DISTRICT_PATHS).nth(zhuji), touch=touch, at=(0.45, 0.5))
    page.wait_for_function("location.search === '?district=330681'")
    assert page.get_by_role("heading", name="诸暨市的劳模工匠").is_visible()
    # The picked district is outlined by a second, unfilled layer of the same boundaries.
    page.wait_for_function(
        f"document.querySelectorAll('{DISTRICT_PATHS}').length == {len(cat.districts) + 1}"
    )
    shot(page, f"map-picked-{viewport[0]}x{viewport[1]}", full_page=False)
    assert_offline(page)
    assert not [e for e in page.console_errors if "topojson" in e or "geojson" in e]


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: f"{v[0]}x{v[1]}")
def test_studios_room_shows_the_studios_on_the_map_offline(online_server, new_page, cat, viewport) -> None:
    page = new_page(online_server.url, viewport, path="/studios")
    _drawn_districts(page, len(cat.districts))
    placed = sum(1 for s in cat.studios if s.lon is not None)
    page.wait_for_function(
        f"document.querySelectorAll('.stPlotlyChart .scattergeo path.point').length >= {placed}"
    )
    assert page.get_by_text(cat.studios[0].name).first.count() == 1
    shot(page, f"studios-{viewport[0]}x{viewport[1]}")
    assert_offline(page)


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: f"{v[0]}x{v[1]}")
def test_timeline_draws_decades_eras_and_milestones_and_a_tap_picks_a_decade(
    online_server, new_page, cat, viewport
) -> None:
    touch = viewport[0] < 600
    page = new_page(online_server.url, viewport, path="/timeline")
    page.wait_for_function("document.querySelectorAll('.stPlotlyChart .barlayer path').length >= 8")
    notes = "".join(_svg_texts(page, ".stPlotlyChart .annotation-text"))
    for era in cat.eras:
        assert era.name.zh in notes
    marks = page.locator(".stPlotlyChart .scatterlayer path.point").count()
    assert marks == len({m.year for m in cat.milestones})
    shot(page, f"timeline-{viewport[0]}x{viewport[1]}")

    if touch:  # plotly takes no taps on bars, so touch screens have the decade chips
        _tap(page, page.locator(".st-key-decade button", has_text="1980"), touch=True)
    else:
        bar = page.locator(".stPlotlyChart .barlayer .trace").last.locator("path").nth(3)
        _tap(page, bar, touch=False, at=(0.5, 0.3))
    page.wait_for_function("location.search === '?span=1980&span=1989'")
    assert page.get_by_role("heading", name="1980—1989 年获得荣誉的人物").is_visible()
    shot(page, f"timeline-1980s-{viewport[0]}x{viewport[1]}")
    assert_offline(page)


def test_timeline_year_view_picks_a_span_by_dragging_across_it(online_server, new_page) -> None:
    page = new_page(online_server.url, (1920, 1080), path="/timeline")
    page.locator(".st-key-view button", has_text="按年份").click()
    wait_ready(page)
    page.wait_for_function("document.querySelectorAll('.stPlotlyChart .barlayer path').length >= 70")
    page.locator(".stPlotlyChart").first.scroll_into_view_if_needed()
    # Screen x of a year, from the plot's own axis.
    x_of = page.evaluate(
        """() => {
          const gd = document.querySelector('.stPlotlyChart .plot-container').parentElement;
          const ax = gd._fullLayout.xaxis, left = gd.getBoundingClientRect().left;
          const top = gd.getBoundingClientRect().top + gd._fullLayout.yaxis._offset;
          return {x1990: left + ax._offset + ax.l2p(1990), x1995: left + ax._offset + ax.l2p(1995),
                  y: top + gd._fullLayout.yaxis._length * 0.8};
        }"""
    )
    page.mouse.move(x_of["x1990"] - 4, x_of["y"])
    page.mouse.down()
    page.mouse.move(x_of["x1995"] + 4, x_of["y"], steps=8)
    page.mouse.up()
    page.wait_for_timeout(300)
    wait_ready(page)
    page.wait_for_function("location.search === '?span=1990&span=1995'")
    assert page.get_by_role("heading", name="1990—1995 年获得荣誉的人物").is_visible()
    shot(page, "timeline-drag-1990-1995-1920x1080")
    assert_offline(page)


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: f"{v[0]}x{v[1]}")
def test_life_line_on_a_persons_page_offline(online_server, new_page, cat, viewport) -> None:
    person = next(h for h in cat.honorees if h.birth_year and len([x for x in h.honours if x.year]) >= 2)
    page = new_page(online_server.url, viewport, path=f"/honoree?id={person.id}")
    page.wait_for_function("document.querySelectorAll('.stPlotlyChart .scatterlayer path.point').length >= 3")
    years = _svg_texts(page, ".stPlotlyChart .scatterlayer text")
    assert str(person.birth_year) in years
    page.locator(".stPlotlyChart").first.scroll_into_view_if_needed()
    wait_ready(page)
    shot(page, f"life-line-{viewport[0]}x{viewport[1]}")
    assert_offline(page)
