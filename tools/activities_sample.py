"""Sample activities and a sample 宣讲团 roster around a pack's real ones, deterministic by seed:
python -m tools.activities_sample [--pack DIR] [--count N] [--seed N].

Real rows (sample false) of activities.csv and speakers.csv are kept as they are and come first.
Invented rows are marked sample and name only sample people and sample studios as speakers and
hosts: no real person is given an activity a source does not state. The people files are read,
never written.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
from collections.abc import Callable, Sequence
from pathlib import Path

from hall.config import REPO_ROOT
from hall.pack import write_atomically
from hall.pack.schema import ACTIVITY, SPEAKER

DEFAULT_COUNT = 2400  # about the association's real pace (674 talks and 132 services in 2021) over five years
DEFAULT_SEED = 42
ROSTER = 131  # the 宣讲团's size in 2021
FIRST_DAY = dt.date(2022, 1, 1)
LAST_DAY = dt.date(2027, 6, 30)  # fixed, so the file does not change with the day it is written

Row = dict[str, str]

TOPICS = (
    ("劳动创造幸福", "Labour creates happiness"),
    ("工匠精神代代传", "Craftsmanship handed down"),
    ("我的岗位我的梦", "My post, my dream"),
    ("技能成才 技能报国", "Skills for a career and for the country"),
    ("绍兴制造的故事", "The story of made in Shaoxing"),
    ("从学徒到工匠", "From apprentice to craftsman"),
    ("安全生产每一天", "Safety every day"),
    ("新时代劳模故事", "Model workers' stories of the new era"),
    ("创新工作室里的攻关", "Breakthroughs in an innovation studio"),
    ("爱岗敬业 争创一流", "Dedication and excellence"),
)
# kind: weight, (zh, en) title pattern, audience range, minutes
KINDS: dict[str, tuple[int, tuple[str, str], tuple[int, int], int]] = {
    "talk": (45, ("{topic}——劳模工匠宣讲", "{topic_en}: a model workers' talk"), (30, 300), 90),
    "school": (12, ("劳模工匠进校园：{topic}", "Model workers at school: {topic_en}"), (200, 1500), 60),
    "report": (6, ("劳模事迹报告会：{topic}", "Model workers' deeds report: {topic_en}"), (150, 600), 120),
    "salon": (6, ("工匠沙龙：{topic}", "Craftsmen's salon: {topic_en}"), (20, 80), 120),
    "online_class": (4, ("网上名师课堂：{topic}", "Online masters' class: {topic_en}"), (1000, 20000), 45),
    "volunteer": (15, ("{service}", "{service_en}"), (20, 200), 180),
    "skill_show": (6, ("{studio}技能展示", "Skills shown at {studio}"), (20, 80), 60),
    "open_day": (6, ("{studio}开放日", "Open day at {studio}"), (20, 60), 120),
}
SERVICES = (
    ("电力劳模入企问诊", "Power-industry model workers advise a company"),
    ("农技劳模送技术下乡", "Farm-technology model workers take skills to the villages"),
    ("医护劳模免费义诊", "Medical model workers' free consultations"),
    ("装备制造志愿服务队进山区", "Equipment-making volunteers in the mountain counties"),
    ("劳模工匠志愿服务月", "Volunteer service month"),
)
PLACES = {
    "enterprise": ("工业园区职工之家", "企业会议室", "车间班前会"),
    "classroom": ("中学报告厅", "小学礼堂", "职业技术学院"),
    "office": ("机关会议室", "党群服务中心"),
    "community": ("村文化礼堂", "社区活动中心"),
    "family": ("职工家庭",),
}
SETTING_WEIGHTS = {"enterprise": 40, "classroom": 25, "office": 10, "community": 20, "family": 5}
TIMES = ("09:00", "09:30", "10:00", "14:00", "14:30", "19:00")


def _read(path: Path) -> list[Row]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(f)]


def _real(rows: list[Row]) -> list[Row]:
    return [r for r in rows if r.get("sample", "").lower() not in ("true", "1", "yes", "是")]


def generate(pack: Path, count: int = DEFAULT_COUNT, seed: int = DEFAULT_SEED) -> dict[str, list[Row]]:
    """The activities.csv and speakers.csv rows: the pack's real ones, then `count` invented
    activities and a roster of sample people; the same pack, count and seed give the same rows."""
    exhibits = pack / "exhibits"
    rng = random.Random(seed)
    people = [r for r in _read(exhibits / "honorees.csv") if r.get("sample", "").lower() == "true"]
    studios = [
        r
        for r in _read(exhibits / "studios.csv")
        if r.get("sample", "").lower() == "true" and r.get("open_for_visits", "").lower() == "true"
    ]
    real_acts = _real(_read(exhibits / ACTIVITY.file))
    real_roster = _real(_read(exhibits / SPEAKER.file))
    taken = {r["honoree_id"] for r in real_roster}
    pool = [p for p in people if p["id"] not in taken]
    members = rng.sample(pool, min(ROSTER, len(pool))) if pool else []
    roster = [
        {
            "honoree_id": p["id"],
            "topics": "、".join(t[0] for t in rng.sample(TOPICS, rng.randint(1, 3))),
            "since": str(rng.randint(2018, 2024)),
            "sample": "true",
            "source": "",
        }
        for p in members
    ]
    topics_of = {r["honoree_id"]: r["topics"].split("、") for r in roster}
    topic_en = dict(TOPICS)
    span = (LAST_DAY - FIRST_DAY).days
    kinds = list(KINDS)
    weights = [KINDS[k][0] for k in kinds]
    invented: list[Row] = []
    for n in range(1, count + 1):
        kind = rng.choices(kinds, weights)[0]
        _, (title_zh, title_en), (low, high), minutes = KINDS[kind]
        day = FIRST_DAY + dt.timedelta(days=rng.randint(0, span))
        row: Row = {c: "" for c in ACTIVITY.columns}
        row.update(id=f"sa{n:06d}", date=day.isoformat(), time=rng.choice(TIMES), kind=kind)
        row.update(minutes=str(minutes), audience=str(rng.randint(low, high)), sample="true")
        if kind in ("skill_show", "open_day") and studios:
            studio = rng.choice(studios)
            row.update(studio_id=studio["id"], place=studio["name"], district=studio["district"])
            row.update(title_zh=title_zh.format(studio=studio["name"]))
            row.update(title_en=title_en.format(studio=studio["name"]))
            leader = studio.get("leader_id", "")
            row["speakers"] = leader if any(p["id"] == leader for p in people) else ""
        elif kind == "volunteer":
            service = rng.choice(SERVICES)
            someone = rng.sample(people, min(len(people), rng.randint(1, 4)))
            row.update(
                title_zh=service[0], title_en=service[1], district=someone[0]["district"] if someone else ""
            )
            row.update(setting="community", place="村文化礼堂")
            row["speakers"] = "、".join(p["id"] for p in someone)
        elif members:
            speakers = rng.sample(members, rng.choice((1, 1, 1, 2, 3)))
            topic = rng.choice(topics_of[speakers[0]["id"]])
            setting = (
                "classroom"
                if kind in ("school", "online_class")
                else rng.choices(list(SETTING_WEIGHTS), list(SETTING_WEIGHTS.values()))[0]
            )
            district = speakers[0]["district"]
            place = "直播" if kind == "online_class" else rng.choice(PLACES[setting])
            row.update(
                setting=setting, district=district, place=place, online=str(kind == "online_class").lower()
            )
            row.update(
                title_zh=title_zh.format(topic=topic), title_en=title_en.format(topic_en=topic_en[topic])
            )
            row["speakers"] = "、".join(p["id"] for p in speakers)
        else:
            continue
        invented.append(row)
    return {ACTIVITY.file: [*real_acts, *invented], SPEAKER.file: [*real_roster, *roster]}


def _csv(columns: Sequence[str], rows: list[Row]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def write(pack: Path, count: int = DEFAULT_COUNT, seed: int = DEFAULT_SEED) -> dict[str, int]:
    """Write both files into pack/exhibits (atomically); rows written per file."""
    rows = generate(pack, count, seed)
    for kind in (ACTIVITY, SPEAKER):
        write_atomically(pack / "exhibits" / kind.file, _csv(kind.columns, rows[kind.file]))
    return {name: len(r) for name, r in rows.items()}


def main(argv: Sequence[str] | None = None, out: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.activities_sample", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--pack", type=Path, default=REPO_ROOT, help="pack folder (default: the repo root)")
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="invented activities")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    written = write(args.pack, args.count, args.seed)
    out(", ".join(f"{n} rows to {name}" for name, n in written.items()) + f" (seed {args.seed})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
