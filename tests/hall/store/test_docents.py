"""Docents pair a tablet with a big screen through the store (codes, stops, refusals, expiry) and
keep the tours they build."""

from __future__ import annotations

import datetime as dt

import pytest

from hall.errors import PairingRefused
from hall.pack.tours import Targets, parse_tour, tour_to_yaml
from hall.rooms import TOUR_STOPS
from hall.store import PAIRING_CODE_TTL, PAIRING_TTL


def test_a_screen_keeps_its_code_until_it_expires(target, clock) -> None:
    store = target.open(clock=clock)
    first = store.open_screen("screen-one")
    assert len(first.code) == 6
    assert first.code.isdigit()
    assert not first.paired
    assert store.open_screen("screen-one").code == first.code
    clock.now += PAIRING_CODE_TTL + dt.timedelta(seconds=1)
    assert store.screen_state("screen-one") is None
    fresh = store.open_screen("screen-one")
    assert not fresh.paired
    assert fresh.expires_at > clock.now


def test_the_screen_follows_the_docents_stops(target) -> None:
    store = target.open()
    code = store.open_screen("screen").code
    paired = store.pair_screen(code, "docent")
    assert paired.paired
    store.show_on_screen("docent", "honoree", {"id": "r001"})
    state = store.screen_state("screen")
    assert (state.room, dict(state.params)) == ("honoree", {"id": "r001"})
    seq = state.seq
    store.show_on_screen("docent", "era_reform", {})
    state = store.screen_state("screen")
    assert (state.room, state.seq) == ("era_reform", seq + 1)


def test_wrong_and_expired_codes_are_refused(target, clock) -> None:
    store = target.open(clock=clock)
    code = store.open_screen("screen").code
    wrong = "000000" if code != "000000" else "111111"
    with pytest.raises(PairingRefused) as refusal:
        store.pair_screen(wrong, "docent")
    assert refusal.value.reason == "unknown"
    clock.now += PAIRING_CODE_TTL + dt.timedelta(seconds=1)
    with pytest.raises(PairingRefused) as refusal:
        store.pair_screen(code, "docent")
    assert refusal.value.reason in ("expired", "unknown")


def test_two_docents_cannot_steal_each_others_screen(target) -> None:
    store = target.open()
    code = store.open_screen("screen").code
    store.pair_screen(code, "docent-a")
    with pytest.raises(PairingRefused) as refusal:
        store.pair_screen(code, "docent-b")
    assert refusal.value.reason == "taken"
    assert store.show_on_screen("docent-b", "home", {}) is None  # b drives nothing
    store.show_on_screen("docent-a", "home", {})
    assert store.screen_state("screen").room == "home"


def test_a_pairing_ends_when_the_docent_ends_it_or_goes_quiet(target, clock) -> None:
    store = target.open(clock=clock)
    store.pair_screen(store.open_screen("screen").code, "docent")
    store.end_pairing("docent")
    assert store.screen_state("screen") is None
    store.pair_screen(store.open_screen("screen").code, "docent")
    clock.now += PAIRING_TTL + dt.timedelta(seconds=1)
    assert store.screen_state("screen") is None
    assert store.show_on_screen("docent", "home", {}) is None


def test_saved_tours_round_trip_and_skip_ones_the_pack_no_longer_fits(target) -> None:
    store = target.open()
    targets = Targets(
        has_honoree={"r001"}.__contains__, eras=frozenset({"reform"}), districts=frozenset(), rooms=TOUR_STOPS
    )
    doc = {
        "id": "mine",
        "title": "我的线路",
        "audience": "中学",
        "stops": [{"kind": "honoree", "target": "r001", "minutes": 5, "points": ["要点"]}],
    }
    tour, _ = parse_tour(doc, targets, "builder")
    store.save_tour(tour.id, tour_to_yaml(tour))
    store.save_tour(tour.id, tour_to_yaml(tour))  # saving again replaces
    assert [t.id for t in store.saved_tours(targets)] == ["mine"]
    gone = Targets(has_honoree=set().__contains__, eras=frozenset(), districts=frozenset(), rooms=TOUR_STOPS)
    assert store.saved_tours(gone) == []
