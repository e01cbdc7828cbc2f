"""Who is asking, as far as limits need to know: a keyed digest of the visitor's address, never
the address itself (the hall keeps no IP addresses)."""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import secrets
from pathlib import Path

import streamlit as st
from streamlit import config

from hall.ui.data import settings

SECRET_FILE = "client-key.secret"


def client_address() -> str:
    """The visitor's network address as the hall sees it.

    Behind the nginx of deploy/ (HALL_BEHIND_PROXY=1) it is the X-Real-IP header nginx sets
    (nginx overwrites whatever a visitor sends in it); otherwise the connection's own, and
    "local" on loopback, where Streamlit gives none.
    """
    if settings().behind_proxy:
        forwarded = st.context.headers.get("X-Real-Ip", "")
        if isinstance(forwarded, str) and forwarded.strip():
            return forwarded.strip()
    # Only a string counts: AppTest's context answers with a stand-in object, not None.
    address = st.context.ip_address
    return address if isinstance(address, str) and address else "local"


def client_key() -> str:
    """A short digest of the visitor's address, keyed by a secret of this installation: limits
    count by it, and it cannot be turned back into the address."""
    return hmac.new(_secret(settings().data_dir), client_address().encode(), hashlib.sha256).hexdigest()[:16]


@functools.cache
def _secret(data_dir: Path) -> bytes:
    """The installation's key. Replicas share STREAMLIT_SERVER_COOKIE_SECRET (README, Scaling
    out), so they count a visitor alike; a single hall without it keeps a key in its data folder."""
    if config.is_manually_set("server.cookieSecret"):
        return hashlib.sha256(
            b"client-key|" + str(config.get_option("server.cookieSecret")).encode()
        ).digest()
    path = data_dir / SECRET_FILE
    for _ in range(2):
        try:
            return bytes.fromhex(path.read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            pass
        data_dir.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first: read theirs
            continue
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(secrets.token_hex(32))
    return bytes.fromhex(path.read_text(encoding="ascii").strip())
