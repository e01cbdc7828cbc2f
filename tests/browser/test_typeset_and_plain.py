"""Chinese typeset well and nothing raw on screen (issue 16): no heading or short line ends with
one character alone, names never break inside, chart text at least 14 px (20 px on a kiosk), the
page in the visitor's language with the hall's own words for Streamlit's, no placeholder domain,
no internal id and no bare source address on screen, and a labelled menu button on a phone."""

from __future__ import annotations

import re

import pytest

from hall.pack import load_catalog
from tests.browser.conftest import wait_ready
from tests.support.packs import REPO

LANDSCAPE, PORTRAIT, PHONE = (1920, 1080), (1080, 1920), (390, 844)
REAL = next(h for h in load_catalog(REPO).honorees if h.name == "丁卫松")
PERSON = f"/honoree?id={REAL.id}"
ROOMS = ["/", "/revolution", "/reform", "/new-era", "/craftsmen", "/timeline", "/map", "/studios", PERSON]

# Short lines — headings, captions, link and chip labels, headline labels — whose last line holds
# one character alone (closing punctuation does not count as company).
LONE_CHARACTERS = """() => {
  const short = 'h1, h2, h3, h4, [data-testid="stCaptionContainer"] p, [data-testid="stPageLink"] p,'
    + ' [data-testid^="stBaseButton"] p, [data-testid="stMetricLabel"] p';
  const lines = (el) => {
    const found = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++) {
        if (/\\s/.test(node.data[i])) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        if (!rect.width) continue;
        const last = found[found.length - 1];
        if (last && Math.abs(last.top - rect.top) < 4) last.text += node.data[i];
        else found.push({top: rect.top, text: node.data[i]});
      }
    }
    return found.map((line) => line.text);
  };
  return [...document.querySelectorAll(short)]
    .filter((el) => el.getClientRects().length)
    .map(lines)
    .filter((ls) => ls.length > 1
      && [...ls[ls.length - 1].replace(/[，。、；：！？）》」』”’.,;:!?)\\]]/g, '')].length <= 1)
    .map((ls) => ls.join(' / '));
}"""
# Names — on the wall, on cards and stories, district chips — that take more than one line.
BROKEN_NAMES = """() => [...document.querySelectorAll(
    '.hall-wall a, [class*="st-key-card_"] [data-testid="stPageLink"] p,'
    + ' [class*="st-key-story_"] [data-testid="stPageLink"] p,'
    + ' .st-key-district [data-testid^="stBaseButton-pills"] p')]
  .filter((el) => el.getClientRects().length)
  .filter((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].filter((r) => r.width).map((r) => Math.round(r.top))).size > 1;
  })
  .map((el) => el.innerText.trim())"""
CHART_TEXT_PX = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] svg text')]
  .filter((el) => el.textContent.trim() && el.getClientRects().length)
  .map((el) => parseFloat(getComputedStyle(el).fontSize))"""
# Streamlit's own English, which a Chinese page must not show or read out.
STREAMLIT_ENGLISH = (
    "Skip to main content",
    "Link to heading",
    "Running...",
    "Stop",
    "Help",
    "Made with Streamlit",
)
LABELS = """() => [...document.querySelectorAll('[aria-label], [title]')]
  .filter((el) => el.getClientRects().length)
  .flatMap((el) => [el.getAttribute('aria-label'), el.getAttribute('title')].filter(Boolean))"""
RAW_ID = re.compile(r"\b[rs]\d{3,5}\b")


def _open(page, path: str) -> None:
    page.goto(path)
    wait_ready(page)


@pytest.mark.parametrize("viewport", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
@pytest.mark.parametrize("path", [*ROOMS, "/attract", "/search"])
def test_kiosk_text_keeps_characters_and_names_together(kiosk_server, new_page, viewport, path: str) -> None:
    page = new_page(kiosk_server.url, viewport)
    _open(page, path)
    assert page.evaluate(LONE_CHARACTERS) == []
    assert page.evaluate(BROKEN_NAMES) == []


@pytest.mark.parametrize("path", [*ROOMS, "/search?q=陈", "/directory"])
def test_phone_text_keeps_characters_and_names_together(online_server, new_page, path: str) -> None:
    page = new_page(online_server.url, PHONE)
    _open(page, path)
    assert page.evaluate(LONE_CHARACTERS) == []
    assert page.evaluate(BROKEN_NAMES) == []


@pytest.mark.parametrize("path", ["/timeline", "/map", "/studios", PERSON])
def test_chart_text_is_14_px_online_and_20_px_on_a_kiosk(online_server, kiosk_server, new_page, path) -> None:
    for server, least in ((online_server, 14), (kiosk_server, 20)):
        page = new_page(server.url, LANDSCAPE)
        _open(page, path)
        page.wait_for_function(f"({CHART_TEXT_PX})().length > 0")  # charts draw after the page
        sizes = page.evaluate(CHART_TEXT_PX)
        assert sizes
        assert min(sizes) >= least, f"{path}: chart text of {min(sizes)} px on {server.url}"


def test_chart_dates_are_in_the_visitors_language(online_server, new_page) -> None:
    page = new_page(online_server.url, LANDSCAPE)
    _open(page, "/figures")
    page.locator('[data-testid="stPlotlyChart"] svg text').first.wait_for(state="attached")
    ticks = page.eval_on_selector_all(
        '[data-testid="stPlotlyChart"] .xtick text', "els => els.map(e => e.textContent)"
    )
    assert ticks
    dates = [tick for tick in ticks if re.search(r"\d", tick)]
    assert dates, ticks
    assert all(re.fullmatch(r"\d{1,2}月\d{1,2}日", day) for day in dates), dates
    assert not any(re.search(r"[A-Za-z]", tick) for tick in ticks), ticks


@pytest.mark.parametrize("mode", ["online", "kiosk"])
def test_a_person_page_shows_nothing_raw(online_server, kiosk_server, new_page, mode: str) -> None:
    server = online_server if mode == "online" else kiosk_server
    page = new_page(server.url, LANDSCAPE)
    _open(page, PERSON)
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    assert page.title().startswith(REAL.name)
    text = page.locator("body").inner_text()
    labels = page.evaluate(LABELS)
    for english in STREAMLIT_ENGLISH:
        assert english not in text
        assert english not in labels
    assert "example" not in text
    if mode == "online":  # the share link is the address the visitor is using, in one place
        share = page.locator(".st-key-person_share_link code").inner_text().strip()
        # The visitor's own address: the person's light page once published (issue 21), or the page.
        assert share in (f"{server.url}{PERSON}", f"{server.url}/app/static/cache/light/p/{REAL.id}.html")
        text = text.replace(share, "")
        assert page.locator(f'a[href^="http"]:not([href^="{server.url}"])').count()  # sources, linked
    else:  # a kiosk shows a QR code to continue on a phone, and no link at all
        assert page.locator(".st-key-qr img").is_visible()
        assert page.locator(f'a[href^="http"]:not([href^="{server.url}"])').count() == 0
    assert "http" not in text  # sources are named by their titles, never by address
    assert not RAW_ID.search(text), RAW_ID.search(text)


def test_the_public_menu_has_no_curators_room(online_server, new_page) -> None:
    page = new_page(online_server.url, LANDSCAPE)
    _open(page, "/")
    sections = page.locator('[data-testid="stTopNavSection"]')
    assert sections.count() >= 2
    rooms: list[str] = []
    for i in range(sections.count()):
        sections.nth(i).click()
        links = page.locator('[data-testid="stTopNavDropdownLink"]')
        links.first.wait_for()
        rooms += links.all_inner_texts()
        page.keyboard.press("Escape")
        links.first.wait_for(state="detached")
    assert any("时间长廊" in room for room in rooms), rooms
    assert not any("管理" in room for room in rooms), rooms


def test_a_phone_reaches_every_room_from_a_labelled_menu_button(online_server, new_page) -> None:
    page = new_page(online_server.url, PHONE)
    _open(page, "/")
    button = page.locator(".st-key-phone_menu button")
    assert button.is_visible()
    assert "展厅导航" in button.inner_text()
    box = button.bounding_box()
    assert box["width"] >= 44
    assert box["height"] >= 44
    button.click()
    links = page.locator('[data-testid="stPopoverBody"] [data-testid="stPageLink"] a')
    links.first.wait_for()
    names = links.all_inner_texts()
    for room in ("序厅", "工匠馆", "时间长廊", "地图", "搜索"):
        assert any(room in name for name in names), names
    links.filter(has_text="地图").first.click()
    page.wait_for_url("**/map")
