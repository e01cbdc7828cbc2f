"""Where light pages are, and what the hall shares: the same layout under nginx and Streamlit."""

from __future__ import annotations

import pytest

from hall.publish import Style, honoree_link
from hall.publish.site import robots, sitemaps
from hall.publish.urls import address, relative


@pytest.mark.parametrize(
    ("base", "style", "expected"),
    [
        ("https://hall.example.cn", Style.SHORT, "https://hall.example.cn/p/r001"),
        ("https://hall.example.cn/", Style.SHORT, "https://hall.example.cn/p/r001"),
        ("", Style.SHORT, "/p/r001"),
        (
            "https://hall.example.cn",
            Style.STATIC,
            "https://hall.example.cn/app/static/cache/light/p/r001.html",
        ),
        ("", Style.STATIC, "/app/static/cache/light/p/r001.html"),
        ("https://hall.example.cn", Style.OFF, "https://hall.example.cn/honoree?id=r001"),
    ],
)
def test_a_share_link_leads_to_the_light_page(base: str, style: Style, expected: str) -> None:
    assert honoree_link(base, "r001", style) == expected


@pytest.mark.parametrize(
    ("file", "style", "expected"),
    [
        ("p/index.html", Style.SHORT, "/p/"),
        ("e/reform-2.html", Style.SHORT, "/e/reform-2"),
        ("sitemap.xml", Style.SHORT, "/sitemap.xml"),
        ("_/img/ab.png", Style.SHORT, "/_/img/ab.png"),
        ("p/index.html", Style.STATIC, "/app/static/cache/light/p/index.html"),
    ],
)
def test_addresses_of_mirror_files(file: str, style: Style, expected: str) -> None:
    assert address(file, style) == expected


@pytest.mark.parametrize(
    ("here", "there", "expected"),
    [("p/r001.html", "e/reform.html", "../e/reform.html"), ("sitemap.xml", "p/index.html", "p/index.html")],
)
def test_links_between_pages_are_relative(here: str, there: str, expected: str) -> None:
    assert relative(here, there) == expected


def test_a_long_sitemap_becomes_an_index_of_sitemaps() -> None:
    files = [f"p/{i}.html" for i in range(5)]
    out = sitemaps(files, lambda f: f"https://h.cn/{f}", lambda f: "2026-12-06", limit=2)
    assert sorted(out) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    assert out["sitemap.xml"].count(b"<sitemap>") == 3
    assert b"<sitemapindex" in out["sitemap.xml"]
    assert sum(out[f"sitemap-{i}.xml"].count(b"<url>") for i in (1, 2, 3)) == 5


def test_robots_names_the_sitemap_only_at_a_full_address() -> None:
    assert b"Sitemap:" not in robots(("p",), "/sitemap.xml")
    assert b"Sitemap: https://h.cn/sitemap.xml" in robots(("p",), "https://h.cn/sitemap.xml")


def test_a_mirror_that_would_switch_streamlits_static_serving_off_is_warned_of(tmp_path, monkeypatch) -> None:
    from hall.publish import urls

    static = tmp_path / "static"
    (static / "cache" / "light").mkdir(parents=True)
    (static / "fonts.woff2").write_bytes(b"x" * 2000)
    mirror = static / "cache" / "light"
    assert urls.static_limit_warning(mirror, static) == ""
    monkeypatch.setattr(urls, "STREAMLIT_STATIC_LIMIT", 1000)
    assert "Streamlit serves none of it" in urls.static_limit_warning(mirror, static)
    assert urls.static_limit_warning(tmp_path / "elsewhere", static) == ""  # nginx serves it
