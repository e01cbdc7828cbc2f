"""Two replicas on one PostgreSQL behind nginx: what a visitor does on one is seen on the other.

Every action goes through the replicas' own app code, over Streamlit's websocket protocol
(tests/support/streamlit_client.py's Session), exactly as a browser drives it.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import re
import secrets
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pytest

from hall.store import Store
from tests.deploy.conftest import ReplicaFactory, run_async
from tests.support.load import run_load, warm_up
from tests.support.needs import missing
from tests.support.pgcluster import ClusterUnavailable, PgCluster, throwaway_cluster
from tests.support.servers import Nginx, Replica, find_nginx, start_nginx, start_replica, wait_healthy
from tests.support.streamlit_client import Session, http_get
from tests.support.streamlit_screen import saluted

# The processes are started once per module on each xdist worker that runs some of these
# tests (a few seconds each); xdist_group cannot pin them to one worker under pytest 9.
pytestmark = pytest.mark.postgres

ADMIN_PASSWORD = "curator-test-pw"
DOCENT_PIN = "246813"
COOKIE_SECRET = "one-secret-for-every-replica"
# Each test its own honoree (real people in the default pack), so no test reads another's likes
# or messages whatever order they run in.
LIKED_ON_A = "r001"  # 丁卫松
LIKED_THROUGH_NGINX = "r002"  # 董建奎
GREETED = "r003"  # 赵龙
FIGURES_CACHE_S = 30  # rooms/figures.py keeps the figures this long in each process
LIKE_COUNT = re.compile(r"(\d+)\s*$")
CONNECTS = re.compile(r'session_events_total\{type="connect"\}\s+(\d+)')


@dataclass
class Hall:
    """The scale-out: PostgreSQL, replicas a and b (online mode), nginx in front of both."""

    pg: PgCluster
    a: Replica
    b: Replica
    nginx: Nginx
    root: Path

    @property
    def database_url(self) -> str:
        return self.pg.url("hall")


@pytest.fixture(scope="module")
def hall(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    if find_nginx() is None:
        missing("CROSS-REPLICA TESTS", "nginx not found (apt-get install nginx)")
    root = tmp_path_factory.mktemp("scaleout")
    try:
        # Left in reverse: the processes stop (and show their logs) while nginx's folder and
        # the database they use are still there.
        with (
            throwaway_cluster("hall") as pg,
            # nginx's workers must reach its folder: not under pytest's private tmp.
            tempfile.TemporaryDirectory(prefix="hall-nginx-") as nginx_root,
            contextlib.ExitStack() as running,
        ):
            env = {
                "HALL_MODE": "online",
                "HALL_DATABASE_URL": pg.url("hall"),
                "HALL_ADMIN_PASSWORD": ADMIN_PASSWORD,
            }
            # Started together, waited for together: a cold replica builds its caches first.
            a, b = (
                start_replica(
                    root / f"{name}-data",
                    root / "logs",
                    name=name,
                    env=env,
                    cookie_secret=COOKIE_SECRET,
                    wait=False,
                )
                for name in ("a", "b")
            )
            for replica in (a, b):
                running.callback(_stop_and_show, replica)
            wait_healthy(a)
            wait_healthy(b)
            nginx = start_nginx([a.port, b.port], Path(nginx_root))
            running.callback(_stop_and_show, nginx)
            # Whichever test runs first must not pay for the catalogue and index builds.
            for replica in (a, b):
                run_async(warm_up(replica.url))
            yield Hall(pg, a, b, nginx, root)
    except ClusterUnavailable as exc:
        missing("CROSS-REPLICA TESTS", str(exc))


def _stop_and_show(proc: Replica | Nginx) -> None:
    proc.stop()
    print(f"---- {proc.name} {proc.url} log (last lines) ----\n{proc.log()}")


def like_count(session: Session) -> int:
    found = LIKE_COUNT.search(session.screen.widget("like").label)
    assert found, session.screen.widget("like").label
    return int(found.group(1))


async def _connect(url: str, cookie: str = "") -> Session:
    session = Session(url, cookie=cookie)
    await session.connect()
    return session


def test_a_like_on_replica_a_is_counted_on_replica_b(hall: Hall) -> None:
    async def scenario() -> None:
        on_a, on_b = await _connect(hall.a.url), await _connect(hall.b.url)
        try:
            await on_a.open("honoree", f"id={LIKED_ON_A}")
            before = like_count(on_a)
            liked = await on_a.click("like")
            assert saluted(liked.widget("like"))
            assert like_count(on_a) == before + 1
            await on_b.open("honoree", f"id={LIKED_ON_A}")
            assert like_count(on_b) == before + 1
            assert not saluted(on_b.screen.widget("like"))  # B's visitor has not saluted yet
        finally:
            await on_a.close()
            await on_b.close()

    run_async(scenario())


def _row_of(tables: list[bytes], text: str) -> int:
    for data in tables:
        frame = pa.ipc.open_stream(io.BytesIO(data)).read_all().to_pandas()
        for column in frame.columns:
            hits = [i for i, value in enumerate(frame[column]) if value == text]
            if hits:
                return hits[0]
    raise AssertionError(f"{text!r} is not in the moderation queue")


def test_a_message_left_on_a_is_moderated_on_b_and_shown_on_both(hall: Hall) -> None:
    text = f"向赵龙同学致敬！跨副本留言测试 {secrets.token_hex(4)}"  # never in the queue before
    form = f"guestbook_{GREETED}"

    async def scenario() -> None:
        writer = await _connect(hall.a.url)
        curator = await _connect(hall.b.url)
        readers = [await _connect(hall.a.url), await _connect(hall.b.url)]
        try:
            await writer.open("honoree", f"id={GREETED}")
            sent = await writer.submit(form, {f"{form}_text": text, f"{form}_sig": "测试"})
            assert sent.has_text(text)  # the author sees it, awaiting review

            await curator.open("admin")
            await curator.submit("signin", {"admin_pw": ADMIN_PASSWORD})
            row = _row_of(curator.screen.tables, text)
            picked = {"edited_rows": {str(row): {"pick": True}}, "added_rows": [], "deleted_rows": []}
            # The queue's editor is keyed by the ids it shows (queue_<digest>_<0|1>).
            (editor,) = [w for w in curator.screen.widgets if w.kind == "dataframe" and "-queue_" in w.id]
            await curator.set(editor.id.rsplit("-", 1)[1], string_value=json.dumps(picked))
            await curator.click("admin_approve")
            await curator.click("queue_yes")  # the confirmation naming the message ticked

            for reader in readers:  # fresh visitors on either replica now read it
                page = await reader.open("honoree", f"id={GREETED}")
                assert page.has_text(text), reader.url
        finally:
            await asyncio.gather(*(s.close() for s in [writer, curator, *readers]))

    run_async(scenario())


def test_visits_on_a_show_in_the_figures_on_b(hall: Hall) -> None:
    store = Store.open(hall.database_url, hall.root)  # the database itself, as the baseline
    try:
        before = store.visit_stats().total_visits
    finally:
        store.close()

    async def shown_on_b() -> int:
        reader = await _connect(hall.b.url)
        try:
            page = await reader.open("figures")
        finally:
            await reader.close()
        return int(page.metrics["累计参观"].replace(",", ""))

    async def scenario() -> int:
        for room in ("", "reform", "search"):
            session = await _connect(hall.a.url)
            await session.open(room)
            await session.close()
        # B may have drawn the figures in the last 30 s (another test, or this one run again):
        # the new visits must show once its cache has run out, not necessarily at once.
        deadline = time.monotonic() + FIGURES_CACHE_S + 10
        shown = await shown_on_b()
        while shown < before + 3 and time.monotonic() < deadline:
            await asyncio.sleep(2)
            shown = await shown_on_b()
        return shown

    shown = run_async(scenario())
    assert shown >= before + 3


def test_nginx_keeps_each_visitor_on_one_replica_and_uses_both(hall: Hall) -> None:
    async def scenario() -> dict[str, set[str]]:
        routes: dict[str, set[str]] = {}
        for _ in range(16):
            _, headers, _ = await http_get(hall.nginx.url, "/")
            cookie = re.search(r"hall_route=[^;]+", headers["set-cookie"])
            assert cookie, headers
            for _ in range(3):  # the same visitor again: same replica
                _, again, _ = await http_get(hall.nginx.url, "/", cookie=cookie.group(0))
                routes.setdefault(cookie.group(0), set()).add(again["x-hall-upstream"])
        return routes

    routes = run_async(scenario())
    assert all(len(upstreams) == 1 for upstreams in routes.values()), routes
    used = set().union(*routes.values())
    assert used == {f"127.0.0.1:{hall.a.port}", f"127.0.0.1:{hall.b.port}"}


async def _cookie_for(hall: Hall, port: int) -> str:
    for _ in range(64):
        _, headers, _ = await http_get(hall.nginx.url, "/")
        if headers.get("x-hall-upstream") == f"127.0.0.1:{port}":
            found = re.search(r"hall_route=[^;]+", headers["set-cookie"])
            assert found
            return found.group(0)
    raise AssertionError(f"nginx never chose 127.0.0.1:{port}")


def test_a_like_through_nginx_on_one_replica_is_counted_through_the_other(hall: Hall) -> None:
    async def scenario() -> None:
        first = await _connect(hall.nginx.url, await _cookie_for(hall, hall.a.port))
        second = await _connect(hall.nginx.url, await _cookie_for(hall, hall.b.port))
        try:
            assert first.upstream != second.upstream  # the websocket went where the page did
            await first.open("honoree", f"id={LIKED_THROUGH_NGINX}")
            before = like_count(first)
            await first.click("like")
            await second.open("honoree", f"id={LIKED_THROUGH_NGINX}")
            assert like_count(second) == before + 1
        finally:
            await first.close()
            await second.close()

    run_async(scenario())


async def _connects(url: str) -> int:
    _, _, body = await http_get(url, "/_stcore/metrics?families=session_events")
    found = CONNECTS.search(body.decode())
    return int(found.group(1)) if found else 0


def test_visitors_through_nginx_are_spread_over_both_replicas_without_errors(hall: Hall) -> None:
    async def scenario() -> tuple[list[int], object]:
        before = [await _connects(r.url) for r in (hall.a, hall.b)]
        report = await run_load(
            hall.nginx.url,
            8,
            15.0,
            think=(0.3, 1.5),
            ramp=2.0,
            pids=[hall.a.pid, hall.b.pid],
            metrics=[hall.a.url, hall.b.url],
        )
        after = [await _connects(r.url) for r in (hall.a, hall.b)]
        print(report.table())
        assert report.errors == 0, report.error_examples
        assert report.visits_completed >= 4
        return [y - x for x, y in zip(before, after, strict=True)], report

    new_sessions, _ = run_async(scenario())
    assert all(n > 0 for n in new_sessions), new_sessions


def test_a_docent_on_one_replica_drives_a_screen_on_another(
    hall: Hall, replica_factory: ReplicaFactory
) -> None:
    on_the_store = {"HALL_DATABASE_URL": hall.database_url}
    docent_replica = replica_factory(
        {**on_the_store, "HALL_MODE": "docent", "HALL_DOCENT_PIN": DOCENT_PIN}, "docent"
    )
    screen_replica = replica_factory({**on_the_store, "HALL_MODE": "screen"}, "screen")

    async def scenario() -> None:
        screen = await _connect(screen_replica.url)
        tablet = await _connect(docent_replica.url)
        try:
            shown = await screen.open("attract")
            code = next((m.group(1) for x in shown.texts if (m := re.fullmatch(r"#\s*(\w+)", x))), None)
            assert code, shown.texts

            await tablet.open("present")
            await tablet.submit("docent_pin", {"pin": DOCENT_PIN})
            await tablet.submit("pair", {"pair_code": code})

            for step in range(2):  # the first stop, then the next one
                stop = next(link for link in tablet.screen.links if link.label == "在本机打开这一站")
                followed = await screen.wait(timeout=20)
                assert (screen.page, screen.query_string) == (stop.page, stop.query), step
                assert not followed.busy
                if step == 0:
                    await tablet.click("next_stop")
        finally:
            await screen.close()
            await tablet.close()

    run_async(scenario())
