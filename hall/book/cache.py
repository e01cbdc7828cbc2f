"""Books made for the curators' download, kept in the data folder under a digest of the pack,
its photos and the book's code: asked for twice, a book is typeset once."""

from __future__ import annotations

import hashlib
from pathlib import Path

from hall.book.build import BookOptions, write_book
from hall.pack import Catalog
from hall.pack.cache import code_fingerprint, files_fingerprint
from hall.portraits import PORTRAITS

FOLDER = "book"


def pack_digest(pack: Path | str) -> str:
    """The pack's records and photos (path, size, time) and the code that typesets them."""
    pack = Path(pack)
    digest = hashlib.sha256(files_fingerprint(pack).digest())
    photos = pack / PORTRAITS
    for path in sorted(photos.glob("*")) if photos.is_dir() else ():
        if path.is_file():
            st = path.stat()
            digest.update(f"{path.name}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    digest.update(code_fingerprint("hall.book", "hall.portraits.names").encode())
    return digest.hexdigest()[:16]


def _stem(pack: Path | str, options: BookOptions) -> str:
    return f"minglu-{pack_digest(pack)}-{options.key()}"


def cached(pack: Path | str, data_dir: Path | str, options: BookOptions) -> list[Path]:
    """The volumes of this book if they were made from the pack as it is now; [] if not."""
    folder = Path(data_dir) / FOLDER
    stem = _stem(pack, options)
    single = folder / f"{stem}.pdf"
    if single.is_file():
        return [single]
    return sorted(folder.glob(f"{stem}-*.pdf"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def make(cat: Catalog, pack: Path | str, data_dir: Path | str, options: BookOptions) -> list[Path]:
    """Typeset the book into the data folder and drop books of older packs.

    Raises:
        hall.book.NoBaseUrl, hall.book.FontsMissing: see write_book.
        OSError: the data folder cannot be written.
    """
    folder = Path(data_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    digest = pack_digest(pack)
    for old in folder.glob("minglu-*.pdf"):
        if not old.name.startswith(f"minglu-{digest}-"):
            old.unlink(missing_ok=True)
    # Written under a temporary name and renamed, so a half-made book is never offered.
    work = folder / f".{_stem(pack, options)}.pdf"
    report = write_book(cat, pack, work, options)
    done = []
    for volume in report.volumes:
        final = folder / volume.path.name.lstrip(".")
        volume.path.replace(final)
        done.append(final)
    return done
