"""A small pack with activities and a roster, written in the real file formats."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from hall.pack.schema import ACTIVITY, SPEAKER
from tests.support.packs import write_pack

ACTIVITIES = [
    # id, date, time, kind, setting, title_zh, district, studio_id, speakers, audience, online, sample
    ("a1", "2021", "", "school", "classroom", "开学第一天", "", "", "t01", "7000", "true", "false"),
    (
        "a2",
        "2024-03-05",
        "9:30",
        "talk",
        "enterprise",
        "工匠精神宣讲",
        "柯桥区",
        "",
        "t06、t07",
        "120",
        "",
        "true",
    ),
    ("a3", "2024-05-01", "14:00", "talk", "community", "劳动创造幸福", "绍兴县", "", "t06", "80", "", "true"),
    ("a4", "2025-06-01", "", "skill_show", "", "黄酒酿造技能展示", "越城区", "w1", "t06", "40", "", "true"),
    (
        "a5",
        "2030-01-10",
        "10:00",
        "volunteer",
        "community",
        "医护劳模免费义诊",
        "嵊州市",
        "",
        "t05",
        "60",
        "",
        "true",
    ),
]
COLUMNS = (
    "id",
    "date",
    "time",
    "kind",
    "setting",
    "title_zh",
    "district",
    "studio_id",
    "speakers",
    "audience",
    "online",
    "sample",
)


def write_activities(
    root: Path, rows: list[tuple[str, ...]] | None = None, roster: list[dict[str, str]] | None = None
) -> Path:
    exhibits = root / "exhibits"
    with (exhibits / ACTIVITY.file).open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, ACTIVITY.columns, restval="")
        writer.writeheader()
        # A row may add a source after the columns above.
        writer.writerows(
            dict(zip((*COLUMNS, "source"), r, strict=False)) for r in (ACTIVITIES if rows is None else rows)
        )
    with (exhibits / SPEAKER.file).open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, SPEAKER.columns, restval="")
        writer.writeheader()
        default = [{"honoree_id": "t06", "topics": "黄酒酿造、工匠精神", "since": "2019", "sample": "true"}]
        writer.writerows(default if roster is None else roster)
    return root


@pytest.fixture
def act_pack(tmp_path: Path) -> Path:
    return write_activities(write_pack(tmp_path / "pack"))
