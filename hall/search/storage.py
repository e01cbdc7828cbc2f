"""The saved search index: one file, ``search-index.bin`` in the data folder (HALL_DATA), beside
the catalogue cache, memory-mapped when loaded.

The file is the index's numpy arrays, raw, behind a JSON header — no pickle, so loading never
runs code from the file; several processes serving the same hall share one copy of the arrays
in the page cache. Its layout, in order:

1. ``HALLSEARCH\\0`` (11 bytes), then the length of the header (8 bytes, little-endian);
2. the header: UTF-8 JSON ``{"meta": {...}, "arrays": {name: [dtype, shape, offset]}}``;
   ``meta`` holds what built it (``code``, ``libraries``), from what (``fingerprint``, ``size``)
   and the index's small tables (facet labels, value words);
3. zero bytes up to the next multiple of 64, where the data begins; then each array, C order,
   at its ``offset`` from the data's beginning (every offset a multiple of 64).

A saved index is used only when it was built by the same code (:func:`code_version`: a digest
of the source of hall.search and of the modules that build the catalogue, and the versions of
the libraries whose output it stores) from the same catalogue (:func:`catalog_fingerprint`).
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import mmap
import operator
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from hall.pack.cache import (
    CATALOG_CODE,
    CATALOG_LIBRARIES,
    code_fingerprint,
    files_fingerprint,
    library_version,
)
from hall.pack.write import write_atomically
from hall.search.build import READ_FIELDS, CatalogLike
from hall.search.facets import text_of

INDEX_FILE = "search-index.bin"
MAGIC = b"HALLSEARCH\x00"
_ALIGN = 64
_MAX_HEADER = 1 << 26


def index_path(data_dir: str | os.PathLike[str]) -> Path:
    """Where the index of the hall is saved in the data folder."""
    return Path(data_dir) / INDEX_FILE


@functools.cache
def code_version() -> dict[str, Any]:
    """What a saved index must have been built by: the code and the stored libraries' versions."""
    return {
        "code": code_fingerprint("hall.search", *CATALOG_CODE),
        "libraries": {p: library_version(p) for p in CATALOG_LIBRARIES},
    }


def catalog_fingerprint(catalog: CatalogLike) -> str:
    """What a saved index must have been built from to be used for ``catalog``.

    In order of preference:

    * the catalogue's own ``fingerprint`` attribute, when it has one;
    * for a catalogue read from a pack folder (``catalog.pack``): the files under ``exhibits/``
      (path, size, modification time; the same test hall.pack trusts for its own cache) and
      the honoree ids in order — a few milliseconds at any size;
    * otherwise a digest of every field the index reads (about 0.4 s for 100,000 people).
    """
    own = getattr(catalog, "fingerprint", None)
    if isinstance(own, str) and own:
        return f"catalog:{own}"
    pack = getattr(catalog, "pack", None)
    if isinstance(pack, str | os.PathLike) and str(pack) and (Path(pack) / "exhibits").is_dir():
        digest = files_fingerprint(Path(pack).resolve())
        # the code that read the pack: the same files may make another catalogue
        digest.update(code_fingerprint(*CATALOG_CODE).encode())
        # the ids in order: rows of a stale index could otherwise point at the wrong people
        ids = "\x1f".join(map(operator.attrgetter("id"), catalog.honorees))
        digest.update(ids.encode("utf-8", "surrogatepass"))
        return "pack:" + digest.hexdigest()
    return _content_fingerprint(catalog)


def _content_fingerprint(catalog: CatalogLike) -> str:
    digest = hashlib.sha1(usedforsecurity=False)  # change detection, not security
    head = [
        [(e.id, e.name.zh, e.name.en) for e in catalog.eras],
        [
            (k.code, k.name.zh, k.name.en, k.level.value, k.type.value, k.aliases)
            for k in catalog.honour_kinds.values()
        ],
        [(d.adcode, d.name.zh, d.name.en, d.former) for d in catalog.districts],
        [text_of(i) for i in catalog.industries],
    ]
    digest.update(repr(head).encode())
    # A few joins over the whole catalogue keep this at C speed (~0.3 s for 100,000 people).
    people = catalog.honorees
    flat = itertools.chain.from_iterable
    text = "\x1f".join(flat(map(operator.attrgetter(*READ_FIELDS), people)))
    digest.update(text.encode("utf-8", "surrogatepass"))
    del text
    flags = map(operator.attrgetter("best_level", "is_craftsman"), people)
    digest.update(repr(list(flags)).encode())
    digest.update(repr(list(map(len, map(operator.attrgetter("honours"), people)))).encode())
    honours = list(flat(map(operator.attrgetter("honours"), people)))
    digest.update("\x1f".join(flat(map(operator.attrgetter("code", "era"), honours))).encode())
    digest.update(repr(list(map(operator.attrgetter("year"), honours))).encode())
    return digest.hexdigest()


def _data_start(header_size: int) -> int:
    return -(-(len(MAGIC) + 8 + header_size) // _ALIGN) * _ALIGN


def write(path: str | os.PathLike[str], arrays: Mapping[str, np.ndarray], meta: Mapping[str, Any]) -> None:
    """Save an index to ``path`` atomically (readers see the old file or the new one).

    Raises:
        OSError: the folder cannot be written.
    """
    layout: dict[str, list[Any]] = {}
    end = 0
    for name, array in arrays.items():
        offset = -(-end // _ALIGN) * _ALIGN
        layout[name] = [array.dtype.str, list(array.shape), offset]
        end = offset + array.nbytes
    header = json.dumps({"meta": dict(meta), "arrays": layout}, ensure_ascii=False).encode()
    start = _data_start(len(header))
    data = bytearray(start + end)
    data[: len(MAGIC) + 8 + len(header)] = MAGIC + len(header).to_bytes(8, "little") + header
    for name, array in arrays.items():
        at = start + layout[name][2]
        data[at : at + array.nbytes] = np.ascontiguousarray(array).view(np.uint8).reshape(-1).data
    write_atomically(path, data)


def read(
    path: str | os.PathLike[str], *, size: int, fingerprint: Callable[[], str]
) -> tuple[dict[str, np.ndarray], dict[str, Any]] | None:
    """The arrays (memory-mapped) and meta saved at ``path``, if built by this code from a
    catalogue of ``size`` people with the fingerprint ``fingerprint()`` (asked for only when
    everything else fits); else None.

    A missing, damaged, stale or foreign file gives None, never an exception.
    """
    try:
        with open(path, "rb") as f:
            if f.read(len(MAGIC)) != MAGIC:
                return None
            header_size = int.from_bytes(f.read(8), "little")
            if not 0 < header_size < _MAX_HEADER:
                return None
            header = json.loads(f.read(header_size).decode("utf-8"))
            meta = header["meta"]
            built_by = {k: meta.get(k) for k in code_version()}
            if built_by != code_version() or int(meta.get("size", -1)) != size:
                return None
            if meta.get("fingerprint") != fingerprint():
                return None
            mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        start = _data_start(header_size)
        arrays: dict[str, np.ndarray] = {}
        for name, (dtype, shape, offset) in header["arrays"].items():
            kind = np.dtype(dtype)
            if kind.hasobject:
                return None
            count = int(np.prod(shape, dtype=np.int64))
            arrays[name] = np.frombuffer(mapped, dtype=kind, count=count, offset=start + offset).reshape(
                shape
            )
        return arrays, meta
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
