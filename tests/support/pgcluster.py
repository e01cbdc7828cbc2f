"""A throwaway PostgreSQL cluster on loopback for tests and benchmarks: initdb, start, stop, delete."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from tests.support.ports import free_port

# The server refuses to run as root, so as root the cluster belongs to this account
# (Debian's postgresql package creates it).
SERVER_ACCOUNT = "postgres"
SUPERUSER = "hall"
START_TIMEOUT_S = 60

# Throwaway data: durability only costs time. The benchmark asks for the defaults instead.
FAST_SETTINGS = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}


class ClusterUnavailable(RuntimeError):
    """The PostgreSQL binaries or the account to run them are missing: the reason says which."""


def find_bindir() -> Path:
    """The folder holding initdb, pg_ctl and postgres.

    Raises:
        ClusterUnavailable: no PostgreSQL server binaries on this machine.
    """
    candidates: list[Path] = []
    if env := os.environ.get("HALL_PG_BINDIR"):
        candidates.append(Path(env))
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, timeout=10)
        if out.returncode == 0 and out.stdout.strip():
            candidates.append(Path(out.stdout.strip()))
    # Debian installs the server beside, not on, PATH: newest major version first.
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True)
    candidates += [Path(p) for p in versions]
    for bindir in candidates:
        if all((bindir / tool).is_file() for tool in ("initdb", "pg_ctl", "postgres")):
            return bindir
    raise ClusterUnavailable(
        "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found: apt-get install postgresql"
    )


def requirements() -> tuple[Path, str | None]:
    """The server binaries' folder and the account to run them as (None: ourselves).

    Raises:
        ClusterUnavailable: no binaries, or running as root with no account to hand the server to.
    """
    bindir = find_bindir()
    if os.geteuid() != 0:
        return bindir, None
    try:
        pwd.getpwnam(SERVER_ACCOUNT)
    except KeyError:
        raise ClusterUnavailable(
            f"running as root and there is no {SERVER_ACCOUNT!r} account to run the server"
        ) from None
    return bindir, SERVER_ACCOUNT


def _version_key(path: str) -> tuple[int, ...]:
    parts = Path(path).parent.name.split(".")
    return tuple(int(p) for p in parts if p.isdigit())


@dataclass
class PgCluster:
    """One cluster in its own temporary folder; `url(db)` gives a SQLAlchemy URL on loopback."""

    bindir: Path
    root: Path
    settings: dict[str, str] = field(default_factory=lambda: dict(FAST_SETTINGS))
    port: int = 0
    _account: str | None = None  # run the server binaries as this account (we are root)

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def log(self) -> Path:
        return self.root / "server.log"

    def url(self, database: str = "hall") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def dsn(self, database: str = "hall") -> str:
        """A plain libpq connection string, for psycopg without SQLAlchemy."""
        return f"host=127.0.0.1 port={self.port} user={SUPERUSER} dbname={database}"

    def _run(self, tool: str, *args: str, timeout: float = START_TIMEOUT_S) -> None:
        cmd = [str(self.bindir / tool), *args]
        if self._account:
            cmd = ["runuser", "-u", self._account, "--", *cmd]
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=self.root)
        if out.returncode != 0:
            raise RuntimeError(
                f"{tool} failed ({out.returncode}):\n{out.stdout}\n{out.stderr}\n{self.tail()}"
            )

    def tail(self, lines: int = 40) -> str:
        try:
            text = self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no server log)"
        return "server log:\n" + "\n".join(text.splitlines()[-lines:])

    def init(self) -> None:
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--no-locale",
            "--no-sync",
        )

    def start(self) -> None:
        """Start on a free loopback port (a new one if the last was taken in the meantime).

        Raises:
            RuntimeError: the server did not come up; the message carries its log.
        """
        last: Exception | None = None
        for _ in range(3):
            self.port = self.port or free_port()
            options = [
                "-c listen_addresses=127.0.0.1",
                f"-c port={self.port}",
                # Only loopback TCP is used; the socket lives in the cluster's own folder.
                f"-c unix_socket_directories={self.root}",
                *(f"-c {k}={v}" for k, v in self.settings.items()),
            ]
            try:
                self._run(
                    "pg_ctl",
                    "-D",
                    str(self.data),
                    "-l",
                    str(self.log),
                    "-w",
                    "-o",
                    " ".join(options),
                    "start",
                )
                return
            except RuntimeError as exc:
                last, self.port = exc, 0
        raise RuntimeError(f"PostgreSQL did not start: {last}")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def _pids(self) -> list[int]:
        """The postmaster and every server process it started (backends, checkpointer …)."""
        postmaster = int((self.data / "postmaster.pid").read_text(encoding="ascii").split()[0])
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, ValueError, IndexError):
                # The command name may hold spaces and brackets: the fields after its ")" are fixed.
                if int(stat.read_text(encoding="ascii").rsplit(")", 1)[1].split()[1]) == postmaster:
                    children.append(int(stat.parent.name))
        return [postmaster, *children]

    @contextlib.contextmanager
    def frozen(self) -> Iterator[None]:
        """The whole server stopped with SIGSTOP, as a hung host would be, then SIGCONT.

        Its processes hold their sockets open and the kernel still acknowledges what the hall
        sends, so only a timeout on the hall's side notices; a stopped (not frozen) server
        refuses at once.
        """
        pids = self._pids()
        for pid in pids:  # the postmaster first: it cannot start a new backend meanwhile
            os.kill(pid, signal.SIGSTOP)
        try:
            yield
        finally:
            for pid in reversed(pids):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGCONT)

    def create_database(self, name: str) -> None:
        with psycopg.connect(self.dsn("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')

    def drop_database(self, name: str) -> None:
        with psycopg.connect(self.dsn("postgres"), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def throwaway_cluster(database: str = "hall", *, durable: bool = False) -> Iterator[PgCluster]:
    """A running cluster with one empty database, stopped and deleted afterwards.

    durable=True keeps PostgreSQL's default fsync settings (for benchmarks).

    Raises:
        ClusterUnavailable: binaries or the server account are missing.
        RuntimeError: initdb or start failed; the message carries the server log.
    """
    bindir, account = requirements()
    # Not under pytest's tmp folder: that one is private to root, and the server account
    # must be able to reach its own data directory.
    root = Path(tempfile.mkdtemp(prefix="hall-pg-"))
    if account:
        pw = pwd.getpwnam(account)
        os.chown(root, pw.pw_uid, pw.pw_gid)
    cluster = PgCluster(bindir=bindir, root=root, settings={} if durable else dict(FAST_SETTINGS))
    cluster._account = account
    try:
        cluster.init()
        cluster.start()
        cluster.create_database(database)
        yield cluster
    finally:
        if cluster.running():
            with contextlib.suppress(Exception):
                cluster.stop("fast")
        if cluster.running():
            with contextlib.suppress(Exception):
                cluster.stop("immediate")
        # Give a killed server a moment to release its files before deleting them.
        for _ in range(20):
            shutil.rmtree(root, ignore_errors=True)
            if not root.exists():
                break
            time.sleep(0.1)
