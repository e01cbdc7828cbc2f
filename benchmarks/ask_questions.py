"""Writes the 问展馆 question set, ``benchmarks/ask_questions.json``, from the pack's files.

Expected answers are computed here with pandas straight from ``exhibits/*.csv`` and
``exhibits/hall.yaml`` — never through hall.ask, hall.search or hall.pack — so the benchmark
checks the code against the records, not against itself. Facts about the hall, the honours and
the history are written by hand from milestones.csv and hall.yaml (each with the words the
answer must quote); the 30 questions the hall cannot answer are written by hand. Activities and
名师高徒 pairs (kinds ``activity`` and ``lineage``) come from activities.csv and pairs.csv, the
programme's figures from hall.yaml's ``programme``.

    .venv/bin/python benchmarks/ask_questions.py [--pack DIR] [--out FILE]

Deterministic (random.Random(22)); rerun it after regenerating the sample pack.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import pandas as pd
import yaml

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "benchmarks" / "ask_questions.json"

FACTS = [  # (question, words the quoted passage must hold), from milestones.csv and hall.yaml
    ("五一劳动奖章是哪一年设立的？", "1985"),
    ("全国五一劳动奖章从哪一年开始评选？", "1985"),
    ("绍兴市劳动模范协会是哪一年成立的？", "2004"),
    ("绍兴工匠日是哪一天？", "12月18日"),
    ("全国工人先锋号是哪一年开始命名的？", "2008"),
    ("首批浙江工匠是哪一年命名的？", "2017"),
    ("浙江工匠从哪一年开始设立评选？", "2017"),
    ("新时代从哪一年开始？", "2013"),
    ("改革开放和社会主义现代化建设新时期从哪一年开始？", "1979"),
    ("社会主义革命和建设时期从哪一年开始？", "1949"),
    ("改革开放时期的时代精神是什么？", "敢为人先"),
    ("新时代的时代精神是什么？", "精益求精"),
    ("绍兴县现在叫什么？", "柯桥区"),
    ("嵊县现在叫什么？", "嵊州市"),
    ("上虞市现在叫什么？", "上虞区"),
    ("诸暨县现在叫什么？", "诸暨市"),
    ("全国科学大会是哪一年召开的？", "1978"),
    ("全国群英会是哪一年？", "1959"),
    ("全国先进生产者代表会议是哪一年召开的？", "1956"),
    ("绍兴劳模工匠馆展示了多少名各级劳模？", "1832"),
    ("劳模工匠馆暑期延长开放时间是哪一年？", "2022"),
    ("全国劳动模范是什么级别的荣誉？", "全国级"),
    ("绍兴工匠是什么级别的称号？", "市级"),
    ("省劳模又称什么？", "浙江省劳动模范"),
    ("中华全国总工会成立100周年表彰大会是哪一年？", "2025"),
]
PEOPLE_BY_HAND = [  # (question, honoree id, words the sentence must hold), from the real rows
    ("谁会蒙眼点钞？", "r004", "蒙眼"),
    ("小笼包的劳模是谁？", "r006", "小笼包"),
    ("丁卫松在哪里工作？", "r001", "绍兴柯桥排水有限公司"),
    ("谁是浙江省首位获评正高级职称的一线工人？", "r001", "正高级"),
    ("丁卫松说过什么？", "r001", "工"),
    ("谁给抗疫一线的基层干部送爱心小笼包？", "r006", "小笼包"),
    ("谁是全国优秀教师、省功勋教师？", "r002", "功勋教师"),
    ("沈红平在哪里工作？", "r006", "小笼包店"),
]
PROGRAMME = [  # (question, figure), from hall.yaml's programme (checked to be there when written)
    ("2021年劳模工匠宣讲团有多少人？", "131人"),
    ("2021年劳模工匠宣讲团开展了多少场次五进宣讲？", "674场次"),
    ("网上名师课堂覆盖了多少所中小学？", "458所"),
    ("劳模工匠志愿服务活动开展了多少场次？", "132场次"),
]
UNANSWERABLE = [
    "绍兴的GDP是多少？",
    "鲁迅是哪一年出生的？",
    "明天天气怎么样？",
    "丁卫松的电话号码是多少？",
    "杭州有多少位全国劳模？",
    "丁卫松的工资是多少？",
    "谁是绍兴最帅的劳模？",
    "展馆几点开门？",
    "劳模的退休金有多少？",
    "诸暨市有多少家企业？",
    "周恩来在绍兴做过什么？",
    "绍兴有几个火车站？",
    "丁卫松有几个孩子？",
    "展馆门票多少钱？",
    "谁获得了诺贝尔奖？",
    "马云是劳模吗？",
    "绍兴市的市长是谁？",
    "乌镇有多少位劳模？",
    "哪位劳模获得过奥运金牌？",
    "宁波有哪些浙江工匠？",
    "王羲之是哪里人？",
    "沈红平的家庭住址在哪里？",
    "上海有几位全国劳动模范？",
    "谁发明了电灯？",
    "绍兴黄酒的酒精度是多少？",
    "劳模可以免费坐公交车吗？",
    "今年的劳模什么时候公布？",
    "范祥波的身份证号是多少？",
    "哪位劳模登上过月球？",
    "北京有多少个创新工作室？",
]


def load(pack: Path) -> tuple[pd.DataFrame, pd.DataFrame, dict, pd.DataFrame]:
    people = pd.read_csv(pack / "exhibits" / "honorees.csv", dtype=str, keep_default_na=False)
    honours = pd.read_csv(pack / "exhibits" / "honours.csv", dtype=str, keep_default_na=False)
    studios = pd.read_csv(pack / "exhibits" / "studios.csv", dtype=str, keep_default_na=False)
    hall = yaml.safe_load((pack / "exhibits" / "hall.yaml").read_text(encoding="utf-8"))
    adcode = {}
    for d in hall["districts"]:
        for name in (d["zh"], *(d.get("former") or [])):
            adcode[name] = d["adcode"]
    people["adcode"] = people["district"].map(adcode).fillna("")
    studios["adcode"] = studios["district"].map(adcode).fillna("")
    people["birth"] = pd.to_numeric(people["birth_year"], errors="coerce")
    honours["year"] = pd.to_numeric(honours["year"], errors="coerce")
    kinds = {k["code"]: k for k in hall["honours"]}
    honours["type"] = honours["honour"].map(lambda c: kinds[c]["kind"])
    honours = honours.merge(
        people[["id", "adcode", "gender", "industry", "birth", "sample"]], left_on="honoree_id", right_on="id"
    )
    return people, honours, hall, studios


def build(pack: Path) -> list[dict]:
    people, honours, hall, studios = load(pack)
    rng = random.Random(22)
    kinds = {k["code"]: k for k in hall["honours"] if k["kind"] != "collective"}
    districts = {d["adcode"]: d for d in hall["districts"]}
    qs: list[dict] = []

    def add(kind: str, question: str, **expect: object) -> None:
        qs.append({"n": len(qs) + 1, "kind": kind, "question": question, "expect": expect})

    def spoken(adcode: str) -> str:  # today's, short or former name
        d = districts[adcode]
        return rng.choice([d["zh"], d["zh"][:-1] if len(d["zh"]) > 2 else d["zh"], *(d.get("former") or [])])

    def honour_word(code: str) -> str:
        k = kinds[code]
        return rng.choice(
            [k["zh"], *[a for a in k.get("aliases", []) if "·" not in a and "市劳动模范" not in a]]
        )

    # counting: district × honour, year × honour, district × kind, gender, eras
    codes = [c for c in kinds if c != "county_model"]
    for adcode in districts:
        for code in rng.sample(codes, 3):
            n = honours[(honours.adcode == adcode) & (honours.honour == code)].honoree_id.nunique()
            add("count", f"{spoken(adcode)}有多少位{honour_word(code)}？", count=int(n))
    for code in codes:
        year = int(rng.choice(honours[honours.honour == code].year.dropna().unique().tolist()))
        n = honours[(honours.honour == code) & (honours.year == year)].honoree_id.nunique()
        add("count", f"{year}年有多少位{honour_word(code)}？", count=int(n))
    for adcode in districts:
        n = honours[(honours.adcode == adcode) & (honours.type == "model_worker")].honoree_id.nunique()
        add("count", f"{spoken(adcode)}有几位劳模？", count=int(n))
        n = honours[
            (honours.adcode == adcode) & (honours.type == "craftsman") & (honours.gender == "女")
        ].honoree_id.nunique()
        add("count", f"{spoken(adcode)}有多少位女工匠？", count=int(n))
    for era in hall["eras"]:
        lo, hi = era["start"], era["end"] or 9999
        label = {"revolution": "革命建设时期", "reform": "改革开放时期", "new_era": "新时代"}[era["id"]]
        for code in rng.sample(codes, 2):
            sel = honours[(honours.honour == code) & (honours.year >= lo) & (honours.year <= hi)]
            add("count", f"{label}有多少位{kinds[code]['zh']}？", count=int(sel.honoree_id.nunique()))
    for decade in (1950, 1960, 1980, 1990, 2000):
        sel = honours[
            (honours.type == "model_worker") & (honours.year >= decade) & (honours.year <= decade + 9)
        ]
        add("count", f"{str(decade)[2:]}年代获评的劳模有多少位？", count=int(sel.honoree_id.nunique()))
    for industry in rng.sample(sorted(people.industry.unique().tolist()), 6):
        if industry:
            n = honours[
                (honours.industry == industry) & (honours.type == "model_worker")
            ].honoree_id.nunique()
            add("count", f"{industry}行业有多少位劳模？", count=int(n))
    for decade in (1950, 1960, 1970):
        sel = people[(people.birth >= decade) & (people.birth <= decade + 9)]
        add("count", f"{str(decade)[2:]}年代出生的人物有多少位？", count=len(sel))
    add("count", "展馆里一共有多少位真实人物？", count=int((people["sample"] == "false").sum()))
    add("count", "展馆里一共有多少人？", count=len(people))
    add("count", "一共有多少位工匠？", count=int(honours[honours.type == "craftsman"].honoree_id.nunique()))
    for adcode in districts:
        add("count", f"{spoken(adcode)}有多少个创新工作室？", count=int((studios.adcode == adcode).sum()))
    add("count", "可以参观的创新工作室有多少个？", count=int((studios.open_for_visits == "true").sum()))

    # listing: small groups (honour × year; in a big pack, district × honour × year)
    groups = honours.dropna(subset=["year"]).groupby(["honour", "year"]).honoree_id.nunique()
    small = [(c, int(y)) for (c, y), n in groups.items() if 1 <= n <= 12 and c in kinds]
    for code, year in rng.sample(small, min(14, len(small))):
        ids = sorted(honours[(honours.honour == code) & (honours.year == year)].honoree_id.unique())
        add(
            "list",
            rng.choice([f"{year}年有哪些{honour_word(code)}？", f"{year}年的{honour_word(code)}都有谁？"]),
            ids=ids,
        )
    groups = honours.groupby(["adcode", "honour"]).honoree_id.nunique()
    small = [(a, c) for (a, c), n in groups.items() if 1 <= n <= 10 and a and c in kinds]
    for adcode, code in rng.sample(small, min(8, len(small))):
        ids = sorted(honours[(honours.adcode == adcode) & (honours.honour == code)].honoree_id.unique())
        add("list", f"{spoken(adcode)}的{honour_word(code)}有哪些？", ids=ids)
    listed = sum(1 for q in qs if q["kind"] == "list")
    if listed < 22:
        groups = honours.dropna(subset=["year"]).groupby(["adcode", "honour", "year"]).honoree_id.nunique()
        small = [(a, c, int(y)) for (a, c, y), n in groups.items() if 1 <= n <= 12 and a and c in kinds]
        for adcode, code, year in rng.sample(small, min(22 - listed, len(small))):
            sel = honours[(honours.adcode == adcode) & (honours.honour == code) & (honours.year == year)]
            add(
                "list",
                f"{spoken(adcode)}{year}年的{honour_word(code)}有哪些？",
                ids=sorted(sel.honoree_id.unique()),
            )

    # most: which district, industry, year
    for code in rng.sample(codes, 5):
        sel = honours[honours.honour == code].drop_duplicates("honoree_id")
        counts = sel[sel.adcode != ""].groupby("adcode").size()
        winners = [districts[a]["zh"] for a in counts[counts == counts.max()].index]
        add("most", f"哪个区的{kinds[code]['zh']}最多？", winners=winners, top=int(counts.max()))
    for code in rng.sample(codes, 4):
        sel = honours[honours.honour == code].drop_duplicates("honoree_id")
        counts = sel[sel.industry != ""].groupby("industry").size()
        winners = list(counts[counts == counts.max()].index)
        add("most", f"哪个行业的{kinds[code]['zh']}最多？", winners=winners, top=int(counts.max()))
    for code in ("zj_craftsman", "sx_craftsman", "national_model", "zj_model"):
        sel = honours[honours.honour == code].dropna(subset=["year"]).drop_duplicates(["honoree_id", "year"])
        counts = sel.groupby("year").size()
        winners = [f"{int(y)}年" for y in counts[counts == counts.max()].index]
        add("most", f"哪一年评出的{kinds[code]['zh']}最多？", winners=winners, top=int(counts.max()))

    # first: earliest honour, oldest and youngest
    for code in rng.sample(codes, 6):
        sel = honours[honours.honour == code].dropna(subset=["year"])
        ids = sorted(sel[sel.year == sel.year.min()].honoree_id.unique())
        add("first", f"最早的{honour_word(code)}是谁？", ids=ids)
    for code in rng.sample(codes, 4):
        sel = honours[honours.honour == code].drop_duplicates("honoree_id").dropna(subset=["birth"])
        ids = sorted(sel[sel.birth == sel.birth.min()].honoree_id.unique())
        add("first", f"最年长的{kinds[code]['zh']}是谁？", ids=ids)
    for adcode in rng.sample(sorted(districts), 3):
        sel = honours[(honours.adcode == adcode) & (honours.type == "craftsman")].drop_duplicates(
            "honoree_id"
        )
        sel = sel.dropna(subset=["birth"])
        ids = sorted(sel[sel.birth == sel.birth.max()].honoree_id.unique())
        add("first", f"{spoken(adcode)}最年轻的工匠是谁？", ids=ids)

    # people: one question each about a person with a name no one else has
    unique = people[people.name.map(people.name.value_counts()) == 1]
    unique = unique[unique["sample"] == "true"]
    pool = unique.sample(n=60, random_state=22)
    names_of = dict(zip(kinds, (k["zh"] for k in kinds.values()), strict=True))
    templates = ["employer", "birth", "honours", "district", "quote", "employer_who"]
    employer_counts = people.employer.value_counts()
    for i, (_, h) in enumerate(pool.iterrows()):
        what = templates[i % len(templates)]
        if what == "employer" and h.employer:
            add("person", f"{h['name']}在哪里工作？", id=h.id, holds=h.employer)
        elif what == "birth" and h.birth_year:
            add("person", f"{h['name']}是哪一年出生的？", id=h.id, holds=h.birth_year)
        elif what == "honours":
            first = honours[honours.honoree_id == h.id].iloc[0]
            add(
                "person",
                f"{h['name']}获得过哪些荣誉？",
                id=h.id,
                holds=names_of.get(first.honour, first.honour),
            )
        elif what == "district" and h.district:
            add("person", f"{h['name']}是哪里人？", id=h.id, holds=h.district)
        elif what == "quote" and h.quote:
            add("person", f"{h['name']}说过什么？", id=h.id, holds=h.quote[:8])
        elif what == "employer_who" and h.employer and employer_counts[h.employer] == 1:
            add("person", f"谁在{h.employer}工作？", id=h.id, holds=h.employer)
        else:
            add("person", f"{h['name']}有什么事迹？", id=h.id, holds=h.deeds.split("。")[0][:12])
    for question, hid, holds in PEOPLE_BY_HAND:
        add("person", question, id=hid, holds=holds)
    for _, s in studios.sample(n=6, random_state=22).iterrows():
        add("fact", f"{s['name']}在哪个区？", holds=districts[s.adcode]["zh"] if s.adcode else s.district)
    for question, holds in FACTS:
        add("fact", question, holds=holds)
    for question in UNANSWERABLE:
        add("none", question)
    for kind, question, expect in activity_questions(pack, people, hall) + pair_questions(pack, people):
        add(kind, question, **expect)
    return qs


def _csv(pack: Path, name: str) -> pd.DataFrame | None:
    path = pack / "exhibits" / name
    return pd.read_csv(path, dtype=str, keep_default_na=False) if path.exists() else None


def activity_questions(pack: Path, people: pd.DataFrame, hall: dict) -> list[tuple[str, str, dict]]:
    """About activities (activities.csv) and the programme's cited figures (hall.yaml)."""
    acts = _csv(pack, "activities.csv")
    if acts is None:
        return []
    rng = random.Random(2218)  # its own: the questions above stay as they were
    names = dict(zip(people.id, people.name, strict=True))
    out: list[tuple[str, str, dict]] = []
    for _, a in acts[acts["sample"] == "false"].iterrows():  # the real ones: a0001 开学第一天
        short = a.title_zh.split("：")[0]
        out.append(("activity", f"{short}的宣讲有多少人观看？", {"holds": f"{a.audience}人"}))
        out.append(("activity", f"{short}的宣讲是哪一年？", {"holds": a.date[:4]}))
        speakers = [names[i] for i in a.speakers.split("、") if i in names]
        if speakers:
            out.append(("activity", f"{short}进校园宣讲的劳模有谁？", {"holds": speakers[0]}))
    # the programme's own figures, each checked to be in hall.yaml's programme texts
    programme = " ".join(item["text"]["zh"] for item in hall.get("programme") or [])
    for question, holds in PROGRAMME:
        if holds in programme:
            out.append(("activity", question, {"holds": holds}))
    # counting activities (hall.ask.activity_count), by kind, year, district and 五进 setting
    adcode = {n: d["adcode"] for d in hall["districts"] for n in (d["zh"], *(d.get("former") or []))}
    acts["adcode"] = acts.district.map(adcode).fillna("")
    acts["year"] = acts.date.str[:4]
    kind_zh = {"talk": "宣讲", "volunteer": "志愿服务", "school": "进校园", "open_day": "工作室开放日"}
    zh = {d["adcode"]: d["zh"] for d in hall["districts"]}
    for kind, word in kind_zh.items():
        year = rng.choice(sorted(acts[acts.kind == kind].year.unique()))
        n = int(((acts.kind == kind) & (acts.year == year)).sum())
        out.append(("count", f"{year}年有多少场{word}？", {"count": n}))
    for kind in ("talk", "volunteer"):
        code = rng.choice(sorted(set(acts[acts.kind == kind].adcode) - {""}))
        n = int(((acts.kind == kind) & (acts.adcode == code)).sum())
        out.append(("count", f"{zh[code]}的{kind_zh[kind]}有几场？", {"count": n}))
    n = int(((acts.setting == "enterprise") & (acts.year == "2025")).sum())
    out.append(("count", "2025年有多少场进企业的活动？", {"count": n}))
    out.append(("count", "一共有多少场活动？", {"count": len(acts)}))
    # sample activities whose title is theirs alone (a studio's open day or skill show)
    once = acts[(acts["sample"] == "true") & (acts.title_zh.map(acts.title_zh.value_counts()) == 1)]
    for _, a in once.sample(n=min(3, len(once)), random_state=22).iterrows():
        out.append(("activity", f"{a.title_zh}是哪一天？", {"holds": a.date}))
        if rng.random() < 0.7 and a.audience:
            out.append(("activity", f"{a.title_zh}有多少人参加？", {"holds": f"{a.audience}人"}))
    return out


def pair_questions(pack: Path, people: pd.DataFrame) -> list[tuple[str, str, dict]]:
    """About 名师高徒 pairs (pairs.csv): whose apprentice, whose master, which craft, since when."""
    pairs = _csv(pack, "pairs.csv")
    if pairs is None:
        return []
    names = dict(zip(people.id, people.name, strict=True))
    counts = people.name.value_counts()
    pairs = pairs[pairs.master_id.isin(names)].copy()
    pairs["master"] = pairs.master_id.map(names)
    pairs["apprentice"] = [
        names.get(i, n) if i else n for i, n in zip(pairs.apprentice_id, pairs.apprentice_name, strict=True)
    ]
    out: list[tuple[str, str, dict]] = []
    for _, p in pairs[pairs["sample"] == "false"].iterrows():  # the real one: 丁卫松 and 丁澄洋
        out.append(("lineage", f"{p.master}的徒弟是谁？", {"holds": p.apprentice}))
        out.append(("lineage", f"{p.apprentice}的师傅是谁？", {"holds": p.master}))
        out.append(
            ("lineage", f"{p.master}和{p.apprentice}传承的是什么技艺？", {"holds": p.craft.split("（")[0]})
        )
        out.append(("lineage", f"{p.apprentice}是哪一年拜师的？", {"holds": f"{p.year}年"}))
    sample = pairs[pairs["sample"] == "true"]
    # a name only one person has: the question can only mean them
    alone = sample[sample.master.map(counts) == 1]
    for _, p in alone.sample(n=min(3, len(alone)), random_state=22).iterrows():
        out.append(("lineage", f"{p.master}的徒弟是谁？", {"holds": p.apprentice}))
    all_names = pd.concat([people.name, pairs.apprentice]).value_counts()
    named = sample[(sample.apprentice_id == "") & (sample.apprentice.map(all_names) == 1)]
    for _, p in named.sample(n=min(3, len(named)), random_state=22).iterrows():
        out.append(("lineage", f"{p.apprentice}的师傅是谁？", {"holds": p.master}))
    honoured = sample[(sample.apprentice_id != "") & (sample.apprentice.map(all_names) == 1)]
    for _, p in honoured.sample(n=min(2, len(honoured)), random_state=22).iterrows():
        out.append(("lineage", f"{p.apprentice}的师傅是谁？", {"holds": p.master}))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pack", default=str(REPO))
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args()
    qs = build(Path(args.pack))
    Path(args.out).write_text(json.dumps(qs, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    by_kind: dict[str, int] = {}
    for q in qs:
        by_kind[q["kind"]] = by_kind.get(q["kind"], 0) + 1
    print(f"{len(qs)} questions: {by_kind}")


if __name__ == "__main__":
    main()
