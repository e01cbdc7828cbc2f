"""Taking photos in: matched to honorees by file name, checked, originals kept in the pack and the
portrait column updated all or nothing, thumbnails made at once."""

from __future__ import annotations

import datetime as dt
import io
import os
import warnings
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

from hall.config import STATIC_DIR
from hall.importer import clean_name
from hall.pack import Catalog, write_atomically
from hall.pack import write as packwrite
from hall.pack.schema import HONOREE
from hall.pack.write import PackCsv
from hall.portraits.paths import PORTRAITS
from hall.portraits.thumbs import (
    MAX_FILE_BYTES,
    PhotoRefused,
    Refusal,
    Source,
    make_thumbnails,
    photo_source,
    remember,
    write_thumbnails,
)


@dataclass(frozen=True, slots=True)
class Photo:
    """A photo taken in: whose it is, where its original is kept, and its thumbnails' sizes."""

    file: str
    honoree_id: str
    original: str  # relative to the pack: media/portraits/<id>.<ext>
    width: int  # as displayed (after EXIF orientation)
    height: int
    card_bytes: int
    page_bytes: int


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What taking photos in did: the photos used, the files refused, the pack's backup."""

    accepted: tuple[Photo, ...] = ()
    refused: tuple[Refusal, ...] = ()
    written: bool = False  # honorees.csv's portrait column changed
    backup: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "accepted": [
                {
                    "file": p.file,
                    "honoree_id": p.honoree_id,
                    "original": p.original,
                    "size": [p.width, p.height],
                    "card_bytes": p.card_bytes,
                    "page_bytes": p.page_bytes,
                }
                for p in self.accepted
            ],
            "refused": [{"file": r.file, "reason": r.reason, "code": r.code} for r in self.refused],
            "written": self.written,
            "backup": self.backup,
        }


def ingest(
    src_dir: Path | str,
    catalog: Catalog,
    pack_dir: Path | str,
    data_dir: Path | str,
    static_dir: Path | str = STATIC_DIR,
) -> IngestReport:
    """Take in every photo in a folder, matching each to an honoree by file name.

    `r001.jpg` is honoree r001; `丁卫松.jpg` is the one honoree of that name (a name two people
    share is refused: rename the file to the id). Thumbnails go under `static_dir`; the
    manifest that lets start-up keep them is in `data_dir` (HALL_DATA). See `ingest_uploads`.

    Raises:
        packwrite.PackWriteFailed: honorees.csv could not be updated (nothing changed).
    """
    src = Path(src_dir)
    uploads: list[tuple[str, bytes | PhotoRefused]] = []
    for path in sorted(p for p in src.iterdir() if p.is_file() and not p.name.startswith(".")):
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                uploads.append(
                    (path.name, PhotoRefused("too_large", f"larger than {MAX_FILE_BYTES // 2**20} MB"))
                )
                continue
            uploads.append((path.name, path.read_bytes()))
        except OSError as exc:
            uploads.append((path.name, PhotoRefused("unreadable", f"cannot read the file: {exc.strerror}")))
    return _ingest(uploads, catalog, Path(pack_dir), _Cache(data_dir, static_dir), by_id={})


def ingest_uploads(
    uploads: Sequence[tuple[str, bytes]],
    catalog: Catalog,
    pack_dir: Path | str,
    data_dir: Path | str,
    static_dir: Path | str = STATIC_DIR,
) -> IngestReport:
    """Take in uploaded photos, (file name, bytes) each, matched by file name as in `ingest`.

    Raises:
        packwrite.PackWriteFailed: honorees.csv could not be updated (nothing changed).
    """
    return _ingest(list(uploads), catalog, Path(pack_dir), _Cache(data_dir, static_dir), by_id={})


def set_portrait(
    honoree_id: str,
    filename: str,
    data: bytes,
    catalog: Catalog,
    pack_dir: Path | str,
    data_dir: Path | str,
    static_dir: Path | str = STATIC_DIR,
) -> IngestReport:
    """Make one uploaded photo this honoree's portrait, whatever the file is called.

    Raises:
        packwrite.PackWriteFailed: honorees.csv could not be updated (nothing changed).
    """
    return _ingest(
        [(filename, data)],
        catalog,
        Path(pack_dir),
        _Cache(data_dir, static_dir),
        by_id={filename: honoree_id},
    )


@dataclass(frozen=True, slots=True)
class _Cache:
    data_dir: Path | str  # the manifest's folder
    static_dir: Path | str  # the thumbnails' static root


@dataclass
class _Ready:
    file: str
    honoree_id: str
    data: bytes
    ext: str
    thumbs: dict[str, bytes]
    size: tuple[int, int]


def _ingest(
    uploads: list[tuple[str, bytes | PhotoRefused]],
    catalog: Catalog,
    pack: Path,
    cache: _Cache,
    by_id: dict[str, str],
) -> IngestReport:
    refused: list[Refusal] = []
    names: dict[str, list[str]] = defaultdict(list)
    for h in catalog.honorees:
        names[clean_name(h.name)].append(h.id)

    matched: dict[str, list[tuple[str, bytes]]] = defaultdict(list)
    for filename, data in uploads:
        if isinstance(data, PhotoRefused):
            refused.append(Refusal(filename, data.reason, data.code))
            continue
        hid, why = (
            (by_id[filename], None) if filename in by_id else _match(Path(filename).stem, catalog, names)
        )
        if why is not None:
            # An unmatched file that is no image at all is told so: that is the first thing to fix.
            if not _is_image(data):
                why = Refusal("", "not an image file Pillow can read", "not_an_image")
            refused.append(Refusal(filename, why.reason, why.code))
            continue
        matched[hid].append((filename, data))

    ready: list[_Ready] = []
    for hid, files in matched.items():
        if len(files) > 1:
            listed = ", ".join(f for f, _ in files)
            for filename, _ in files:
                refused.append(
                    Refusal(filename, f"several photos for {hid} ({listed}): keep one", "several_photos")
                )
            continue
        filename, data = files[0]
        try:
            thumbs, ext, size = make_thumbnails(data)
        except PhotoRefused as exc:
            refused.append(Refusal(filename, exc.reason, exc.code))
            continue
        ready.append(_Ready(filename, hid, data, ext, thumbs, size))

    report = IngestReport(refused=tuple(refused))
    if not ready:
        return report
    written, backup = _commit(pack, ready, refused)
    accepted = []
    for r in ready:
        write_thumbnails(r.honoree_id, r.thumbs, cache.static_dir)
        accepted.append(
            Photo(
                file=r.file,
                honoree_id=r.honoree_id,
                original=(PORTRAITS / f"{r.honoree_id}{r.ext}").as_posix(),
                width=r.size[0],
                height=r.size[1],
                card_bytes=len(r.thumbs["card"]),
                page_bytes=len(r.thumbs["page"]),
            )
        )
    sources = [photo_source(pack, r.honoree_id, f"{r.honoree_id}{r.ext}") for r in ready]
    remember(cache.data_dir, [s for s in sources if isinstance(s, Source)])
    return IngestReport(tuple(accepted), tuple(refused), written, backup)


def _match(stem: str, catalog: Catalog, names: dict[str, list[str]]) -> tuple[str, Refusal | None]:
    """(honoree id, None), or ("", why not) for a file named by no id or no single name."""
    stem = stem.strip()
    if catalog.has(stem):
        return stem, None
    ids = names.get(clean_name(stem), [])
    if len(ids) == 1:
        return ids[0], None
    if ids:
        reason = f"{len(ids)} honorees are called {clean_name(stem)} ({', '.join(ids)}): name the file by id"
        return "", Refusal("", reason, "ambiguous_name")
    return "", Refusal("", "no honoree has this file name as id or name", "no_match")


def _is_image(data: bytes) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            Image.open(io.BytesIO(data)).close()
    except Image.DecompressionBombError:
        return True  # an image, if a dangerous one: "no honoree" is the first thing to say
    except Exception:
        return False
    return True


def _commit(pack: Path, ready: list[_Ready], refused: list[Refusal]) -> tuple[bool, str]:
    """Originals into media/portraits/, then the portrait column, all or nothing."""
    exhibits = packwrite.exhibits_dir(pack)
    base = packwrite.fingerprint(pack, (HONOREE.file,))
    table = PackCsv.read(exhibits / HONOREE.file, HONOREE.columns)
    rows = {table.get(row, "id"): row for row in table.rows}
    for r in list(ready):
        if r.honoree_id not in rows:
            refused.append(Refusal(r.file, f"{r.honoree_id} is not in honorees.csv any more", "no_match"))
            ready.remove(r)
    if not ready:
        return False, ""

    portraits = pack / PORTRAITS
    portraits.mkdir(parents=True, exist_ok=True)
    # Replaced originals are kept, never deleted: media/ is not served, so they stay private.
    kept = portraits / ".replaced" / dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    moved: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    try:
        for r in ready:
            target = portraits / f"{r.honoree_id}{r.ext}"
            for old in sorted(portraits.glob(f"{r.honoree_id}.*")):
                if old.is_file():
                    kept.mkdir(parents=True, exist_ok=True)
                    os.replace(old, kept / old.name)
                    moved.append((old, kept / old.name))
            write_atomically(target, r.data)
            placed.append(target)
            table.set(rows[r.honoree_id], "portrait", target.name)
        backup = ""
        if table.changed:
            backup = str(packwrite.replace_files(pack, {HONOREE.file: table.to_bytes()}, expected=base).path)
    except BaseException:
        for path in placed:
            path.unlink(missing_ok=True)
        for old, saved in reversed(moved):
            os.replace(saved, old)
        raise
    return table.changed, backup
