"""Load generator: simulated visitors speaking Streamlit's own websocket protocol, with latency and memory.

Each visitor is a real session on /_stcore/stream (BackMsg out, ForwardMsg in, the protobufs of
the installed streamlit) that follows a visit — open the welcome hall, open an era, page
through its cards, search, open a person, salute them, leave — with think time between steps,
then a new visitor takes its place. Reported: per-step latency (median, p95, p99), errors, busy
pages, and the server's memory (RSS) and active sessions as sessions grow.

    .venv/bin/python benchmarks/load.py --serve --visitors 10,50,100,200 --duration 60
    .venv/bin/python benchmarks/load.py --url http://127.0.0.1:8501 --pid 1234 --visitors 50
    .venv/bin/python benchmarks/load.py --serve --idle 200          # memory per idle session

--serve starts a fresh `streamlit run` per level (its own data folder, so the SQLite store is a
throwaway one) and stops it afterwards. Loopback only; visitors, duration and every wait are
bounded. A step's latency is the time from sending the BackMsg to the script_finished
ForwardMsg, i.e. what the visitor waits for after a click (the first step includes opening
the websocket).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import random
import re
import signal
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from streamlit.proto.WidgetStates_pb2 import WidgetState  # noqa: E402
from websockets.asyncio.client import ClientConnection, connect  # noqa: E402
from websockets.exceptions import WebSocketException  # noqa: E402

from deploy.cluster import read_cpu_s, read_rss_mb, start_replica  # noqa: E402
from hall.ui.capacity import BUSY_KEY  # noqa: E402  (the busy page's container)

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
MAX_VISITORS = 2000
MAX_DURATION_S = 1800.0
STEP_TIMEOUT_S = 30.0  # one script run; beyond this the step is an error
CONNECT_TIMEOUT_S = 15.0
HTTP_TIMEOUT_S = 10.0
MAX_MESSAGES_PER_RUN = 20_000  # a runaway page must not keep a visitor reading forever
MAX_PAGES_PER_VISIT = 3
STEPS = ("home", "era", "page", "search_room", "search", "honoree", "like", "leave", "busy")
ERAS = ("revolution", "reform", "new-era")
# What visitors type: surnames, pinyin, initials, old place names, trades, a slip of the key.
QUERIES = ("王", "陈", "wang", "zhang", "dws", "柯桥", "绍兴县", "纺织", "黄酒", "劳模", "jianguo", "wnag")
_FINISHED = ForwardMsg.ScriptFinishedStatus
_SESSIONS_LINE = re.compile(r"^active_sessions\s+(\d+)", re.MULTILINE)


class LoadError(RuntimeError):
    """A step failed: the server said so, timed out, or the page lacked what the visit needed."""


class _TimeUp(Exception):
    """The run's deadline came during a visit: the visitor leaves (not an error)."""


def check_loopback(url: str) -> str:
    """The URL without a trailing slash, if it points at this machine.

    Raises:
        ValueError: the host is not loopback, or the scheme is not http.
    """
    parts = urlsplit(url)
    if parts.scheme != "http" or parts.hostname not in LOOPBACK:
        raise ValueError(f"the load generator only talks to http on loopback, not {url!r}")
    return url.rstrip("/")


# ---------------------------------------------------------------- one page as the server sent it


@dataclass(frozen=True, slots=True)
class Widget:
    kind: str  # the element type: button, text_input, …
    id: str  # the server's widget id; a keyed widget's id ends with "-<key>"
    label: str
    disabled: bool = False
    form_id: str = ""
    fragment_id: str = ""  # set when the widget lives in an st.fragment: a click reruns only that

    def has_key(self, key: str) -> bool:
        return self.id.endswith(f"-{key}")


@dataclass(frozen=True, slots=True)
class Link:
    page: str  # url path
    page_hash: str
    query: str
    label: str


@dataclass
class Screen:
    """What one script run sent: widgets, links, texts, and whether it was an error or busy."""

    seconds: float = 0.0
    widgets: list[Widget] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    block_ids: list[str] = field(default_factory=list)
    metrics: dict[str, str] = field(default_factory=dict)  # st.metric label -> value
    tables: list[bytes] = field(default_factory=list)  # Arrow IPC of each dataframe / data editor
    errors: list[str] = field(default_factory=list)
    query_string: str = ""
    page_hash: str = ""

    @property
    def busy(self) -> bool:
        return any(b.endswith(f"-{BUSY_KEY}") for b in self.block_ids)

    def widget(self, key: str) -> Widget:
        """The widget with this user key (or, for a key like "_next", ending so).

        Raises:
            LoadError: no such widget on the page.
        """
        for w in self.widgets:
            if w.has_key(key) or (key.startswith("_") and w.id.endswith(key)):
                return w
        raise LoadError(f"no widget with key {key!r} on the page")

    def find(self, key: str) -> Widget | None:
        try:
            return self.widget(key)
        except LoadError:
            return None

    def has_text(self, needle: str) -> bool:
        return any(needle in text for text in self.texts)


def _element_screen(screen: Screen, element: Any, fragment_id: str = "") -> None:
    kind = element.WhichOneof("type")
    if kind is None:
        return
    body = getattr(element, kind)
    fields = body.DESCRIPTOR.fields_by_name
    if kind == "exception":
        screen.errors.append(f"exception: {body.type}: {body.message}"[:300])
        return
    if kind == "alert" and body.format == body.ERROR:
        screen.errors.append(f"error box: {body.body}"[:300])
    if kind == "page_link":
        screen.links.append(Link(body.page, body.page_script_hash, body.query_string, body.label))
    elif kind == "metric":
        screen.metrics[body.label] = body.body
    if kind == "dataframe" and body.arrow_data.data:
        screen.tables.append(body.arrow_data.data)
    if "id" in fields and body.id:  # a widget (a data editor is a dataframe with an id)
        disabled = bool(getattr(body, "disabled", False))
        form_id = str(getattr(body, "form_id", "") or "")
        label = str(getattr(body, "label", ""))
        screen.widgets.append(Widget(kind, body.id, label, disabled, form_id, fragment_id))
    for name in ("body", "label"):
        if name in fields:
            value = getattr(body, name)
            if isinstance(value, str) and value:
                screen.texts.append(value)


# ---------------------------------------------------------------- a session over the websocket


async def http_get(
    url: str, path: str, *, cookie: str = "", timeout: float = HTTP_TIMEOUT_S
) -> tuple[int, dict[str, str], bytes]:
    """A minimal HTTP/1.0 GET on loopback: (status, headers lower-cased, body)."""
    parts = urlsplit(check_loopback(url))
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    request = f"GET {path} HTTP/1.0\r\nHost: {parts.netloc}\r\nUser-Agent: hall-load\r\n"
    if cookie:
        request += f"Cookie: {cookie}\r\n"
    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
    try:
        writer.write((request + "\r\n").encode("latin-1"))
        await writer.drain()
        raw = b""
        for _ in range(4096):  # to the end of the response (HTTP/1.0), at most 4096 chunks
            chunk = await asyncio.wait_for(reader.read(65536), timeout)
            if not chunk:
                break
            raw += chunk
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    first = lines[0].split() if lines else []
    status = int(first[1]) if len(first) > 1 and first[1].isdigit() else 0
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        key = name.strip().lower()
        # Several Set-Cookie headers: keep them all, joined as a Cookie header would be.
        headers[key] = f"{headers[key]}; {value.strip()}" if key in headers else value.strip()
    return status, headers, body


class Session:
    """One visitor's Streamlit session: the page load, then script runs over the websocket.

    `url` is the hall (a replica, or nginx in front of replicas). Like a browser it first
    loads the page over HTTP (which gives nginx's sticky-route cookie), then opens the
    websocket with that cookie.
    """

    def __init__(self, url: str, *, step_timeout: float = STEP_TIMEOUT_S, cookie: str = "") -> None:
        self.url = check_loopback(url)
        self.step_timeout = step_timeout
        self.cookie = cookie
        self.upstream = ""  # the replica nginx chose (X-Hall-Upstream), when behind the demo's nginx
        self.pages: dict[str, str] = {}  # url path -> page script hash, from the navigation message
        self.page = ""  # current url path
        self.query_string = ""
        self.page_hash = ""
        self.screen = Screen()
        self.timers: dict[str, float] = {}  # fragment id -> seconds, from auto_rerun messages
        self._ws: ClientConnection | None = None

    async def connect(self) -> None:
        """Load the page (HTTP) and open the websocket.

        Raises:
            LoadError: the page or the websocket could not be opened in time.
        """
        try:
            status, headers, _ = await http_get(self.url, "/", cookie=self.cookie)
        except (OSError, TimeoutError) as exc:
            raise LoadError(f"page load failed: {exc!r}") from None
        if status != 200:
            raise LoadError(f"page load answered {status}")
        self.upstream = headers.get("x-hall-upstream", "")
        route = re.search(r"hall_route=([^;]+)", headers.get("set-cookie", ""))
        if route and not self.cookie:
            self.cookie = f"hall_route={route.group(1)}"
        ws_url = "ws" + self.url[4:] + "/_stcore/stream"
        try:
            self._ws = await connect(
                ws_url,
                subprotocols=["streamlit"],  # type: ignore[list-item]
                additional_headers={"Cookie": self.cookie} if self.cookie else None,
                open_timeout=CONNECT_TIMEOUT_S,
                max_size=64 * 1024 * 1024,
                ping_interval=None,  # a browser sends no pings of its own (it answers the server's)
                user_agent_header="hall-load",
            )
        except (OSError, TimeoutError, WebSocketException) as exc:
            raise LoadError(f"websocket failed: {exc!r}") from None

    async def close(self) -> None:
        if self._ws is not None:
            with contextlib.suppress(OSError, WebSocketException, TimeoutError):
                await asyncio.wait_for(self._ws.close(), 5)
            self._ws = None

    async def __aenter__(self) -> Session:
        await self.connect()
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.close()

    # -- what a visitor does

    async def open(self, page: str = "", query: str = "") -> Screen:
        """Go to a room by its url path ("" is the welcome hall), as a link or a typed URL does."""
        return await self._rerun(page=page, query=query, states=())

    async def follow(self, link: Link) -> Screen:
        """Click an st.page_link."""
        return await self._rerun(page=link.page, query=link.query, states=(), page_hash=link.page_hash)

    async def click(self, key: str) -> Screen:
        """Click the button with this key on the current page.

        Raises:
            LoadError: no such button, or it is disabled.
        """
        w = self.screen.widget(key)
        if w.disabled:
            raise LoadError(f"button {key!r} is disabled")
        return await self._use(w, [WidgetState(id=w.id, trigger_value=True)])

    async def type(self, key: str, text: str) -> Screen:
        """Type into a text input and press Enter."""
        w = self.screen.widget(key)
        return await self._use(w, [WidgetState(id=w.id, string_value=text)])

    async def set(self, key: str, **value: Any) -> Screen:
        """Set any widget by key with a WidgetState field, e.g. set("queue", string_value="{…}")."""
        w = self.screen.widget(key)
        return await self._use(w, [WidgetState(id=w.id, **value)])

    async def wait(self, timeout: float) -> Screen:
        """Stay on the page without touching it until the server runs the whole page again
        (e.g. a timer fragment calling st.rerun), running the page's timer fragments as a
        browser does: Streamlit's `run_every` is a timer in the browser, not on the server.

        Raises:
            LoadError: no full run within `timeout` seconds, or the run showed an error.
        """
        deadline = time.monotonic() + timeout
        started = time.perf_counter()
        for _ in range(10_000):  # bounded; the deadline ends it first
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            if not self.timers:  # nothing runs unless the server starts it
                screen, _ = await self._receive(remaining, fragments=False)
                screen.seconds = time.perf_counter() - started
                return screen
            fragment_id, every = min(self.timers.items(), key=lambda item: item[1])
            await asyncio.sleep(min(every, remaining))
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            screen, full = await self._send_and_receive(self._backmsg((), fragment_id=fragment_id), remaining)
            if full:
                screen.seconds = time.perf_counter() - started
                return screen
        raise LoadError(f"no full run within {timeout:.0f} s")

    async def submit(self, form: str, values: Mapping[str, str]) -> Screen:
        """Fill a form's text fields (by key) and press its submit button."""
        states = [WidgetState(id=self.screen.widget(k).id, string_value=v) for k, v in values.items()]
        button = next(
            (w for w in self.screen.widgets if w.kind == "button" and "FormSubmitter:" + form in w.id), None
        )
        if button is None:
            raise LoadError(f"no submit button for form {form!r}")
        states.append(WidgetState(id=button.id, trigger_value=True))
        return await self._use(button, states)

    # -- the protocol

    def _backmsg(
        self, states: Iterable[WidgetState], *, fragment_id: str = "", timer: bool = True
    ) -> BackMsg:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = self.page_hash
        state.page_name = self.page if not self.page_hash else ""
        state.widget_states.widgets.extend(states)
        if fragment_id:
            state.fragment_id = fragment_id
            state.is_auto_rerun = timer
        state.context_info.timezone = "Asia/Shanghai"
        state.context_info.timezone_offset = -480
        state.context_info.locale = "zh-CN"
        query = f"?{self.query_string}" if self.query_string else ""
        state.context_info.url = f"{self.url}/{self.page}{query}"
        return msg

    async def _rerun(
        self,
        *,
        page: str | None = None,
        query: str | None = None,
        states: Iterable[WidgetState],
        page_hash: str = "",
    ) -> Screen:
        if page is not None:  # a navigation: the new page, its query string, no widgets
            self.page = page
            self.query_string = query or ""
            self.page_hash = page_hash or self.pages.get(page, "")
        # A full run registers its timer fragments afresh, as the browser forgets the old ones.
        self.timers.clear()
        started = time.perf_counter()
        screen, _ = await self._send_and_receive(self._backmsg(states), self.step_timeout, fragments=False)
        screen.seconds = time.perf_counter() - started
        return screen

    async def _use(self, widget: Widget, states: Sequence[WidgetState]) -> Screen:
        """Send what using `widget` sends: a fragment's own run if it lives in one, else the page's."""
        if widget.fragment_id:
            return await self._fragment_rerun(widget.fragment_id, states)
        return await self._rerun(states=states)

    async def _fragment_rerun(self, fragment_id: str, states: Iterable[WidgetState]) -> Screen:
        """A widget used inside an st.fragment, as the browser sends it: only the fragment runs,
        and its new elements take the place of its old ones on the screen."""
        started = time.perf_counter()
        msg = self._backmsg(states, fragment_id=fragment_id, timer=False)
        screen, full = await self._send_and_receive(msg, self.step_timeout)
        screen.seconds = time.perf_counter() - started
        if not full:
            kept = [w for w in self.screen.widgets if w.fragment_id != fragment_id]
            self.screen.widgets = kept + screen.widgets
        return screen

    async def _send_and_receive(
        self, msg: BackMsg, timeout: float, *, fragments: bool = True
    ) -> tuple[Screen, bool]:
        if self._ws is None:
            raise LoadError("not connected")
        try:
            await self._ws.send(msg.SerializeToString())
        except (OSError, WebSocketException) as exc:
            raise LoadError(f"connection lost: {exc!r}") from None
        return await self._receive(timeout, fragments=fragments)

    async def _receive(self, timeout: float, *, fragments: bool) -> tuple[Screen, bool]:
        """The next finished run: (its screen, whether it was a full run). A fragment's run
        ends it only when `fragments`; a full run's screen becomes `self.screen`.

        Raises:
            LoadError: nothing finished within `timeout`, the connection dropped, or the
                page showed an error.
        """
        if self._ws is None:
            raise LoadError("not connected")
        try:
            screen, full = await asyncio.wait_for(self._read_run(fragments), timeout)
        except TimeoutError:
            raise LoadError(f"no script_finished within {timeout:.0f} s") from None
        except (OSError, WebSocketException) as exc:
            raise LoadError(f"connection lost: {exc!r}") from None
        if full:
            self.screen = screen
        if screen.errors:
            raise LoadError("; ".join(screen.errors))
        return screen, full

    async def _read_run(self, fragments: bool) -> tuple[Screen, bool]:
        assert self._ws is not None
        screen = Screen()
        for _ in range(MAX_MESSAGES_PER_RUN):
            raw = await self._ws.recv(decode=False)
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if kind == "new_session":
                screen = Screen()  # a rerun (st.rerun, switch_page) starts the page over
            elif kind == "navigation":
                nav = fwd.navigation
                self.pages = {p.url_pathname: p.page_script_hash for p in nav.app_pages}
                self.page_hash = nav.page_script_hash
                self.page = next((p for p, h in self.pages.items() if h == nav.page_script_hash), self.page)
            elif kind == "page_info_changed":
                self.query_string = fwd.page_info_changed.query_string
            elif kind == "page_not_found":
                screen.errors.append(f"page not found: {fwd.page_not_found.page_name!r}")
            elif kind == "auto_rerun":
                self.timers[fwd.auto_rerun.fragment_id] = max(0.5, fwd.auto_rerun.interval)
            elif kind == "stop_auto_rerun":
                for fragment_id in fwd.stop_auto_rerun.fragment_ids:
                    self.timers.pop(fragment_id, None)
            elif kind == "delta":
                delta = fwd.delta
                which = delta.WhichOneof("type")
                if which == "new_element":
                    _element_screen(screen, delta.new_element, delta.fragment_id)
                elif which == "add_block" and delta.add_block.id:
                    screen.block_ids.append(delta.add_block.id)
            elif kind == "script_finished":
                status = fwd.script_finished
                if status == _FINISHED.FINISHED_EARLY_FOR_RERUN:
                    continue  # cut short for a rerun: the page comes next
                if status == _FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY:
                    if fragments:
                        return screen, False
                    screen = Screen()  # a timer fragment's own run, not the page
                    continue
                if status == _FINISHED.FINISHED_WITH_COMPILE_ERROR:
                    screen.errors.append("script compile error")
                screen.query_string, screen.page_hash = self.query_string, self.page_hash
                return screen, True
        raise LoadError(f"more than {MAX_MESSAGES_PER_RUN} messages in one run")


# ---------------------------------------------------------------- the visit and the recorder


@dataclass
class Recorder:
    """Every step's latency and outcome, visits started and completed, busy pages, samples."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter[str] = field(default_factory=Counter)
    error_examples: list[str] = field(default_factory=list)
    visits_started: int = 0
    visits_completed: int = 0
    visits_cut: int = 0  # still under way at the deadline
    busy: int = 0
    samples: list[dict[str, float]] = field(default_factory=list)
    t0: float = field(default_factory=time.monotonic)
    # (seconds since start when the step ended, step, latency): shows whether slow steps bunch up.
    timeline: list[tuple[float, str, float]] = field(default_factory=list)

    def ok(self, step: str, seconds: float) -> None:
        self.latencies[step].append(seconds)
        self.timeline.append((round(time.monotonic() - self.t0, 2), step, round(seconds, 4)))

    def fail(self, step: str, reason: str) -> None:
        self.errors[step] += 1
        if len(self.error_examples) < 20:
            self.error_examples.append(f"{step}: {reason}")


async def visit(
    url: str, rng: random.Random, rec: Recorder, think: tuple[float, float], deadline: float
) -> None:
    """One visitor's walk through the hall; a failed step is recorded and ends the visit."""

    async def pause() -> None:
        # At the deadline the visitor leaves. Rushing the rest of the visit without thinking
        # would end every run with a burst of clicks that no real crowd makes.
        remaining = deadline - time.monotonic()
        delay = rng.uniform(*think)
        if delay >= remaining:
            await asyncio.sleep(max(0.0, remaining))
            raise _TimeUp
        await asyncio.sleep(delay)

    session = Session(url)
    rec.visits_started += 1
    step = "home"
    try:
        started = time.perf_counter()
        await session.connect()
        home = await session.open("")
        if home.busy:  # refused politely: how fast the refusal came is what matters
            rec.busy += 1
            rec.ok("busy", time.perf_counter() - started)
            return
        rec.ok(step, time.perf_counter() - started)  # what the visitor waits for: connect + first page
        seen = [link for link in home.links if link.page == "honoree"]
        await pause()

        step = "era"
        era = await session.open(rng.choice(ERAS))
        rec.ok(step, era.seconds)
        seen += [link for link in era.links if link.page == "honoree"]
        step = "page"
        for _ in range(rng.randint(1, MAX_PAGES_PER_VISIT)):
            await pause()
            nxt = session.screen.find("_next")
            if nxt is None or nxt.disabled:
                break
            page = await session.click("_next")
            rec.ok(step, page.seconds)
            seen += [link for link in page.links if link.page == "honoree"]
        await pause()

        step = "search_room"
        room = await session.open("search")
        rec.ok(step, room.seconds)
        await pause()
        step = "search"
        # A visitor types a name seen on a card, or one of the usual kinds of query.
        names = [link.label.split()[0] for link in seen if link.label]
        query = rng.choice(names) if names and rng.random() < 0.5 else rng.choice(QUERIES)
        found = await session.type("q", query)
        rec.ok(step, found.seconds)
        people = [link for link in found.links if link.page == "honoree"] or seen
        await pause()

        step = "honoree"
        if not people:
            raise LoadError("no honoree link anywhere on the visit")
        person = await session.follow(rng.choice(people))
        rec.ok(step, person.seconds)
        await pause()

        step = "like"
        if person.widget("like").disabled:
            raise LoadError("the salute button is disabled for a new session")
        liked = await session.click("like")
        if not liked.widget("like").disabled:
            raise LoadError("the salute was not counted (button still enabled)")
        rec.ok(step, liked.seconds)
        await pause()

        step = "leave"
        closing = time.perf_counter()
        await session.close()
        rec.ok(step, time.perf_counter() - closing)
        rec.visits_completed += 1
    except LoadError as exc:
        rec.fail(step, str(exc))
    except _TimeUp:
        rec.visits_cut += 1
    finally:
        await session.close()


async def _visitor(url: str, seed: int, rec: Recorder, think: tuple[float, float], deadline: float) -> None:
    rng = random.Random(seed)
    for _ in range(100_000):  # bounded; the deadline ends it long before
        if time.monotonic() >= deadline:
            return
        try:
            await visit(url, rng, rec, think, deadline)
        except Exception as exc:  # a bug here must show in the report, not end a visitor silently
            rec.fail("visit", f"load generator: {exc!r}")
        if time.monotonic() < deadline:  # the next visitor arrives a moment later
            await asyncio.sleep(min(rng.uniform(*think), max(0.0, deadline - time.monotonic())))


async def active_sessions(url: str) -> int | None:
    """The server's active_sessions from /_stcore/metrics (None if it did not answer)."""
    try:
        # Only this family: the full set sizes every cache (the catalogue) on each request.
        status, _, body = await http_get(url, "/_stcore/metrics?families=active_sessions", timeout=5)
    except (OSError, TimeoutError):
        return None
    found = _SESSIONS_LINE.search(body.decode("utf-8", "replace")) if status == 200 else None
    return int(found.group(1)) if found else None


async def _sampler(
    rec: Recorder, pids: Sequence[int], metrics: Sequence[str], every: float, stop: asyncio.Event, t0: float
) -> None:
    for _ in range(int(MAX_DURATION_S * 2 / max(every, 0.1)) + 10):
        counts = [await active_sessions(m) for m in metrics]
        rec.samples.append(
            {
                "t": round(time.monotonic() - t0, 1),
                "rss_mb": round(sum(read_rss_mb(p) for p in pids), 1),
                "sessions": float(sum(c for c in counts if c is not None)),
            }
        )
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), every)
        if stop.is_set():
            return


# ---------------------------------------------------------------- a run and its report


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty sequence."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass
class StepFigures:
    step: str
    count: int
    errors: int
    median_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float


@dataclass
class Report:
    """The figures of one load run, as printed and as written with --json."""

    url: str
    visitors: int
    duration_s: float
    think_s: tuple[float, float]
    steps: list[StepFigures]
    errors: int
    error_examples: list[str]
    busy: int
    visits_started: int
    visits_completed: int
    visits_cut: int
    overall_p95_ms: float
    rss_start_mb: float
    rss_peak_mb: float
    sessions_peak: int
    samples: list[dict[str, float]]
    timeline: list[tuple[float, str, float]]
    loadavg: tuple[str, str]
    cores: int
    generator_cpu_s: float = 0.0  # this process's own CPU: it shares the machine with the server
    server_cpu_s: float = 0.0  # the servers' CPU during the run (all their threads)

    @property
    def server_ms_per_step(self) -> float:
        steps = sum(s.count for s in self.steps if s.step not in ("leave", "busy"))
        return self.server_cpu_s * 1000 / steps if steps else 0.0

    @property
    def steps_by_name(self) -> dict[str, StepFigures]:
        return {s.step: s for s in self.steps}

    def table(self) -> str:
        lines = [
            f"{self.visitors} visitors for {self.duration_s:.0f} s against {self.url} "
            f"(think {self.think_s[0]:g}–{self.think_s[1]:g} s; {self.cores} cores; "
            f"load average before {self.loadavg[0]}, after {self.loadavg[1]})",
            f"{'step':<12}{'count':>7}{'errors':>7}{'median ms':>11}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}",
        ]
        for s in self.steps:
            lines.append(
                f"{s.step:<12}{s.count:>7}{s.errors:>7}{s.median_ms:>11.0f}{s.p95_ms:>9.0f}"
                f"{s.p99_ms:>9.0f}{s.max_ms:>9.0f}"
            )
        lines.append(
            f"all steps p95 {self.overall_p95_ms:.0f} ms; "
            f"visits {self.visits_completed}/{self.visits_started} completed "
            f"({self.visits_cut} under way at the deadline); errors {self.errors}; "
            f"busy pages {self.busy}; server RSS {self.rss_start_mb:.0f} → "
            f"peak {self.rss_peak_mb:.0f} MiB; active sessions peak {self.sessions_peak}"
        )
        share = self.generator_cpu_s / self.duration_s * 100 if self.duration_s else 0.0
        if self.server_cpu_s:
            busy = self.server_cpu_s / self.duration_s * 100
            lines.append(
                f"server CPU: {self.server_cpu_s:.1f} s ({busy:.0f}% of one core), "
                f"{self.server_ms_per_step:.0f} ms per step"
            )
        lines.append(f"load generator's own CPU: {self.generator_cpu_s:.1f} s ({share:.0f}% of one core)")
        lines += [f"  error: {e}" for e in self.error_examples[:5]]
        return "\n".join(lines)


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


async def run_load(
    url: str,
    visitors: int,
    duration: float,
    *,
    think: tuple[float, float] = (2.0, 8.0),
    ramp: float | None = None,
    pids: Sequence[int] = (),
    metrics: Sequence[str] | None = None,
    seed: int = 42,
    sample_every: float = 1.0,
) -> Report:
    """Run `visitors` concurrent visitors for `duration` seconds and report.

    Visitors arrive spread over `ramp` seconds (default a quarter of the duration, at most
    30 s); each walks through a visit, and when it leaves a new one arrives. At the deadline
    visitors stop after their current step. `pids` are the server processes whose RSS is
    summed; `metrics` the base URLs whose active sessions are summed (default: `url`).

    Raises:
        ValueError: a bound is exceeded or the URL is not loopback.
    """
    url = check_loopback(url)
    if not 1 <= visitors <= MAX_VISITORS:
        raise ValueError(f"visitors must be 1..{MAX_VISITORS}")
    if not 0 < duration <= MAX_DURATION_S:
        raise ValueError(f"duration must be in (0, {MAX_DURATION_S:.0f}] s")
    ramp = min(duration / 4, 30.0) if ramp is None else max(0.0, min(ramp, duration))
    rec = Recorder()
    load_before = _loadavg()
    cpu0 = time.process_time()
    server_cpu0 = sum(read_cpu_s(p) for p in pids)
    t0 = time.monotonic()
    deadline = t0 + duration
    stop = asyncio.Event()
    sampler = asyncio.create_task(
        _sampler(rec, pids, [check_loopback(m) for m in (metrics or [url])], sample_every, stop, t0)
    )

    async def arrive(i: int) -> None:
        await asyncio.sleep(ramp * i / visitors)
        await _visitor(url, seed * 100_003 + i, rec, think, deadline)

    tasks = [asyncio.create_task(arrive(i)) for i in range(visitors)]
    # Hard bound: every step has its own timeout, so this is only a safety net.
    _, pending = await asyncio.wait(tasks, timeout=duration + STEP_TIMEOUT_S + CONNECT_TIMEOUT_S + 15)
    for task in pending:
        task.cancel()
        rec.fail("visit", "still running at the hard deadline")
    await asyncio.gather(*pending, return_exceptions=True)
    stop.set()
    await sampler
    report = _report(url, visitors, duration, think, rec, load_before)
    report.generator_cpu_s = time.process_time() - cpu0
    report.server_cpu_s = sum(read_cpu_s(p) for p in pids) - server_cpu0
    return report


def _report(
    url: str, visitors: int, duration: float, think: tuple[float, float], rec: Recorder, load_before: str
) -> Report:
    steps = []
    for name in STEPS:
        values = rec.latencies.get(name, [])
        ms = [v * 1000 for v in values] or [0.0]
        steps.append(
            StepFigures(
                name,
                len(values),
                rec.errors.get(name, 0),
                statistics.median(ms),
                percentile(ms, 95),
                percentile(ms, 99),
                max(ms),
            )
        )
    # The visit's own steps: leaving and the busy page (its own row) are not what p95 is about.
    everything = [
        v * 1000 for name in STEPS if name not in ("leave", "busy") for v in rec.latencies.get(name, [])
    ]
    rss = [s["rss_mb"] for s in rec.samples if s["rss_mb"] > 0]
    return Report(
        url=url,
        visitors=visitors,
        duration_s=duration,
        think_s=think,
        steps=steps,
        errors=sum(rec.errors.values()),
        error_examples=list(rec.error_examples),
        busy=rec.busy,
        visits_started=rec.visits_started,
        visits_completed=rec.visits_completed,
        visits_cut=rec.visits_cut,
        overall_p95_ms=percentile(everything, 95) if everything else 0.0,
        rss_start_mb=rss[0] if rss else 0.0,
        rss_peak_mb=max(rss) if rss else 0.0,
        sessions_peak=int(max((s["sessions"] for s in rec.samples), default=0)),
        samples=rec.samples,
        timeline=rec.timeline,
        loadavg=(load_before, _loadavg()),
        cores=os.cpu_count() or 0,
    )


async def warm_up(url: str) -> None:
    """One visit without think time, so the catalogue, index and first-run imports are done
    before anything is timed.

    Raises:
        LoadError: the warm-up visit failed (the hall is not working: no point measuring).
    """
    rec = Recorder()
    await visit(url, random.Random(0), rec, (0.0, 0.0), time.monotonic() + 120)
    if rec.errors:
        raise LoadError("warm-up visit failed: " + "; ".join(rec.error_examples))


# ---------------------------------------------------------------- idle sessions: memory each


@dataclass
class IdleReport:
    url: str
    points: list[tuple[int, float]]  # (sessions open, RSS MiB)
    mb_per_session: float
    baseline_mb: float
    errors: int
    browse: bool = False

    def table(self) -> str:
        where = "after a visit (era, cards, search, person)" if self.browse else "on the welcome hall"
        lines = [f"idle sessions {where}, {self.url}:", f"{'sessions':>9}{'RSS MiB':>10}"]
        lines += [f"{n:>9}{rss:>10.1f}" for n, rss in self.points]
        lines.append(
            f"memory per additional idle session: {self.mb_per_session:.2f} MiB "
            f"(least-squares slope; baseline {self.baseline_mb:.0f} MiB; errors {self.errors})"
        )
        return "\n".join(lines)


def slope(points: Sequence[tuple[int, float]]) -> float:
    """Least-squares slope of y over x."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den if den else 0.0


async def run_idle(
    url: str, pids: Sequence[int], total: int, batch: int = 25, settle: float = 3.0, browse: bool = False
) -> IdleReport:
    """Open `total` sessions in batches, keep them open, and fit RSS over them.

    Each session opens the welcome hall; with `browse` it first walks through an era, a page
    of cards, a search and a person (no think time), so it holds a visit's session state.

    Raises:
        ValueError: a bound is exceeded or the URL is not loopback.
    """
    url = check_loopback(url)
    if not 1 <= total <= MAX_VISITORS:
        raise ValueError(f"total must be 1..{MAX_VISITORS}")
    sessions: list[Session] = []
    errors = 0
    await asyncio.sleep(settle)
    points = [(0, sum(read_rss_mb(p) for p in pids))]
    try:
        while len(sessions) < total:
            group = [Session(url) for _ in range(min(batch, total - len(sessions)))]

            async def open_one(s: Session) -> bool:
                try:
                    await s.connect()
                    await s.open("")
                    if browse:
                        await s.open("reform")
                        await s.click("_next")
                        await s.open("search")
                        found = await s.type("q", "王")
                        await s.follow(next(link for link in found.links if link.page == "honoree"))
                    return True
                except (LoadError, StopIteration):
                    return False

            results = await asyncio.gather(*(open_one(s) for s in group))
            errors += results.count(False)
            sessions += group
            await asyncio.sleep(settle)  # let the server finish and free the runs' temporaries
            points.append((len(sessions), sum(read_rss_mb(p) for p in pids)))
    finally:
        await asyncio.gather(*(s.close() for s in sessions))
    return IdleReport(url, points, slope(points), points[0][1], errors, browse)


# ---------------------------------------------------------------- command line


def parse_levels(text: str) -> list[int]:
    """ "10,50,100" -> [10, 50, 100]"""
    return [int(x) for x in text.split(",") if x.strip()]


def parse_think(text: str) -> tuple[float, float]:
    """ "5,15" -> (5.0, 15.0); "5" -> (5.0, 5.0)"""
    low, _, high = text.partition(",")
    return float(low), float(high or low)


BARE_PAGE = "import streamlit as st\n\nst.write('hello')\n"


async def _serve_and(args: argparse.Namespace, job: Any, *, bare: bool = False) -> Any:
    """Start a fresh hall (or, bare, an empty Streamlit page) for one job, then stop it."""
    with tempfile.TemporaryDirectory(prefix="hall-load-") as tmp:
        env = {"HALL_MAX_SESSIONS": str(args.max_sessions)} if args.max_sessions is not None else {}
        entrypoint = "hall_app.py"
        if bare:
            entrypoint = str(Path(tmp) / "bare.py")
            Path(entrypoint).write_text(BARE_PAGE, encoding="utf-8")
        replica = await asyncio.to_thread(
            start_replica, Path(tmp) / "data", Path(tmp) / "logs", name="load", env=env, entrypoint=entrypoint
        )
        try:
            if bare:
                async with Session(replica.url) as first:  # its imports, before anything is measured
                    await first.open("")
            else:
                await warm_up(replica.url)
            return await job(replica.url, [replica.pid])
        finally:
            await asyncio.to_thread(replica.stop)


async def _main(args: argparse.Namespace) -> int:
    think = parse_think(args.think)
    out: dict[str, Any] = {"load": [], "idle": None}
    failed = False
    if args.idle:

        async def idle_job(url: str, pids: list[int]) -> IdleReport:
            return await run_idle(url, pids, args.idle, batch=args.batch, browse=args.idle_browse)

        idle = await (_serve_and(args, idle_job) if args.serve else idle_job(args.url, args.pid))
        print(idle.table(), flush=True)
        out["idle"] = asdict(idle)
        failed |= idle.errors > 0
        if args.serve and args.baseline:

            async def bare_job(url: str, pids: list[int]) -> IdleReport:
                return await run_idle(url, pids, args.idle, batch=args.batch)

            bare = await _serve_and(args, bare_job, bare=True)
            print(
                f"baseline, same run: an empty Streamlit page costs {bare.mb_per_session:.2f} MiB per "
                f"additional idle session (RSS {bare.points[0][1]:.0f} → {bare.points[-1][1]:.0f} MiB "
                f"over {bare.points[-1][0]} sessions)\n",
                flush=True,
            )
            out["idle_baseline"] = asdict(bare)
    levels = parse_levels(args.visitors) if args.visitors else []
    if levels and args.serve and args.baseline and 1 not in levels:
        levels = [1, *levels]  # the baseline: one visitor alone, the same visit with no queueing
    for level in levels:

        async def load_job(url: str, pids: list[int], n: int = level) -> Report:
            return await run_load(
                url,
                n,
                args.duration,
                think=think,
                ramp=args.ramp,
                pids=pids,
                metrics=args.metrics or None,
                seed=args.seed,
            )

        if not args.serve:
            await warm_up(args.url)
        report = await (_serve_and(args, load_job) if args.serve else load_job(args.url, args.pid))
        print(report.table(), "\n", flush=True)
        out["load"].append(asdict(report))
        failed |= report.errors > 0
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8501", help="the hall (loopback only)")
    parser.add_argument("--serve", action="store_true", help="start a fresh hall per level and stop it after")
    parser.add_argument("--pid", type=int, action="append", default=[], help="server pid for RSS (repeat)")
    parser.add_argument(
        "--metrics", action="append", default=[], help="base URL to read active sessions from"
    )
    parser.add_argument("--visitors", default="", help="concurrent visitors, or levels: 10,50,100,200")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds per level")
    parser.add_argument("--ramp", type=float, default=None, help="seconds over which visitors arrive")
    parser.add_argument("--think", default="2,8", help="think time between steps, min,max seconds")
    parser.add_argument("--idle", type=int, default=0, help="open this many idle sessions and fit RSS")
    parser.add_argument("--batch", type=int, default=25, help="idle sessions opened per batch")
    parser.add_argument("--idle-browse", action="store_true", help="idle sessions first walk a visit")
    parser.add_argument("--max-sessions", type=int, default=None, help="HALL_MAX_SESSIONS for --serve")
    parser.add_argument(
        "--no-baseline",
        dest="baseline",
        action="store_false",
        help="with --serve, skip the baselines (one visitor alone; an empty page's idle sessions)",
    )
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--json", default="", help="also write the figures to this file")
    args = parser.parse_args(argv)
    if not args.visitors and not args.idle:
        parser.error("give --visitors and/or --idle")
    check_loopback(args.url)
    # `timeout` and Ctrl-C end the run through the same path, so a --serve hall is stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    return asyncio.run(_main(args))


if __name__ == "__main__":
    raise SystemExit(main())
