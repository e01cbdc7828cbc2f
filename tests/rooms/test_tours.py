"""讲解线路 — the docents' tour builder."""

from __future__ import annotations

from hall.labels import t
from hall.pack.tours import tour_to_yaml
from hall.store import Store
from tests.support.apptest import (
    texts,
    unlock,
)


def test_builder_round_trip_saves_and_exports_the_tour(docent_env, open_room, cat, tmp_path) -> None:
    at = unlock(open_room("tours"))
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
