"""The loaded catalogue kept in the data folder, and fingerprints that say when a saved file is stale.

A saved catalogue (or search index) is used only when it was built from the same pack files
*and by the same code*: the fingerprint of the building modules' source replaces
hand-bumped version constants, so changing how records are read or ranked rebuilds them.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import logging
import pickle
from pathlib import Path

from hall.pack.catalog import Catalog
from hall.pack.read import read_pack
from hall.pack.write import recover, write_atomically

log = logging.getLogger(__name__)

# The code that turns a pack into a Catalog: a change to any of it invalidates saved catalogues.
CATALOG_CODE = (
    "hall.pack",
    "hall.pinyin",
    "hall.textnorm",
    "hall.rooms",
    "hall.voice.reading",
    "hall.voice.recordings",
    "hall.activities",
)
# Libraries whose output is stored (pinyin readings, traditional → simplified).
CATALOG_LIBRARIES = ("pypinyin", "opencc")


@functools.cache
def code_fingerprint(*modules: str) -> str:
    """A digest of the source of these modules (a package: every .py file below it) and of the
    installed versions of the libraries they store output of."""
    digest = hashlib.sha256()
    for name in modules:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.origin:
            raise ModuleNotFoundError(name)
        origin = Path(spec.origin)
        files = sorted(origin.parent.rglob("*.py")) if origin.name == "__init__.py" else [origin]
        for path in files:
            digest.update(f"{name}:{path.relative_to(origin.parent)}\n".encode())
            digest.update(path.read_bytes())
    for package in CATALOG_LIBRARIES:
        digest.update(f"{package}={library_version(package)}\n".encode())
    return digest.hexdigest()[:16]


@functools.cache
def library_version(package: str) -> str:
    """The installed version, from the dist-info folder name (importlib.metadata scans are slow)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.origin:
        return ""
    for folder in Path(spec.origin).parent.parent.glob(f"{package}-*.dist-info"):
        return folder.name[len(package) + 1 : -len(".dist-info")]
    from importlib import metadata

    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return ""


def files_fingerprint(pack: Path) -> hashlib._Hash:
    """A running digest of the pack's record files: path, size and modification time."""
    digest = hashlib.sha256(f"{pack}".encode())
    exhibits = pack / "exhibits"
    if exhibits.is_dir():
        for path in sorted(exhibits.rglob("*")):
            if path.is_file() and ".backup" not in path.relative_to(exhibits).parts:
                st = path.stat()
                digest.update(f"{path.relative_to(pack)}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    audio = pack / "media" / "audio"  # recordings and transcripts are checked at load
    for path in sorted(audio.iterdir()) if audio.is_dir() else ():
        st = path.stat()
        digest.update(f"{path.relative_to(pack)}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return digest


def cache_path(pack: Path, data_dir: Path) -> Path:
    digest = files_fingerprint(pack)
    digest.update(code_fingerprint(*CATALOG_CODE).encode())
    return data_dir / f"catalog-{digest.hexdigest()[:16]}.pickle"


def load_catalog(pack: Path | str, *, data_dir: Path | str | None = None) -> Catalog:
    """Load a content pack, using the saved catalogue in `data_dir` when the pack and the code
    that reads it are unchanged.

    Bad rows are skipped and listed in `Catalog.problems`; the rest loads.

    Raises:
        PackError: the pack has no usable hall.yaml or honorees.csv.
    """
    pack = Path(pack).resolve()
    # An import or photo upload cut short by a crash is rolled back before anything is read.
    recover(pack)
    cache = cache_path(pack, Path(data_dir)) if data_dir is not None else None
    if cache is not None and cache.exists():
        try:
            with cache.open("rb") as f:
                loaded = pickle.load(f)
            if isinstance(loaded, Catalog):
                return loaded
        except Exception:  # a damaged cache is rebuilt, never trusted
            log.warning("catalogue cache %s is unreadable; rebuilding", cache)
    catalog = read_pack(pack)
    if cache is not None:
        try:
            write_atomically(cache, pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError as exc:  # a read-only data folder only costs start-up time
            log.warning("could not write catalogue cache %s: %s", cache, exc)
    return catalog
