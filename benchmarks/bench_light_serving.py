"""One person's light page served by nginx from disk, beside the same person in the live hall
(Streamlit: a page load, a websocket session and a run of the person's page) and the same light
file served by Streamlit's static route — readers a second, bytes and server CPU per reader, in
one run on one machine.

    .venv/bin/python benchmarks/bench_light_serving.py [--seconds 20] [--connections 32] [--sessions 8]

Every reader of the light page is one HTTP request on a kept-alive connection (a returning
reader; the first visit's stylesheet and picture are counted apart). A reader of the live hall
opens the app, its websocket and the person's page, then leaves: what a link pasted in a chat
costs the hall. Loopback only; ports 8810-8819 (the servers) by default.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from hall.config import Settings  # noqa: E402
from hall.pack import load_catalog  # noqa: E402
from hall.publish import MIRROR, Style, publish  # noqa: E402
from hall.publish.urls import address, page_file  # noqa: E402
from tests.support.servers import read_cpu_s, start_nginx, start_replica  # noqa: E402
from tests.support.streamlit_client import LoadError, Session  # noqa: E402


@dataclass
class Result:
    what: str
    readers: int
    seconds: float
    bytes_each: float
    cpu_s: float
    errors: int

    def row(self) -> str:
        rate = self.readers / self.seconds
        cpu_ms = 1000 * self.cpu_s / max(1, self.readers)
        per_core = 1000 / cpu_ms if cpu_ms else float("inf")
        return (
            f"| {self.what} | {self.readers:,} | **{rate:,.0f}** | {self.bytes_each:,.0f} | {cpu_ms:.2f} "
            f"| {per_core:,.0f} | {self.errors} |"
        )


async def _request(reader, writer, host: str, path: str) -> int:
    """One GET on a kept-alive connection; the bytes received (headers and body)."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept-Encoding: gzip\r\n\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    if not head.startswith(b"HTTP/1.1 200"):
        raise LoadError(head.split(b"\r\n")[0].decode())
    size = len(head)
    length = re.search(rb"(?i)content-length: *(\d+)", head)
    if length:
        size += len(await reader.readexactly(int(length.group(1))))
        return size
    while True:  # chunked
        line = await reader.readuntil(b"\r\n")
        chunk = int(line.strip(), 16)
        size += len(line) + len(await reader.readexactly(chunk + 2))
        if chunk == 0:
            return size


async def http_readers(url: str, path: str, seconds: float, connections: int) -> tuple[int, int, int]:
    host_port = url.split("//", 1)[1]
    host, port = host_port.split(":")
    deadline = time.monotonic() + seconds
    done, received, errors = 0, 0, 0

    async def one() -> None:
        nonlocal done, received, errors
        while time.monotonic() < deadline and errors < 100:
            # A server closes a kept-alive connection after so many requests (nginx: 1,000), as
            # a browser's would be: open another, as a browser does.
            reader, writer = await asyncio.open_connection(host, int(port))
            try:
                while time.monotonic() < deadline:
                    size = await _request(reader, writer, host_port, path)
                    received += size  # (not `+= await`: that reads the total before waiting)
                    done += 1
            except asyncio.IncompleteReadError as exc:
                if exc.partial:  # closed in the middle of an answer
                    errors += 1
            except (LoadError, OSError, ValueError):
                errors += 1
            finally:
                writer.close()

    await asyncio.gather(*(one() for _ in range(connections)))
    return done, received, errors


class _Counted:
    """A websocket's recv that counts what it returns."""

    def __init__(self, recv) -> None:
        self.recv, self.received = recv, 0

    async def __call__(self, *args, **kwargs):
        data = await self.recv(*args, **kwargs)
        self.received += len(data)
        return data


async def hall_readers(
    url: str, honoree_id: str, name: str, seconds: float, sessions: int
) -> tuple[int, int, int]:
    deadline = time.monotonic() + seconds
    done, received, errors = 0, 0, 0

    async def one() -> None:
        nonlocal done, received, errors
        while time.monotonic() < deadline:
            session = Session(url)
            try:
                await session.connect()
                counter = _Counted(session._ws.recv)  # the websocket's bytes, as they arrive
                session._ws.recv = counter
                screen = await session.open("honoree", f"id={honoree_id}")
                if screen.errors or not any(name in text for text in screen.texts):
                    raise LoadError(f"not the person's page: {screen.errors}")
                done += 1
                received += counter.received
            except LoadError:
                errors += 1
            finally:
                await session.close()

    await asyncio.gather(*(one() for _ in range(sessions)))
    return done, received, errors


def measure(what: str, pids: list[int], run) -> Result:
    cpu = sum(read_cpu_s(p) for p in pids)
    started = time.perf_counter()
    readers, received, errors = asyncio.run(run())
    seconds = time.perf_counter() - started
    return Result(
        what, readers, seconds, received / max(1, readers), sum(read_cpu_s(p) for p in pids) - cpu, errors
    )


def first_visit_bytes(mirror: Path, honoree_id: str) -> int:
    """Page, stylesheet and picture of a reader's first light page (uncompressed)."""
    page = (mirror / page_file("p", honoree_id)).read_text(encoding="utf-8")
    files = re.findall(r'(?:href|src)="\.\./(_/[^"]+)"', page)
    return len(page.encode()) + sum((mirror / f).stat().st_size for f in set(files))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--connections", type=int, default=32, help="kept-alive HTTP connections")
    parser.add_argument("--sessions", type=int, default=8, help="live-hall readers at once")
    parser.add_argument("--port", type=int, default=8810, help="nginx; the hall on the next port")
    args = parser.parse_args()
    settings = Settings.from_env()
    cat = load_catalog(REPO, data_dir=settings.data_dir)
    person = next(h for h in cat.honorees if h.name == "丁卫松")
    work = Path(tempfile.mkdtemp(prefix="hall-bench-light-"))
    work.chmod(0o755)
    # The same pages twice: for nginx (short addresses) and where Streamlit serves them.
    short = work / "light"
    publish(cat, out=short, data_dir=work / "data", style=Style.SHORT)
    publish(cat, out=MIRROR, data_dir=settings.data_dir, style=Style.STATIC)
    for folder in [short, *(p for p in short.rglob("*") if p.is_dir())]:
        folder.chmod(0o755)
    env = {"HALL_LIMITS": "off", "HALL_MAX_SESSIONS": "0"}
    hall = start_replica(work / "hall-data", work / "logs", port=args.port + 1, env=env)
    nginx = start_nginx([hall.port], work / "nginx", port=args.port, light_dir=short)
    workers = [int(p) for p in Path(f"/proc/{nginx.pid}/task/{nginx.pid}/children").read_text().split()]
    try:
        light = address(page_file("p", person.id), Style.SHORT)
        static = address(page_file("p", person.id), Style.STATIC)
        asyncio.run(
            hall_readers(hall.url, person.id, person.name, 3, 2)
        )  # warm: catalogue, index, first runs
        results = [
            measure(
                "light page, nginx from disk",
                [nginx.pid, *workers],
                lambda: http_readers(nginx.url, light, args.seconds, args.connections),
            ),
            measure(
                "the same file, Streamlit's static route",
                [hall.pid],
                lambda: http_readers(hall.url, static, args.seconds, args.connections),
            ),
            measure(
                "the person in the live hall (Streamlit: page load, websocket, run)",
                [hall.pid],
                lambda: hall_readers(hall.url, person.id, person.name, args.seconds, args.sessions),
            ),
        ]
    finally:
        nginx.stop()
        hall.stop()
    print(
        "| served | readers | readers a second | bytes a reader (gzip) | server CPU ms a reader "
        "| readers a second per core | errors |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for result in results:
        print(result.row())
    print(
        "\n(first light page of a reader, with stylesheet and picture: "
        f"{first_visit_bytes(short, person.id):,} bytes; "
        f"{args.connections} connections, {args.sessions} live sessions at once, {args.seconds:.0f} s each; "
        f"client in this process; cores {os.cpu_count()}, load average {os.getloadavg()[0]:.1f})"
    )


if __name__ == "__main__":
    main()
