"""A Streamlit client speaking the app's own websocket protocol: a page load, then script runs.

BackMsg out, ForwardMsg in, the protobufs of the installed streamlit; widgets are used as the
browser uses them (a widget inside an st.fragment reruns only its fragment). The load
generator, the scale demo and the cross-replica tests drive the hall with it.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import WebSocketException

from tests.support.streamlit_screen import Link, LoadError, Screen, Widget

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
STEP_TIMEOUT_S = 30.0  # one script run; beyond this the step is an error
CONNECT_TIMEOUT_S = 15.0
HTTP_TIMEOUT_S = 10.0
MAX_MESSAGES_PER_RUN = 20_000  # a runaway page must not keep a visitor reading forever
_FINISHED = ForwardMsg.ScriptFinishedStatus


def check_loopback(url: str) -> str:
    """The URL without a trailing slash, if it points at this machine.

    Raises:
        ValueError: the host is not loopback, or the scheme is not http.
    """
    parts = urlsplit(url)
    if parts.scheme != "http" or parts.hostname not in LOOPBACK:
        raise ValueError(f"the load generator only talks to http on loopback, not {url!r}")
    return url.rstrip("/")


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

    def __init__(
        self,
        url: str,
        *,
        step_timeout: float = STEP_TIMEOUT_S,
        cookie: str = "",
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.url = check_loopback(url)
        self.step_timeout = step_timeout
        self.cookie = cookie
        self.headers = dict(headers or {})  # sent with the websocket's opening, e.g. X-Real-IP
        self.session_id = ""  # the server's id for this session, from its first run
        self.upstream = ""  # the replica nginx chose (X-Hall-Upstream), when behind the demo's nginx
        self.pages: dict[str, str] = {}  # url path -> page script hash, from the navigation message
        self.page = ""  # current url path
        self.query_string = ""
        self.page_hash = ""
        self.screen = Screen()
        self.timers: dict[str, float] = {}  # fragment id -> seconds, from auto_rerun messages
        self._ws: ClientConnection | None = None

    async def connect(self, *, resume: bool = False) -> None:
        """Load the page (HTTP) and open the websocket; with `resume`, claim the session this
        client had, as the browser does when it reconnects after the connection dropped.

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
        # Streamlit reads the subprotocol list as: the protocol, an XSRF token, the session to resume.
        claim = ["PLACEHOLDER_AUTH_TOKEN", self.session_id] if resume and self.session_id else []
        headers = {**self.headers, **({"Cookie": self.cookie} if self.cookie else {})}
        try:
            self._ws = await connect(
                ws_url,
                subprotocols=["streamlit", *claim],  # type: ignore[list-item]
                additional_headers=headers or None,
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

    async def closed_by_server(self, timeout: float) -> bool:
        """Whether the server closes this session's connection within `timeout` seconds."""
        if self._ws is None:
            return True
        try:
            await asyncio.wait_for(self._ws.wait_closed(), timeout)
        except TimeoutError:
            return False
        return True

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

    async def stay(self, seconds: float) -> int:
        """Leave the page open for `seconds`, its timer fragments running as in a browser (the
        shortest one); the number of timer runs.

        Raises:
            LoadError: a run failed or showed an error.
        """
        deadline = time.monotonic() + seconds
        runs = 0
        for _ in range(100_000):  # bounded; the deadline ends it first
            remaining = deadline - time.monotonic()
            if not self.timers or remaining <= 0:
                break
            fragment_id, every = min(self.timers.items(), key=lambda item: item[1])
            if every > remaining:
                break
            await asyncio.sleep(every)
            await self._send_and_receive(self._backmsg((), fragment_id=fragment_id), self.step_timeout)
            runs += 1
        await asyncio.sleep(max(0.0, deadline - time.monotonic()))
        return runs

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
                self.session_id = fwd.new_session.initialize.session_id or self.session_id
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
                    screen.add_element(delta.new_element, delta.fragment_id)
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
