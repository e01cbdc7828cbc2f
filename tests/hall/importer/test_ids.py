"""New ids: an id is never given twice, even after its person is deleted."""

from __future__ import annotations

from pathlib import Path

from hall.importer import apply_import, plan_import
from tests.support.importing import csv_rows
from tests.support.packs import write_pack


def test_a_deleted_persons_id_is_never_given_again(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "pack")
    first = "姓名,出生年月,荣誉称号,获评年份\n甲一,1960,省劳模,1990\n乙二,1961,省劳模,1991\n"
    apply_import(plan_import(first.encode(), "a.csv", pack), pack)
    people = csv_rows(pack / "exhibits" / "honorees.csv")
    assert [p["id"] for p in people if p["name"] in ("甲一", "乙二")] == ["i00001", "i00002"]
    # A curator deletes 乙二 by hand; the next new person must not inherit i00002.
    lines = (pack / "exhibits" / "honorees.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (pack / "exhibits" / "honorees.csv").write_text(
        "".join(line for line in lines if "乙二" not in line), encoding="utf-8"
    )
    plan = plan_import("姓名,荣誉称号\n丙三,市劳模\n".encode(), "b.csv", pack)
    assert [(p.id, p.name, p.new) for p in plan.people] == [("i00003", "丙三", True)]
