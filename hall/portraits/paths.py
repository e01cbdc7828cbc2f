"""Where portraits live: originals in the pack, thumbnails under the static root (and their URLs),
and the thumbnails' manifest in the data folder."""

from __future__ import annotations

from pathlib import Path

from hall.config import STATIC_DIR, STATIC_URL

# Originals, inside the content pack: media/ is never served, so a photo stays private until
# its thumbnails are made.
PORTRAITS = Path("media") / "portraits"
# Thumbnails, under the static root (git-ignored): served at /app/static/cache/thumbs/.
THUMBS = Path("cache") / "thumbs"
THUMB_SUFFIX = ".webp"
# Which source each thumbnail was made from: it names paths on the server, so it is kept in the
# data folder and never beside the thumbnails, where it would be served.
MANIFEST = "thumbs-manifest.json"


def thumbnails_dir(static_dir: Path | str = STATIC_DIR) -> Path:
    """The folder every thumbnail is in, and nothing else."""
    return Path(static_dir) / THUMBS


def thumbnail_name(honoree_id: str, size: str) -> str:
    return f"{honoree_id}-{size}{THUMB_SUFFIX}"


def thumbnail_path(honoree_id: str, size: str, static_dir: Path | str = STATIC_DIR) -> Path:
    """Where one thumbnail of one honoree is: <static>/cache/thumbs/<id>-<size>.webp."""
    return thumbnails_dir(static_dir) / thumbnail_name(honoree_id, size)


def thumbnail_url(honoree_id: str, size: str) -> str:
    """The URL the browser loads that thumbnail from: /app/static/cache/thumbs/<id>-<size>.webp."""
    return f"{STATIC_URL}/{THUMBS.as_posix()}/{thumbnail_name(honoree_id, size)}"


def thumbnail_owner(path: Path) -> tuple[str, str] | None:
    """(honoree id, size) of a file in the thumbnails folder; None for anything else."""
    if path.suffix != THUMB_SUFFIX:
        return None
    honoree_id, dash, size = path.stem.rpartition("-")
    return (honoree_id, size) if dash else None


def manifest_path(data_dir: Path | str) -> Path:
    """The thumbnails' manifest, in the data folder (HALL_DATA)."""
    return Path(data_dir) / MANIFEST
