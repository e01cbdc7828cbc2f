"""问展馆 — the ask room, online and on a kiosk."""

from __future__ import annotations

import pytest

from hall.ask import Asker
from hall.labels import t
from hall.search import SearchIndex
from tests.support.apptest import markdown_shown, person_ids, texts
from tests.support.hostile import CORPUS, live_links, reading


@pytest.fixture
def asker(cat, tmp_path) -> Asker:
    return Asker.build(cat, SearchIndex.build(cat), tmp_path / "ask")


def test_a_counting_question_is_answered_with_its_number_source_and_people(open_room, asker) -> None:
    question = "诸暨有多少位劳模？"
    expected = asker.ask(question)
    at = open_room("ask")
    at.text_input(key="ask_q").input(question).run()
    assert not at.exception
    page = texts(at)
    assert f"{expected.count}" in page
    assert t("ask_record") in page  # where it came from, as a link to the search room
    assert t("ask_sample_note") in page  # the generated pack's people are sample data
    assert any("search" in p.proto.page for p in at.get("page_link"))
    assert person_ids(at) == list(expected.ids[: len(person_ids(at))])


def test_a_suggested_question_asks_itself(open_room) -> None:
    at = open_room("ask")
    buttons = [b for b in at.button if b.key and b.key.startswith("ask_try_")]
    assert len(buttons) == 10
    buttons[0].click().run()
    assert at.session_state["ask_q"] == buttons[0].label.replace("\\", "")
    assert t("ask_sources") in texts(at)


def test_an_unanswerable_question_says_so_and_offers_nearest(open_room) -> None:
    at = open_room("ask")
    at.text_input(key="ask_q").input("杭州有多少位全国劳模？").run()
    assert [i.value for i in at.info] == [t("ask_not_found")]


@pytest.mark.parametrize("name", ["html", "phishing", "directives", "latex", "bare_url", "email"])
def test_hostile_question_is_never_echoed_as_markup(open_room, name: str) -> None:
    at = open_room("ask")
    at.text_input(key="ask_q").input(CORPUS[name][:200]).run()
    assert not at.exception
    for value in markdown_shown(at):
        assert live_links(value) == [], value
        assert "<script>" not in value


def test_kiosk_has_ten_questions_to_tap_and_the_initials_keyboard(kiosk_env, open_room, cat) -> None:
    at = open_room("ask")
    assert not at.exception
    assert len([b for b in at.button if b.key and b.key.startswith("ask_try_")]) == 10
    assert not at.text_input  # no typing on a kiosk
    for letter in "DWS":
        at.button(key=f"key_{letter}").click().run()
    who = [b for b in at.button if b.key and b.key.startswith("ask_who_")]
    assert who, "the initials find no one"
    who[0].click().run()
    hid = who[0].key.removeprefix("ask_who_")
    assert hid in person_ids(at)


def test_an_activity_with_a_hostile_title_is_answered_as_text_and_marked_sample(
    room_pack, tmp_path, monkeypatch: pytest.MonkeyPatch, open_room
) -> None:
    import csv
    import shutil

    from hall.pack.schema import ACTIVITY

    pack = tmp_path / "pack"
    shutil.copytree(room_pack, pack)
    with (pack / "exhibits" / "honorees.csv").open(encoding="utf-8") as f:
        speaker = next(csv.DictReader(f))["id"]
    row = {
        "id": "sa9", "date": "2025-03-02", "kind": "talk", "setting": "family", "audience": "12",
        "title_zh": "蓝星宣讲" + CORPUS["html"] + CORPUS["link"], "title_en": "x", "speakers": speaker,
        "sample": "true",
    }  # fmt: skip
    with (pack / "exhibits" / ACTIVITY.file).open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, ACTIVITY.columns, restval="")
        writer.writeheader()
        writer.writerow(row)
    monkeypatch.setenv("HALL_PACK", str(pack))
    at = open_room("ask")
    at.text_input(key="ask_q").input("蓝星宣讲是哪一天？").run()
    assert not at.exception
    page = reading(texts(at))  # as read: Markdown's escapes resolved
    assert "2025-03-02" in page
    assert "示例活动" in page  # the answer itself says the activity is invented
    assert any("activities" in p.proto.page for p in at.get("page_link"))  # its page, linked
    for value in markdown_shown(at):
        assert live_links(value) == [], value
        assert "<script>" not in value
