"""What 听讲解 reads for each kind — a person, an era's panel, a tour stop — and by which id."""

from __future__ import annotations

import pytest

from hall.labels import t
from hall.pack import Catalog, Stop, StopKind, Text, Tour, load_catalog
from hall.voice import reading as voice
from tests.support.packs import write_pack


@pytest.fixture(scope="module")
def cat(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return load_catalog(write_pack(tmp_path_factory.mktemp("voicepack")))


def test_a_person_is_read_as_the_page_shows_them_name_honours_then_each_deed(cat: Catalog) -> None:
    h = cat.honoree("t02")  # 王建国: national model 1956, Shaoxing model 1979
    r = voice.person(h, cat, "zh")
    assert r.id == "t02"
    assert [p.text for p in r.passages] == [
        "王建国",
        f"1956，{cat.honour_name('national_model')}，{cat.era('revolution').name.zh}。",
        f"1979，{cat.honour_name('sx_model')}，{cat.era('reform').name.zh}。",
        "王建国的事迹第一段。",
        "王建国的事迹第二段。",
    ]
    assert {p.lang for p in r.passages} == {"zh"}


def test_an_honour_without_a_year_is_read_as_the_page_says_it(cat: Catalog) -> None:
    r = voice.person(cat.honoree("t01"), cat, "zh")
    assert r.passages[2].text.startswith(t("year_unknown", "zh"))


def test_an_english_page_reads_english_and_leaves_chinese_deeds_to_a_chinese_voice(cat: Catalog) -> None:
    h = cat.honoree("t02")
    r = voice.person(h, cat, "en")
    assert r.passages[0] == voice.Passage("en", h.name_en)
    assert r.passages[1] == voice.Passage(
        "en", f"1956, {cat.honour_name('national_model', 'en')}, {cat.era('revolution').name.en}."
    )
    assert r.passages[-1] == voice.Passage("zh", "王建国的事迹第二段。")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_era_is_read_from_its_opening_panel_name_years_intro(cat: Catalog, lang: str) -> None:
    era = cat.era("reform")
    r = voice.era(era, lang)
    assert r.id == "era-reform"
    assert [p.text for p in r.passages] == [era.name.get(lang), era.span(lang), era.intro.get(lang)]


def test_a_tour_stop_is_read_from_its_talking_points_numbered_from_one() -> None:
    stop = Stop(StopKind.ERA, "reform", 5, ("改革开放以后的劳模。", "  ", "请大家看这面墙。"))
    r = voice.stop("school-walk", 2, stop, "zh")
    assert r.id == "tour-school-walk-2"
    assert r.text == "改革开放以后的劳模。\n请大家看这面墙。"  # blank points are not read


def test_the_digest_names_the_text_and_its_voices(cat: Catalog) -> None:
    h = cat.honoree("t02")
    zh, en = voice.person(h, cat, "zh"), voice.person(h, cat, "en")
    assert zh.digest == voice.person(h, cat, "zh").digest
    assert zh.digest != en.digest
    edited = voice.reading(zh.id, "zh", [*(p.text for p in zh.passages), "又一段。"])
    assert edited.digest != zh.digest
    assert len(zh.digest) == 16


def test_every_reading_of_a_pack_has_an_id_a_recording_may_carry(cat: Catalog) -> None:
    everything = voice.everything(cat, "zh")
    stop = Stop(StopKind.ROOM, "home", 3, ("序厅。",))
    walk = Tour("walk", Text("走一走"), "小学", (stop, stop))
    ids = voice.ids([h.id for h in cat.honorees], [e.id for e in cat.eras], [*cat.tours, walk])
    assert {r.id for r in everything} <= ids
    assert {"t01", "era-revolution", "era-new_era", "tour-walk-1", "tour-walk-2"} <= ids
    assert "tour-walk-3" not in ids
