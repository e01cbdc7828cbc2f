"""Small content packs written for tests, in the pack's real file formats."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from hall.pack.schema import BY_FILE

REPO = Path(__file__).resolve().parents[2]

HONOREES = [
    # id, name, gender, birth, district (as printed), employer, position, industry, sample
    ("t01", "丁卫松", "男", "", "柯桥区", "绍兴柯桥排水有限公司", "高级技师", "市政公用", "false"),
    ("t02", "王建国", "男", "1931", "绍兴县", "国营绍兴棉纺织厂", "挡车工", "纺织印染", "true"),
    ("t03", "李秀英", "女", "1950", "诸暨县", "诸暨县东和公社", "生产队长", "农业", "true"),
    ("t04", "单晓东", "男", "1968", "上虞市", "上虞精细化工有限公司", "车间主任", "化工", "true"),
    ("t05", "曾丽华", "女", "1975", "嵊州市", "嵊州市人民医院", "护士长", "医疗卫生", "true"),
    ("t06", "陈志强", "男", "1982", "越城区", "绍兴黄酒集团", "酿酒师", "黄酒酿造", "true"),
    ("t07", "吕文斌", "男", "1990", "新昌县", "新昌轴承有限公司", "数控技师", "机械制造", "true"),
]
HONOURS = [
    ("t01", "zj_craftsman", "2018"),
    ("t01", "zj_model", ""),
    ("t02", "national_model", "1956"),
    ("t02", "sx_model", "1979"),
    ("t03", "zj_model", "1978"),
    ("t04", "zj_model", "2005"),
    ("t05", "national_may1", "2017"),
    ("t06", "sx_model", "2019"),
    ("t06", "sx_craftsman", "2021"),
    ("t07", "sx_craftsman", "2022"),
]


def _write(exhibits: Path, name: str, rows: list[dict[str, str]]) -> None:
    """One pack file with the catalogue's own columns; a column a row leaves out is empty."""
    with (exhibits / name).open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, BY_FILE[name].columns, restval="")
        writer.writeheader()
        writer.writerows(rows)


def write_pack(
    root: Path,
    honorees: list[tuple[str, ...]] | None = None,
    honours: list[tuple[str, ...]] | None = None,
) -> Path:
    """A pack in `root`: the default pack's hall.yaml and geo, and a few people."""
    exhibits = root / "exhibits"
    (exhibits / "geo").mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "exhibits" / "hall.yaml", exhibits / "hall.yaml")
    geo = REPO / "exhibits" / "geo" / "districts.geojson"
    if geo.exists():
        shutil.copy(geo, exhibits / "geo" / "districts.geojson")
    person = ("id", "name", "gender", "birth_year", "district", "employer", "position", "industry", "sample")
    people = [dict(zip(person, row, strict=True)) for row in (honorees if honorees is not None else HONOREES)]
    for h in people:
        h["deeds"] = f"{h['name']}的事迹第一段。\n{h['name']}的事迹第二段。"
        h["source"] = "测试来源" if h["sample"] == "false" else ""
    _write(exhibits, "honorees.csv", people)
    honour = ("honoree_id", "honour", "year")
    _write(
        exhibits,
        "honours.csv",
        [dict(zip(honour, row, strict=True)) for row in (honours if honours is not None else HONOURS)],
    )
    collective = {"id": "c1", "name": "某车间班组", "district": "柯桥区", "honour": "national_pioneer"}
    _write(
        exhibits, "collectives.csv", [{**collective, "year": "2017", "deeds": "技术攻关", "sample": "true"}]
    )
    studio = {"id": "w1", "name": "陈志强劳模创新工作室", "level": "municipal", "leader_id": "t06"}
    where = {"district": "越城区", "lon": "120.58", "lat": "30.0"}
    visit = {"open_for_visits": "true", "what_to_see": "黄酒酿造技艺展示", "sample": "true"}
    _write(exhibits, "studios.csv", [{**studio, **where, **visit}])
    milestone = {"year": "1950", "date": "1950-09-25", "title_zh": "全国劳模代表会议"}
    extra = {"title_en": "First national conference", "kind": "national_conference", "source": "x"}
    _write(exhibits, "milestones.csv", [{**milestone, **extra}])
    return root
