"""传承 — 名师高徒: following a skill from a master through two generations of apprentices,
online and on a kiosk; a person's 师承; a studio's pairs; filters and figures with their text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from hall.labels import t
from tests.support.apptest import texts
from tests.support.packs import write_pack
from tests.support.pairs import write_pairs


@pytest.fixture(scope="module")
def room_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small test pack with its pairs: a line t02 → t03 → t04 → t06 → t07 (+ 小王), and t01 → 丁澄洋."""
    root = write_pack(tmp_path_factory.mktemp("lineagepack"))
    write_pairs(root)
    return root


def _follow(at: AppTest, key: str) -> AppTest:
    return at.button(key=key).click().run()


def _shown(at: AppTest) -> str:
    return texts(at).replace("\\", "")


def test_the_room_counts_the_pairs_and_lists_every_line(open_room) -> None:
    at = open_room("lineage")
    assert not at.exception
    page = _shown(at)
    assert t("lineage_counts", pairs=6, people=8, lines=2) in page
    assert t("lineage_graph_alt", people=8, pairs=6) in page  # the graph's text alternative
    assert [b.key for b in at.button if b.key.startswith("lineage_follow_")] == [
        "lineage_follow_t02",
        "lineage_follow_t01",
    ]


@pytest.mark.parametrize("mode", ["online", "kiosk"])
def test_a_visitor_follows_a_skill_through_two_generations(
    open_room, mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if mode == "kiosk":
        monkeypatch.setenv("HALL_MODE", "kiosk")
    at = open_room("lineage")
    if mode == "kiosk":
        at.segmented_control(key="lineage_view").set_value("list").run()
    at = _follow(at, "lineage_follow_t02")  # the first master: 王建国
    assert at.query_params["id"] == "t02"
    assert at.title[-1].value == t("lineage_this_line", name="王建国")
    assert t("lineage_follow", name="李秀英") in [b.label for b in at.button]  # his apprentice
    assert t("lineage_follow", name="单晓东") in [b.label for b in at.button]  # and hers
    at = _follow(at, "lineage_go_t03")  # on to the apprentice
    at = _follow(at, "lineage_go_t04")  # and to the apprentice's apprentice
    assert at.title[-1].value == t("lineage_this_line", name="单晓东")
    page = _shown(at)
    for heading in ("lineage_masters", "lineage_masters_masters", "lineage_apprentices"):
        assert t(heading) in page
    labels = [b.label for b in at.button]
    for name in ("李秀英", "王建国", "陈志强", "吕文斌", "小王"):  # two generations each way
        assert t("lineage_follow", name=name) in labels
    assert t("lineage_line_alt", name="单晓东", up=2, down=2, people=6) in page
    at = at.button(key="lineage_back").click().run()
    assert "id" not in at.query_params
    assert t("lineage_counts", pairs=6, people=8, lines=2) in _shown(at)


def test_the_graph_of_a_line_carries_every_person_for_a_tap(open_room) -> None:
    at = open_room("lineage", id="t04")
    charts = [c for c in at.get("plotly_chart")]
    assert charts, "no graph drawn"
    assert charts[0].proto.alt == t(
        "lineage_line_alt", name="单晓东", up=2, down=2, people=6
    )  # its accessible name
    spec = json.loads(charts[0].proto.spec)
    carried = [k for trace in spec["data"] for k in trace.get("customdata", ())]
    assert sorted(carried) == sorted(["t02", "t03", "t04", "t06", "t07", "~小王|绍兴黄酒集团"])


def test_an_unknown_person_is_a_message_and_a_way_back(open_room) -> None:
    at = open_room("lineage", id="nobody")
    assert not at.exception
    assert t("lineage_unknown") in _shown(at)
    assert at.button(key="lineage_back")


def test_filters_narrow_the_lines(open_room) -> None:
    at = open_room("lineage")
    at.selectbox(key="lineage_craft").set_value("焊接").run()
    assert t("lineage_counts", pairs=1, people=2, lines=1) in _shown(at)
    at.selectbox(key="lineage_craft").set_value(None).run()
    at.selectbox(key="lineage_district").set_value("330602").run()  # 越城区
    assert t("lineage_counts", pairs=3, people=4, lines=1) in _shown(at)


def test_a_studios_link_opens_the_room_on_that_studio(open_room) -> None:
    at = open_room("studios")
    page = _shown(at)
    assert t("studio_pairs", n=2) in page
    assert "陈志强 → 吕文斌 2012" in page
    assert "陈志强 → 小王（绍兴黄酒集团） 2020" in page
    link = next(
        p
        for p in at.get("page_link")
        if p.proto.label == t("studio_pairs_link", studio="陈志强劳模创新工作室")
    )
    assert link.proto.query_string == "studio=w1"
    at = open_room("lineage", studio="w1")
    assert t("lineage_counts", pairs=2, people=3, lines=1) in _shown(at)


def test_figures_each_have_a_text_alternative(open_room) -> None:
    at = open_room("lineage")
    page = _shown(at)
    assert t("lineage_per_year_alt", first=1975, last=2020, total=6, year=1975, n=1) in page
    assert t("lineage_per_studio_alt", studios=1, top="陈志强劳模创新工作室 (2)") in page
    assert t("lineage_honoured_alt", after=4, before=0, not_yet=2) in page
    assert len(at.get("plotly_chart")) == 4  # the graph and three figures


def test_a_persons_page_shows_their_masters_and_apprentices_as_links(open_room) -> None:
    at = open_room("honoree", id="t04")
    assert not at.exception
    assert t("lineage_section") in [s.value for s in at.subheader]
    links = {p.proto.label.replace("\\", ""): p.proto.query_string for p in at.get("page_link")}
    for hid, name in (("t03", "李秀英"), ("t02", "王建国"), ("t06", "陈志强"), ("t07", "吕文斌")):
        assert links[t("lineage_open_person", name=name)] == f"id={hid}"
    assert links[t("lineage_follow", name="单晓东")] == "id=t04"
    page = _shown(at)
    assert t("lineage_named", name="小王", employer="绍兴黄酒集团") in page  # no page of their own
    assert t("lineage_pair", year=1990, craft="织机保全") in page


def test_someone_in_no_pair_has_no_lineage_section(open_room) -> None:
    at = open_room("honoree", id="t05")
    assert t("lineage_section") not in [s.value for s in at.subheader]


def test_a_real_pair_names_its_source(open_room) -> None:
    at = open_room("lineage", id="t01")
    assert "测试来源" in _shown(at)


def test_the_kiosk_follows_by_buttons_and_shows_one_view_at_a_time(open_room, monkeypatch) -> None:
    monkeypatch.setenv("HALL_MODE", "kiosk")
    at = open_room("lineage")
    assert not at.exception
    assert not [s for s in at.selectbox if s.key.startswith("lineage_")]  # chips, not menus
    assert len(at.get("plotly_chart")) == 1  # the graph view: no figures below it
    assert not [b for b in at.button if b.key.startswith("lineage_follow_")]
    at.segmented_control(key="lineage_view").set_value("figures").run()
    assert len(at.get("plotly_chart")) == 3


def test_the_room_reads_in_english(open_room) -> None:
    at = open_room("lineage", id="t04", lang="en")
    assert at.title[-1].value == t("lineage_this_line", "en", name="单晓东")
    assert t("lineage_apprentices_apprentices", "en") in _shown(at)


def test_the_big_screen_shows_a_lineage_stop(open_room, monkeypatch, cat) -> None:
    from hall.pack.records import Stop, StopKind
    from hall.pack.tours import stop_room
    from hall.ui.docent import describe

    stop = Stop(StopKind.LINEAGE, "t04", 5, ("师傅带徒弟",))
    assert describe(stop, cat, "zh") == f"{t('stop_lineage')}：单晓东"
    room, params = stop_room(stop)
    monkeypatch.setenv("HALL_MODE", "screen")
    at = open_room(room, **params)  # what the screen switches to when the docent reaches the stop
    assert not at.exception
    assert at.title[-1].value == t("lineage_this_line", name="单晓东")
