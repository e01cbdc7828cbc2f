"""The guestbook on SQLite and PostgreSQL: hostile text kept verbatim and rendered inert, refusals
with reasons, rate limits, moderation, the CSV export."""

from __future__ import annotations

import csv
import io
import re

import pytest

from hall.errors import MessageRefused
from hall.labels import LABELS, t
from hall.store import MAX_SIGNATURE, MAX_TEXT, RATE_LIMIT, RATE_WINDOW, MessageStatus, Store, session_ref
from hall.ui.text import plain
from tests.hall.store.conftest import T0, Clock
from tests.support.hostile import reading

HOSTILE = {
    "script": "<script>alert('x')</script>",
    "html_attr": '<img src=x onerror="alert(document.cookie)">',
    "md_link": "[点我领奖](javascript:alert(1)) 和 [link](http://evil.example)",
    "md_image": "![x](http://evil.example/track.png)",
    "md_blocks": "# 标题\n> 引用\n- 列表\n**粗体** _斜体_ `代码` ~~删~~",
    "streamlit_directives": ":red[红字] :material/home: $x^2$ $$\\int$$",
    "sql_drop": "'); DROP TABLE messages; --",
    "sql_quote": "Robert'); DELETE FROM likes WHERE ('1'='1",
    "formula": '=HYPERLINK("http://evil.example","点我")',
    "entities": "&lt;b&gt; &amp; \\*not bold\\* \\",
    "newlines_tabs": "第一行\n第二行\t制表",
    "emoji_zwj": "致敬 👩‍🔧👨‍🏭",
    "longest": "工" * MAX_TEXT,
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_message_is_stored_verbatim(store: Store, text: str) -> None:
    posted = store.post_message(text, session_key="author", signature="<i>王</i>", honoree_id="h1")
    assert posted.text == text
    store.moderate([posted.id], approve=True)
    (seen,) = store.messages("h1", session_key="someone-else")
    assert (seen.text, seen.signature) == (text, "<i>王</i>")
    rows = list(csv.DictReader(io.StringIO(store.export_messages_csv().decode("utf-8-sig"))))
    exported = rows[0]["text"]
    assert exported == ("'" + text if text.startswith("=") else text)


def _unescaped(rendered: str, ch: str) -> list[int]:
    """Positions of `ch` not preceded by an odd run of backslashes."""
    found = []
    for match in re.finditer(re.escape(ch), rendered):
        run = len(rendered[: match.start()]) - len(rendered[: match.start()].rstrip("\\"))
        if run % 2 == 0:
            found.append(match.start())
    return found


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_message_renders_inert(text: str) -> None:
    rendered = plain(text)
    for ch in "<>[]()`*_#!:$=&~|":
        assert _unescaped(rendered, ch) == [], f"unescaped {ch!r} in {rendered!r}"
    # Escaping loses nothing: the visitor reads exactly what was typed.
    assert reading(rendered) == text


REFUSED = {
    "empty": ("", "", "empty"),
    "blank": (" \n\t ", "", "empty"),
    "over_limit": ("字" * (MAX_TEXT + 1), "", "too_long"),
    "ten_thousand": ("<b>" + "x" * 9_997, "", "too_long"),
    "nul": ("a\x00b", "", "control_chars"),
    "escape_sequence": ("\x1b[31m红色", "", "control_chars"),
    "carriage_return": ("一\r二", "", "control_chars"),
    "delete": ("a\x7fb", "", "control_chars"),
    "c1_control": ("a\x85b", "", "control_chars"),
    "bidi_override": ("abc\u202edcba", "", "control_chars"),
    "lone_surrogate": ("a\ud800b", "", "control_chars"),
    "signature_long": ("好", "名" * (MAX_SIGNATURE + 1), "signature_too_long"),
    "signature_newline": ("好", "王\n李", "control_chars"),
}


@pytest.mark.parametrize(("text", "signature", "reason"), REFUSED.values(), ids=REFUSED.keys())
def test_refused_message_says_why_and_stores_nothing(
    store: Store, text: str, signature: str, reason: str
) -> None:
    with pytest.raises(MessageRefused) as refused:
        store.post_message(text, session_key="s1", signature=signature)
    assert refused.value.reason == reason
    assert t(refused.value.label_key, "zh", **refused.value.params)
    assert store.pending_count() == 0
    assert store.messages(session_key="s1", everywhere=True) == []


@pytest.mark.parametrize(
    ("reason", "params"),
    [
        ("empty", {}),
        ("too_long", {"limit": MAX_TEXT, "length": 501}),
        ("signature_too_long", {"limit": MAX_SIGNATURE}),
        ("control_chars", {}),
        ("duplicate", {}),
        ("rate_limited", {"limit": RATE_LIMIT, "minutes": 10}),
    ],
)
def test_every_refusal_has_a_label_in_both_languages(reason: str, params: dict[str, int]) -> None:
    refused = MessageRefused(reason, **params)
    assert refused.label_key in LABELS
    for lang in ("zh", "en"):
        text = t(refused.label_key, lang, **params)
        assert "{" not in text
        for value in params.values():
            assert str(value) in text


def test_surrounding_whitespace_is_trimmed(store: Store) -> None:
    posted = store.post_message("  你好\n  ", session_key="s1", signature=" 老李 ")
    assert (posted.text, posted.signature) == ("你好", "老李")


def test_rate_limit_is_per_session(store: Store, clock: Clock) -> None:
    for i in range(RATE_LIMIT):
        store.post_message(f"第{i}条", session_key="busy")
        clock.advance(seconds=30)
    with pytest.raises(MessageRefused) as refused:
        store.post_message("再来一条", session_key="busy")
    assert refused.value.reason == "rate_limited"
    assert refused.value.params == {"limit": RATE_LIMIT, "minutes": RATE_WINDOW.seconds // 60}
    store.post_message("别人的留言", session_key="calm")
    clock.advance(seconds=RATE_WINDOW.total_seconds())
    store.post_message("过一会儿再来", session_key="busy")
    assert store.pending_count() == RATE_LIMIT + 2


def test_the_same_message_twice_is_refused(store: Store) -> None:
    store.post_message("向劳模致敬", session_key="s1", honoree_id="h1")
    with pytest.raises(MessageRefused) as refused:
        store.post_message("  向劳模致敬 ", session_key="s1", honoree_id="h1")
    assert refused.value.reason == "duplicate"
    store.post_message("向劳模致敬", session_key="s1", honoree_id="h2")  # another person: fine


def test_pending_message_is_seen_only_by_its_author(store: Store) -> None:
    mine = store.post_message("待审核的留言", session_key="author", honoree_id="h1")
    to_hall = store.post_message("给展馆的留言", session_key="author")
    assert mine.awaiting_review
    assert [m.id for m in store.messages("h1", session_key="author")] == [mine.id]
    assert store.messages("h1", session_key="author")[0].awaiting_review
    assert [m.id for m in store.messages(session_key="author")] == [to_hall.id]
    for other in ("someone-else", None):
        assert store.messages("h1", session_key=other) == []
        assert store.messages(session_key=other) == []
        assert store.messages(session_key=other, everywhere=True) == []
    store.moderate([mine.id], approve=True)
    (seen,) = store.messages("h1", session_key="someone-else")
    assert seen.status is MessageStatus.APPROVED
    assert not seen.awaiting_review
    store.moderate([mine.id, to_hall.id], approve=False)
    assert store.messages("h1", session_key="author") == []
    assert store.messages(session_key="author", everywhere=True) == []


def test_curators_moderate_the_queue_in_bulk(store: Store, clock: Clock) -> None:
    posted = []
    for i in range(5):
        posted.append(store.post_message(f"留言{i}", session_key=f"s{i}", honoree_id="h1"))
        clock.advance(minutes=1)
    queue = store.pending()
    assert [m.id for m in queue] == [m.id for m in posted]  # oldest first
    assert store.pending(limit=2) == queue[:2]
    assert store.moderate([posted[0].id, posted[1].id, posted[2].id], approve=True) == 3
    assert store.moderate([posted[3].id, posted[4].id, 999_999], approve=False) == 2
    assert store.moderate([posted[0].id], approve=True) == 0  # already approved
    assert store.pending() == []
    assert store.pending_count() == 0
    approved = store.messages("h1")
    assert [m.text for m in approved] == ["留言2", "留言1", "留言0"]  # newest first
    assert all(m.moderated_at == clock.now for m in approved)
    assert store.message(posted[4].id).status is MessageStatus.REJECTED
    assert store.message(123_456) is None
    assert store.moderate([posted[4].id], approve=True) == 1  # a curator changes their mind
    assert store.moderate([], approve=True) == 0


def test_messages_export_as_csv_for_excel(store: Store) -> None:
    store.post_message('第一行\n第二行, 带逗号 "引号"', session_key="s1", signature="-老李", honoree_id="h1")
    store.post_message("@所有人", session_key="s2")
    data = store.export_messages_csv()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == ["id", "created_at", "honoree_id", "status", "moderated_at", "signature", "text"]
    assert rows[0]["text"] == '第一行\n第二行, 带逗号 "引号"'
    assert rows[0]["signature"] == "'-老李"  # would run as a formula in a spreadsheet
    assert rows[1]["text"] == "'@所有人"
    assert rows[0]["status"] == "pending"
    assert rows[0]["created_at"] == T0.isoformat()
    assert b"s1" not in data
    assert session_ref("s1").encode() not in data
