"""A pack's own rows: real ones kept as they are, sample ones drawn again around them."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.packs import REPO, write_pack
from tools import samplepack

Row = dict[str, str]


def _read(pack: Path, name: str) -> list[Row]:
    with (pack / "exhibits" / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _own_hall(root: Path) -> Path:
    (root / "exhibits").mkdir(parents=True)
    shutil.copy(REPO / "exhibits" / "hall.yaml", root / "exhibits" / "hall.yaml")
    return root


def test_a_pack_keeps_its_real_rows_and_draws_its_sample_again(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "pack")  # t01 real, t02–t07 sample, one sample collective
    (real,) = [p for p in _read(pack, "honorees.csv") if p["sample"] == "false"]
    real_honours = [h for h in _read(pack, "honours.csv") if h["honoree_id"] == real["id"]]
    milestones = _read(pack, "milestones.csv")

    samplepack.write_pack(pack, 40, seed=3)

    people = _read(pack, "honorees.csv")
    assert len(people) == 40
    assert people[0] == real
    assert [p for p in people[1:] if p["sample"] != "true"] == []
    assert not {"t02", "t03", "t07"} & {p["id"] for p in people}
    assert [h for h in _read(pack, "honours.csv") if h["honoree_id"] == real["id"]] == real_honours
    assert all(c["sample"] == "true" for c in _read(pack, "collectives.csv"))
    assert _read(pack, "milestones.csv") == milestones


def test_a_pack_of_its_own_without_real_rows_gets_invented_rows_only(tmp_path: Path) -> None:
    pack = _own_hall(tmp_path)
    written = samplepack.write_pack(pack, 60, seed=3)
    assert written["honorees.csv"] == 60
    assert {p["sample"] for p in _read(pack, "honorees.csv")} == {"true"}
    assert {c["sample"] for c in _read(pack, "collectives.csv")} == {"true"}
    assert _read(pack, "milestones.csv") == []


def test_a_fresh_folder_gets_the_default_pack_s_real_rows(tmp_path: Path) -> None:
    samplepack.write_pack(tmp_path, 60, seed=3)
    default = samplepack.read_real(REPO)
    assert default.honorees
    mine = samplepack.read_real(tmp_path)
    assert mine == default


def test_no_invented_person_takes_the_name_of_a_real_one_in_the_pack(tmp_path: Path) -> None:
    first = samplepack.generate(300, seed=5, pack=_own_hall(tmp_path / "a"))
    taken = first["honorees.csv"][0]["name"]
    pack = write_pack(
        tmp_path / "b", honorees=[("x1", taken, "", "", "", "", "", "农业", "false")], honours=[]
    )
    again = samplepack.generate(301, seed=5, pack=pack)
    invented = [p["name"] for p in again["honorees.csv"] if p["sample"] == "true"]
    assert len(invented) == 300
    assert taken not in invented


def test_a_column_the_schema_does_not_know_stops_the_generator(tmp_path: Path) -> None:
    pack = write_pack(tmp_path)
    path = pack / "exhibits" / "honorees.csv"
    rows = _read(pack, "honorees.csv")
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, [*rows[0], "favourite_colour"], restval="阿三")
        writer.writeheader()
        writer.writerows(rows)
    before = path.read_bytes()
    lines: list[str] = []
    assert samplepack.main(["--pack", str(pack), "--count", "30"], out=lines.append) == 1
    assert "favourite_colour" in lines[0]
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("honorees", "collective_id"),
    [
        ([("s00001", "王某", "", "", "", "", "", "农业", "false")], "c1"),
        ([], "c002"),  # invented collectives number on from the real ones: c002 …
    ],
)
def test_invented_ids_never_take_a_real_row_s_id(
    tmp_path: Path, honorees: list[tuple[str, ...]], collective_id: str
) -> None:
    pack = write_pack(tmp_path, honorees=honorees, honours=[])
    path = pack / "exhibits" / "collectives.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("c1,", f"{collective_id},").replace(",true,", ",false,"),
        encoding="utf-8",
    )
    with pytest.raises(samplepack.PackRowsUnusable, match="already the pack's own"):
        samplepack.generate(40, pack=pack)


def test_python_m_tools_samplepack_writes_a_pack(tmp_path: Path) -> None:
    # More than the default pack's real people, whom a new folder keeps (41 since the real roll).
    argv = [sys.executable, "-m", "tools.samplepack", "--pack", str(tmp_path), "--count", "80"]
    done = subprocess.run(argv, cwd=REPO, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "80 honorees" in done.stdout
    assert len(_read(tmp_path, "honorees.csv")) == 80
