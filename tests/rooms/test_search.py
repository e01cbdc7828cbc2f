"""搜索 — the search room."""

from __future__ import annotations

from hall.labels import t
from hall.search import SearchIndex
from tests.support.apptest import (
    best_first,
    person_ids,
    texts,
)


def test_typing_initials_finds_the_person_first_and_says_why(open_room, cat) -> None:
    at = open_room("search")
    at.text_input(key="q").input("dws").run()
    ids = person_ids(at)
    assert cat.honoree(ids[0]).name == "丁卫松"
    page = texts(at)
    assert t("match_initials") in page
    assert at.query_params["q"] == "dws"


def test_deep_link_restores_query_and_filters(open_room, cat) -> None:
    index = SearchIndex.build(cat)
    expected = index.search("", era="reform", district="330681", limit=24)
    at = open_room("search", era="reform", district="330681")
    assert at.session_state["s_era"] == "reform"
    assert t("shown_count", n=expected.total) in texts(at)
    assert person_ids(at) == list(expected.ids)


def test_chips_show_facet_counts_of_the_result(open_room, cat) -> None:
    index = SearchIndex.build(cat)
    at = open_room("search", q="纺织")
    facets = index.search("纺织", limit=0).facets
    era_chips = next(p for p in at.get("button_group") if "s_era" in p.proto.id)
    labels = [o.content for o in era_chips.proto.options]
    for era in cat.eras:
        assert f"{era.name.zh} {facets['era'].get(era.id, 0)}" in labels


def test_no_result_offers_nearest_names(open_room, cat) -> None:
    at = open_room("search", q="丁卫送x")
    page = texts(at)
    assert t("search_nothing", query="丁卫送x").split("“")[0] in page
    assert t("search_suggestions") in page
    offered = [p.proto for p in at.get("page_link") if "honoree" in p.proto.page]
    assert offered, "no suggestion is offered"
    nearest = offered[0]  # the nearest name first, as a link to that person's page
    assert nearest.label == "丁卫松"
    assert cat.honoree(nearest.query_string.removeprefix("id=")).name == "丁卫松"


def test_hostile_query_is_shown_as_text(open_room) -> None:
    at = open_room("search")
    at.text_input(key="q").input("<script>alert(1)</script>[x](http://evil)").run()
    assert not at.exception
    info = "\n".join(i.value for i in at.info)
    assert "<script>" not in info
    assert "](http" not in info


def test_filter_change_goes_back_to_page_one(open_room, cat) -> None:
    at = open_room("search")
    at.button(key=next(b.key for b in at.button if b.key.endswith("_next"))).click().run()
    assert t("page_of", page=2, pages=-(-len(cat.honorees) // 24)) in texts(at)
    # The honour most people hold: its results still fill more than one page.
    honour = max(cat.honour_kinds, key=lambda code: cat.count("honour", code))
    wanted = cat.count("honour", honour)
    assert wanted > 24, "the room pack must hold an honour of more than one page"
    at.selectbox(key="s_honour").select(honour).run()
    (prev,) = [b for b in at.button if b.key.endswith("_prev")]
    assert prev.disabled
    assert t("page_of", page=1, pages=-(-wanted // 24)) in texts(at)
    assert person_ids(at) == best_first(cat, list(cat.members("honour", honour)))[:24]


def test_search_terms_are_counted_with_their_results(open_room, store) -> None:
    at = open_room("search")
    at.text_input(key="q").input("没有这个人zzz").run()
    figures = store.visit_stats(days=1)
    assert ("没有这个人zzz", 1) in [(x.key, x.count) for x in figures.zero_result_searches]
