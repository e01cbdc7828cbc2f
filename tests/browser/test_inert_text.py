"""Hostile text in real Chromium: what plain() makes of it renders as the words typed and nothing
else (no link, image, heading, icon, formula or list), and a crafted link to the hall shows no
phishing notice (finding 4 of issue 14)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import quote

import pytest

from hall.ui.text import WORD_JOINER
from tests.browser.conftest import ARTIFACTS, assert_offline, shot, wait_ready
from tests.support.hostile import CORPUS, typed_reading
from tests.support.servers import Replica, start_replica

# Elements Markdown would make of markup; none may appear in an inert rendering.
MARKUP_ELEMENTS = (
    "a, img, h1, h2, h3, h4, h5, h6, strong, em, del, code, pre, ul, ol, li, table, blockquote, hr, "
    "input, span, svg, math, script"
)

SCRIPT = """
import json
import streamlit as st
from hall.ui.text import plain, cited

cases = json.loads(open(CASES, encoding="utf-8").read())
for n, (kind, text) in enumerate(cases):
    with st.container(key=f"case{n}"):
        st.markdown(cited(text) if kind == "cited" else plain(text))
"""
SOURCE = "资料来源：人民网 http://acftu.people.com.cn/n1/2018/1108/c121801-30389278.html；央广网"


@pytest.fixture(scope="module")
def inert_server(tmp_path_factory: pytest.TempPathFactory, browser) -> Iterator[tuple[Replica, list]]:
    """A throwaway Streamlit script (with the hall's config) rendering every corpus entry."""
    folder = tmp_path_factory.mktemp("inert")
    cases = [("plain", text) for text in CORPUS.values()] + [("cited", SOURCE)]
    (folder / "cases.json").write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    script = folder / "inert_app.py"
    script.write_text(SCRIPT.replace("CASES", repr(str(folder / "cases.json"))), encoding="utf-8")
    server = start_replica(folder / "data", ARTIFACTS / "logs", name="inert", entrypoint=str(script))
    yield server, cases
    server.stop()


def _words(text: str) -> list[str]:
    return text.replace(WORD_JOINER, "").split()


def test_plain_text_renders_as_typed_and_nothing_else(inert_server, new_page) -> None:
    server, cases = inert_server
    page = new_page(server.url, (1280, 800), path="/")
    for n, (kind, text) in enumerate(cases):
        box = page.locator(f".st-key-case{n} [data-testid=stMarkdownContainer]")
        if kind == "cited":  # the check can see a link: the one a curator's citation is meant to have
            links = box.locator("a")
            assert links.count() == 1
            assert links.first.get_attribute("href") == SOURCE.split()[1].removesuffix("；央广网")
            continue
        made = box.locator(MARKUP_ELEMENTS)
        assert made.count() == 0, f"{list(CORPUS)[n]}: {box.inner_html()[:300]}"
        assert _words(box.inner_text()) == typed_reading(text).split(), list(CORPUS)[n]
    assert_offline(page)


def test_a_crafted_honoree_link_shows_no_phishing_notice(online_server, new_page) -> None:
    page = new_page(online_server.url, (1280, 800))
    page.goto("/honoree?id=" + quote(CORPUS["phishing"]))
    wait_ready(page)
    main = page.locator('[data-testid="stMain"]')
    assert main.locator('a[href*="evil"], img[src*="evil"]').count() == 0
    assert main.locator("h1, h2").filter(has_text="官方通知").count() == 0
    notice = page.locator('[data-testid="stAlertContentWarning"]')
    assert "官方通知" in notice.inner_text()  # shown, as the words of a wrong link
    shot(page, "inert-honoree-phishing")
    assert_offline(page)


BARE = ["详见 http://evil.example/login 谢谢", "请访问 www.evil.example", "联系 a@evil.example"]


@pytest.mark.parametrize("text", BARE)
def test_search_for_a_bare_address_shows_it_without_a_link(online_server, new_page, text: str) -> None:
    page = new_page(online_server.url, (1280, 800))
    page.goto("/search?q=" + quote(text))
    wait_ready(page)
    main = page.locator('[data-testid="stMain"]')
    assert main.locator('a[href*="evil"]').count() == 0
    assert text in main.inner_text().replace(WORD_JOINER, "")  # the words are all there
    assert_offline(page)
