"""Kiosk mode: locked down, finger-only search, QR hand-off, attract screen, no curation rooms."""

from __future__ import annotations

import base64
import random
import tracemalloc

import pytest

from hall.citations import citations
from hall.config import Mode
from hall.labels import t
from hall.publish import Style, honoree_link
from hall.qr import qr_svg
from hall.rooms import ROOMS, rooms_for
from tests.support.apptest import random_tap, texts


def _links(at) -> list[str]:
    return [p.proto.page for p in at.get("page_link")]


def test_directory_is_not_registered_in_kiosk_mode() -> None:
    kiosk_rooms = {r.key for r in rooms_for(Mode.KIOSK)}
    assert "directory" not in kiosk_rooms
    assert "attract" in kiosk_rooms
    assert "attract" not in {r.key for r in rooms_for(Mode.ONLINE)}


def test_kiosk_bar_offers_every_visible_room_and_no_directory(kiosk_env, open_room) -> None:
    at = open_room()
    links = _links(at)
    for room in rooms_for(Mode.KIOSK):
        if room.visible:
            assert ("" if room.key == "home" else room.url) in links, room.key
    assert not [link for link in links if "directory" in link]
    assert at.button(key="contrast_switch")


def test_on_screen_keyboard_finds_a_person_by_initials(kiosk_env, open_room, cat) -> None:
    at = open_room("search")
    for letter in "DWS":
        at = at.button(key=f"key_{letter}").click().run()
    assert at.session_state["kq"] == "dws"
    first = next(p for p in at.get("page_link") if "honoree" in p.proto.page)
    assert cat.honoree(first.proto.query_string.removeprefix("id=")).name == "丁卫松"
    at = at.button(key="key_delete").click().run()
    assert at.session_state["kq"] == "dw"
    at = at.button(key="key_clear").click().run()
    assert at.session_state["kq"] == ""


def test_kiosk_filters_are_tap_chips_not_menus(kiosk_env, open_room) -> None:
    at = open_room("era_reform")
    at.button_group(key="era_view").set_value("people").run()  # a kiosk's era room: one view a screen
    assert not at.selectbox
    assert any("reform_district" in g.proto.id for g in at.get("button_group"))


def test_honoree_page_offers_a_qr_code_instead_of_a_link(
    kiosk_env, open_room, cat, tmp_path, monkeypatch
) -> None:
    h = next(x for x in cat.honorees if not x.sample and x.source)
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / f"{h.id}.html").write_text("<!DOCTYPE html>", encoding="utf-8")
    monkeypatch.setattr("hall.ui.kiosk.MIRROR", tmp_path)  # its light page is published
    at = open_room("honoree", id=h.id)
    assert t("qr_title") in texts(at)
    urls = [img.url for image in at.get("image") for img in image.proto.imgs]
    qr = qr_svg(honoree_link(cat.info.base_url, h.id, Style.STATIC))  # the phone opens the light page
    assert f"data:image/svg+xml;base64,{base64.b64encode(qr.encode()).decode()}" in urls
    assert not at.code  # no share link to copy on a kiosk
    shown = texts(at).replace("\\", "")
    for cited in citations(h.source):  # each source by its title, plain text: no link leads out
        assert cited.title in shown
    assert "http" not in shown


def test_attract_screen_shows_a_person_or_era_and_a_way_in(kiosk_env, open_room) -> None:
    at = open_room("attract")
    assert not at.exception
    assert any(p.proto.label == t("kiosk_touch") for p in at.get("page_link"))
    assert at.title


def test_contrast_switch_toggles_large_text(kiosk_env, open_room) -> None:
    at = open_room()
    at = at.button(key="contrast_switch").click().run()
    assert at.session_state["large"] is True
    at = at.button(key="contrast_switch").click().run()
    assert at.session_state["large"] is False


def test_soak_random_taps_raise_nothing_and_memory_stays_flat(kiosk_env, open_room) -> None:
    rng = random.Random(42)
    paths = [r.key for r in ROOMS if Mode.KIOSK in r.modes and r.key not in ("honoree", "attract")]
    at = open_room()
    tracemalloc.start()
    sizes = []
    for step in range(400):
        at = random_tap(at, rng, paths)
        assert not at.exception, f"step {step}: {at.exception}"
        if step in (100, 399):
            sizes.append(tracemalloc.get_traced_memory()[0])
    tracemalloc.stop()
    assert sizes[1] - sizes[0] < 20 * 1024 * 1024, sizes


def test_the_attract_screen_moves_the_wall_and_marks_sample_people(kiosk_env, open_room, cat) -> None:
    at = open_room("attract")
    wall = next(h.proto.body for h in at.get("html") if 'class="hall-wall' in h.proto.body)
    assert 'class="hall-wall moving"' in wall
    assert all(f">{h.name}</a>" in wall for h in cat.honorees)
    at = at.button(key="wall_pause").click().run()
    wall = next(h.proto.body for h in at.get("html") if 'class="hall-wall' in h.proto.body)
    assert 'class="hall-wall moving paused"' in wall


def test_pausing_the_attract_screen_holds_its_slide_until_resumed(
    kiosk_env, open_room, monkeypatch: pytest.MonkeyPatch
) -> None:
    """WCAG 2.2.2: nothing moves for more than 5 s without a way to pause it."""
    import time as clock

    monkeypatch.setattr(clock, "time", lambda: 1.0)
    at = open_room("attract")
    first = at.title[0].value
    at = at.button(key="wall_pause").click().run()
    monkeypatch.setattr(clock, "time", lambda: 8.0 * 3 + 1)  # three slides later
    at.run()
    assert at.title[0].value == first
    at = at.button(key="wall_pause").click().run()  # resumed: the slide of the moment
    assert at.title[0].value != first


@pytest.mark.parametrize("slot", range(15))
def test_every_person_the_attract_screen_brings_forward_is_marked_if_invented(
    kiosk_env, open_room, cat, monkeypatch: pytest.MonkeyPatch, slot: int
) -> None:
    import time as clock

    real_time = clock.time
    at = open_room("attract")
    monkeypatch.setattr(clock, "time", lambda: slot * 8.0 + 1)  # the showcase's slide for this slot
    at.run()
    monkeypatch.setattr(clock, "time", real_time)
    shown = at.title[0].value
    person = next((h for h in cat.honorees if h.name == shown), None)
    if person is None:  # an era's slide
        assert shown in {era.name.zh for era in cat.eras}
        return
    marked = any(t("sample_tag") in x.value for x in at.subheader)
    assert marked == person.sample
