"""Writing files safely: one atomic write for every writer, and a pack's record files replaced
all-or-nothing, each previous version kept as a backup."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from hall.errors import HallError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: one curator at a time, no lock
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

# Inside exhibits/, never under static/: nothing here is ever served. Git-ignored.
WORK_DIR = ".backup"
JOURNAL = "journal.json"
MANIFEST = "manifest.json"
BACKUPS_KEPT = 20
LOCK_TIMEOUT = 60.0


class PackWriteFailed(HallError):
    """The pack's files could not be replaced; they are as they were before."""


class PackChanged(HallError):
    """The pack's files changed after the plan was made: plan again before writing."""


def write_atomically(path: Path | str, data: bytes, *, mode: int = 0o644) -> None:
    """Write `data` to `path` so that readers see the old file or the new one, never half.

    The file is written beside its target, flushed to disk, then renamed over it.

    Raises:
        OSError: the folder cannot be written (nothing at `path` has changed).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)  # mkstemp makes 0600; the web server and other curators read these
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True, slots=True)
class Backup:
    """One previous version: the files as they were before a replacement."""

    name: str  # the folder's name, a sortable timestamp
    path: Path
    files: tuple[str, ...]  # the files that existed then (kept in the folder)
    absent: tuple[str, ...]  # the files that did not exist then


def exhibits_dir(pack: Path | str) -> Path:
    return Path(pack) / "exhibits"


def fingerprint(pack: Path | str, names: Iterable[str]) -> dict[str, str]:
    """SHA-256 of each named file in exhibits/ ('' for a file that does not exist)."""
    exhibits = exhibits_dir(pack)
    out = {}
    for name in names:
        path = exhibits / name
        out[name] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    return out


@dataclass
class PackCsv:
    """A pack CSV file as rows of raw cells, written back in its own style (line ends, BOM)
    so that rows nobody touched stay byte-for-byte as they were."""

    header: list[str]
    rows: list[list[str]]
    newline: str = "\n"
    bom: bool = False
    changed: bool = False

    def col(self, name: str) -> int:
        if name not in self.header:
            self.header.append(name)
            for row in self.rows:
                row.append("")
        return self.header.index(name)

    def get(self, row: list[str], name: str) -> str:
        i = self.header.index(name) if name in self.header else -1
        return row[i].strip() if 0 <= i < len(row) else ""

    def set(self, row: list[str], name: str, value: str) -> None:
        i = self.col(name)
        while len(row) < len(self.header):
            row.append("")
        if row[i] != value:
            row[i] = value
            self.changed = True

    def to_bytes(self) -> bytes:
        out = io.StringIO(newline="")
        writer = csv.writer(out, lineterminator=self.newline)
        writer.writerow(self.header)
        writer.writerows(self.rows)
        return ("\ufeff" if self.bom else "").encode() + out.getvalue().encode("utf-8")

    @classmethod
    def read(cls, path: Path, default_header: Sequence[str]) -> PackCsv:
        if not path.exists():
            return cls(list(default_header), [])
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise PackWriteFailed(f"exhibits/{path.name} is not UTF-8 text; fix it first") from exc
        newline = "\r\n" if "\r\n" in text[: text.find("\n") + 1] else "\n"
        records = list(csv.reader(io.StringIO(text, newline="")))
        if not records:
            return cls(list(default_header), [], newline, raw.startswith(b"\xef\xbb\xbf"))
        header = [h.strip() for h in records[0]]
        return cls(
            header,
            [r for r in records[1:] if any(c.strip() for c in r)],
            newline,
            raw.startswith(b"\xef\xbb\xbf"),
        )


def replace_files(
    pack: Path | str, files: Mapping[str, bytes], *, expected: Mapping[str, str] | None = None
) -> Backup:
    """Replace `exhibits/<name>` by the given bytes for every name, all or nothing.

    The new files are written and fsync'd beside the old ones, the old ones are copied
    into `exhibits/.backup/<timestamp>/`, and a journal naming that backup is made durable
    before the first file is swapped in. A failure while swapping rolls back at once; a
    crash rolls back on the next `recover()` (which `load_catalog` calls). The journal's
    removal is the commit point.

    Args:
        pack: the content pack's folder.
        files: file name (relative to exhibits/, no folders) → new contents.
        expected: the `fingerprint()` the caller planned against; if the files differ now,
            nothing is written.

    Raises:
        PackChanged: `expected` no longer matches the files.
        PackWriteFailed: the files could not be replaced (the pack is unchanged).
    """
    exhibits = exhibits_dir(pack)
    names = tuple(files)
    for name in names:
        if not name or Path(name).name != name or name.startswith("."):
            raise ValueError(f"not a pack file name: {name!r}")
    if not exhibits.is_dir():
        raise PackWriteFailed(f"{exhibits} is not a folder")
    work = exhibits / WORK_DIR
    try:
        work.mkdir(exist_ok=True)
    except OSError as exc:
        raise PackWriteFailed(f"cannot write in {exhibits}: {exc.strerror}") from exc
    with _locked(work):
        _settle(exhibits)
        if expected is not None and fingerprint(pack, tuple(expected)) != dict(expected):
            raise PackChanged("the pack's files changed since this import was planned; plan it again")
        stamp = _stamp(work)
        staging = work / f"staging-{stamp}"
        backup = work / stamp
        try:
            staging.mkdir()
            for name in names:
                _write_synced(staging / name, files[name])
            _fsync_dir(staging)
            backup.mkdir()
            existed = {name: (exhibits / name).is_file() for name in names}
            for name in names:
                if existed[name]:
                    _copy_synced(exhibits / name, backup / name)
            # The manifest is written last: a backup folder without one is incomplete.
            _write_synced(backup / MANIFEST, json.dumps({"files": existed}, ensure_ascii=False).encode())
            _fsync_dir(backup)
            _write_synced(work / JOURNAL, json.dumps({"backup": stamp, "files": list(names)}).encode())
            _fsync_dir(work)
        except Exception as exc:
            (work / JOURNAL).unlink(missing_ok=True)
            shutil.rmtree(staging, ignore_errors=True)
            shutil.rmtree(backup, ignore_errors=True)
            raise PackWriteFailed(f"could not prepare the new files: {exc}") from exc

        try:
            for name in names:
                os.replace(staging / name, exhibits / name)
            _fsync_dir(exhibits)
        except BaseException as exc:
            try:
                _roll_back(exhibits)
            except Exception:
                log.exception("rollback of %s failed; it is retried when the pack is next opened", exhibits)
                raise PackWriteFailed(
                    "writing failed and the previous files could not be put back yet; "
                    "they will be restored when the hall next opens the pack"
                ) from exc
            if not isinstance(exc, Exception):
                raise
            raise PackWriteFailed(f"writing failed, the previous files are back in place: {exc}") from exc

        (work / JOURNAL).unlink()
        _fsync_dir(work)
        shutil.rmtree(staging, ignore_errors=True)
        _prune(work)
    return _backup(backup)


def recover(pack: Path | str) -> bool:
    """Put back the previous files if a replacement was interrupted by a crash.

    Cheap when nothing is pending (one stat). Waits for a replacement that another
    process is running to finish rather than rolling it back under its feet.

    Returns:
        True if an interrupted replacement was rolled back.
    """
    exhibits = exhibits_dir(pack)
    work = exhibits / WORK_DIR
    if not (work / JOURNAL).exists():
        return False
    try:
        with _locked(work):
            return _settle(exhibits)
    except (OSError, PackWriteFailed) as exc:
        log.error("could not roll back the interrupted replacement in %s: %s", exhibits, exc)
        return False


def backups(pack: Path | str) -> list[Backup]:
    """The kept previous versions, newest first."""
    work = exhibits_dir(pack) / WORK_DIR
    if not work.is_dir():
        return []
    found = [_backup(p) for p in work.iterdir() if p.is_dir() and (p / MANIFEST).is_file()]
    return sorted(found, key=lambda b: b.name, reverse=True)


def _backup(path: Path) -> Backup:
    existed = json.loads((path / MANIFEST).read_text(encoding="utf-8"))["files"]
    return Backup(
        name=path.name,
        path=path,
        files=tuple(n for n, e in existed.items() if e),
        absent=tuple(n for n, e in existed.items() if not e),
    )


def _settle(exhibits: Path) -> bool:
    """Under the lock: roll back a pending journal and clear leftovers of crashed attempts."""
    work = exhibits / WORK_DIR
    rolled = False
    if (work / JOURNAL).exists():
        _roll_back(exhibits)
        rolled = True
    for leftover in work.glob("staging-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    for folder in work.iterdir():
        if folder.is_dir() and not folder.name.startswith("staging-") and not (folder / MANIFEST).exists():
            shutil.rmtree(folder, ignore_errors=True)
    return rolled


def _roll_back(exhibits: Path) -> None:
    """Copy every journalled file back from its backup; safe to repeat after a crash."""
    work = exhibits / WORK_DIR
    try:
        journal = json.loads((work / JOURNAL).read_text(encoding="utf-8"))
        stamp, names = journal["backup"], journal["files"]
    except (ValueError, KeyError, TypeError):
        # The journal is made durable before any file is swapped: an unreadable one means
        # the crash came while writing it, so nothing was replaced.
        log.warning("discarding an incomplete journal in %s: no file had been replaced", work)
        (work / JOURNAL).unlink(missing_ok=True)
        _fsync_dir(work)
        return
    backup = work / stamp
    existed = json.loads((backup / MANIFEST).read_text(encoding="utf-8"))["files"]
    for name in names:
        target = exhibits / name
        if existed.get(name):
            # Copied in place rather than renamed: the journal stays until every file is
            # back, so a crash here only means the rollback runs again.
            _copy_synced(backup / name, target)
        else:
            target.unlink(missing_ok=True)
    _fsync_dir(exhibits)
    (work / JOURNAL).unlink()
    _fsync_dir(work)
    shutil.rmtree(work / f"staging-{stamp}", ignore_errors=True)
    # The files are that version again: the backup of it would only be a confusing twin.
    shutil.rmtree(backup, ignore_errors=True)
    log.warning("rolled back an interrupted replacement of %s in %s", ", ".join(names), exhibits)


def _prune(work: Path) -> None:
    kept = sorted((p for p in work.iterdir() if p.is_dir() and (p / MANIFEST).exists()), reverse=True)
    for old in kept[BACKUPS_KEPT:]:
        shutil.rmtree(old, ignore_errors=True)


def _stamp(work: Path) -> str:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    while (work / stamp).exists():  # two writes in one microsecond (a coarse clock)
        time.sleep(0.001)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return stamp


def _write_synced(path: Path, data: bytes) -> None:
    with path.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _copy_synced(src: Path, dst: Path) -> None:
    with src.open("rb") as fin, dst.open("wb") as fout:
        shutil.copyfileobj(fin, fout)
        fout.flush()
        os.fsync(fout.fileno())


def _fsync_dir(path: Path) -> None:
    """Make a folder's entries (new, renamed, removed files) durable; a no-op where unsupported."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def _locked(work: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """One writer per pack across processes; released by the OS if the holder dies."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    with (work / ".lock").open("a") as f:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise PackWriteFailed("another import is writing this pack; try again shortly") from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(f.fileno(), fcntl.LOCK_UN)
