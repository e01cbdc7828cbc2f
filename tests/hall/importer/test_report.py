"""The report's JSON shape."""

from __future__ import annotations

from pathlib import Path

from hall.importer import plan_import


def test_report_json_has_the_documented_shape(pack: Path) -> None:
    report = plan_import("姓名,荣誉称号\n张三,省劳模\n".encode(), "s.csv", pack).report
    assert list(report.to_json())[:6] == [
        "persons",
        "honours",
        "rejected",
        "duplicates",
        "dropped_columns",
        "warnings",
    ]
