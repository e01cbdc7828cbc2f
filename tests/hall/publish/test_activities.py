"""Activities' light pages: each activity's page shows its record and links its speakers' light
pages; the list of them all is by year, latest first, a page at a time; a person's page lists
their latest activities; sample activities are marked; record text stays text; the sitemap, robots
and nginx know the a/ prefix; and a changed activity rewrites only what shows it."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest

from hall.publish import PREFIXES, activities
from tests.hall.activities.conftest import write_activities
from tests.hall.publish.conftest import BASE, PACK_ACTIVITIES, parse, set_cells
from tests.hall.publish.test_incremental import changed, stamps
from tests.hall.publish.test_pages import SITEMAPS, local, meta, pages
from tests.hall.publish.test_safety import HOSTILE


def main_text(doc) -> str:
    return "".join(doc.find(".//main").itertext())


def links(doc, where: str = ".//main") -> dict[str, str]:
    return {"".join(x.itertext()): x.get("href") for x in doc.find(where).iter("a")}


def test_an_activity_page_shows_its_record_and_links_its_speakers(build, mirror: Path) -> None:
    _, cat = build()
    doc = parse((mirror / "a" / "a2.html").read_bytes())
    text = main_text(doc)
    for shown in ("工匠精神宣讲", "2024年3月5日 星期二 09:30", "宣讲", "进企业", "柯桥区", "现场", "120"):
        assert shown in text, shown
    found = links(doc)
    assert found[cat.honoree("t06").name] == "../p/t06.html"
    assert found[cat.honoree("t07").name] == "../p/t07.html"
    assert found["进入展馆，看这项活动的展页"] == f"{BASE}/activities?id=a2"
    title = doc.find(".//title").text
    assert title.startswith("工匠精神宣讲（示例） · 2024年3月5日 09:30 · 柯桥区")


@pytest.mark.parametrize(
    ("activity_id", "shown", "not_shown"),
    [
        ("a1", ["2021年", "进校园", "进课堂", "直播", "7,000", "绍兴市劳模协会专版"], ["现场"]),
        ("a3", ["绍兴县（今柯桥区）", "进农村（社区）"], []),  # as written, and today's district
        ("a4", ["技能展示", "工作室"], ["“五进”场所"]),  # no setting: no row for it
    ],
)
def test_each_field_is_shown_as_the_hall_shows_it(
    build, mirror: Path, activity_id: str, shown: list[str], not_shown: list[str]
) -> None:
    build()
    text = main_text(parse((mirror / "a" / f"{activity_id}.html").read_bytes()))
    for part in shown:
        assert part in text, part
    for part in not_shown:
        assert part not in text, part


def test_a_studio_activity_links_the_studios_light_page(build, mirror: Path) -> None:
    build()
    doc = parse((mirror / "a" / "a4.html").read_bytes())
    assert links(doc)["陈志强劳模创新工作室"] == "../s/w1.html"


def test_the_source_is_cited_with_its_link(build, mirror: Path) -> None:
    build()
    doc = parse((mirror / "a" / "a1.html").read_bytes())
    assert links(doc)["（绍兴市劳模协会专版）"] == "https://example.cn/a1"


@pytest.mark.parametrize(("activity_id", "sample"), [("a1", False), ("a2", True)])
def test_sample_activities_are_marked_as_such(build, mirror: Path, activity_id: str, sample: bool) -> None:
    build()
    doc = parse((mirror / "a" / f"{activity_id}.html").read_bytes())
    assert ("（示例）" in doc.find(".//title").text) is sample
    assert ("并非真实活动" in main_text(doc)) is sample
    assert meta(doc, "description", "name").startswith("示例") is sample
    listed = parse((mirror / "a" / "index.html").read_bytes())
    item = next(
        li
        for li in listed.iter("li")
        if li.find("a") is not None and li.find("a").get("href") == f"../a/{activity_id}.html"
    )
    assert ("（示例）" in "".join(item.itertext())) is sample


def test_the_preview_is_the_halls_card_of_at_least_300_px(build, mirror: Path) -> None:
    build()
    for name in ("a2.html", "index.html"):
        doc = parse((mirror / "a" / name).read_bytes())
        assert int(meta(doc, "og:image:width")) >= 300
        assert int(meta(doc, "og:image:height")) >= 300
        assert local(mirror, meta(doc, "og:image")).is_file()


def test_the_list_is_by_year_latest_first(build, mirror: Path) -> None:
    build()
    doc = parse((mirror / "a" / "index.html").read_bytes())
    years = [h.text for h in doc.findall(".//main/h2")]
    assert years == ["2030 年", "2025 年", "2024 年", "2021 年"]
    listed = [a.get("href") for a in doc.findall(".//main/ul[@class='acts']/li/a")]
    assert listed == [f"../a/{x}.html" for x in ("a5", "a4", "a3", "a2", "a1")]


def test_a_long_list_is_paged_and_every_year_link_finds_its_heading(build, mirror: Path, monkeypatch) -> None:
    monkeypatch.setattr(activities, "PER_PAGE", 2)
    build()
    files = [mirror / "a" / name for name in ("index.html", "index-2.html", "index-3.html")]
    assert all(f.is_file() for f in files)
    assert not (mirror / "a" / "index-4.html").exists()
    seen = []
    for file in files:
        doc = parse(file.read_bytes())
        seen += [a.get("href") for a in doc.findall(".//main/ul[@class='acts']/li/a")]
        for a in doc.find(".//main/nav").iter("a"):
            path, _, anchor = a.get("href").partition("#")
            target = (file.parent / path).resolve() if path else file
            assert parse(target.read_bytes()).find(f".//*[@id='{anchor}']") is not None, a.get("href")
    assert seen == [f"../a/{x}.html" for x in ("a5", "a4", "a3", "a2", "a1")]


def test_a_persons_page_lists_their_latest_activities(build, mirror: Path, monkeypatch) -> None:
    monkeypatch.setattr(activities, "RECENT", 2)
    build()
    doc = parse((mirror / "p" / "t06.html").read_bytes())
    heading = next(h for h in doc.iter("h2") if h.text == "近期活动")
    assert heading is not None
    listed = [a.get("href") for a in doc.findall(".//main//ul[@class='acts']/li/a")]
    assert listed == ["../a/a4.html", "../a/a3.html"]  # latest first, RECENT of the three
    assert links(doc)["共 3 项活动，全部请进入展馆查看"] == f"{BASE}/activities?speaker=t06"
    one = parse((mirror / "p" / "t01.html").read_bytes())
    assert [a.get("href") for a in one.findall(".//main//ul[@class='acts']/li/a")] == ["../a/a1.html"]
    assert "全部请进入展馆查看" not in main_text(one)
    none = parse((mirror / "p" / "t02.html").read_bytes())
    assert "近期活动" not in main_text(none)


def test_the_sitemap_robots_and_footer_know_the_activities(build, mirror: Path) -> None:
    build()
    sitemap = ElementTree.parse(mirror / "sitemap.xml").getroot()
    listed = {loc.text for loc in sitemap.iter(f"{SITEMAPS}loc")}
    assert {f"{BASE}/a/{x}" for x in ("a1", "a2", "a3", "a4", "a5")} <= listed
    assert f"{BASE}/a/" in listed
    assert "a" in PREFIXES
    assert "Allow: /a/" in (mirror / "robots.txt").read_text(encoding="utf-8").splitlines()
    doc = parse((mirror / "p" / "t02.html").read_bytes())
    assert links(doc, ".//body/nav")["活动"] == "../a/index.html"


def test_a_pack_without_activities_has_no_activity_pages_or_links(
    tmp_path: Path, build, mirror: Path
) -> None:
    (tmp_path / "pack" / "exhibits" / "activities.csv").unlink()
    build()
    assert not (mirror / "a").exists()
    for file in pages(mirror):
        assert b"a/index.html" not in file.read_bytes(), file


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_activity_text_stays_text(build, pack: Path, mirror: Path, case: str) -> None:
    text = HOSTILE[case]
    set_cells(
        pack, "a2", file="activities.csv", title_zh=f"宣讲{text}", place=text, summary=text, source=text
    )
    build()
    for file in (mirror / "a" / "a2.html", mirror / "a" / "index.html", mirror / "p" / "t06.html"):
        doc = parse(file.read_bytes())
        for element in doc.iter():
            assert element.tag not in ("script", "svg", "b", "iframe"), (file, element.tag)
            assert not [k for k in element.attrib if k.startswith("on")], element.attrib
        assert f"宣讲{text}" in main_text(doc), file
    doc = parse((mirror / "a" / "a2.html").read_bytes())
    assert main_text(doc).count(text) >= 3  # title, place and summary, as written (a source is cited)
    assert doc.find(".//title").text.startswith(" ".join(f"宣讲{text}".split()))


def test_a_changed_activity_rewrites_only_its_page(build, pack: Path, mirror: Path) -> None:
    build()
    before = stamps(mirror)
    set_cells(pack, "a2", file="activities.csv", summary="新的活动简介。")
    report, _ = build()
    assert changed(before, stamps(mirror)) == {"a/a2.html"}
    assert report.written == 1
    assert report.drawn == 0
    assert "新的活动简介。" in (mirror / "a" / "a2.html").read_text(encoding="utf-8")


def test_a_retitled_activity_rewrites_its_page_the_list_and_its_speakers_pages(
    build, pack: Path, mirror: Path
) -> None:
    build()
    before = stamps(mirror)
    set_cells(pack, "a2", file="activities.csv", title_zh="新的宣讲题目")
    build()
    rewritten = changed(before, stamps(mirror))
    # The sitemap's lastmod is a day: rebuilt the same day, it is unchanged.
    assert rewritten == {"a/a2.html", "a/index.html", "p/t06.html", "p/t07.html"}


def test_a_deleted_activity_loses_its_page(build, pack: Path, mirror: Path) -> None:
    build()
    assert (mirror / "a" / "a5.html").is_file()
    write_activities(pack, PACK_ACTIVITIES[:-1])
    report, _ = build()
    assert not (mirror / "a" / "a5.html").exists()
    assert report.removed == 1
    assert b"/a/a5" not in (mirror / "sitemap.xml").read_bytes()
