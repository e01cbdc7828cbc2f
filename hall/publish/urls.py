"""Where the light pages are: their files in the mirror, their addresses, and the live hall's.

The mirror is a folder of plain files. Its layout is its short URL layout: `p/<id>.html` is
served by the deploy nginx at `/p/<id>`, and by Streamlit (`make run`) at
`/app/static/cache/light/p/<id>.html`. Links between light pages are relative and carry `.html`,
so the same files work under both.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from urllib.parse import quote

from hall.config import STATIC_DIR, STATIC_URL

# The default mirror: under the folder Streamlit serves, git-ignored with the other caches.
MIRROR = STATIC_DIR / "cache" / "light"
MIRROR_URL = f"{STATIC_URL}/cache/light"
# Past this, Streamlit 1.67 switches static serving off altogether at start-up (fonts and
# portraits too), with only a console warning (research/streamlit-1.67.md, 1.8).
STREAMLIT_STATIC_LIMIT = 1024**3
ASSETS = "_"  # the stylesheet and the share images, named by digest: cached for ever
# Each kind's folder of pages (a new kind of page: its prefix here, its writer in hall.publish.build).
PEOPLE, ERAS, STUDIOS, ACTIVITIES = "p", "e", "s", "a"
PAGE_PREFIXES = (PEOPLE, ERAS, STUDIOS, ACTIVITIES)
INDEX = f"{PEOPLE}/index.html"  # the index by era, at /p/
STUDIO_INDEX = f"{STUDIOS}/index.html"  # every studio, at /s/
ACTIVITY_INDEX = f"{ACTIVITIES}/index.html"  # every activity by year, at /a/


class Style(StrEnum):
    """How the hall links to a light page (HALL_LIGHT_URLS)."""

    STATIC = "static"  # /app/static/cache/light/p/<id>.html: Streamlit serves the mirror (make run)
    SHORT = "short"  # /p/<id>: the deploy nginx serves the mirror from disk
    OFF = "off"  # no light pages: share links and QR codes open the live hall


def page_file(prefix: str, key: str) -> str:
    """The mirror path of one page: <prefix>/<key>.html (a key is a record id, safe in a URL)."""
    return f"{prefix}/{quote(key, safe='')}.html"


def list_files(prefix: str, key: str, count: int, per_page: int) -> list[str]:
    """The mirror files of a list of `count` items, `per_page` a page: <key>.html, <key>-2.html, …"""
    pages = max(1, -(-count // per_page))
    return [page_file(prefix, key if i == 0 else f"{key}-{i + 1}") for i in range(pages)]


def relative(from_file: str, to_file: str) -> str:
    """A link from one mirror file to another, relative, so it works at any mount point."""
    depth = from_file.count("/")
    return "../" * depth + to_file


def address(file: str, style: Style) -> str:
    """The path a mirror file is served at (root-relative): short or under the static URL."""
    if style is Style.SHORT:
        if file.endswith("/index.html"):
            return "/" + file[: -len("index.html")]
        return "/" + (file[: -len(".html")] if file.endswith(".html") else file)
    return f"{MIRROR_URL}/{file}"


def absolute(base_url: str, path: str) -> str:
    """`path` at the hall's public address; root-relative when the hall has none configured."""
    return f"{base_url.rstrip('/')}{path}" if base_url else path


def honoree_link(base_url: str, honoree_id: str, style: Style) -> str:
    """What the hall shares for a person: their light page, or with Style.OFF the live page."""
    if style is Style.OFF:
        return absolute(base_url, f"/honoree?id={quote(honoree_id, safe='')}")
    return absolute(base_url, address(page_file(PEOPLE, honoree_id), style))


def published(mirror: Path, prefix: str, key: str) -> bool:
    """Whether the mirror holds this page (the hall shares a light page only once it exists)."""
    return (mirror / page_file(prefix, key)).is_file()


def static_limit_warning(out: Path, static_dir: Path = STATIC_DIR) -> str:
    """A warning when the mirror is inside the static folder and that folder has grown past what
    Streamlit serves at all; "" otherwise."""
    if not out.resolve().is_relative_to(static_dir.resolve()):
        return ""
    size = 0
    for folder, _, files in os.walk(static_dir):
        size += sum(os.path.getsize(os.path.join(folder, f)) for f in files)
    if size <= STREAMLIT_STATIC_LIMIT:
        return ""
    return (
        f"{static_dir} holds {size / 1024**3:.1f} GB: past 1 GB Streamlit serves none of it (fonts and "
        "portraits too). Publish outside it (--out) and let nginx serve the pages (HALL_LIGHT_URLS=short)"
    )
