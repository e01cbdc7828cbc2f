"""The deploy nginx in front of a real hall: it tells the hall each visitor's address (which a
visitor cannot forge), and what it logs holds neither client addresses nor query strings."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.deploy.conftest import ReplicaFactory, run_async
from tests.support.needs import missing
from tests.support.servers import Nginx, Replica, find_nginx, start_nginx
from tests.support.streamlit_client import Session, http_get

SEARCHED = "王建国"
SEARCHED_URL = "/search?q=%E7%8E%8B%E5%BB%BA%E5%9B%BD&era=reform"


@dataclass
class Front:
    replica: Replica
    nginx: Nginx

    def log(self, name: str) -> str:
        path = self.nginx.root / "logs" / name
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


@pytest.fixture
def front(replica_factory: ReplicaFactory) -> Iterator[Front]:
    if find_nginx() is None:
        missing("NGINX TESTS", "nginx not found (apt-get install nginx)")
    # Four places, a quarter (one) per address; the hall reads X-Real-IP as the deploy says.
    replica = replica_factory(env={"HALL_BEHIND_PROXY": "1", "HALL_MAX_SESSIONS": "4"})
    # Under /tmp, not pytest's private folder: nginx's workers (www-data) reach their files.
    with tempfile.TemporaryDirectory(prefix="hall-nginx-") as root:
        nginx = start_nginx([replica.port], Path(root))
        try:
            yield Front(replica, nginx)
        finally:
            nginx.stop()
            print(f"---- nginx access.log ----\n{Front(replica, nginx).log('access.log')}")


def test_a_visitor_cannot_forge_the_address_nginx_tells_the_hall(front: Front) -> None:
    async def scenario() -> None:
        sessions = [
            Session(front.nginx.url, headers={"X-Real-IP": forged})
            for forged in ("198.51.100.1", "198.51.100.2")
        ]
        direct = Session(front.replica.url, headers={"X-Real-IP": "198.51.100.3"})
        try:
            for s in (*sessions, direct):
                await s.connect()
            first, second = [await s.open("") for s in sessions]
            assert not first.busy
            assert second.busy, "nginx put the real address in X-Real-IP: one client, one place"
            # Straight to the replica the header is believed: hence replicas listen only where
            # nginx reaches them (README, Scaling out).
            assert not (await direct.open("")).busy
        finally:
            await asyncio.gather(*(s.close() for s in (*sessions, direct)))

    run_async(scenario())


def test_nginx_logs_hold_no_client_address_and_no_query_string(front: Front) -> None:
    async def scenario() -> None:
        for path in (SEARCHED_URL, "/honoree?id=r001&lang=en", "/app/static/favicon.png"):
            status, _, _ = await http_get(front.nginx.url, path)
            assert status == 200, path
        async with Session(front.nginx.url) as visitor:  # a visit over the websocket
            await visitor.open("search", "q=" + SEARCHED)
        front.replica.stop()  # now every request fails at the upstream: nginx's error log
        status, _, _ = await http_get(front.nginx.url, SEARCHED_URL)
        assert status == 502  # the busy page

    run_async(scenario())
    access = front.log("access.log").splitlines()
    assert any('"GET /search"' in line for line in access), access
    assert any("/_stcore/stream" in line for line in access), "the websocket's line, once it closed"
    for line in access + front.log("error.log").splitlines():
        assert "127.0.0.1" not in line, line
        assert "?" not in line, line
        assert "q=" not in line, line
        assert SEARCHED not in line, line
