"""The real roll of the default pack: every real person traceable to a source, and counted."""

from __future__ import annotations

import tempfile

import pytest

from hall.citations import Citation, citations
from hall.pack import Catalog, load_catalog
from hall.realroll import real_and_sample, report_markdown, roll_report, traceable, untraceable
from tests.support.packs import REPO
from tools.realroll_report import main


@pytest.fixture(scope="module")
def default_pack() -> Catalog:
    with tempfile.TemporaryDirectory() as data:
        return load_catalog(REPO, data_dir=data)


@pytest.mark.parametrize(
    ("citation", "ok"),
    [
        (Citation("浙江工人日报 2017-04-27", "http://epaper.zjgrrb.com/x.htm"), True),
        (Citation("《用劳模精神引领时代风尚》（绍兴市劳模协会专版）"), True),  # a printed publication
        (Citation("据知情人回忆"), False),
        (Citation(""), False),
    ],
)
def test_a_citation_is_traceable_by_address_or_printed_title(citation: Citation, ok: bool) -> None:
    assert traceable(citation) is ok


def test_every_real_person_of_the_default_pack_has_a_source_a_reader_can_follow(default_pack) -> None:
    assert untraceable(default_pack) == ()
    for h in default_pack.honorees:
        if not h.sample:
            assert any(traceable(c) for c in citations(h.source)), h.id


def test_the_default_pack_holds_the_imported_real_roll(default_pack) -> None:
    real, sample = real_and_sample(default_pack)
    assert real >= 41
    assert sample > 0
    names = {h.name for h in default_pack.honorees if not h.sample}
    assert {"沈锡荣", "应利君", "金友良", "丁卫松"} <= names
    # the 13 people the pack held before are there once each, not again as imported namesakes
    for name in ("丁卫松", "倪长兴", "董志春", "屠剑虹"):
        assert sum(1 for h in default_pack.honorees if h.name == name and not h.sample) == 1


def test_the_report_counts_real_people_and_lists_every_source(default_pack) -> None:
    report = roll_report(default_pack)
    assert report.people == real_and_sample(default_pack)[0]
    assert sum(report.districts.values()) == report.people  # one district (or none) each
    assert sum(report.eras.values()) >= report.people  # a person counts in each of their eras
    cited = {c for h in default_pack.honorees if not h.sample for c in citations(h.source)}
    assert set(report.sources) == cited
    text = report_markdown(report)
    assert f"Real people: **{report.people}**" in text
    assert "| 全国劳动模范 |" in text


def test_the_report_script_prints_the_report_and_passes(capsys) -> None:
    assert main(["--pack", str(REPO)]) == 0
    assert "Real people:" in capsys.readouterr().out
