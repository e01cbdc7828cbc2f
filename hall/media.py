"""Portrait photos: matched to honorees, originals kept in the pack, WebP thumbnails in the static cache."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import logging
import os
import sys
import tempfile
import warnings
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError

from hall.config import REPO_ROOT, Settings
from hall.errors import HallError, PackError
from hall.importer import clean_name
from hall.pack import Catalog, load_catalog
from hall.pack import write as packwrite
from hall.pack.schema import HONOREE
from hall.pack.write import PackCsv

log = logging.getLogger(__name__)

# Boxes the thumbnails fit in (width, height): a card's portrait and a person's page.
SIZES: dict[str, tuple[int, int]] = {"card": (240, 320), "page": (480, 640)}
WEBP_QUALITY = 80
WEBP_METHOD = 4  # method 6 saves ~15 % for twice the time (perf-baselines §2)
MAX_FILE_BYTES = 40 * 1024 * 1024
# Kept originals take their format's usual extension, whatever the file was called.
FORMATS = {"JPEG": ".jpg", "MPO": ".jpg", "PNG": ".png", "WEBP": ".webp", "TIFF": ".tif", "BMP": ".bmp"}
DEFAULT_STATIC_CACHE = REPO_ROOT / "static" / "cache"
PORTRAITS = Path("media") / "portraits"
MANIFEST = "manifest.json"


class PhotoRefused(HallError):
    """One photo cannot be used; `code` is stable, `reason` is plain words."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


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
class Refusal:
    file: str
    reason: str
    code: str


@dataclass(frozen=True, slots=True)
class MediaReport:
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


@dataclass(frozen=True, slots=True)
class ThumbnailReport:
    built: int = 0
    kept: int = 0
    removed: int = 0
    failed: tuple[Refusal, ...] = ()


# ---------------------------------------------------------------------------------------
# Thumbnails: bytes in, WebP bytes out
# ---------------------------------------------------------------------------------------


def make_thumbnails(data: bytes) -> tuple[dict[str, bytes], str, tuple[int, int]]:
    """Check a photo and make its WebP thumbnails.

    The JPEG decoder is asked for a reduced image first (`draft`, ~3x faster from 12 MP), with
    the box turned when EXIF says the photo is rotated, then EXIF orientation is applied to the
    small image (cheap there; before `draft` it would disable it), then each size is fitted.

    Returns:
        ({"card": webp, "page": webp}, the original's extension, (width, height) as displayed).

    Raises:
        PhotoRefused: not an image, an unsupported format, corrupt, or too many pixels.
    """
    if len(data) > MAX_FILE_BYTES:
        raise PhotoRefused("too_large", f"the file is larger than {MAX_FILE_BYTES // 2**20} MB")
    with warnings.catch_warnings():
        # Pillow only warns between MAX_IMAGE_PIXELS and twice that: refuse there too.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as probe:
                fmt = probe.format or ""
                probe.verify()
            image = Image.open(io.BytesIO(data))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise PhotoRefused(
                "decompression_bomb",
                f"too many pixels to open safely, a possible decompression bomb ({exc})",
            ) from exc
        except UnidentifiedImageError as exc:
            raise PhotoRefused("not_an_image", "not an image file Pillow can read") from exc
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise PhotoRefused("corrupt", f"the image is damaged ({exc})") from exc
        if fmt not in FORMATS:
            raise PhotoRefused(
                "unsupported_format", f"{fmt or 'this'} images are not taken: use JPEG, PNG or WebP"
            )
        try:
            with image:
                orientation = image.getexif().get(0x0112, 1)
                turned = orientation in (5, 6, 7, 8)
                size = image.size[::-1] if turned else image.size
                width, height = SIZES["page"]
                # Rotated by EXIF: the stored picture is on its side, so ask for the box on its side.
                image.draft("RGB", (height, width) if turned else (width, height))
                image.load()
                shown = _flatten(ImageOps.exif_transpose(image))
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise PhotoRefused("corrupt", f"the image is damaged ({exc})") from exc
    out: dict[str, bytes] = {}
    for name, box in sorted(SIZES.items(), key=lambda kv: -kv[1][0]):
        shown.thumbnail(box, Image.Resampling.LANCZOS)  # largest first: each from the one before
        buffer = io.BytesIO()
        shown.save(buffer, "WEBP", quality=WEBP_QUALITY, method=WEBP_METHOD)
        out[name] = buffer.getvalue()
    return out, FORMATS[fmt], size


def _flatten(image: Image.Image) -> Image.Image:
    """RGB on white: transparent PNGs and palette or CMYK images become plain photos."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB") if image.mode != "RGB" else image


def thumbnail_path(static_cache: Path | str, honoree_id: str, size: str) -> Path:
    """Where a thumbnail lives: static/cache/thumbs/<id>-<size>.webp (what hall.ui.cards serves)."""
    return Path(static_cache) / "thumbs" / f"{honoree_id}-{size}.webp"


# ---------------------------------------------------------------------------------------
# Taking photos in
# ---------------------------------------------------------------------------------------


def ingest(
    src_dir: Path | str,
    catalog: Catalog,
    pack_dir: Path | str,
    static_cache: Path | str = DEFAULT_STATIC_CACHE,
) -> MediaReport:
    """Take in every photo in a folder, matching each to an honoree by file name.

    `r001.jpg` is honoree r001; `丁卫松.jpg` is the one honoree of that name (a name two people
    share is refused: rename the file to the id). See `ingest_uploads`.

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
    return _ingest(uploads, catalog, Path(pack_dir), Path(static_cache), by_id={})


def ingest_uploads(
    uploads: Sequence[tuple[str, bytes]],
    catalog: Catalog,
    pack_dir: Path | str,
    static_cache: Path | str = DEFAULT_STATIC_CACHE,
) -> MediaReport:
    """Take in uploaded photos, (file name, bytes) each, matched by file name as in `ingest`.

    Raises:
        packwrite.PackWriteFailed: honorees.csv could not be updated (nothing changed).
    """
    return _ingest(list(uploads), catalog, Path(pack_dir), Path(static_cache), by_id={})


def set_portrait(
    honoree_id: str,
    filename: str,
    data: bytes,
    catalog: Catalog,
    pack_dir: Path | str,
    static_cache: Path | str = DEFAULT_STATIC_CACHE,
) -> MediaReport:
    """Make one uploaded photo this honoree's portrait, whatever the file is called.

    Raises:
        packwrite.PackWriteFailed: honorees.csv could not be updated (nothing changed).
    """
    return _ingest(
        [(filename, data)], catalog, Path(pack_dir), Path(static_cache), by_id={filename: honoree_id}
    )


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
    static_cache: Path,
    by_id: dict[str, str],
) -> MediaReport:
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

    report = MediaReport(refused=tuple(refused))
    if not ready:
        return report
    written, backup = _commit(pack, ready, refused)
    accepted = []
    for r in ready:
        for size_name, webp in r.thumbs.items():
            _write_atomically(thumbnail_path(static_cache, r.honoree_id, size_name), webp)
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
    _remember(static_cache, pack, [(r.honoree_id, f"{r.honoree_id}{r.ext}") for r in ready])
    return MediaReport(tuple(accepted), tuple(refused), written, backup)


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
    base = packwrite.fingerprint(pack, ("honorees.csv",))
    table = PackCsv.read(exhibits / "honorees.csv", HONOREE.columns)
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
            _write_atomically(target, r.data)
            placed.append(target)
            table.set(rows[r.honoree_id], "portrait", target.name)
        backup = ""
        if table.changed:
            backup = str(
                packwrite.replace_files(pack, {"honorees.csv": table.to_bytes()}, expected=base).path
            )
    except BaseException:
        for path in placed:
            path.unlink(missing_ok=True)
        for old, saved in reversed(moved):
            os.replace(saved, old)
        raise
    return table.changed, backup


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; the web server and other curators read these
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# ---------------------------------------------------------------------------------------
# Start-up: thumbnails for every portrait the catalogue names
# ---------------------------------------------------------------------------------------


def _source_key(pack: Path, portrait: str) -> tuple[Path | None, str]:
    folder = (pack / PORTRAITS).resolve()
    source = (folder / portrait).resolve()
    if source.parent != folder or not source.is_file():
        return None, ""
    st = source.stat()
    return source, f"{source}|{st.st_mtime_ns}|{st.st_size}"


def _read_manifest(static_cache: Path) -> dict[str, str]:
    try:
        loaded = json.loads((static_cache / "thumbs" / MANIFEST).read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in loaded.items()} if isinstance(loaded, dict) else {}
    except (OSError, ValueError):
        return {}


def _remember(static_cache: Path, pack: Path, entries: list[tuple[str, str]]) -> None:
    manifest = _read_manifest(static_cache)
    for hid, portrait in entries:
        _source, key = _source_key(pack, portrait)
        if key:
            manifest[hid] = key
    _write_atomically(static_cache / "thumbs" / MANIFEST, json.dumps(manifest, sort_keys=True).encode())


def ensure_thumbnails(
    catalog: Catalog, pack_dir: Path | str, static_cache: Path | str = DEFAULT_STATIC_CACHE
) -> ThumbnailReport:
    """Build the thumbnails that are missing or older than their photo; remove the ones no
    honoree's portrait needs any more (a withdrawn photo stops being served).

    A fast no-op when all are present: one stat per portrait, keyed by the source's path,
    modification time and size.
    """
    pack, cache = Path(pack_dir), Path(static_cache)
    thumbs = cache / "thumbs"
    manifest = _read_manifest(cache)
    fresh: dict[str, str] = {}
    built = kept = 0
    failed: list[Refusal] = []
    for h in catalog.honorees:
        if not h.portrait:
            continue
        source, key = _source_key(pack, h.portrait)
        if source is None:
            failed.append(Refusal(h.portrait, f"{h.id}'s portrait is not in media/portraits", "missing"))
            continue
        paths = [thumbnail_path(cache, h.id, size) for size in SIZES]
        if manifest.get(h.id) == key and all(p.exists() for p in paths):
            fresh[h.id] = key
            kept += 1
            continue
        try:
            webps, _ext, _size = make_thumbnails(source.read_bytes())
        except PhotoRefused as exc:
            failed.append(Refusal(h.portrait, exc.reason, exc.code))
            continue
        for size, webp in webps.items():
            _write_atomically(thumbnail_path(cache, h.id, size), webp)
        fresh[h.id] = key
        built += 1
    removed = 0
    if thumbs.is_dir():
        for path in thumbs.glob("*.webp"):
            hid, _, size = path.stem.rpartition("-")
            if size in SIZES and hid not in fresh:
                path.unlink(missing_ok=True)
                removed += 1
    if fresh != manifest:
        _write_atomically(thumbs / MANIFEST, json.dumps(fresh, sort_keys=True).encode())
    return ThumbnailReport(built, kept, removed, tuple(failed))


# ---------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """python -m hall.media ingest DIR | thumbs [--pack DIR] [--cache DIR] [--json]."""
    parser = argparse.ArgumentParser(
        prog="python -m hall.media", description="Portrait photos of a content pack."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    take = commands.add_parser("ingest", help="take in the photos of a folder, matched by id or name")
    take.add_argument("folder", type=Path)
    build = commands.add_parser("thumbs", help="build missing thumbnails, remove unused ones")
    for sub in (take, build):
        sub.add_argument("--pack", type=Path, default=None, help="content pack folder (default: HALL_PACK)")
        sub.add_argument("--cache", type=Path, default=DEFAULT_STATIC_CACHE, help="static cache folder")
        sub.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    pack = (args.pack or settings.pack).resolve()
    try:
        catalog = load_catalog(pack)
        if args.command == "thumbs":
            done = ensure_thumbnails(catalog, pack, args.cache)
            out: dict[str, Any] = {
                "built": done.built,
                "kept": done.kept,
                "removed": done.removed,
                "failed": [{"file": r.file, "reason": r.reason, "code": r.code} for r in done.failed],
            }
            print(json.dumps(out, ensure_ascii=False, indent=2) if args.json else _thumb_text(out))
            return 0
        if not args.folder.is_dir():
            print(f"{args.folder} is not a folder", file=sys.stderr)
            return 1
        report = ingest(args.folder, catalog, pack, args.cache)
    except (PackError, packwrite.PackChanged, packwrite.PackWriteFailed) as exc:
        print(json.dumps({"error": str(exc)}) if args.json else f"not done: {exc}", file=sys.stdout)
        return 1
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        for p in report.accepted:
            print(
                f"  {p.file} → {p.honoree_id} ({p.width}×{p.height}; "
                f"card {p.card_bytes:,} B, page {p.page_bytes:,} B)"
            )
        for r in report.refused:
            print(f"  refused {r.file}: {r.reason}")
        print(f"{len(report.accepted)} photos taken in, {len(report.refused)} refused")
    return 0


def _thumb_text(out: dict[str, Any]) -> str:
    lines = [f"thumbnails: {out['built']} built, {out['kept']} already there, {out['removed']} removed"]
    lines += [f"  {f['file']}: {f['reason']}" for f in out["failed"]]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
