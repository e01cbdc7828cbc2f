"""Thumbnails: a picture checked and made into WebP thumbnails, and the thumbnail cache kept in step
with the catalogue at start-up (missing or stale ones built, unused ones removed)."""

from __future__ import annotations

import io
import json
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from hall.config import STATIC_DIR
from hall.errors import HallError
from hall.pack import Catalog, write_atomically
from hall.portraits.paths import (
    PORTRAITS,
    manifest_path,
    thumbnail_owner,
    thumbnail_path,
    thumbnails_dir,
)

# Boxes the thumbnails fit in (width, height): a card's portrait and a person's page.
SIZES: dict[str, tuple[int, int]] = {"card": (240, 320), "page": (480, 640)}
WEBP_QUALITY = 80
WEBP_METHOD = 4  # method 6 saves ~15 % for twice the time (perf-baselines §2)
MAX_FILE_BYTES = 40 * 1024 * 1024
# Kept originals take their format's usual extension, whatever the file was called.
FORMATS = {"JPEG": ".jpg", "MPO": ".jpg", "PNG": ".png", "WEBP": ".webp", "TIFF": ".tif", "BMP": ".bmp"}
# Where earlier versions kept the manifest, beside the thumbnails: served, with the originals'
# paths on the server in it. Removed wherever it is still found.
_SERVED_MANIFEST = "manifest.json"


class PhotoRefused(HallError):
    """One photo cannot be used; `code` is stable, `reason` is plain words."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Refusal:
    """A file not used, and why (`code` is stable, `reason` plain words)."""

    file: str
    reason: str
    code: str


@dataclass(frozen=True, slots=True)
class ThumbnailReport:
    built: int = 0
    kept: int = 0
    removed: int = 0
    failed: tuple[Refusal, ...] = ()


# ---------------------------------------------------------------------------------------
# A picture's bytes in, WebP thumbnails out
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


def write_thumbnails(honoree_id: str, webps: dict[str, bytes], static_dir: Path | str = STATIC_DIR) -> None:
    """Put one honoree's thumbnails (size → WebP bytes) where pages find them.

    Raises:
        OSError: the static folder cannot be written.
    """
    for size, webp in webps.items():
        write_atomically(thumbnail_path(honoree_id, size, static_dir), webp)


# ---------------------------------------------------------------------------------------
# Sources: what an honoree's thumbnails are made from
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Source:
    """What one honoree's thumbnails are made from.

    `key` changes whenever the thumbnails would (a photo's path, modification time and size);
    `make` returns them, size → WebP bytes, or raises PhotoRefused. Photos are the one kind of
    source so far; another kind gives its own key and `make`, and the cache treats it alike.
    """

    honoree_id: str
    file: str  # what a refusal names
    key: str
    make: Callable[[], dict[str, bytes]]


def photo_source(pack: Path | str, honoree_id: str, portrait: str) -> Source | Refusal:
    """The source of an honoree's portrait photo, or a refusal when the pack does not hold it
    (a name that leaves media/portraits is refused too)."""
    folder = (Path(pack) / PORTRAITS).resolve()
    source = (folder / portrait).resolve()
    if source.parent != folder or not source.is_file():
        return Refusal(portrait, f"{honoree_id}'s portrait is not in media/portraits", "missing")
    st = source.stat()
    return Source(honoree_id, portrait, f"{source}|{st.st_mtime_ns}|{st.st_size}", partial(_photo, source))


def _photo(path: Path) -> dict[str, bytes]:
    return make_thumbnails(path.read_bytes())[0]


def photo_sources(catalog: Catalog, pack: Path | str) -> list[Source | Refusal]:
    """Every honoree's portrait photo, in catalogue order."""
    return [photo_source(pack, h.id, h.portrait) for h in catalog.honorees if h.portrait]


# ---------------------------------------------------------------------------------------
# The cache: built at start-up, remembered in the manifest
# ---------------------------------------------------------------------------------------


def ensure_thumbnails(
    catalog: Catalog, pack_dir: Path | str, data_dir: Path | str, static_dir: Path | str = STATIC_DIR
) -> ThumbnailReport:
    """Build the thumbnails that are missing or older than their photo; remove the ones no
    honoree's portrait needs any more (a withdrawn photo stops being served).

    A fast no-op when all are present: one stat per portrait, keyed by the source's path,
    modification time and size, as the manifest in `data_dir` remembers them.

    Raises:
        OSError: the static folder or the data folder cannot be written.
    """
    return refresh(photo_sources(catalog, pack_dir), data_dir, static_dir)


def refresh(
    sources: Iterable[Source | Refusal], data_dir: Path | str, static_dir: Path | str = STATIC_DIR
) -> ThumbnailReport:
    """Make the thumbnails folder hold exactly the thumbnails of `sources`, building only
    those whose source changed since the manifest last saw it.

    Raises:
        OSError: the static folder or the data folder cannot be written.
    """
    manifest = read_manifest(data_dir)
    fresh: dict[str, str] = {}
    built = kept = 0
    failed: list[Refusal] = []
    for source in sources:
        if isinstance(source, Refusal):
            failed.append(source)
            continue
        paths = [thumbnail_path(source.honoree_id, size, static_dir) for size in SIZES]
        if manifest.get(source.honoree_id) == source.key and all(p.exists() for p in paths):
            fresh[source.honoree_id] = source.key
            kept += 1
            continue
        try:
            webps = source.make()
        except PhotoRefused as exc:
            failed.append(Refusal(source.file, exc.reason, exc.code))
            continue
        write_thumbnails(source.honoree_id, webps, static_dir)
        fresh[source.honoree_id] = source.key
        built += 1
    removed = 0
    folder = thumbnails_dir(static_dir)
    if folder.is_dir():
        for path in folder.glob("*.webp"):
            owner = thumbnail_owner(path)
            if owner and owner[1] in SIZES and owner[0] not in fresh:
                path.unlink(missing_ok=True)
                removed += 1
        (folder / _SERVED_MANIFEST).unlink(missing_ok=True)
    if fresh != manifest:
        _write_manifest(data_dir, fresh)
    return ThumbnailReport(built, kept, removed, tuple(failed))


def read_manifest(data_dir: Path | str) -> dict[str, str]:
    """Honoree id → the key of the source their thumbnails were made from ({} when unreadable)."""
    try:
        loaded = json.loads(manifest_path(data_dir).read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in loaded.items()} if isinstance(loaded, dict) else {}
    except (OSError, ValueError):
        return {}


def remember(data_dir: Path | str, sources: Iterable[Source]) -> None:
    """Record thumbnails just made from `sources`, so start-up keeps them.

    Raises:
        OSError: the data folder cannot be written.
    """
    manifest = read_manifest(data_dir)
    for source in sources:
        manifest[source.honoree_id] = source.key
    _write_manifest(data_dir, manifest)


def _write_manifest(data_dir: Path | str, manifest: dict[str, str]) -> None:
    write_atomically(manifest_path(data_dir), json.dumps(manifest, sort_keys=True).encode())
