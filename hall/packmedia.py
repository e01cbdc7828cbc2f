"""A pack's own media — the hall's artwork, a person's audio and film — served from the static
cache under content hashes (media/ itself is never served), found by the conventions of
media/README.md."""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from hall.config import STATIC_DIR, STATIC_URL

MEDIA = Path("media")
CACHE = Path("cache") / "media"
AUDIO_TYPES = (".mp3", ".m4a", ".ogg", ".wav")
VIDEO_TYPES = (".mp4", ".webm")
CAPTION_TYPE = ".vtt"  # WebVTT captions beside a film
TRANSCRIPT_TYPE = ".txt"  # the words of a recording, shown with it


@dataclass(frozen=True, slots=True)
class Recording:
    """A sound or film file of the pack, served at `url`; its captions and words when given."""

    url: str
    kind: str  # audio | video
    captions: Path | None = None  # WebVTT in the pack (small: the player reads it from the page)
    transcript: str = ""


def art_url(pack: Path | str, name: str, static_dir: Path | str = STATIC_DIR) -> str:
    """The URL of media/art/<name>, or "" when the pack has no such file (or it cannot be copied)."""
    return serve(Path(pack) / MEDIA / "art" / name, static_dir)


def recording(
    pack: Path | str, folder: str, stem: str, static_dir: Path | str = STATIC_DIR
) -> Recording | None:
    """media/<folder>/<stem>.<ext> (audio or video) with its captions and transcript, if any."""
    base = Path(pack) / MEDIA / folder
    kinds = AUDIO_TYPES if folder == "audio" else VIDEO_TYPES
    for suffix in kinds:
        path = base / f"{stem}{suffix}"
        if path.is_file():
            url = serve(path, static_dir)
            if not url:
                return None
            captions = base / f"{stem}{CAPTION_TYPE}"
            words = base / f"{stem}{TRANSCRIPT_TYPE}"
            return Recording(
                url,
                "audio" if folder == "audio" else "video",
                captions if captions.is_file() else None,
                words.read_text(encoding="utf-8").strip() if words.is_file() else "",
            )
    return None


def serve(path: Path, static_dir: Path | str = STATIC_DIR) -> str:
    """A served copy of `path` under a name holding its content's hash; "" if it cannot be made.

    The copy is a hard link where the file system allows (no second copy of a film on disk).
    """
    try:
        digest = _digest(path)
    except OSError:
        return ""
    name = f"{path.stem}-{digest}{path.suffix.lower()}"
    target = Path(static_dir) / CACHE / name
    if not target.exists():
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{name}.tmp")
            tmp.unlink(missing_ok=True)
            try:
                os.link(path, tmp)
            except OSError:
                shutil.copyfile(path, tmp)
            os.replace(tmp, target)
        except OSError:
            return ""
    return f"{STATIC_URL}/{CACHE.as_posix()}/{name}"


def _digest(path: Path) -> str:
    """The first 12 hex digits of the file's SHA-256, remembered by size and modification time."""
    st = path.stat()
    return _digest_of(str(path), st.st_size, st.st_mtime_ns)


_digests: dict[tuple[str, int, int], str] = {}


def _digest_of(path: str, size: int, mtime_ns: int) -> str:
    key = (path, size, mtime_ns)
    if key not in _digests:
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
        _digests[key] = digest.hexdigest()[:12]
    return _digests[key]
