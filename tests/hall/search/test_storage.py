"""The saved index: one file beside the catalogue cache, used only for the same catalogue and code."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from hall.search import INDEX_FILE, SearchIndex, catalog_fingerprint, index_path, storage
from tests.support.codecopy import copy_code, edit, run_code
from tests.support.standin import CASES, PEOPLE, StandInCatalog


def test_save_and_load(tmp_path: Path, catalog: StandInCatalog, index: SearchIndex) -> None:
    path = tmp_path / "search-index.bin"
    index.save(path)
    loaded = SearchIndex.load(path, catalog)
    assert loaded is not None
    for query, filters, _ in CASES:
        a = index.search(query, **filters)  # type: ignore[arg-type]
        b = loaded.search(query, **filters)  # type: ignore[arg-type]
        assert (a.ids, a.total, a.facets, a.suggestions) == (
            b.ids,
            b.total,
            b.facets,
            b.suggestions,
        )


def test_stale_or_damaged_saved_index_is_rebuilt(tmp_path: Path, catalog: StandInCatalog) -> None:
    path = tmp_path / "search-index.bin"
    SearchIndex.load_or_build(catalog, path)
    assert path.exists()
    changed_people = (replace(PEOPLE[0], deeds="全新的事迹：发明节能锅炉。"), *PEOPLE[1:])
    changed = StandInCatalog(honorees=changed_people)
    assert catalog_fingerprint(changed) != catalog_fingerprint(catalog)
    assert SearchIndex.load(path, changed) is None
    rebuilt = SearchIndex.load_or_build(changed, path)
    assert rebuilt.search("节能锅炉").ids == ("p01",)
    assert SearchIndex.load(path, changed) is not None  # saved again
    path.write_bytes(b"not an index")
    assert SearchIndex.load(path, changed) is None
    assert SearchIndex.load(tmp_path / "missing.npz", changed) is None


def test_pack_fingerprint_follows_the_pack_files(tmp_path: Path) -> None:
    from hall.pack import load_catalog
    from tests.support.packs import write_pack

    pack = write_pack(tmp_path / "pack")
    first = load_catalog(pack)
    fingerprint = catalog_fingerprint(first)
    assert fingerprint.startswith("pack:")
    assert catalog_fingerprint(load_catalog(pack)) == fingerprint
    path = tmp_path / "index.bin"
    SearchIndex.load_or_build(first, path)
    assert SearchIndex.load(path, first) is not None
    people = pack / "exhibits" / "honorees.csv"
    text = people.read_text(encoding="utf-8")
    people.write_text(text.replace("高级技师", "首席技师"), encoding="utf-8")  # same size
    stat = people.stat()
    os.utime(people, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    changed = load_catalog(pack)
    assert catalog_fingerprint(changed) != fingerprint
    assert SearchIndex.load(path, changed) is None
    assert SearchIndex.load_or_build(changed, path).search("首席技师").ids == ("t01",)


def test_the_file_is_laid_out_as_described(tmp_path: Path, index: SearchIndex) -> None:
    path = index_path(tmp_path)
    assert path == tmp_path / INDEX_FILE
    index.save(path)
    raw = path.read_bytes()
    assert raw.startswith(b"HALLSEARCH\x00")
    size = int.from_bytes(raw[11:19], "little")
    header = json.loads(raw[19 : 19 + size].decode("utf-8"))
    assert header["meta"]["code"] == storage.code_version()["code"]
    assert header["meta"]["libraries"] == storage.code_version()["libraries"]
    assert header["meta"]["size"] == len(PEOPLE)
    start = -(-(19 + size) // 64) * 64
    assert set(raw[19 + size : start]) <= {0}
    assert set(header["arrays"]) == set(index.arrays)
    for name, (dtype, shape, offset) in header["arrays"].items():
        assert offset % 64 == 0
        array = index.arrays[name]
        assert (np.dtype(dtype), tuple(shape)) == (array.dtype, array.shape)
        assert raw[start + offset : start + offset + array.nbytes] == array.tobytes()


def test_an_index_saved_by_other_code_is_not_used(
    tmp_path: Path, catalog: StandInCatalog, index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = index_path(tmp_path)
    index.save(path)
    assert SearchIndex.load(path, catalog) is not None
    monkeypatch.setattr(storage, "code_version", lambda: {"code": "other", "libraries": {}})
    assert SearchIndex.load(path, catalog) is None


SEARCH = """
from pathlib import Path
from hall.pack import load_catalog
from hall.search import SearchIndex, index_path
catalog = load_catalog(Path(sys.argv[1]))
saved = index_path(Path(sys.argv[2]))
reused = SearchIndex.load(saved, catalog) is not None
index = SearchIndex.load_or_build(catalog, saved)
print(json.dumps({"reused": reused, "ids": list(index.search("", limit=100).ids)}))
"""


def test_changing_the_ranking_code_rebuilds_the_saved_index(tmp_path: Path) -> None:
    from hall.pack import load_catalog, rank_key
    from tests.support.packs import write_pack

    pack = write_pack(tmp_path / "pack")
    people = load_catalog(pack).honorees
    ranked = [h.id for h in sorted(people, key=rank_key)]
    by_id_descending = sorted(ranked, reverse=True)
    assert ranked != by_id_descending
    code = copy_code(tmp_path / "code")
    args = (str(pack), str(tmp_path / "data"))

    first = run_code(code, SEARCH, *args)
    assert first["hall"].startswith(str(code))
    assert (first["reused"], first["ids"]) == (False, ranked)
    assert run_code(code, SEARCH, *args) == {**first, "reused": True}

    edit(
        code / "hall" / "search" / "rank.py",
        "key=lambda i: rank_key(honorees[i]))",
        "key=lambda i: honorees[i].id, reverse=True)",
    )
    edited = run_code(code, SEARCH, *args)
    assert (edited["reused"], edited["ids"]) == (False, by_id_descending)
    assert run_code(code, SEARCH, *args)["reused"] is True  # saved again by the edited code
