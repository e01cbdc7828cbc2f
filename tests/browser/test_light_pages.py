"""A light page as `make run` serves it: Streamlit sends it as HTML that Chromium renders (not as
text), its picture loads, the keyboard shows where it is, its button opens the person in the
live hall, and the hall's share link leads back to it."""

from __future__ import annotations

import pytest

from hall.config import Settings
from hall.pack import load_catalog
from hall.publish import MIRROR, Style, publish
from hall.publish.urls import address, page_file
from tests.browser.conftest import assert_offline, shot, wait_ready
from tests.support.packs import REPO


@pytest.fixture(scope="module")
def person():
    """The default pack published where the hall's Streamlit serves it (only changes written)."""
    cat = load_catalog(REPO, data_dir=Settings.from_env().data_dir)
    publish(cat, out=MIRROR, data_dir=Settings.from_env().data_dir, style=Style.STATIC)
    return next(h for h in cat.honorees if h.name == "丁卫松")


@pytest.mark.parametrize("viewport", [(390, 844), (1280, 800)], ids=["phone", "pc"])
def test_streamlit_serves_a_light_page_the_browser_renders(online_server, new_page, person, viewport):
    page = new_page(online_server.url, viewport)
    response = page.goto(address(page_file("p", person.id), Style.STATIC))
    assert response is not None
    assert response.ok
    assert response.headers["content-type"].startswith("text/html")
    assert page.evaluate("document.contentType") == "text/html"  # rendered, not shown as text
    assert page.title().startswith(person.name)
    assert page.locator("h1").inner_text() == person.name
    face = page.locator("main img")
    face.wait_for()
    assert page.evaluate("img => img.complete && img.naturalWidth >= 300", face.element_handle())
    # Keyboard: the first Tab reaches the skip link, and it shows a visible outline.
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "[document.activeElement.className, getComputedStyle(document.activeElement).outlineStyle]"
    )
    assert focused == ["skip", "solid"]
    assert page.evaluate("!!document.querySelector('script')") is False
    shot(page, f"light-person-{viewport[0]}x{viewport[1]}")

    page.get_by_role("link", name=f"进入展馆，看{person.name}的展页").click()
    page.wait_for_url(f"**/honoree?id={person.id}")
    wait_ready(page)
    assert page.locator("h1").first.inner_text().strip() == person.name
    # The hall's share link leads to the light page, at the address the visitor is on.
    share = page.locator(".st-key-person_share_link code").inner_text()
    assert share == online_server.url + address(page_file("p", person.id), Style.STATIC)
    assert_offline(page)


def test_activity_light_pages_pass_axe_and_lead_into_the_hall(online_server, new_page, person) -> None:
    """An activity's page, the list of them and a speaker's page with their latest activities:
    no WCAG 2.2 AA violation in Chromium, and the activity's button opens it in the live hall."""
    from tests.support.axe import axe_violations

    cat = load_catalog(REPO, data_dir=Settings.from_env().data_dir)
    act = next(a for a in cat.activities.items if a.speakers and a.summary)
    page = new_page(online_server.url, (390, 844))
    found = []
    for file in (page_file("a", act.id), "a/index.html", page_file("p", act.speakers[0])):
        response = page.goto(address(file, Style.STATIC))
        assert response is not None
        assert response.ok, file
        found += [f"{file}: {v}" for v in axe_violations(page)]
    assert not found, "\n".join(found)
    page.goto(address(page_file("a", act.id), Style.STATIC))
    assert page.locator("h1").inner_text() == " ".join(act.title.zh.split())
    page.get_by_role("link", name="进入展馆，看这项活动的展页").click()
    page.wait_for_url(f"**/activities?id={act.id}")
    wait_ready(page)
    assert_offline(page)
