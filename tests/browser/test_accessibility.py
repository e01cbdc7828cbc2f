"""Everyone can visit (issue 17), measured in Chromium: axe-core finds nothing against WCAG 2.2 AA
in any room of any mode (online, English, kiosk, kiosk + 大字·高对比, docent); every room names
itself in the title and speaks its language; a keyboard alone walks search → a person → 致敬 →
the next page with a visible ring and focus kept where it was; the 长辈版 and the kiosk's large
mode measure 24 px text, 30 px headings, 1.5 line height, 60 px targets and 7:1 contrast."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from hall.config import Mode
from hall.labels import t
from hall.pack import load_catalog
from hall.rooms import ATTRACT, HOME, HONOREE, rooms_for
from hall.ui.paging import PER_PAGE
from tests.browser.conftest import wait_ready
from tests.support.axe import axe_violations
from tests.support.packs import REPO

CAT = load_catalog(REPO)
REAL = next(h for h in CAT.honorees if h.name == "丁卫松")
HALL = CAT.info.name
PIN, PASSWORD = "246810", "a curator's long passphrase 2026"
ROOM_PARAMS = {HONOREE: f"id={REAL.id}", "search": "q=丁", "timeline": "span=1980&span=1989"}
LANDSCAPE, PORTRAIT, PHONE = (1920, 1080), (1080, 1920), (390, 844)
BODY_PX, HEADING_PX, TARGET_PX, LINE_HEIGHT = 24, 30, 60, 1.5


def _paths(mode: Mode, lang: str = "zh") -> Iterator[tuple[str, str]]:
    """(room key, path) for every room a visitor of `mode` can open, in `lang`."""
    for r in rooms_for(mode):
        if r.key == ATTRACT and mode is not Mode.KIOSK:
            continue
        query = "&".join(x for x in (ROOM_PARAMS.get(r.key, ""), "lang=en" if lang == "en" else "") if x)
        yield r.key, ("/" if r.key == HOME else f"/{r.url}") + (f"?{query}" if query else "")


def _open(page, path: str) -> None:
    page.goto(path)
    wait_ready(page)
    gate = page.locator('input[type="password"]:visible')  # not one folded away in an expander
    if gate.count():  # the docents' and curators' rooms: signed in as their users would be
        gate.first.fill(PIN if "/present" in path or "/tours" in path else PASSWORD)
        gate.first.press("Enter")
        page.wait_for_timeout(500)
        wait_ready(page)
    page.wait_for_function("document.title.includes(' — ')")  # the frame's script has named the page
    page.wait_for_timeout(500)  # charts settle


def _lang_and_title(page, key: str, lang: str) -> str:
    """The page's language and title, checked; the title returned for the uniqueness check."""
    assert page.evaluate("document.documentElement.lang") == ("zh-CN" if lang == "zh" else "en"), key
    title = page.title()
    assert title.endswith(HALL.get(lang)), f"{key}: {title!r}"
    return title


@pytest.mark.parametrize(
    ("mode", "lang"),
    [(Mode.ONLINE, "zh"), (Mode.ONLINE, "en"), (Mode.KIOSK, "zh"), (Mode.DOCENT, "zh")],
    ids=["online", "english", "kiosk", "docent"],
)
def test_every_room_passes_axe_and_names_itself(hall_server, new_page, mode: Mode, lang: str) -> None:
    server = hall_server(mode.value, env={"HALL_DOCENT_PIN": PIN, "HALL_ADMIN_PASSWORD": PASSWORD})
    page = new_page(server.url, LANDSCAPE)
    found, titles = [], {}
    for key, path in _paths(mode, lang):
        _open(page, path)
        found += [f"{path}: {v}" for v in axe_violations(page)]
        titles[key] = _lang_and_title(page, key, lang)
    assert not found, "\n".join(found)
    rooms = {k: v for k, v in titles.items() if k != ATTRACT}  # the attract screen is a kiosk's home
    assert len(set(rooms.values())) == len(rooms), titles  # every room its own title
    assert titles[HONOREE].startswith(f"{REAL.name} · "), titles[HONOREE]


def _tap_through_bar(page) -> Iterator[str]:
    """Each room of the kiosk's bar, reached by tapping it (one session: its large mode holds)."""
    labels = page.locator('.st-key-kiosk_bar [data-testid="stPageLink"] a').all_inner_texts()
    for label in labels:
        page.locator('.st-key-kiosk_bar [data-testid="stPageLink"] a', has_text=label.strip()).first.click()
        page.wait_for_timeout(400)
        wait_ready(page)
        page.wait_for_timeout(500)
        yield label.strip()


def _large_kiosk(page) -> None:
    page.goto("/")
    wait_ready(page)
    page.locator(".st-key-contrast_switch button").click()
    page.wait_for_timeout(400)
    wait_ready(page)


@pytest.mark.parametrize("viewport", [LANDSCAPE, PORTRAIT], ids=["landscape", "portrait"])
def test_the_kiosks_large_mode_passes_axe_at_7_to_1_in_every_room(kiosk_server, new_page, viewport) -> None:
    page = new_page(kiosk_server.url, viewport)
    _large_kiosk(page)
    found = []

    def measure(room: str) -> None:
        found.extend(f"{room}: {v}" for v in axe_violations(page))
        found.extend(f"{room}: {v}" for v in axe_violations(page, rules=("color-contrast-enhanced",)))
        found.extend(f"{room}: {v}" for v in _size_problems(page))

    for room in _tap_through_bar(page):
        measure(room)
    # And a person, through an era's stories: in-app links keep the session (and its large mode);
    # the wall's names are plain links that would start a new one.
    page.locator('.st-key-kiosk_bar [data-testid="stPageLink"] a').nth(1).click()
    wait_ready(page)
    page.locator('[class*="st-key-story_"] [data-testid="stPageLink"] a').first.click()
    page.wait_for_url(re.compile(r".*/honoree\?id="))
    wait_ready(page)
    measure(HONOREE)
    assert not found, "\n".join(found)


# ---------------------------------------------------------------------------------------
# The 长辈版's sizes, measured
# ---------------------------------------------------------------------------------------

SIZES = (Path(__file__).with_name("large_sizes.js")).read_text(encoding="utf-8")


def _size_problems(page) -> list[str]:
    return page.evaluate(SIZES, [BODY_PX, HEADING_PX, TARGET_PX, LINE_HEIGHT])


LARGE_ROOMS = ["/", "/revolution", f"/honoree?id={REAL.id}", "/search?q=丁", "/timeline", "/map", "/studios"]


@pytest.mark.parametrize("viewport", [PHONE, LANDSCAPE], ids=["phone", "pc"])
def test_the_online_large_mode_measures_its_sizes_and_7_to_1(online_server, new_page, viewport) -> None:
    page = new_page(online_server.url, viewport)
    found = []
    for path in LARGE_ROOMS:
        _open(page, f"{path}{'&' if '?' in path else '?'}size=large")
        found += [f"{path}: {v}" for v in _size_problems(page)]
        found += [f"{path}: {v}" for v in axe_violations(page, rules=("color-contrast-enhanced",))]
        assert "size=large" in page.url, "the 长辈版 is not kept in the link"
    assert not found, "\n".join(found)
    # No pop-ups: the rooms are links on the page, not in a menu that opens over it.
    assert page.locator('[data-testid="stPopover"]').count() == 0


def test_the_large_switch_turns_the_standard_hall_large_and_back(online_server, new_page) -> None:
    page = new_page(online_server.url, LANDSCAPE)
    _open(page, "/revolution")
    assert _size_problems(page), "the standard hall should not already measure as the 长辈版"
    page.get_by_role("button", name=t("large_on")).click()
    page.wait_for_timeout(500)
    wait_ready(page)
    assert "size=large" in page.url
    assert not _size_problems(page)
    page.get_by_role("button", name=t("large_off")).click()
    page.wait_for_timeout(500)
    wait_ready(page)
    assert "size=large" not in page.url


# ---------------------------------------------------------------------------------------
# The keyboard alone
# ---------------------------------------------------------------------------------------

FOCUSED = """() => { const el = document.activeElement; if (!el || el === document.body) return null;
  const holder = el.closest('[class*="st-key-"]');
  const s = getComputedStyle(el);
  return { key: holder ? [...holder.classList].find((c) => c.startsWith("st-key-")) : "",
    href: el.getAttribute("href") || "", text: (el.innerText || "").trim(),
    outline: parseFloat(s.outlineWidth) || 0, style: s.outlineStyle, color: s.outlineColor }; }"""


def _tab_to(page, wanted, limit: int = 120) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUSED)
        if focus and wanted(focus):
            return focus
    raise AssertionError("the keyboard never reached it")


def _contrast(rgb: str, paper: tuple[int, int, int] = (0xFB, 0xF8, 0xF3)) -> float:
    def lum(c: tuple[int, ...]) -> float:
        parts = [x / 255 for x in c]
        lin = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in parts]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    color = tuple(int(x) for x in re.findall(r"\d+", rgb)[:3])
    hi, lo = sorted((lum(color), lum(paper)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_a_keyboard_alone_searches_opens_a_person_salutes_and_turns_a_page(online_server, new_page) -> None:
    page = new_page(online_server.url, (1280, 900))
    _open(page, "/search?q=丁卫松")
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    assert first, "Tab reached nothing"
    assert first["text"] == t("skip_to_content"), first  # the skip link, in Chinese
    person = _tab_to(page, lambda f: "honoree" in f["href"] and REAL.id in f["href"])
    assert person["outline"] >= 3, person
    assert person["style"] != "none", person
    assert _contrast(person["color"]) >= 3, person  # WCAG 2.4.13: a ring that can be seen
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/honoree\?id="))
    wait_ready(page)
    _tab_to(page, lambda f: f["key"] == "st-key-like")
    page.keyboard.press("Space")
    page.wait_for_timeout(600)
    wait_ready(page)
    after = page.evaluate(FOCUSED)
    assert after, "focus thrown to the top of the page after 致敬"
    assert after["key"] == "st-key-like", after  # still on 致敬
    assert t("liked", n=0).split()[0] in after["text"], after

    _open(page, "/revolution")
    _tab_to(page, lambda f: f["key"].endswith("_next"))
    page.keyboard.press("Enter")
    page.wait_for_timeout(600)
    wait_ready(page)
    after = page.evaluate(FOCUSED)
    assert after, "focus thrown to the top of the page after a page change"
    assert re.search(r"_(next|prev)$", after["key"]), after  # on the pager still
    pages = -(-CAT.count("era", "revolution") // PER_PAGE)
    assert page.get_by_text(t("page_of", page=2, pages=pages), exact=True).count() == 1
