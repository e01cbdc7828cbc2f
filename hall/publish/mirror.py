"""The mirror folder and its manifest: which file holds what (a digest of its content), so a
rebuild rewrites only the files that changed and removes the ones no record needs any more.

The manifest is kept in the data folder (HALL_DATA), never in the served mirror. Files are
written beside their target and renamed over it, so a reader sees the old page or the new one;
the manifest is written last, so a build cut short is finished by the next one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from hall.pack import write_atomically

VERSION = 1


def digest(data: bytes) -> str:
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()[:20]


def manifest_path(data_dir: Path, out: Path) -> Path:
    """One manifest per mirror folder: publishing to two folders keeps two."""
    key = hashlib.sha1(str(out.resolve()).encode(), usedforsecurity=False).hexdigest()[:10]
    return data_dir / f"light-manifest-{key}.json"


@dataclass
class Counts:
    written: int = 0
    unchanged: int = 0
    removed: int = 0


@dataclass
class Mirror:
    """A mirror being rebuilt: `put` each file of this build, then `finish`."""

    out: Path
    manifest: Path
    today: str = field(default_factory=lambda: dt.date.today().isoformat())
    counts: Counts = field(default_factory=Counts)
    _old: dict[str, list[object]] = field(default_factory=dict, repr=False)
    _new: dict[str, list[object]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        try:
            saved = json.loads(self.manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            saved = {}
        if isinstance(saved, dict) and saved.get("version") == VERSION:
            self._old = dict(saved.get("files", {}))

    def put(self, file: str, data: bytes) -> bool:
        """Keep `data` at `file` (a mirror path); returns whether the file was (re)written."""
        key = digest(data)
        if self.holds(file, key, len(data)):
            self._new[file] = self._old[file]
            self.counts.unchanged += 1
            return False
        write_file(self.out / file, data)
        self._new[file] = [key, len(data), self.today]
        self.counts.written += 1
        return True

    def holds(self, file: str, key: str, size: int | None = None) -> bool:
        """Whether the mirror already has this file with this content (by the manifest, and a
        file of that size on disk: a page deleted or cut short by hand is written again)."""
        known = self._old.get(file)
        if not known or known[0] != key:
            return False
        try:
            on_disk = (self.out / file).stat().st_size
        except OSError:
            return False
        return size is None or on_disk == size == known[1]

    def keep(self, file: str) -> None:
        """Carry a file over unchanged (a picture the manifest holds under the same digest)."""
        self._new[file] = self._old[file]
        self.counts.unchanged += 1

    def record(self, file: str, key: str, size: int) -> None:
        """Note a file written by someone else (a drawing process)."""
        self._new[file] = [key, size, self.today]
        self.counts.written += 1

    def changed_on(self, file: str) -> str:
        """The day the file last changed (the sitemap's lastmod)."""
        entry = self._new.get(file) or self._old.get(file)
        return str(entry[2]) if entry else self.today

    def finish(self) -> None:
        """Remove every file of the last build that this one did not put, then save the manifest.

        Raises:
            OSError: the data folder cannot be written.
        """
        for file in self._old.keys() - self._new.keys():
            (self.out / file).unlink(missing_ok=True)
            self.counts.removed += 1
        text = json.dumps({"version": VERSION, "files": self._new}, separators=(",", ":"), sort_keys=True)
        write_atomically(self.manifest, text.encode("utf-8"))
        self._old, self._new = self._new, {}


def write_file(path: Path, data: bytes) -> None:
    """Write beside the target, then rename over it (no fsync per page: the manifest, written last
    and synced, says what the next build must check again)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)  # nginx's workers read these
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
