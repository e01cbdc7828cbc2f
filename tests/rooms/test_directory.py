"""名录 — the directory table."""

from __future__ import annotations

from hall.labels import t


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


def test_directory_level_filter_keeps_each_persons_highest_level(open_room, cat) -> None:
    at = open_room("directory")
    at.selectbox(key="dir_level").select(0).run()
    expected = {h.id for h in cat.honorees if h.best_level == 0}
    assert set(at.dataframe[0].value[t("col_id")]) == expected
    at.selectbox(key="dir_district").select("330681").run()
    assert set(at.dataframe[0].value[t("col_id")]) == {
        h.id for h in cat.honorees if h.best_level == 0 and h.district_code == "330681"
    }
