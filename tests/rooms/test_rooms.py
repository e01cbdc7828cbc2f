"""Every room, run through the frame as a visitor reaches it, shows real content."""

from __future__ import annotations

import pytest

from hall.config import Mode
from hall.labels import t
from hall.rooms import ROOMS, era_room
from tests.rooms.conftest import texts


@pytest.mark.parametrize(
    "room", [r for r in ROOMS if r.visible and Mode.ONLINE in r.modes], ids=lambda r: r.key
)
def test_every_room_renders_without_error_and_shows_the_hall_frame(open_room, cat, room) -> None:
    at = open_room(room.key)
    assert not at.exception
    assert not at.error
    assert cat.info.name.zh in texts(at)  # the frame ran around the room
    assert at.button(key="lang_switch")


def test_home_shows_the_halls_numbers_doors_and_featured_people(open_room, cat) -> None:
    at = open_room()
    stats = cat.stats()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("stat_honorees")] == f"{stats['honorees']:,}"
    assert metrics[t("stat_studios")] == f"{stats['studios']:,}"
    assert metrics[t("stat_craftsmen")] == f"{stats['craftsmen']:,}"
    page = texts(at)
    for era in cat.eras:
        assert era.name.zh in page
        assert t("era_door_count", n=cat.count("era", era.id)) in page
    person_links = [p for p in at.get("page_link") if "honoree" in p.proto.page]
    assert len(person_links) == 8


def test_sample_badge_shows_while_the_pack_is_sample_data(open_room) -> None:
    assert t("sample_badge") in texts(open_room())


@pytest.mark.parametrize("era_id", ["revolution", "reform", "new_era"])
def test_era_room_shows_its_intro_and_pages_its_people(open_room, cat, era_id) -> None:
    at = open_room(era_room(era_id))
    era = cat.era(era_id)
    page = texts(at)
    assert era.name.zh in page
    assert era.traits[0].zh in page
    members = cat.members("era", era_id)
    assert t("shown_count", n=len(members)) in page
    links = [p.proto.query_string for p in at.get("page_link") if "honoree" in p.proto.page]
    assert links == [f"id={h.id}" for h in members[:24]]


def test_era_room_next_page_shows_the_next_people(open_room, cat) -> None:
    members = cat.members("era", "reform")
    assert len(members) > 24, "the room pack must be big enough to page"
    at = open_room(era_room("reform"))
    next_button = next(b for b in at.button if b.key.endswith("_next"))
    at = next_button.click().run()
    links = [p.proto.query_string for p in at.get("page_link") if "honoree" in p.proto.page]
    assert links[0] == f"id={members[24].id}"


def test_era_room_district_filter_keeps_only_that_district(open_room, cat) -> None:
    at = open_room(era_room("new_era"))
    at.selectbox(key="new_era_district").select("330681").run()
    expected = [h for h in cat.members("era", "new_era") if h.district_code == "330681"]
    assert t("shown_count", n=len(expected)) in texts(at)


def test_craftsmen_room_lists_only_craftsmen(open_room, cat) -> None:
    at = open_room("craftsmen")
    assert t("shown_count", n=len(cat.craftsmen)) in texts(at)
    ids = {p.proto.query_string.removeprefix("id=") for p in at.get("page_link") if "honoree" in p.proto.page}
    assert ids
    assert all(cat.honoree(i).is_craftsman for i in ids)


def test_honoree_deep_link_shows_that_person(open_room, cat) -> None:
    h = next(x for x in cat.honorees if len(x.honours) >= 2 and x.deeds)
    at = open_room("honoree", id=h.id)
    page = texts(at)
    assert at.title[0].value == h.name
    for honour in h.honours:
        assert cat.honour_name(honour.code) in page
        assert (str(honour.year) if honour.year else t("year_unknown")) in page
    assert h.paragraphs[0][:10] in page.replace("\\", "")
    assert f"honoree?id={h.id}" in page  # the share link
    assert at.query_params["id"] == h.id


def test_honoree_deep_link_survives_a_rerun(open_room, cat) -> None:
    h = cat.honorees[3]
    at = open_room("honoree", id=h.id)
    at.run()
    assert at.title[0].value == h.name


def test_real_person_shows_source_and_no_sample_badge(open_room, cat) -> None:
    real = next(h for h in cat.honorees if not h.sample)
    at = open_room("honoree", id=real.id)
    page = texts(at).replace("\\", "")
    assert real.source[:12] in page
    assert ":orange-badge" not in "".join(m.value for m in at.markdown[2:])


def test_unknown_honoree_id_shows_message_and_way_home(open_room) -> None:
    at = open_room("honoree", id="nobody-999")
    assert "nobody-999" in at.warning[0].value
    assert any(p.proto.label == t("back_home") for p in at.get("page_link"))


def test_honoree_room_without_id_asks_to_choose(open_room) -> None:
    at = open_room("honoree")
    assert at.info[0].value == t("honoree_pick")


def test_directory_lists_everyone_and_filters(open_room, cat) -> None:
    at = open_room("directory")
    assert len(at.dataframe[0].value) == len(cat.honorees)
    at.selectbox(key="dir_district").select("330683").run()
    expected = sum(1 for h in cat.honorees if h.district_code == "330683")
    assert len(at.dataframe[0].value) == expected
    at.selectbox(key="dir_district").select(None).run()
    at.text_input(key="dir_text").input(cat.honorees[0].name).run()
    assert cat.honorees[0].name in set(at.dataframe[0].value[t("col_name")])
    assert len(at.dataframe[0].value) < len(cat.honorees)


def test_directory_hides_internal_columns(open_room) -> None:
    at = open_room("directory")
    assert not [c for c in at.dataframe[0].value.columns if c.startswith("_")]


def test_language_switch_changes_the_whole_interface(open_room, cat) -> None:
    at = open_room()
    at.button(key="lang_switch").click().run()
    page = texts(at)
    assert cat.info.name.en in page
    assert t("home_doors", "en") in page
    assert t("home_doors", "zh") not in page
    assert at.session_state["lang"] == "en"


def test_english_names_show_pinyin_beside_them(open_room, cat) -> None:
    h = cat.honorees[0]
    at = open_room("honoree", id=h.id, lang="en")
    assert at.title[0].value.replace("\\", "") == f"{h.name} {h.name_en}"


def test_directory_level_filter_keeps_each_persons_highest_level(open_room, cat) -> None:
    at = open_room("directory")
    at.selectbox(key="dir_level").select(0).run()
    expected = {h.id for h in cat.honorees if h.best_level == 0}
    assert set(at.dataframe[0].value[t("col_id")]) == expected
    at.selectbox(key="dir_district").select("330681").run()
    assert set(at.dataframe[0].value[t("col_id")]) == {
        h.id for h in cat.honorees if h.best_level == 0 and h.district_code == "330681"
    }
