"""Every light page is a valid HTML5 document with its own title, description, share preview
(an image of at least 300 px), canonical address and a way into the live hall; its links stay
inside the mirror; it is small; and it is accessible as the hall is."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import pytest
from PIL import Image

from hall.publish import Style
from hall.publish.markup import DESCRIPTION_CHARS
from tests.hall.publish.conftest import BASE, parse

MAX_PAGE_BYTES = 30 * 1024
SITEMAPS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def pages(mirror: Path) -> list[Path]:
    return sorted(p for p in mirror.rglob("*.html"))


def meta(doc, key: str, attr: str = "property") -> str:
    found = doc.find(f".//meta[@{attr}='{key}']")
    assert found is not None, f"no <meta {attr}={key}>"
    return found.get("content")


def local(mirror: Path, url: str) -> Path:
    """The mirror file a public address of the short layout names."""
    path = unquote(urlsplit(url).path).lstrip("/")
    if path.endswith("/"):  # as nginx's index does
        return mirror / path / "index.html"
    file = mirror / path
    return file if file.suffix else file.with_suffix(".html")


def test_every_page_parses_as_html5_and_carries_its_preview(build, mirror: Path) -> None:
    report, cat = build()
    files = pages(mirror)
    # every person, era, studio, and the two indexes
    assert len(files) == report.pages >= len(cat.honorees) + len(cat.eras) + len(cat.studios) + 2
    titles = set()
    for file in files:
        data = file.read_bytes()
        assert len(data) <= MAX_PAGE_BYTES, file
        doc = parse(data)
        assert doc.get("lang") == "zh-CN"
        title = doc.find(".//title").text
        assert title, file
        assert title not in titles, f"{file}: a title of its own"
        titles.add(title)
        description = meta(doc, "description", "name")
        assert 0 < len(description) <= DESCRIPTION_CHARS
        assert meta(doc, "og:title") == title == meta(doc, "name", "itemprop")
        assert meta(doc, "og:description") == description == meta(doc, "description", "itemprop")
        image = meta(doc, "og:image")
        assert image == meta(doc, "image", "itemprop")
        assert image.startswith(BASE)
        with Image.open(local(mirror, image)) as picture:
            assert min(picture.size) >= 300, f"{file}: preview {picture.size}"
            assert picture.format in ("PNG", "JPEG")  # what every chat app reads
        canonical = doc.find(".//link[@rel='canonical']").get("href")
        assert canonical == meta(doc, "og:url")
        assert canonical.startswith(BASE)
        assert local(mirror, canonical) == file


def test_a_person_page_shows_the_record_and_leads_into_the_hall(build, mirror: Path) -> None:
    _, cat = build()
    h = cat.honoree("t02")
    doc = parse((mirror / "p" / "t02.html").read_bytes())
    text = "".join(doc.find(".//main").itertext())
    assert h.name in text
    assert h.employer in text
    assert "国营绍兴棉纺织厂" in text
    assert "全国劳动模范" in text
    assert h.paragraphs[0] in text
    assert "绍兴县（今柯桥区）" in text  # as printed, and today's district
    enter = doc.find(".//main//a[@class='enter']")
    assert enter.get("href") == f"{BASE}/honoree?id=t02"
    assert h.name in enter.text  # "进入展馆，看王建国的展页": names where it goes
    face = doc.find(".//main//img")
    assert h.name in face.get("alt")
    assert int(face.get("width")) >= 300


@pytest.mark.parametrize(
    ("honoree_id", "sample"),
    [("t01", False), ("t02", True)],
)
def test_sample_people_are_marked_as_such(build, mirror: Path, honoree_id: str, sample: bool) -> None:
    build()
    doc = parse((mirror / "p" / f"{honoree_id}.html").read_bytes())
    title = doc.find(".//title").text
    main = "".join(doc.find(".//main").itertext())
    assert ("（示例）" in title) is sample
    assert ("并非真实人物" in main) is sample
    assert (meta(doc, "description", "name").startswith("示例")) is sample


def test_links_resolve_inside_the_mirror(build, mirror: Path) -> None:
    build(style=Style.STATIC, base_url="")
    checked = 0
    for file in pages(mirror):
        doc = parse(file.read_bytes())
        for element in doc.iter():
            ref = element.get("href") if element.tag in ("a", "link") else element.get("src")
            if not ref or element.get("rel") == "canonical":
                continue
            parts = urlsplit(ref)
            if parts.scheme or ref.startswith("/"):  # the live hall, or a cited source
                assert ref.startswith(("/honoree?", "/studios", "/", "http://", "https://"))
                continue
            if ref.startswith("#"):
                assert doc.find(f".//*[@id='{ref[1:]}']") is not None
                continue
            target = (file.parent / unquote(parts.path)).resolve()
            assert target.is_relative_to(mirror.resolve()), f"{file}: {ref}"
            assert target.is_file(), f"{file}: {ref}"
            checked += 1
    assert checked > 100


def test_the_sitemap_lists_every_page_and_robots_keeps_crawlers_off_the_live_hall(
    build, mirror: Path
) -> None:
    build()
    sitemap = ElementTree.parse(mirror / "sitemap.xml").getroot()
    listed = {local(mirror, loc.text) for loc in sitemap.iter(f"{SITEMAPS}loc")}
    assert listed == {p for p in pages(mirror)}
    robots = (mirror / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "Allow: /p/" in robots
    assert "Disallow: /" in robots
    assert f"Sitemap: {BASE}/sitemap.xml" in robots


def test_era_pages_list_their_people_a_page_at_a_time(build, mirror: Path, monkeypatch) -> None:
    from hall.publish import eras

    monkeypatch.setattr(eras, "PER_PAGE", 1)
    _, cat = build()
    members = cat.members("era", "reform")
    files = [
        mirror / "e" / ("reform.html" if i == 0 else f"reform-{i + 1}.html") for i in range(len(members))
    ]
    assert all(f.is_file() for f in files)
    assert not (mirror / "e" / f"reform-{len(members) + 1}.html").exists()
    for file, h in zip(files, members, strict=True):
        doc = parse(file.read_bytes())
        assert [a.text for a in doc.findall(".//ul[@class='people']/li/a")] == [h.name]


def test_pages_have_landmarks_a_skip_link_and_alt_text(build, mirror: Path) -> None:
    build()
    for file in pages(mirror):
        doc = parse(file.read_bytes())
        assert doc.find(".//header") is not None
        assert doc.find(".//main[@id='main']") is not None
        assert doc.find(".//nav").get("aria-label")
        assert doc.find(".//body/a[@href='#main']") is not None
        assert len(doc.findall(".//h1")) == 1
        for img in doc.iter("img"):
            assert img.get("alt")
