"""plain(): visitor and link text made inert for Streamlit's Markdown, reading as typed."""

from __future__ import annotations

import pytest

from hall.labels import t
from hall.ui.text import highlight, plain, t_inert
from tests.support.hostile import CORPUS, WORD_JOINER, live_links, live_markup, reading, same_reading


@pytest.mark.parametrize("text", CORPUS.values(), ids=CORPUS.keys())
def test_hostile_text_is_inert(text: str) -> None:
    rendered = plain(text)
    assert live_markup(rendered) == []


@pytest.mark.parametrize("text", CORPUS.values(), ids=CORPUS.keys())
def test_hostile_text_reads_as_typed(text: str) -> None:
    assert same_reading(plain(text), text)


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("http://evil.example", "http://"),
        ("HTTPS://EVIL.EXAMPLE", "HTTPS://"),
        ("见 www.evil.example", "www"),
        ("WWW.EVIL.EXAMPLE", "WWW"),
        ("a@evil.example", "a@evil.example"),
        ("mailto:a@evil.example", "a@evil.example"),
    ],
)
def test_bare_urls_and_addresses_are_not_linked(text: str, what: str) -> None:
    assert live_links(text), f"the check itself must see {what!r} in the raw text"
    rendered = plain(text)
    assert live_links(rendered) == []
    assert WORD_JOINER in rendered  # broken by an invisible joiner, so it still reads the same
    assert reading(rendered) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("王小明", "王小明"),  # Chinese needs no escaping at all
        ("致敬 👩‍🔧", "致敬 👩‍🔧"),  # the joiner inside the emoji stays
        ("a\u202eb\u200bc", "abc"),  # bidi overrides and zero-width spaces are not shown
        ("10:30", "10\\:" + WORD_JOINER + "30"),
        ("第一行\n  第二行", "第一行\n\u00a0\u00a0第二行"),  # indentation kept, never a code block
    ],
)
def test_plain_forms(text: str, expected: str) -> None:
    assert plain(text) == expected


def test_plain_cuts_long_text_before_escaping() -> None:
    assert plain("[" * 100, limit=10) == "\\[" * 10 + "…"
    assert plain("短", limit=10) == "短"


def test_highlight_keeps_everything_but_its_own_mark_inert() -> None:
    shown = highlight("见 www.evil.example 的 [链接](http://evil.example)", "链接")
    assert shown.count(":red-background[") == 1
    assert live_links(shown) == []


def test_t_inert_makes_every_value_inert_and_keeps_the_label() -> None:
    query = "[x](http://evil.example)"
    assert t_inert("search_nothing", "en", query=query) == t("search_nothing", "en", query=plain(query))
    assert t_inert("request_thanks", "zh", n=7) == t("request_thanks", "zh", n=7)
