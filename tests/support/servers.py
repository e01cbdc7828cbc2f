"""The hall's processes on this machine for tests, benchmarks and the scale demo: replicas, nginx, RSS, CPU.

A replica is one `streamlit run hall_app.py` on a loopback port; nginx runs in the foreground
with the production configuration rendered from deploy/nginx.conf (`deploy.cluster`).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from deploy.cluster import render_nginx_conf
from tests.support.ports import free_port

REPO = Path(__file__).resolve().parents[2]
HEALTH_TIMEOUT_S = 90.0  # a cold replica builds the catalogue and search index on its first run
STOP_TIMEOUT_S = 10.0
LOG_TAIL_LINES = 80

# No proxy for loopback: a CI runner's HTTP_PROXY must not swallow the health checks.
_LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def python() -> str:
    venv = REPO / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def find_nginx() -> Path | None:
    """Debian's nginx binary (it lives in /usr/sbin, often not on a user's PATH), or None."""
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    return Path(found) if found else None


def _tail(path: Path, lines: int = LOG_TAIL_LINES) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return f"(no log at {path})"
    return "\n".join(text.splitlines()[-lines:])


@dataclass
class Process:
    """A child process in its own process group, with its log file."""

    name: str
    url: str
    log_path: Path
    process: subprocess.Popen[bytes] = field(repr=False)

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def log(self, lines: int = LOG_TAIL_LINES) -> str:
        return _tail(self.log_path, lines)

    def stop(self) -> None:
        """SIGTERM the process group; SIGKILL it if it is still there after STOP_TIMEOUT_S."""
        if not self.alive():
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=STOP_TIMEOUT_S)


@dataclass
class Replica(Process):
    """One `streamlit run hall_app.py` on a loopback port."""

    port: int = 0
    data_dir: Path = field(default_factory=Path)


@dataclass
class Nginx(Process):
    """nginx in the foreground with its own prefix, configuration, temp and log folders."""

    port: int = 0
    root: Path = field(default_factory=Path)


def wait_healthy(proc: Process, path: str = "/_stcore/health", timeout: float = HEALTH_TIMEOUT_S) -> None:
    """Poll `path` until it answers 200.

    Raises:
        RuntimeError: the process exited or stayed unhealthy; the message carries its log.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not proc.alive():
            raise RuntimeError(
                f"{proc.name} exited with {proc.process.returncode} before it was healthy; log:\n{proc.log()}"
            )
        with (
            contextlib.suppress(urllib.error.URLError, OSError),
            _LOCAL.open(proc.url + path, timeout=2) as r,
        ):
            if r.status == 200:
                return
        time.sleep(0.2)
    proc.stop()
    raise RuntimeError(
        f"{proc.name} not healthy after {timeout:.0f} s at {proc.url}{path}; log:\n{proc.log()}"
    )


def start_replica(
    data_dir: Path,
    log_dir: Path,
    *,
    name: str = "replica",
    port: int = 0,
    env: Mapping[str, str] | None = None,
    cookie_secret: str = "",
    wait: bool = True,
    entrypoint: str = "hall_app.py",
) -> Replica:
    """Start one hall replica on 127.0.0.1 and (by default) wait until it is healthy.

    `entrypoint` runs another script with the hall's config (the load generator's baseline).

    Replicas behind one nginx must share `cookie_secret` (Streamlit signs its cookies with it).
    `env` adds to the environment: HALL_DATABASE_URL, HALL_MAX_SESSIONS, HALL_MODE …

    Raises:
        RuntimeError: the replica did not become healthy; the message carries its log.
    """
    port = port or free_port()
    data_dir.mkdir(parents=True, exist_ok=True)
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / f"{name}-{port}.log"
    command = [
        python(),
        "-m",
        "streamlit",
        "run",
        entrypoint,
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
    ]
    child_env = {
        **os.environ,
        "HALL_DATA": str(data_dir),
        "PYTHONUNBUFFERED": "1",
        # Streamlit refuses the secret on the command line (it would show in `ps`).
        "STREAMLIT_SERVER_COOKIE_SECRET": cookie_secret or secrets.token_hex(16),
        **(env or {}),
    }
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command,
            cwd=REPO,  # .streamlit/config.toml and static/ are found relative to the repo root
            env=child_env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so stop() ends all of it
        )
    replica = Replica(name, f"http://127.0.0.1:{port}", log_path, process, port=port, data_dir=data_dir)
    if wait:
        wait_healthy(replica)
    return replica


# ---------------------------------------------------------------- nginx


def start_nginx(
    replica_ports: Sequence[int],
    root: Path,
    *,
    port: int = 0,
    max_conns: int = 0,
    binary: Path | None = None,
    light_dir: Path | None = None,
) -> Nginx:
    """nginx on 127.0.0.1 in front of local replicas, as a foreground child (`daemon off`).

    Raises:
        FileNotFoundError: no nginx binary.
        RuntimeError: nginx rejected the configuration or did not come up; with its log.
    """
    binary = binary or find_nginx()
    if binary is None:
        raise FileNotFoundError("nginx not found: apt-get install nginx")
    port = port or free_port()
    for sub in ("logs", "tmp", "conf"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    # Started as root, the workers run as www-data and must reach their temp folders.
    root.chmod(0o755)
    conf = root / "conf" / "nginx.conf"
    conf.write_text(
        render_nginx_conf(
            [f"127.0.0.1:{p}" for p in replica_ports],
            listen=f"127.0.0.1:{port}",
            root=root,
            max_conns=max_conns,
            upstream_header=True,
            **({"light_dir": light_dir} if light_dir is not None else {}),
            user=_worker_user(),
        ),
        encoding="utf-8",
    )
    base = [str(binary), "-p", str(root), "-c", str(conf), "-e", str(root / "logs" / "error.log")]
    check = subprocess.run([*base, "-t"], capture_output=True, text=True, timeout=30)
    if check.returncode != 0:
        raise RuntimeError(f"nginx -t rejected {conf}:\n{check.stdout}{check.stderr}")
    log_path = root / "logs" / "stderr.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [*base, "-g", "daemon off;"],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    nginx = Nginx("nginx", f"http://127.0.0.1:{port}", log_path, process, port=port, root=root)
    try:
        wait_healthy(nginx, timeout=30)
    except RuntimeError as exc:
        raise RuntimeError(f"{exc}\nerror.log:\n{_tail(root / 'logs' / 'error.log')}") from None
    return nginx


def _worker_user() -> str:
    for name in ("www-data", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    return "nobody"


# ---------------------------------------------------------------- a process's memory and CPU


def read_rss_mb(pid: int) -> float:
    """Resident memory of one process in MiB (0 if it is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii", errors="replace")
    except OSError:
        return 0.0
    match = re.search(r"^VmRSS:\s+(\d+)\s+kB", status, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else 0.0


def read_cpu_s(pid: int) -> float:
    """CPU time (user + system) a process has used so far, in seconds (0 if it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
