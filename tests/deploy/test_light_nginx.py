"""The deploy nginx serves the light pages from disk at their short addresses, with cache
headers, without asking a replica; what a page links to is there too."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import html5lib
import pytest

from hall.pack import load_catalog
from hall.publish import Style, publish
from tests.deploy.conftest import ReplicaFactory, run_async
from tests.hall.activities.conftest import write_activities
from tests.support.needs import missing
from tests.support.packs import write_pack
from tests.support.servers import Nginx, find_nginx, start_nginx
from tests.support.streamlit_client import http_get


@pytest.fixture
def nginx(replica_factory: ReplicaFactory, tmp_path: Path) -> Iterator[Nginx]:
    if find_nginx() is None:
        missing("NGINX TESTS", "nginx not found (apt-get install nginx)")
    replica = replica_factory()
    # Under /tmp and readable by all: nginx's workers (www-data) read the pages.
    with tempfile.TemporaryDirectory(prefix="hall-light-") as root:
        mirror = Path(root) / "light"
        cat = load_catalog(write_activities(write_pack(tmp_path / "pack")))
        publish(cat, out=mirror, data_dir=tmp_path / "data", base_url="", style=Style.SHORT, workers=1)
        Path(root).chmod(0o755)
        for folder in [mirror, *(p for p in mirror.rglob("*") if p.is_dir())]:
            folder.chmod(0o755)
        server = start_nginx([replica.port], Path(root) / "nginx", light_dir=mirror)
        try:
            yield server
        finally:
            server.stop()


def get(nginx: Nginx, path: str) -> tuple[int, dict[str, str], bytes]:
    return run_async(http_get(nginx.url, path))


@pytest.mark.parametrize(
    ("path", "kind", "cache"),
    [
        ("/p/t01", "text/html", "max-age=300"),
        ("/p/t01.html", "text/html", "max-age=300"),
        ("/p/", "text/html", "max-age=300"),
        ("/e/reform", "text/html", "max-age=300"),
        ("/s/w1", "text/html", "max-age=300"),
        ("/a/a2", "text/html", "max-age=300"),
        ("/a/", "text/html", "max-age=300"),
        ("/sitemap.xml", "xml", "max-age=3600"),
        ("/robots.txt", "text/plain", "max-age=3600"),
    ],
)
def test_light_pages_are_served_from_disk_with_cache_headers(
    nginx: Nginx, path: str, kind: str, cache: str
) -> None:
    status, headers, body = get(nginx, path)
    assert status == 200, body[:200]
    assert kind in headers["content-type"]
    assert cache in headers["cache-control"]
    assert "x-hall-upstream" not in headers  # no replica was asked


@pytest.mark.parametrize(
    ("path", "live"),
    [
        ("/p/t02", "/honoree?id=t02"),
        ("/p/t06", "/honoree?id=t06"),  # with its latest activities
        ("/a/a2", "/activities?id=a2"),  # with its speakers
    ],
)
def test_what_a_page_links_to_is_served_too(nginx: Nginx, path: str, live: str) -> None:
    status, _, body = get(nginx, path)
    assert status == 200
    doc = html5lib.parse(body, namespaceHTMLElements=False)
    refs = [e.get("href") or e.get("src") for e in doc.iter() if e.tag in ("a", "link", "img")]
    local = {r for r in refs if r and r.startswith("../")}
    assert len(local) >= 5
    for ref in local:
        status, headers, _ = get(nginx, "/" + ref.removeprefix("../"))
        assert status == 200, ref
        if ref.startswith("../_/"):  # stylesheet and pictures are named by their content
            assert "immutable" in headers["cache-control"]
    enter = next(e for e in doc.iter("a") if e.get("class") == "enter")
    assert enter.get("href") == live  # the live hall, through the same nginx


@pytest.mark.parametrize(
    "path", ["/p/nobody", "/a/nothing", "/p/../../etc/passwd", "/p/%2e%2e/%2e%2e/etc/passwd", "/_/"]
)
def test_nothing_else_is_served_there(nginx: Nginx, path: str) -> None:
    status, _, body = get(nginx, path)
    assert status in (400, 403, 404), (status, body[:200])
