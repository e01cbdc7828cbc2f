"""The three era rooms (one room script, rooms/era_*.py, over hall/ui/era_room.py): an exhibition
that tells its era — banner, spirit, milestones, three stories — before it lists its people."""

from __future__ import annotations

import pytest

from hall.labels import t
from hall.rooms import era_room
from tests.support.apptest import texts

ERAS = ["revolution", "reform", "new_era"]


def _story_ids(at) -> list[str]:
    return [
        p.proto.query_string.removeprefix("id=") for p in at.get("page_link") if "honoree" in p.proto.page
    ][:3]


def _card_ids(at) -> list[str]:
    """The people's cards: the honoree links after the three stories."""
    return [
        p.proto.query_string.removeprefix("id=") for p in at.get("page_link") if "honoree" in p.proto.page
    ][3:]


@pytest.mark.parametrize("era_id", ERAS)
def test_era_room_shows_its_intro_and_pages_its_people(open_room, cat, era_id) -> None:
    at = open_room(era_room(era_id))
    era = cat.era(era_id)
    page = texts(at)
    assert era.name.zh in page
    assert era.traits[0].zh in page
    members = cat.members("era", era_id)
    assert t("shown_count", n=len(members)) in page
    assert _card_ids(at) == [h.id for h in members[:24]]


@pytest.mark.parametrize("era_id", ERAS)
def test_era_room_tells_its_milestones_before_its_people(open_room, cat, era_id) -> None:
    at = open_room(era_room(era_id))
    era = cat.era(era_id)
    page = texts(at)
    mine = [m for m in cat.milestones if era.contains(m.year)]
    assert mine, "the room pack has milestones in every era"
    for m in mine:
        assert m.title.zh in page
    others = [m for m in cat.milestones if not era.contains(m.year)]
    assert not [m for m in others if f"**{m.year}**" in [x.value for x in at.markdown]]
    assert page.index(t("era_milestones")) < page.index(t("era_people"))


@pytest.mark.parametrize("era_id", ERAS)
def test_era_room_tells_three_stories_real_people_first(open_room, cat, era_id) -> None:
    at = open_room(era_room(era_id))
    told = [cat.honoree(i) for i in _story_ids(at)]
    assert len(told) == 3
    assert all(era_id in h.eras and h.deeds for h in told)
    real = [h for h in cat.members("era", era_id) if not h.sample and h.deeds]
    assert [h.id for h in told[: len(real)]] == [h.id for h in told if not h.sample][: len(real)]
    assert {h.id for h in real[:3]} <= {h.id for h in told} or len(real) > 3
    page = texts(at)
    for h in told:
        assert h.paragraphs[0] in page.replace("\\", "")  # the story itself, not a summary


def test_an_era_rooms_cards_show_that_eras_honour_and_year(open_room, cat) -> None:
    from hall.ui.cards import honour_summary

    # Someone honoured in two eras whose best honour is the other era's: the reform room names
    # the reform honour instead.
    def other_era(h):
        return next(e for e in h.eras if e != "reform")

    h = next(
        h
        for h in cat.members("era", "reform")
        if len(h.eras) > 1
        and honour_summary(h, cat, "zh") == honour_summary(h, cat, "zh", other_era(h))
        and honour_summary(h, cat, "zh", "reform") != honour_summary(h, cat, "zh")
    )
    other = other_era(h)
    at = open_room(era_room("reform"))
    at.selectbox(key="reform_district").select(h.district_code).run()
    assert h.id in _card_ids(at), "the person must be on the filtered page"
    captions = [c.value.split(" :")[0] for c in at.caption]  # the line without its 示例 badge
    assert honour_summary(h, cat, "zh", "reform") in captions
    assert honour_summary(h, cat, "zh", other) not in captions


def test_era_room_next_page_shows_the_next_people(open_room, cat) -> None:
    members = cat.members("era", "reform")
    assert len(members) > 24, "the room pack must be big enough to page"
    at = open_room(era_room("reform"))
    next_button = next(b for b in at.button if b.key.endswith("_next"))
    at = next_button.click().run()
    assert _card_ids(at)[0] == members[24].id


def test_era_room_district_filter_keeps_only_that_district(open_room, cat) -> None:
    at = open_room(era_room("new_era"))
    at.selectbox(key="new_era_district").select("330681").run()
    expected = [h for h in cat.members("era", "new_era") if h.district_code == "330681"]
    assert t("shown_count", n=len(expected)) in texts(at)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_eras_opening_panel_can_be_listened_to(open_room, cat, lang) -> None:
    from tests.support.listening import listen_config, read_aloud

    era = cat.era("reform")
    at = open_room(era_room("reform"), lang=lang)
    config = listen_config(at)
    assert read_aloud(config) == [era.name.get(lang), era.span(lang), era.intro.get(lang)]
    assert (config["what"], config["lang"]) == (era.name.get(lang), lang)
    page = texts(at).replace("\\", "")
    assert era.intro.get(lang)[:20] in page  # the text read is on screen


def test_a_kiosk_eras_stories_view_keeps_its_listen_control(kiosk_env, open_room, cat) -> None:
    from tests.support.listening import listen_config

    at = open_room(era_room("new_era"))
    assert listen_config(at)["passages"][0]["text"] == cat.era("new_era").name.zh
