"""Real Chromium for browser tests and benchmarks: Debian's binary, its flags, a hall server per mode."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from tests.support.servers import Replica, start_replica

if TYPE_CHECKING:  # playwright may be missing: callers skip (or fail under CI) before launching
    from playwright.sync_api import Browser, Playwright

# Debian's package by default; HALL_CHROMIUM points elsewhere (another distro, a laptop).
CHROMIUM = Path(os.environ.get("HALL_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    # Chromium's own background traffic would show up as "external requests" in offline tests.
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
# The app's script has run and finished: Streamlit marks its root element so.
READY_SELECTOR = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def launch_chromium(playwright: Playwright) -> Browser:
    """Debian's Chromium, headless; never Playwright's downloaded browsers."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def _entrypoint() -> str:
    # HALL_ENTRYPOINT lets the harness itself be tried on a throwaway script.
    return os.environ.get("HALL_ENTRYPOINT", "hall_app.py")


def start_server(mode: str, data_dir: Path, log_dir: Path, env: Mapping[str, str] | None = None) -> Replica:
    """Start `streamlit run` for the hall in `mode` on a free port and wait until healthy.

    Raises:
        RuntimeError: the server did not become healthy; the message carries its log.
    """
    return start_replica(
        data_dir,
        log_dir,
        name=f"server-{mode}",
        env={"HALL_MODE": mode, **(env or {})},
        entrypoint=_entrypoint(),
    )
