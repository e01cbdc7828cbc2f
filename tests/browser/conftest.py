"""Real-browser harness: hall servers per mode, Debian Chromium via Playwright, offline pages."""

from __future__ import annotations

import contextlib
import importlib.util
import inspect
import re
from collections.abc import Callable, Generator, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

from tests.support.browser import CHROMIUM, READY_SELECTOR, launch_chromium, start_server
from tests.support.needs import missing
from tests.support.servers import Replica as HallServer  # one `streamlit run` of the hall

if TYPE_CHECKING:  # playwright may be missing: the fixtures then skip (or fail under CI)
    from playwright.sync_api import Browser, Page, Playwright, Route, WebSocketRoute

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
LOG_TAIL_LINES = 200


def pytest_configure(config: pytest.Config) -> None:
    # Registered here as well as in pyproject.toml so --strict-markers passes either way.
    config.addinivalue_line(
        "markers", "browser: drives a real Chromium against a running hall (chromium, playwright)"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Every test in this folder is a browser test, so `-m "not browser"` leaves them all out.
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


def _require_browser_stack() -> None:
    """Skip (fail under CI) unless both Playwright and the Chromium binary are present."""
    if importlib.util.find_spec("playwright") is None:
        missing("BROWSER TESTS", "the playwright package is not installed (pip install playwright)")
    if not CHROMIUM.exists():
        missing("BROWSER TESTS", f"{CHROMIUM} not found (apt-get install chromium fonts-noto-cjk)")


# ---------------------------------------------------------------- servers


class ServerPool:
    """Starts hall servers on demand: shared per (mode, env), or fresh when asked."""

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        self._tmp = tmp_path_factory
        self._shared: dict[tuple[str, tuple[tuple[str, str], ...]], HallServer] = {}
        self.started: list[HallServer] = []

    def __call__(
        self, mode: str = "online", *, fresh: bool = False, env: Mapping[str, str] | None = None
    ) -> HallServer:
        """A healthy server in `mode`; fresh=True always starts a new (cold) one."""
        key = (mode, tuple(sorted((env or {}).items())))
        if not fresh and key in self._shared and self._shared[key].alive():
            return self._shared[key]
        server = start_server(mode, self._tmp.mktemp(f"hall-data-{mode}"), ARTIFACTS / "logs", env)
        self.started.append(server)
        if not fresh:
            self._shared[key] = server
        return server

    def stop_all(self) -> None:
        for server in self.started:
            server.stop()


@pytest.fixture(scope="session")
def hall_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerPool]:
    """Factory: hall_server(mode="online", *, fresh=False, env=None) -> HallServer.

    Servers are shared per (mode, env) for the session; fresh=True starts a new one (a cold
    server, for first-request behaviour) that the test may stop() early. All are stopped at
    the end of the session.
    """
    _require_browser_stack()  # before starting servers nobody could look at
    pool = ServerPool(tmp_path_factory)
    yield pool
    pool.stop_all()


@pytest.fixture(scope="session")
def online_server(hall_server: ServerPool) -> HallServer:
    """The shared hall server in online mode."""
    return hall_server("online")


@pytest.fixture(scope="session")
def kiosk_server(hall_server: ServerPool) -> HallServer:
    """The shared hall server in kiosk mode."""
    return hall_server("kiosk")


@pytest.fixture(scope="session")
def docent_server(hall_server: ServerPool) -> HallServer:
    """The shared hall server in docent mode."""
    return hall_server("docent")


# ---------------------------------------------------------------- browser and pages


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """The Playwright driver (sync API), or a loud skip (a failure under CI) if missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("BROWSER TESTS", "the playwright package is not installed (pip install playwright)")
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Debian's Chromium, headless; never Playwright's downloaded browsers."""
    _require_browser_stack()
    chromium = launch_chromium(playwright)
    yield chromium
    chromium.close()


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    # data:, blob: and about: URLs never leave the machine.
    return parts.scheme not in ("http", "https", "ws", "wss") or parts.hostname in LOCAL_HOSTS


def offline_page(
    browser: Browser,
    base_url: str,
    viewport: tuple[int, int] | Mapping[str, int] = (1280, 800),
    *,
    path: str | None = None,
    locale: str = "zh-CN",
    **context_options: Any,
) -> Page:
    """A touch-enabled page in a new context that cannot reach anything but loopback.

    Every request (or websocket) to another host is aborted and its URL appended to
    `page.blocked_requests`; console errors and uncaught exceptions go to
    `page.console_errors`. `base_url` makes `page.goto("/honoree?id=1")` work. With `path`
    the page opens it and waits for the script to finish; without, nothing is loaded yet
    (so a test can make the very first request itself, e.g. a cold deep link).
    """
    if not isinstance(viewport, Mapping):
        viewport = {"width": viewport[0], "height": viewport[1]}
    options: dict[str, Any] = {
        "viewport": dict(viewport),
        "has_touch": True,
        "base_url": base_url,
        "locale": locale,
        "timezone_id": "Asia/Shanghai",
        **context_options,
    }
    context = browser.new_context(**options)
    blocked: list[str] = []
    errors: list[str] = []

    def guard(route: Route) -> None:
        if _is_local(route.request.url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort("internetdisconnected")

    def guard_socket(ws: WebSocketRoute) -> None:
        blocked.append(ws.url)
        ws.close()

    context.route("**/*", guard)
    context.route_web_socket(lambda url: not _is_local(url), guard_socket)
    page = context.new_page()
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
    page.blocked_requests = blocked  # type: ignore[attr-defined]
    page.console_errors = errors  # type: ignore[attr-defined]
    if path is not None:
        page.goto(path)
        wait_ready(page)
    return page


def assert_offline(page: Page) -> None:
    """Fail listing any request the page tried to make to a host other than loopback."""
    blocked: list[str] = getattr(page, "blocked_requests", [])
    assert not blocked, "external requests attempted:\n" + "\n".join(blocked)


def wait_ready(page: Page, timeout_ms: float = 30_000, settle_ms: int = 300) -> None:
    """Wait until the app's script has run and stayed finished for `settle_ms`.

    The marker is "initial" until the first run, so a fresh load can't pass early; after a
    click the old "notRunning" may still show before the rerun starts, hence the recheck.
    """
    page.wait_for_selector(READY_SELECTOR, timeout=timeout_ms)
    page.wait_for_timeout(settle_ms)
    page.wait_for_selector(READY_SELECTOR, timeout=timeout_ms)


def _safe_name(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("_")[:150] or "shot"


def shot(page: Page, name: str, *, full_page: bool = False) -> Path:
    """Save a PNG of the page as test-artifacts/<name>.png and return its path."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{_safe_name(name)}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


_PAGES = pytest.StashKey[list["Page"]]()


@pytest.fixture
def new_page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Callable[..., Page]]:
    """offline_page() bound to the session browser; screenshotted on failure, closed after."""
    pages: list[Page] = []
    request.node.stash[_PAGES] = pages

    def make(
        base_url: str, viewport: tuple[int, int] | Mapping[str, int] = (1280, 800), **kwargs: Any
    ) -> Page:
        page = offline_page(browser, base_url, viewport, **kwargs)
        pages.append(page)
        return page

    yield make
    for page in pages:
        with contextlib.suppress(Exception):  # a crashed page must not hide the real failure
            page.context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if not report.failed:
        return report
    # Servers this test touched: those passed in directly, or every one the factory started.
    # Servers among the test's fixtures (at any depth); every server of the pool only when the
    # test called the factory itself (funcargs always holds the pool behind online_server).
    funcargs = getattr(item, "funcargs", {})
    servers = [v for v in funcargs.values() if isinstance(v, HallServer)]
    pool = funcargs.get("hall_server")
    asked = inspect.signature(item.function).parameters if isinstance(item, pytest.Function) else {}
    if "hall_server" in asked and isinstance(pool, ServerPool):
        servers += [s for s in pool.started if s not in servers]
    for server in servers:
        state = "running" if server.alive() else f"exited {server.process.returncode}"
        report.sections.append(
            (
                f"hall server log: {server.name} {server.url} ({state}), last "
                f"{LOG_TAIL_LINES} lines of {server.log_path}",
                server.log(LOG_TAIL_LINES),
            )
        )
    # Pages are still open here (fixture teardown comes later): keep what they showed.
    for index, page in enumerate(item.stash.get(_PAGES, [])):
        with contextlib.suppress(Exception):
            path = shot(page, f"failed-{item.nodeid}-{report.when}-{index}")
            report.sections.append(("screenshot", str(path)))
    return report
