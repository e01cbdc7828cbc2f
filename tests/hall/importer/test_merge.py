"""Rows into the pack: an id column names people already there."""

from __future__ import annotations

from pathlib import Path

from hall.importer import plan_import


def test_an_id_column_matches_people_already_in_the_pack(pack: Path) -> None:
    text = "id,姓名,荣誉称号,获评年份\nt03,吴国平,省劳模,1999\nt04,周文斌,省劳模,1999\nzz9,某某,省劳模,1999\n"
    plan = plan_import(text.encode(), "ids.csv", pack)
    assert [(p.id, p.new, p.honours_added) for p in plan.people] == [("t03", False, (("zj_model", 1999),))]
    assert [(i.row, i.code) for i in plan.report.rejected] == [(3, "id_mismatch"), (4, "unknown_id")]
