"""The catalogue cache follows the code that reads the pack."""

from __future__ import annotations

from pathlib import Path

from hall.pack import load_catalog, rank_key
from tests.support.codecopy import copy_code, edit, run_code
from tests.support.packs import write_pack

LOAD = """
from pathlib import Path
import hall.pack.cache
from hall.pack import load_catalog
reads = []
read_pack = hall.pack.cache.read_pack
hall.pack.cache.read_pack = lambda pack: reads.append(pack) or read_pack(pack)
catalog = load_catalog(Path(sys.argv[1]), data_dir=Path(sys.argv[2]))
print(json.dumps({"read": bool(reads), "new_era": [h.id for h in catalog.members("era", "new_era")]}))
"""


def test_changing_the_rank_key_rebuilds_the_saved_catalogue(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "pack")
    members = load_catalog(pack).members("era", "new_era")
    ranked = [h.id for h in sorted(members, key=rank_key)]
    by_id_descending = sorted(ranked, reverse=True)
    assert len(ranked) > 2
    assert ranked != by_id_descending
    code = copy_code(tmp_path / "code")
    args = (str(pack), str(tmp_path / "data"))

    first = run_code(code, LOAD, *args)
    assert first["hall"].startswith(str(code))
    assert (first["read"], first["new_era"]) == (True, ranked)
    assert run_code(code, LOAD, *args) == {**first, "read": False}  # the saved catalogue

    edit(
        code / "hall" / "pack" / "records.py",
        "return (h.best_level, first if first is not None else 9999, h.id)",
        "return tuple(-ord(c) for c in h.id)",
    )
    edited = run_code(code, LOAD, *args)
    assert (edited["read"], edited["new_era"]) == (True, by_id_descending)
    assert run_code(code, LOAD, *args)["read"] is False  # saved again by the edited code
