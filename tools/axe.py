"""Fetch axe-core, the accessibility engine the browser tests run, pinned and checked.

    python -m tools.axe            # writes .venv/axe/axe-<version>.min.js (once)

From the npm registry's tarball, verified against the registry's published sha512 before use:
no npm or node needed on the machine."""

from __future__ import annotations

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

VERSION = "4.14.1"
TARBALL = f"https://registry.npmjs.org/axe-core/-/axe-core-{VERSION}.tgz"
# `npm view axe-core@4.14.1 dist.integrity`
INTEGRITY = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
TARGET = Path(__file__).resolve().parents[1] / ".venv" / "axe" / f"axe-{VERSION}.min.js"


def fetch(target: Path = TARGET) -> Path:
    """The pinned axe.min.js, downloaded and verified unless already there.

    Raises:
        RuntimeError: the download does not match the pinned checksum.
        OSError: the registry cannot be reached.
    """
    if target.exists():
        return target
    with urllib.request.urlopen(TARBALL, timeout=60) as response:
        data = response.read()
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != INTEGRITY:
        raise RuntimeError(f"axe-core {VERSION}: checksum {digest} is not the pinned {INTEGRITY}")
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        member = tar.extractfile("package/axe.min.js")
        if member is None:
            raise RuntimeError(f"axe-core {VERSION}: package/axe.min.js missing from {TARBALL}")
        script = member.read()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    partial.write_bytes(script)
    partial.replace(target)
    return target


if __name__ == "__main__":
    try:
        print(fetch())
    except (OSError, RuntimeError) as exc:
        sys.exit(f"axe-core not fetched: {exc}")
