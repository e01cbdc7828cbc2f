"""Docent mode: a PIN, a presenter that walks a tour, a screen that follows it, the builder."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from hall.labels import t
from hall.pack.tours import tour_to_yaml
from hall.store import Store
from tests.rooms.conftest import texts

PIN = "2468"


@pytest.fixture
def docent_env(pack_env, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("HALL_MODE", "docent")
    monkeypatch.setenv("HALL_DOCENT_PIN", PIN)
    return pack_env


def _as(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings are per process: switch the mode the next run sees (both share one store)."""
    monkeypatch.setenv("HALL_MODE", mode)
    st.cache_resource.clear()


def _unlock(at: AppTest, pin: str = PIN) -> AppTest:
    at.text_input(key="pin").input(pin)
    return at.button(key=f"FormSubmitter:docent_pin-{t('admin_sign_in')}").click().run()


def _presenter(open_room) -> AppTest:
    return _unlock(open_room("presenter"))


def test_presenter_needs_the_pin(docent_env, open_room) -> None:
    at = open_room("presenter")
    at = _unlock(at, "0000")
    assert at.error[0].value == t("docent_wrong")
    assert "docent" not in at.session_state


def test_presenter_shows_the_stop_and_its_talking_points_and_moves_on(docent_env, open_room, cat) -> None:
    at = _presenter(open_room)
    tour = next(x for x in cat.tours if x.id == at.session_state["tour_id"]) if cat.tours else None
    assert tour is not None, "the room pack ships the default tours"
    first = tour.stops[0]
    assert first.points[0][:8] in texts(at).replace("\\", "")
    at = at.button(key="next_stop").click().run()
    assert at.session_state["stop"] == 1
    assert tour.stops[1].points[0][:8] in texts(at).replace("\\", "")
    at = at.button(key="prev_stop").click().run()
    assert at.session_state["stop"] == 0


def test_screen_follows_the_presenter_and_never_shows_talking_points(
    docent_env, open_room, cat, monkeypatch
) -> None:
    _as("screen", monkeypatch)
    screen = open_room("attract")
    code = next(m.value.removeprefix("# ") for m in screen.markdown if m.value.startswith("# "))
    assert code.isdigit()

    _as("docent", monkeypatch)
    presenter = _presenter(open_room)
    presenter.text_input(key="pair_code").input(code)
    presenter = presenter.button(key=f"FormSubmitter:pair-{t('presenter_pair')}").click().run()
    assert presenter.session_state["paired"] == code
    tour = next(x for x in cat.tours if x.id == presenter.session_state["tour_id"])

    for n in (0, 1, 2):
        if n:
            presenter = presenter.button(key="next_stop").click().run()
        _as("screen", monkeypatch)
        screen.run()
        page = texts(screen).replace("\\", "")
        stop = tour.stops[n]
        if stop.kind.value == "honoree":
            assert screen.title[0].value.replace("\\", "") == cat.honoree(stop.target).name
        for point in stop.points:
            assert point not in page
        _as("docent", monkeypatch)

    presenter = presenter.button(key="end_tour").click().run()
    _as("screen", monkeypatch)
    screen.run()
    # Back on the attract loop, with a pairing code for the next docent.
    assert t("screen_code") in texts(screen)


def test_a_wrong_code_is_refused(docent_env, open_room) -> None:
    presenter = _presenter(open_room)
    presenter.text_input(key="pair_code").input("99999x")
    presenter = presenter.button(key=f"FormSubmitter:pair-{t('presenter_pair')}").click().run()
    assert presenter.error[0].value == t("pairing_unknown")


def test_builder_round_trip_saves_and_exports_the_tour(docent_env, open_room, cat, tmp_path) -> None:
    at = _unlock(open_room("tours"))
    at.text_input(key="d_id_None").input("class-7")
    at.text_input(key="d_title_None").input("七年级参观")
    at = at.button(key="add_era_btn").click().run()
    at.text_input(key="builder_q").input(cat.honorees[0].name).run()
    at = at.button(key=f"add_{cat.honorees[0].id}").click().run()
    stops = at.session_state["draft"]["stops"]
    assert [s["kind"] for s in stops] == ["era", "honoree"]
    for stop in stops:
        at.text_area(key=f"pts_{stop['uid']}").input("第一条要点\n第二条要点")
        at.number_input(key=f"min_{stop['uid']}").set_value(7)
    at.run()
    assert t("minutes", n=14) in texts(at)
    at = at.button(key="save_tour").click().run()
    assert t("builder_saved") in texts(at)
    store = Store.open(None, tmp_path / "data")
    from hall.ui.docent import targets

    (saved,) = store.saved_tours(targets(cat))
    assert (saved.id, saved.planned, saved.stops[1].target) == ("class-7", 14, cat.honorees[0].id)
    assert saved.stops[0].points == ("第一条要点", "第二条要点")
    assert t("builder_export") in [d.proto.label for d in at.get("download_button")]
    assert tour_to_yaml(saved).startswith("id: class-7")
