"""Deterministic generator of the default pack's records: real rows plus invented sample people."""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import shutil
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DEFAULT_PACK = Path(__file__).resolve().parent.parent
DEFAULT_COUNT = 1960  # honorees in all, real ones included
DEFAULT_SEED = 42
LAST_YEAR = 2025

FIELDS: dict[str, tuple[str, ...]] = {
    "honorees.csv": (
        "id",
        "name",
        "name_en",
        "gender",
        "birth_year",
        "district",
        "employer",
        "position",
        "industry",
        "deeds",
        "quote",
        "portrait",
        "sample",
        "source",
    ),
    "honours.csv": ("honoree_id", "honour", "year"),
    "collectives.csv": ("id", "name", "district", "honour", "year", "deeds", "sample", "source"),
    "studios.csv": (
        "id",
        "name",
        "level",
        "leader_id",
        "district",
        "lon",
        "lat",
        "open_for_visits",
        "what_to_see",
        "sample",
        "source",
    ),
    "milestones.csv": ("year", "date", "title_zh", "title_en", "kind", "source"),
}

Row = dict[str, str]

# ---------------------------------------------------------------------------------------
# Honours and the years they can carry
# ---------------------------------------------------------------------------------------

# National commendation conferences (shared/data/honours_timeline.json; 1979 held two).
CONFERENCE_YEARS = (
    1950,
    1956,
    1959,
    1960,
    1977,
    1978,
    1979,
    1989,
    1995,
    2000,
    2005,
    2010,
    2015,
    2020,
    2025,
)
NATIONAL_MODEL_YEARS = (
    1950,
    1956,
    1959,
    1977,
    1978,
    1979,
    1989,
    1995,
    2000,
    2005,
    2010,
    2015,
    2020,
    2025,
)
NATIONAL_ADVANCED_YEARS = (1956, 1960, 1978, 1979, 1989, 1995, 2000, 2005, 2010, 2015, 2020, 2025)
# Only 2019 and 2024 are public years of Zhejiang's model-worker commendations; years of
# the provincial, city and county ones before that are not. As a sample assumption they
# are taken to follow each national conference. Real rows keep whatever their source says.
REGIONAL_YEARS = tuple(sorted({*CONFERENCE_YEARS, 2019, 2024}))

# 1 national, 2 provincial, 3 municipal, 4 county: lower is higher.
TIER = {
    "national_model": 1,
    "national_advanced": 1,
    "national_may1": 1,
    "zj_model": 2,
    "zj_advanced": 2,
    "zj_may1": 2,
    "zj_craftsman": 2,
    "sx_model": 3,
    "sx_craftsman": 3,
    "county_model": 4,
}
PERSON_CODES = tuple(TIER)
COLLECTIVE_CODES = ("national_pioneer", "zj_pioneer", "zj_model_collective", "sx_model_collective")
CRAFTSMAN_CODES = ("zj_craftsman", "sx_craftsman")
HONOUR_ZH = {
    "national_model": "全国劳动模范",
    "national_advanced": "全国先进工作者",
    "national_may1": "全国五一劳动奖章",
    "zj_model": "浙江省劳动模范",
    "zj_advanced": "浙江省先进工作者",
    "zj_may1": "浙江省五一劳动奖章",
    "zj_craftsman": "浙江工匠",
    "sx_model": "绍兴市劳动模范",
    "sx_craftsman": "绍兴工匠",
    "county_model": "县（市、区）劳动模范",
    "national_pioneer": "全国工人先锋号",
    "zj_pioneer": "浙江省工人先锋号",
    "zj_model_collective": "浙江省模范集体",
    "sx_model_collective": "绍兴市模范集体",
}


@cache
def allowed_years(code: str) -> tuple[int, ...]:
    """Years in which a sample row may carry this honour (real rows follow their sources)."""
    may1 = tuple(y for y in range(1985, LAST_YEAR + 1) if y not in CONFERENCE_YEARS)
    table: dict[str, tuple[int, ...]] = {
        "national_model": NATIONAL_MODEL_YEARS,
        "national_advanced": NATIONAL_ADVANCED_YEARS,
        "national_may1": may1,
        "zj_may1": tuple(range(1985, LAST_YEAR + 1)),
        "zj_craftsman": tuple(range(2017, LAST_YEAR + 1)),
        "sx_craftsman": tuple(range(2017, LAST_YEAR + 1)),
        "national_pioneer": tuple(y for y in may1 if y >= 2008),
        "zj_pioneer": tuple(range(2008, LAST_YEAR + 1)),
    }
    if code in table:
        return table[code]
    if code in {"zj_model", "zj_advanced", "sx_model", "county_model"}:
        return REGIONAL_YEARS
    if code in {"zj_model_collective", "sx_model_collective"}:
        return tuple(y for y in REGIONAL_YEARS if y >= 1989)
    raise KeyError(code)


def _bucket(year: int) -> str:
    return "old" if year <= 1978 else "mid" if year <= 2012 else "new"


# ---------------------------------------------------------------------------------------
# Districts: today's six, and the names records printed before renamings
# ---------------------------------------------------------------------------------------

DISTRICTS = ("越城区", "柯桥区", "上虞区", "诸暨市", "嵊州市", "新昌县")
# 2000 census population in thousands (shared/data/district_history.json), as weights.
DISTRICT_WEIGHTS = (633, 792, 723, 1071, 671, 415)

TOWNS: dict[str, tuple[str, ...]] = {
    "越城区": (
        "府山街道",
        "塔山街道",
        "北海街道",
        "城南街道",
        "东湖街道",
        "皋埠街道",
        "斗门街道",
        "马山街道",
        "孙端街道",
        "陶堰街道",
        "富盛镇",
        "鉴湖街道",
        "灵芝街道",
        "东浦街道",
    ),
    "柯桥区": (
        "柯桥街道",
        "华舍街道",
        "齐贤街道",
        "安昌街道",
        "杨汛桥街道",
        "钱清街道",
        "兰亭街道",
        "平水镇",
        "王坛镇",
        "稽东镇",
        "福全街道",
        "漓渚镇",
        "夏履镇",
        "湖塘街道",
        "马鞍街道",
    ),
    "上虞区": (
        "百官街道",
        "曹娥街道",
        "东关街道",
        "崧厦街道",
        "丰惠镇",
        "章镇镇",
        "驿亭镇",
        "永和镇",
        "下管镇",
        "汤浦镇",
        "梁湖街道",
        "小越街道",
        "道墟街道",
        "谢塘镇",
        "岭南乡",
    ),
    "诸暨市": (
        "暨阳街道",
        "浣东街道",
        "陶朱街道",
        "大唐街道",
        "枫桥镇",
        "店口镇",
        "山下湖镇",
        "次坞镇",
        "牌头镇",
        "安华镇",
        "璜山镇",
        "草塔镇",
        "五泄镇",
        "赵家镇",
        "同山镇",
        "马剑镇",
        "东和乡",
    ),
    "嵊州市": (
        "剡湖街道",
        "三江街道",
        "鹿山街道",
        "浦口街道",
        "甘霖镇",
        "长乐镇",
        "崇仁镇",
        "黄泽镇",
        "三界镇",
        "石璜镇",
        "谷来镇",
        "仙岩镇",
        "金庭镇",
        "下王镇",
        "贵门乡",
    ),
    "新昌县": (
        "南明街道",
        "七星街道",
        "羽林街道",
        "沃洲镇",
        "儒岙镇",
        "回山镇",
        "大市聚镇",
        "澄潭街道",
        "梅渚镇",
        "小将镇",
        "镜岭镇",
        "东茗乡",
        "巧英乡",
        "双彩乡",
    ),
}
VILLAGES = (
    "新联",
    "前进",
    "光明",
    "东升",
    "永丰",
    "联合",
    "胜利",
    "和平",
    "新民",
    "红星",
    "上塘",
    "下宅",
    "西岙",
    "东山",
    "南湖",
    "大岙",
    "金家",
    "王家坞",
    "后山",
    "新桥",
    "塘头",
    "溪口",
    "里王",
    "前庄",
    "五星",
    "建新",
    "星光",
    "湖头",
    "山后",
    "新华",
)


def printed_district(current: str, year: int) -> str:
    """The district's name as a record of `year` printed it.

    The 2013 renamings (绍兴县 → 柯桥区, 上虞市 → 上虞区) came in October, after that
    year's May Day awards, so 2013 still prints the old names.
    """
    if current == "越城区":
        return "越城区" if year >= 1983 else "绍兴市城区"
    if current == "柯桥区":
        return "柯桥区" if year >= 2014 else "绍兴县"
    if current == "上虞区":
        return "上虞区" if year >= 2014 else "上虞市" if year >= 1992 else "上虞县"
    if current == "诸暨市":
        return "诸暨市" if year >= 1989 else "诸暨县"
    if current == "嵊州市":
        return "嵊州市" if year >= 1995 else "嵊县"
    return current


def _county(current: str, year: int) -> tuple[str, str]:
    """(full, short) place names a unit of that time would carry, e.g. ("嵊县", "嵊县")."""
    if current == "越城区":
        return "绍兴市", "绍兴"
    if current == "柯桥区":
        return ("柯桥区", "柯桥") if year >= 2014 else ("绍兴县", "绍兴")
    full = printed_district(current, year)
    return full, full if full == "嵊县" else full[:2]


def _town(town: str, year: int) -> str:
    base = town.removesuffix("街道").removesuffix("镇").removesuffix("乡")
    if year <= 1983:
        return base + "公社"
    if year <= 2012:
        return base + ("乡" if town.endswith("乡") else "镇")
    return town


# ---------------------------------------------------------------------------------------
# Trades: what people did, by industry and period (old ≤1978, mid 1979–2012, new 2013–)
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """A kind of workplace: its name template, the posts people hold there, a deeds tag."""

    template: str
    positions: tuple[str, ...]
    tag: str = ""


@dataclass(frozen=True)
class Trade:
    """What an industry's people and units look like in the sample."""

    female: float  # share of women
    public: float  # share in public institutions: advanced worker instead of model worker
    craft: bool  # can be named a craftsman
    weights: tuple[float, float, float]  # how common, by period old, mid, new
    skills: tuple[str, ...]
    units: Mapping[str, tuple[Unit, ...]]
    deeds: Mapping[str, tuple[tuple[str, str], ...]]  # period -> (tag, fragment); "" fits all
    teams: tuple[tuple[str, str], ...]  # (tag, team) of units honoured as pioneers
    quotes: tuple[str, ...] = ()
    districts: Mapping[str, float] = field(default_factory=dict)  # extra weight by district

    def fragments(self, period: str, tag: str) -> list[str]:
        return [text for t, text in self.deeds[period] if not t or t == tag]

    def team_names(self, tag: str) -> list[str]:
        return [text for t, text in self.teams if not t or t == tag]


def _tagged(text: str) -> tuple[str, str]:
    """("tag", "text") from "tag:text"; untagged text fits every unit."""
    tag, colon, rest = text.partition(":")
    return (tag, rest) if colon and len(tag) <= 3 else ("", text)


def _trade(
    female: float,
    public: float,
    craft: bool,
    weights: tuple[float, float, float],
    skills: str,
    units: str,
    deeds: str,
    teams: str,
    quotes: str = "",
    districts: Mapping[str, float] | None = None,
) -> Trade:
    """A trade from compact text: one unit or deed a line, led by its period.

    Unit lines read `period template | post/post | tag`; deed lines `period [tag:]text`.
    """
    parsed_units: dict[str, list[Unit]] = {"old": [], "mid": [], "new": []}
    for line in filter(None, (x.strip() for x in units.splitlines())):
        period, rest = line.split(" ", 1)
        template, posts, tag = ([p.strip() for p in rest.split("|")] + ["", ""])[:3]
        parsed_units[period].append(Unit(template, tuple(posts.split("/")), tag))
    parsed_deeds: dict[str, list[tuple[str, str]]] = {"old": [], "mid": [], "new": []}
    for line in filter(None, (x.strip() for x in deeds.splitlines())):
        period, rest = line.split(" ", 1)
        parsed_deeds[period].append(_tagged(rest))
    return Trade(
        female=female,
        public=public,
        craft=craft,
        weights=weights,
        skills=tuple(skills.split()),
        units={k: tuple(v) for k, v in parsed_units.items()},
        deeds={k: tuple(v) for k, v in parsed_deeds.items()},
        teams=tuple(_tagged(t) for t in teams.split()),
        quotes=tuple(q for q in quotes.split("/") if q),
        districts=districts or {},
    )


# Placeholders: {c}/{cs} county name full/short, {t} town, {vil} village (大队 before 1984),
# {b} brand, {ob} brand of the 1950s–70s, {corp} 厂 or 有限公司, {ta} 他/她, {skill},
# {n-m} a number between n and m.
TRADES: dict[str, Trade] = {
    "纺织印染": _trade(
        0.5,
        0.0,
        True,
        (8, 10, 8),
        "织机保全 配色打样 印染工艺调试 数码印花",
        """
        old 国营{cs}{ob}丝织厂 | 挡车工/保全工/织布车间班长
        old {c}{t}织布厂 | 挡车工/厂长
        old 地方国营{c}棉纺织厂 | 挡车工/保全工/细纱车间班长
        old {cs}{ob}印染厂 | 印染工/染色班长
        mid {c}{t}丝绸{corp} | 挡车工/车间主任/厂长
        mid {cs}{b}印染{corp} | 印染技术员/染色车间主任/厂长
        mid {c}{b}针织{corp} | 挡车工/保全组长/厂长
        mid {c}{b}化纤织造{corp} | 挡车工/车间主任/设备科长
        new 浙江{b}纺织印染有限公司 | 印染车间主任/工艺工程师/董事长
        new {cs}{b}印染有限公司 | 定型机机长/设备维修技师/印染车间主任
        new {cs}{b}织造有限公司 | 挡车工/织造车间主任/设备维修技师
        new {cs}{b}纺织科技有限公司 | 工艺工程师/研发部经理
        """,
        """
        old {ta}摸索出一套巡回操作方法，看台数由{4-6}台增加到{8-12}台。
        old {ta}坚持每天练习接头，速度在全厂技术比武中名列前茅。
        old {ta}带领小组开展节约用纱，一年为厂里节约棉纱{1-5}吨。
        old {ta}所在的班组连续{3-8}年完成生产任务，产品质量稳定。
        mid {ta}钻研印染工艺，把产品一等品率从{80-88}%提高到{95-99}%。
        mid {ta}带领车间开展节能降耗，每年节约蒸汽和用水费用{20-200}万元。
        mid {ta}主持改进染色配方{5-30}项，解决了色差、色牢度不稳定等老问题。
        mid 面对设备落后的局面，{ta}和同事们动手改装织机{10-60}台，产量明显提高。
        mid {ta}坚持“质量是企业的生命”，所在车间多年没有发生批量质量事故。
        new {ta}带领团队推广小浴比染色和数码印花，吨布用水量下降{20-45}%。
        new {ta}摸索出快速打样的办法，把打样周期从{5-7}天缩短到{1-2}天。
        new {ta}参与企业印染废水处理改造，助力企业建成绿色工厂。
        new {ta}精通{skill}，先后解决织造、定型等环节的技术难题{10-50}个。
        """,
        "印染车间 织造车间 定型班组 检验班组",
        "布面上不能有一点瑕疵。/颜色差一点，客户就不认。",
        {"柯桥区": 2.0, "越城区": 0.6},
    ),
    "黄酒酿造": _trade(
        0.15,
        0.0,
        True,
        (3, 3, 2),
        "手工开耙 摊饭制曲 黄酒品评",
        """
        old 地方国营{cs}{ob}酒厂 | 酿酒工/开耙师傅/酒坊班长
        old {c}{t}酿酒厂 | 酿酒工/开耙师傅
        mid {cs}{b}酿酒{corp} | 酿酒技师/车间主任/品酒师
        mid {c}{t}黄酒{corp} | 酿造班长/酿酒技师
        new {cs}{b}黄酒有限公司 | 酿酒师/首席品酒师/酿造车间主任
        new 浙江{b}绍兴酒有限公司 | 酿酒师/技术总监
        new {cs}{b}酒业有限公司 | 酿酒师/酿造车间主任
        """,
        """
        old {ta}跟随老师傅学习传统酿酒技艺，熟练掌握开耙的火候。
        old {ta}带头改进冬酿操作，使出酒率提高{2-6}个百分点。
        old {ta}守在发酵缸旁昼夜测温，保证了一季冬酿的质量。
        mid {ta}总结传统酿造经验，编写操作规程，带出酿酒骨干{10-40}名。
        mid {ta}参与机械化黄酒生产线的试产，解决了发酵温度控制难题。
        mid {ta}负责的班组连续多年实现产品抽检全部合格。
        new {ta}坚持手工开耙，守护绍兴黄酒的传统工艺。
        new {ta}带领团队研发低度、新口味黄酒{2-8}款，受到年轻消费者欢迎。
        new {ta}每年为{50-300}批次基酒品评把关。
        """,
        "酿造车间 勾兑班组 压榨车间",
        "好酒是守出来的。/酿酒如做人，急不得。",
        {"越城区": 2.0, "柯桥区": 1.5},
    ),
    "化工": _trade(
        0.12,
        0.0,
        True,
        (2, 5, 4),
        "装置操作 安全巡检 工艺优化",
        """
        old 地方国营{cs}化肥厂 | 操作工/车间班长/化验员
        old {c}{t}化工厂 | 操作工/厂长
        mid {c}{b}化工{corp} | 操作工/车间主任/工艺技术员
        mid {cs}{b}精细化工{corp} | 工艺技术员/安全员/车间主任
        mid {c}{t}助剂{corp} | 操作工/厂长
        new 浙江{b}化工股份有限公司 | 总控室主操/安全总监/车间主任
        new {cs}{b}化学有限公司 | 工艺工程师/车间主任
        new {cs}{b}化学有限公司 | 总控室主操/工艺工程师
        """,
        """
        old {ta}在简陋的条件下坚持按规程操作，所在岗位多年没有发生事故。
        old {ta}和工友们一起自制设备，使化肥产量逐年提高。
        mid {ta}主持工艺技改{5-20}项，使主要产品收率提高{3-10}个百分点。
        mid {ta}坚持每班巡检，及时发现并排除安全隐患{3-15}起。
        mid {ta}带领车间开展“三废”治理，排放指标全部达标。
        new {ta}牵头推进装置自动化改造，实现关键工序远程控制。
        new {ta}参与制定企业安全操作规程{10-40}项，推动本质安全水平提升。
        new {ta}带领团队开发新型助剂产品，年新增产值{1000-8000}万元。
        """,
        "合成车间 总控班组 安全环保部",
        "安全无小事，操作无小节。",
        {"上虞区": 2.0},
    ),
    "医药": _trade(
        0.3,
        0.0,
        True,
        (1, 3, 4),
        "制剂工艺 质量检测 发酵控制",
        """
        old 地方国营{cs}制药厂 | 制药工/车间班长 | 厂
        old {c}{t}药材站 | 药材收购员/药材加工员 | 药材
        mid {c}{b}制药{corp} | 制剂车间主任/质检员/工艺员
        mid {cs}{b}制药{corp} | 工艺员/质检员
        new 浙江{b}药业股份有限公司 | 质量受权人/制剂工艺工程师/质检部经理
        new {cs}{b}制药有限公司 | 发酵车间主任/质检部经理
        new {cs}{b}生物医药有限公司 | 制剂工艺工程师/发酵车间主任
        """,
        """
        old 厂:{ta}坚持按规程操作，保证了常用药品的供应。
        old 厂:{ta}带头改进提取工序，减少了原料损耗。
        old 药材:{ta}常年收购和加工本地药材，秤准价公。
        old 药材:{ta}跑遍山乡收购药材，从不压级压价。
        mid {ta}负责的制剂车间较早通过了药品生产质量管理规范认证。
        mid {ta}改进发酵工艺，使原料药单位产量提高{10-30}%。
        mid {ta}带领质检团队严把质量关，产品批批合格。
        new {ta}参与仿制药一致性评价项目{2-10}项。
        new {ta}牵头建设数字化车间，生产效率提升{15-40}%。
        new {ta}坚持“质量就是生命”，所带班组连续{5-12}年零质量事故。
        """,
        "制剂车间 质量控制部 发酵车间",
        "药品质量关系人命，一点也马虎不得。",
        {"新昌县": 2.0, "上虞区": 1.5},
    ),
    "机械制造": _trade(
        0.08,
        0.0,
        True,
        (5, 6, 4),
        "精密车削 钳工装配 数控编程 焊接",
        """
        old 国营{cs}{ob}机械厂 | 车工/钳工/铸造工 | 厂
        old {c}农机修造厂 | 车工/钳工/农机修理工 | 厂
        old {c}{t}农机站 | 农机修理工/农机站站长 | 农机
        old 地方国营{cs}五金厂 | 钳工/车工 | 厂
        mid {c}{b}机械{corp} | 车工/钳工班长/车间主任
        mid {cs}{b}轴承{corp} | 车工/车间主任/技术科长
        mid {c}{t}五金{corp} | 钳工/厂长
        new 浙江{b}机械股份有限公司 | 装配车间主任/首席技师/焊工
        new {cs}{b}轴承有限公司 | 数控车工/高级技师
        new {cs}{b}精密机械有限公司 | 数控车工/首席技师/高级技师
        """,
        """
        old 厂:{ta}自制工装夹具{10-50}套，工效提高一倍以上。
        old 农机:{ta}为生产队修理抽水机、打稻机，随叫随到。
        old {ta}带头开展技术革新，试制成功多种小型农机具。
        mid {ta}精通{skill}，加工精度可达{2-5}丝，被同事们称为“铁手”。
        mid {ta}主持改进生产工艺{10-40}项，累计为企业节约成本{100-900}万元。
        mid {ta}带领班组攻克轴类零件加工难题，产品合格率达到{98-99}%以上。
        new {ta}在职工技能大赛中多次获奖，取得高级技师资格。
        new {ta}把毫米级的标准带到每一道工序，累计完成技术攻关{10-60}项。
        new {ta}推动车间自动化改造，生产效率提高{20-60}%。
        """,
        "数控车间 装配班组 热处理车间",
        "差一丝，就差一截。/零件不会说谎。",
        {"新昌县": 1.5, "诸暨市": 1.3},
    ),
    "高端装备": _trade(
        0.08,
        0.0,
        True,
        (0, 0, 6),
        "数控加工 智能装配 精密检测",
        """
        new 浙江{b}智能装备有限公司 | 装调技师/研发工程师/首席技师
        new {cs}{b}数控科技有限公司 | 数控车间主任/装调技师
        new {cs}{b}精工有限公司 | 首席技师/质量总监
        new 浙江{b}机电股份有限公司 | 研发工程师/装调技师
        """,
        """
        new {ta}带领团队攻克核心零部件国产化难题，替代进口产品{3-15}种。
        new {ta}负责智能生产线的调试与维护，设备综合效率提高{10-30}%。
        new {ta}主导研发的产品获得发明专利{2-12}件。
        new {ta}在五轴加工上潜心钻研，总结出一套独到的操作方法。
        """,
        "装调车间 研发中心 精密加工班组",
        "精度就是我们的尊严。",
        {"新昌县": 1.5, "上虞区": 1.3},
    ),
    "电力": _trade(
        0.1,
        0.1,
        True,
        (1, 3, 4),
        "带电作业 配网抢修 继电保护",
        """
        old {c}电力公司 | 线路工/值班电工
        old {c}{t}农电站 | 农村电工/值班电工
        old 绍兴电厂 | 值班电工/锅炉工
        mid {c}供电局 | 线路班长/继电保护工
        mid {c}{t}供电所 | 供电所所长/农电工/线路班长
        new 国网{c}供电公司 | 带电作业班班长/配网抢修班班长/高级技师
        new 国网{c}供电公司{t}供电所 | 供电所所长/配网抢修班班长
        """,
        """
        old {ta}参与架设农村输电线路，让一个个村庄用上了电。
        old {ta}坚守值班岗位，保障了农田排灌用电。
        mid {ta}参加农网改造，累计架设线路{50-300}公里。
        mid {ta}带领抢修班随叫随到，多次在台风中连夜抢修线路。
        mid {ta}钻研继电保护技术，编写的现场作业指导书在全系统推广。
        new {ta}从事带电作业{10-25}年，累计完成作业{1000-6000}余次。
        new {ta}牵头研制配网不停电作业工具{5-20}件，获得多项专利。
        new {ta}扎根基层，把用电服务送到田间地头和企业车间。
        """,
        "带电作业班 配网抢修班 变电运维班",
        "万家灯火，就是我们的奖章。",
    ),
    "建筑": _trade(
        0.05,
        0.0,
        True,
        (4, 6, 5),
        "砌筑 钢筋绑扎 古建修缮 建筑信息模型应用",
        """
        old {c}建筑工程队 | 泥工/木工/工程队长
        old {c}{t}建筑社 | 泥工/木工
        mid {c}{b}建筑公司 | 泥工班长/施工员/项目经理
        mid {c}第{1-9}建筑工程公司 | 木工/施工员/项目经理
        new 浙江{b}建设集团有限公司 | 项目经理/总工程师/钢筋工 | 新建
        new {cs}{b}建工有限公司 | 项目经理/钢筋工 | 新建
        new {cs}{b}古建园林有限公司 | 古建修缮技师/项目经理 | 古建
        """,
        """
        old {ta}带领泥工班参加水库和校舍建设，工期一再提前。
        old {ta}砌墙的好手艺远近闻名，带出徒弟{10-30}名。
        mid {ta}带领施工队外出承接工程，所建项目多次获得优质工程奖。
        mid {ta}推广新工艺，使墙体砌筑质量明显提高。
        mid {ta}坚持安全第一，负责的项目多年保持零伤亡。
        new 新建:{ta}在项目中推广装配式建筑，缩短工期{15-30}%。
        new 新建:{ta}带领项目团队攻克深基坑施工难题。
        new 古建:{ta}参与古建筑修缮，坚持用传统工艺修旧如旧。
        new 古建:{ta}收集整理传统营造做法，培养青年工匠{5-20}名。
        new {ta}坚持安全第一，负责的项目多年保持零伤亡。
        """,
        "新建:项目部 新建:钢筋班组 古建:古建修缮队",
        "房子要对得起住在里面的人。",
    ),
    "交通运输": _trade(
        0.12,
        0.0,
        True,
        (4, 4, 4),
        "车辆维修 船舶驾驶 安全驾驶",
        """
        old {c}航运公司 | 船工/船老大 | 船
        old {c}{t}船队 | 船工 | 船
        old {c}汽车运输站 | 驾驶员/修理工 | 车
        mid {c}汽车运输公司 | 驾驶员/修理班长/车队队长 | 车
        mid {c}公共汽车公司 | 驾驶员/售票员/车队队长 | 车
        mid {c}航运公司 | 船长/轮机员 | 船
        new 绍兴市公交集团有限公司 | 公交驾驶员/维修技师/车队队长 | 车
        new {cs}{b}物流有限公司 | 驾驶员/维修技师 | 车
        new {c}公路养护中心 | 养护班长/养护工 | 路
        """,
        """
        old 船:{ta}驾驶航船往返于水乡各地，多年安全行驶无事故。
        old 船:{ta}节约燃油、爱护船只，船只完好率始终第一。
        old 车:{ta}当修理工，常常连夜抢修客车，保证第二天正常发车。
        old 车:{ta}安全行车多年无事故，被乘客称为“放心司机”。
        mid 车:{ta}安全行车{50-150}万公里无事故。
        mid {ta}热情服务乘客，多次拾金不昧，受到群众称赞。
        mid 车:{ta}带领修理班开展技术革新，车辆完好率保持在{95-99}%以上。
        mid 船:{ta}熟悉水乡每一条航道，多年安全运送旅客和货物。
        new 车:{ta}所在线路推出爱心座位和无障碍服务，深受乘客好评。
        new 车:{ta}钻研新能源车辆维修技术，编写了维修手册。
        new 路:{ta}坚守公路养护一线，保障了道路安全畅通。
        new 路:{ta}在雨雪天气带队除冰排险，确保道路通行。
        """,
        "船:客运船队 车:公交车队 车:维修班组 路:养护班组",
        "安全行车，是对乘客最好的负责。",
    ),
    "农业": _trade(
        0.2,
        0.0,
        False,
        (22, 10, 5),
        "良种选育 茶叶栽培 稻田综合种养 农机作业",
        """
        old {c}{t}{vil} | 大队长/大队党支部书记/生产队长 | 粮
        old {c}{t}农科站 | 农技员 | 技
        mid {c}{t}{vil} | 种粮大户/村党支部书记 | 粮
        mid {c}{t}农技站 | 农技员/站长 | 技
        mid {c}{b}茶场 | 茶场场长/制茶师傅 | 茶
        new {cs}{b}家庭农场 | 家庭农场主 | 粮
        new {cs}{b}农业专业合作社 | 合作社理事长/高级农技师 | 技
        new {c}{t}{vil} | 种粮大户/村党委书记 | 粮
        new {cs}{b}茶业有限公司 | 制茶师/总经理 | 茶
        """,
        """
        old 粮:{ta}带领社员改良土壤，使粮食亩产由{200-300}公斤提高到{400-500}公斤。
        old 粮:{ta}带头兴修水利、积肥改土，生产队年年增产。
        old {ta}试种双季稻获得成功，在全公社推广。
        old 粮:{ta}带领群众开山种茶、植树造林{100-800}亩。
        old 技:{ta}走遍全公社的田头，指导社员防治病虫害。
        mid 粮:{ta}承包粮田{50-500}亩，每年向国家交售商品粮{5-80}万公斤。
        mid {ta}引进良种和新技术，带动周边农户增收。
        mid 粮:{ta}带头推广机械化种植，节省了大量人工。
        mid 茶:{ta}改进炒茶工艺，所产名茶多次在评比中获奖。
        mid 茶:{ta}发展茶叶等特色产业，带动{50-300}户农户致富。
        mid 技:{ta}常年下乡指导农户科学种田，推广新品种{5-20}个。
        new 技:{ta}创办的专业合作社带动{100-800}户农户增收。
        new 粮:{ta}推广稻田综合种养和绿色防控技术，农药用量减少{20-40}%。
        new 粮:{ta}引入无人机植保和智能灌溉，实现粮食生产全程机械化。
        new {ta}无偿为周边农户提供技术指导，每年培训农民{100-1000}人次。
        new 茶:{ta}推广茶园机械化采摘和清洁化加工，带动茶农增收。
        """,
        "技:农技服务队 粮:农机服务队 茶:制茶车间",
        "土地不会骗人，你对它好，它就对你好。/多打粮食，心里才踏实。",
    ),
    "水利": _trade(
        0.06,
        0.4,
        True,
        (6, 3, 2),
        "堤塘养护 水文测报 闸门运行",
        """
        old {c}水利工程队 | 民工连长/施工员 | 建
        old {c}{t}排灌站 | 排灌站站长/机埠管理员 | 管
        old {c}水库工程指挥部 | 民工连长/施工员 | 建
        mid {c}水利局 | 水利技术员/堤塘管理员 | 管
        mid {c}{t}水利站 | 水利站站长/水文测报员 | 管
        mid {c}水库管理处 | 水库管理员/水文测报员 | 管
        new {c}水利水电工程有限公司 | 水利工程师/项目经理 | 建
        new {c}{t}水利管理站 | 河道管理员/站长 | 管
        new {c}水闸管理所 | 闸门运行工/所长 | 管
        """,
        """
        old 建:{ta}带领民工参加水库建设，挑土运石，常常吃住在工地。
        old 建:{ta}参加海涂围垦，在寒冬中坚持奋战。
        old 管:{ta}在排灌站值守多年，保证了农田灌溉。
        old 管:{ta}自己动手检修水泵，抗旱时节日夜守在机埠。
        mid 管:{ta}长期负责堤塘养护，汛期坚守一线，管段内从未发生险情。
        mid {ta}参与农田水利改造，新增灌溉面积{1000-10000}亩。
        new 管:{ta}负责水闸运行管理，确保汛期安全度汛。
        new {ta}推动河道智慧监测，建立水位、水质监测点{10-60}个。
        new {ta}参加“五水共治”，带领团队清淤整治河道{10-80}公里。
        """,
        "管:闸门运行班 管:河道养护队 建:施工项目部",
        "汛期就是命令。",
    ),
    "教育": _trade(
        0.55,
        0.8,
        False,
        (8, 8, 7),
        "课堂教学 职业技能教学",
        """
        old {c}{t}小学 | 小学教师/民办教师/校长
        old {c}{t}{v}小学 | 民办教师/小学教师
        old {c}中学 | 中学教师/班主任
        mid {c}{t}中心小学 | 班主任/语文教师/数学教师/校长
        mid {c}第{1-5}中学 | 班主任/语文教师/数学教师
        mid {c}职业高级中学 | 专业课教师/校长 | 职
        new {c}{t}中心小学 | 班主任/高级教师/校长
        new {c}实验小学 | 班主任/高级教师
        new {c}职业教育中心 | 专业课教师/校长 | 职
        new {c}第{1-5}中学 | 班主任/高级教师
        """,
        """
        old {ta}扎根山区小学，复式班教学一教就是{10-25}年。
        old {ta}开办夜校，帮助{100-500}名农民学文化、识字。
        old {ta}常常步行山路家访，不让一个孩子失学。
        mid {ta}潜心课堂教学改革，所带班级成绩在全县名列前茅。
        mid {ta}担任班主任{15-30}年，关心每一个学生的成长。
        mid {ta}长期资助家境困难的学生完成学业。
        mid 职:{ta}带领学生到企业实习，推荐毕业生就业{100-800}人。
        new {ta}坚持因材施教，开发校本课程{3-10}门。
        new {ta}带领青年教师开展教研，多人在省、市教学比赛中获奖。
        new 职:{ta}所教的学生在职业技能大赛中屡获佳绩。
        """,
        "教研组 年级组 职:实训中心",
        "每个孩子都是一颗种子。/教书先要育人。",
    ),
    "医疗卫生": _trade(
        0.5,
        0.85,
        False,
        (6, 7, 7),
        "急救培训 健康义诊",
        """
        old {c}{t}{vil}合作医疗站 | 赤脚医生 | 乡
        old {c}{t}卫生院 | 医生/护士/院长 | 乡
        old {c}人民医院 | 医生/护士/外科医生 | 院
        mid {c}人民医院 | 内科主任/护士长/外科医生 | 院
        mid {c}中医院 | 中医师/护士长 | 院
        mid {c}{t}卫生院 | 乡村医生/院长/全科医生 | 乡
        new {c}人民医院 | 主任医师/急诊科主任/护士长 | 院
        new {c}中医院 | 主任中医师/护士长 | 院
        new {c}{t}社区卫生服务中心 | 全科医生/护士长 | 乡
        new {c}妇幼保健院 | 主任医师/护士长 | 院
        """,
        """
        old 乡:{ta}背着药箱走村串户，为社员防病治病。
        old 乡:{ta}一人顶几人用，随叫随到。
        old {ta}参加血吸虫病防治，走遍了全乡的沟渠。
        old 院:{ta}刻苦钻研医术，常常连续几天守在病床前。
        mid {ta}从医{20-35}年，累计诊治患者{5-20}万人次。
        mid 院:{ta}开展新技术、新项目{5-20}项，填补了县级医院的空白。
        mid {ta}对待病人如亲人，深得群众信任。
        mid 乡:{ta}建立村民健康档案，坚持上门随访。
        new 院:{ta}带领团队建设急救绿色通道，抢救成功率明显提升。
        new {ta}坚持每月下乡义诊，把优质医疗服务送到基层。
        new 疫情期间，{ta}主动请战，坚守发热门诊一线。
        new 乡:{ta}推行上门护理服务，照顾行动不便的老人。
        """,
        "院:急诊科 院:重症医学科 护理部 乡:家庭医生团队",
        "病人的信任，是医生最大的动力。",
    ),
    "金融": _trade(
        0.45,
        0.0,
        False,
        (1, 3, 3),
        "点钞 反假货币",
        """
        old {c}{t}信用社 | 信贷员/会计
        mid {c}农村信用合作联社 | 信贷员/柜员
        mid {c}{t}信用社 | 信贷员/主任
        new {cs}农村商业银行 | 客户经理/柜员
        new {cs}农村商业银行{t}支行 | 支行行长/客户经理
        new {cs}{b}村镇银行 | 柜员/客户经理
        """,
        """
        old {ta}背着算盘下乡收储放贷，账目从未出过差错。
        old {ta}支持生产队添置农具，款项笔笔清楚。
        mid {ta}练就点钞、珠算的好本领，在业务技能比赛中获奖。
        mid {ta}扎根农村信用社，扶持乡镇企业和农户发展生产。
        new {ta}创新推出小微企业信贷产品，累计发放贷款{5-50}亿元。
        new {ta}坚持为老年客户上门服务，开展反诈宣传{20-100}场。
        """,
        "营业部 普惠金融部",
        "客户的每一分钱都要守好。",
    ),
    "商贸服务": _trade(
        0.4,
        0.0,
        False,
        (4, 5, 4),
        "商品陈列 客户服务",
        """
        old {c}{t}供销合作社 | 营业员/采购员/门市部主任
        old {c}百货商店 | 营业员
        mid {c}百货公司 | 营业员/柜组长/商场经理
        mid {c}{b}商场 | 营业员/商场经理
        mid {c}{t}供销合作社 | 营业员/主任
        new {cs}{b}商贸有限公司 | 店长/总经理
        new {cs}{b}超市连锁有限公司 | 店长/客服主管
        new {cs}{b}电子商务有限公司 | 总经理/客服主管
        """,
        """
        old {ta}挑着货担送货下乡，方便了山区群众。
        old {ta}热情接待每一位顾客，练就了一手称量准确的好本领。
        mid {ta}率先推出承诺服务，所在商场营业额逐年增长。
        mid {ta}诚信经营，所在柜组多年没有一起顾客投诉。
        new {ta}带领团队发展网络销售，把绍兴特产卖到全国各地。
        new {ta}开设社区便民服务点，为居民提供代收代办等服务。
        """,
        "客服中心 便民服务组",
        "顾客满意，才是真的好。",
    ),
    "餐饮": _trade(
        0.35,
        0.0,
        True,
        (1, 2, 2),
        "越菜烹饪 面点制作",
        """
        old {c}饮食服务公司 | 厨师/面点师
        old {c}{t}饮食店 | 厨师
        mid {c}饮食服务公司 | 厨师长/面点师
        mid {cs}{b}酒家 | 厨师长/饭店经理
        mid {c}{b}饭店 | 厨师长/面点师
        new {cs}{b}餐饮管理有限公司 | 行政总厨/面点师
        new {cs}{b}大酒店 | 行政总厨/厨师长
        new {cs}{b}小吃店 | 店长/面点师
        """,
        """
        old {ta}掌勺多年，把家常的绍兴菜做得有滋有味。
        old {ta}起早摸黑做早点，价格公道，分量实在。
        mid {ta}传承绍兴传统菜肴的烹饪技艺，带出厨师{10-50}名。
        mid {ta}坚持用料实在、价格公道，饭店成了百姓口中的放心店。
        new {ta}在烹饪技能比赛中获得金奖。
        new {ta}带领团队研发越菜新品，推动传统菜肴制作标准化。
        new {ta}逢年过节为环卫工人、独居老人送去免费餐食。
        """,
        "厨房班组",
        "做菜和做人一样，要实在。",
    ),
    "电子信息": _trade(
        0.2,
        0.0,
        True,
        (0, 1.5, 5),
        "电路调试 软件开发 芯片封装测试",
        """
        mid {c}无线电厂 | 装配调试工/技术员/车间主任
        mid {cs}{b}电子{corp} | 技术员/车间主任
        new 浙江{b}电子科技有限公司 | 工艺工程师/测试技师 | 硬
        new {cs}{b}信息技术有限公司 | 软件工程师/研发部经理 | 软
        new {cs}{b}半导体有限公司 | 工艺工程师/测试技师 | 硬
        """,
        """
        mid {ta}从事装配调试，产品返修率逐年下降。
        mid {ta}参与企业第一条表面贴装生产线的建设。
        new 软:{ta}主导开发工业互联网平台，服务企业{50-500}家。
        new 硬:{ta}带领团队攻克封装测试难题，良品率提高到{97-99}%以上。
        new 软:{ta}参与开发的软件取得软件著作权{5-30}项。
        new 硬:{ta}改进贴装工艺，产品一次合格率明显提高。
        """,
        "软:研发部 硬:测试班组 硬:贴装车间",
        "代码里没有差不多。",
    ),
    "新材料": _trade(
        0.12,
        0.0,
        True,
        (0, 0.5, 4),
        "材料检测 工艺调试",
        """
        mid {c}{b}材料{corp} | 工艺员/车间主任
        new 浙江{b}新材料股份有限公司 | 研发工程师/工艺总监
        new {cs}{b}纤维科技有限公司 | 车间主任/研发工程师
        new {cs}{b}材料有限公司 | 工艺总监/车间主任
        """,
        """
        mid {ta}参与新型材料的中试，解决了产品稳定性问题。
        mid {ta}改进配料工序，使产品合格率稳步提高。
        new {ta}带领团队研发高性能纤维材料，实现了产业化。
        new {ta}主导的新材料项目通过了省级科技成果鉴定。
        new {ta}改进生产工艺，使产品能耗下降{10-25}%。
        """,
        "研发中心 中试车间",
        "新材料要一点一点试出来。",
    ),
    "珍珠": _trade(
        0.35,
        0.0,
        True,
        (0, 2, 2),
        "珍珠插片 珍珠饰品设计",
        """
        mid {c}{t}珍珠养殖场 | 养殖户/插片工/养殖场场长
        mid {cs}{b}珍珠{corp} | 插片工/厂长
        new {cs}{b}珍珠有限公司 | 插片技师/饰品设计师
        new 浙江{b}珍珠饰品有限公司 | 饰品设计师/总经理
        new {cs}{b}珍珠养殖专业合作社 | 合作社理事长/插片技师
        """,
        """
        mid {ta}较早从事淡水珍珠养殖，摸索出一套育珠技术。
        mid {ta}把养殖经验传授给周边农户，带动大家共同致富。
        new {ta}从事珍珠插片{15-30}年，手法又快又稳。
        new {ta}带领团队开发珍珠饰品设计，产品远销海外。
        new {ta}推广生态养殖模式，改善了养殖水域环境。
        """,
        "插片班组",
        "一颗好珠子，要等好几年。",
        {"诸暨市": 40.0},
    ),
    "市政公用": _trade(
        0.12,
        0.3,
        True,
        (2, 3, 4),
        "管道抢修 供水保障 燃气检修",
        """
        old {c}环境卫生所 | 清洁工/班长 | 环卫
        old {c}自来水厂 | 水厂操作工/抢修工 | 水
        mid {c}自来水公司 | 管道工/抢修班长 | 水
        mid {c}环境卫生管理处 | 环卫工/班长 | 环卫
        mid {c}市政工程公司 | 管道工/施工员 | 水
        new {cs}{b}水务有限公司 | 管网抢修班长/高级技师/调度员 | 水
        new {c}环境卫生管理中心 | 环卫工/班长 | 环卫
        new {cs}{b}燃气有限公司 | 燃气检修工/调度员/高级技师 | 气
        """,
        """
        old 环卫:{ta}起早贪黑清扫街巷，从不叫苦。
        old 水:{ta}在水厂坚守岗位，保证了城镇居民用水。
        mid 水:{ta}负责供水管网维护，常常深夜抢修爆管。
        mid 环卫:{ta}坚守环卫一线{20-30}年，负责的路段多次被评为清洁路段。
        new 水:{ta}带领团队推广管网漏损检测技术，漏损率下降{3-10}个百分点。
        new 气:{ta}参与城市燃气管网数字化改造。
        new 气:{ta}坚持入户安全检查，消除燃气隐患{100-900}处。
        new 水:{ta}精通{skill}，多次在恶劣天气中连夜抢修，保障群众生活。
        new 环卫:{ta}推动垃圾分类进小区，所在片区分类准确率明显提高。
        """,
        "水:管网抢修班 水:供水调度班组 环卫:环卫作业队 气:燃气抢修班",
        "城市干净了，心里就亮堂。",
    ),
    "邮政通信": _trade(
        0.3,
        0.0,
        True,
        (2, 3, 3),
        "线路维护 邮件分拣",
        """
        old {c}邮电局 | 乡邮员/话务员 | 邮
        old {c}{t}邮电所 | 乡邮员 | 邮
        mid {c}邮电局 | 投递员/线务员 | 邮
        mid {c}{t}邮电支局 | 支局长/投递员 | 邮
        mid {c}电信局 | 线务员/话务员 | 通
        new 中国邮政集团有限公司{c}分公司 | 投递员/揽投部经理 | 邮
        new {cs}{b}通信工程有限公司 | 网络维护工程师/项目经理 | 通
        new {c}{t}邮政支局 | 支局长/投递员 | 邮
        """,
        """
        old 邮:{ta}当乡邮员，风雨无阻地步行送信，从未延误。
        old {ta}接转电话、收发电报耐心细致，从未出过差错。
        mid 邮:{ta}坚持投递{10-30}年，做到件件有着落。
        mid {ta}参与农村电话线路架设，让山村通上了电话。
        new 通:{ta}带领团队建设5G基站{100-500}个。
        new 通:{ta}坚持巡检通信线路，保障了汛期通信畅通。
        new 邮:{ta}打通农村寄递“最后一公里”，方便乡亲们网购。
        new 邮:{ta}在投递途中帮助独居老人代购代办，被称为“贴心邮递员”。
        """,
        "邮:投递班 邮:揽投部 通:网络维护班",
        "信件送到，心才放下。",
    ),
    "基层治理": _trade(
        0.3,
        0.5,
        False,
        (6, 5, 6),
        "矛盾调解 社区服务",
        """
        old {c}{t}{vil} | 大队党支部书记/大队长/妇女主任
        mid {c}{t}{vil} | 村党支部书记/村委会主任/妇女主任
        mid {c}{t}{vil}调解委员会 | 调解员/调解委员会主任
        new {c}{t}{vil} | 村党委书记/村委会主任/网格员
        new {c}{t}{v}社区 | 社区党委书记/网格员/社区主任
        new {c}{t}综合治理中心 | 调解员/网格员
        """,
        """
        old {ta}带领社员改田造地，集体生产逐年发展。
        old {ta}处处为群众着想，把集体的事当成自己的事。
        mid {ta}带领村民发展集体经济，村集体年收入增长到{50-500}万元。
        mid {ta}热心调解邻里纠纷，被村民称为“老娘舅”。
        new {ta}推行网格化管理，把矛盾纠纷化解在基层。
        new {ta}带领大家开展美丽乡村建设，村容村貌焕然一新。
        new 疫情期间，{ta}带领党员干部守好卡口，保障群众生活。
        new {ta}组建志愿服务队，常年关爱独居老人和留守儿童。
        """,
        "便民服务中心 调解委员会",
        "村民的事就是我的事。/群众的事再小也是大事。",
    ),
    "文化旅游": _trade(
        0.45,
        0.4,
        True,
        (3, 3, 4),
        "越剧表演 导游讲解 传统工艺",
        """
        old {c}越剧团 | 演员/编剧 | 剧
        old {c}{t}文化站 | 文化站站长 | 馆
        mid {c}越剧团 | 演员/团长 | 剧
        mid {c}文化馆 | 馆员/文物保护员 | 馆
        mid {cs}{b}旅行社 | 导游/经理 | 导
        new {cs}{b}文化旅游有限公司 | 导游/总经理 | 导
        new {c}越剧团 | 演员/团长 | 剧
        new {c}文物保护管理所 | 文物保护员/所长 | 馆
        new {cs}{b}工艺品有限公司 | 工艺师 | 艺
        """,
        """
        old 剧:{ta}随剧团送戏下乡，一年演出{150-300}场。
        old 馆:{ta}办起农村俱乐部，丰富了社员的文化生活。
        mid 剧:{ta}从事越剧表演{15-30}年，坚持为农村观众演出。
        mid 导:{ta}热情讲解水乡风物，被游客称为“活地图”。
        mid 馆:{ta}走村串户搜集民间文艺资料，整理出版了资料集。
        new 艺:{ta}推动传统工艺进校园，举办公益培训{20-100}场。
        new 导:{ta}带领团队打造文旅融合项目，带动乡村游客增长。
        new 馆:{ta}坚守文物保护一线，参与多处古桥和老宅的保护工作。
        new 剧:{ta}排演新编越剧，带领剧团每年送戏下乡{50-150}场。
        new 艺:{ta}坚持手工制作，作品多次在工艺美术展中获奖。
        """,
        "导:讲解队 剧:演出队 馆:文物保护组 艺:工艺制作组",
        "戏比天大。",
        {"嵊州市": 1.8},
    ),
    "科研": _trade(
        0.3,
        0.8,
        False,
        (2, 3, 4),
        "科研试验 成果转化",
        """
        old {c}农业科学研究所 | 技术员/研究人员 | 农
        mid 绍兴市农业科学研究院 | 助理研究员/研究室主任 | 农
        mid {c}科学技术研究所 | 助理研究员/研究室主任
        new 绍兴市农业科学研究院 | 研究员/高级农艺师 | 农
        new {cs}{b}研究院 | 研究员/高级工程师
        new 浙江{b}科技有限公司研发中心 | 研发中心主任/高级工程师
        """,
        """
        old 农:{ta}从事水稻育种，培育的品种在全县推广。
        old 农:{ta}常年蹲点试验田，总结出一套高产栽培方法。
        mid {ta}长期从事应用研究，完成科研项目{5-20}项。
        mid {ta}把科研成果送到企业和农户手中。
        new {ta}带领团队攻关关键技术，获得发明专利{5-30}件。
        new {ta}主持的项目获得市级科学技术进步奖。
        new 农:{ta}选育的新品种在全市推广{1-9}万亩。
        """,
        "课题组 研究室",
        "科研要接地气。",
    ),
}


BRANDS = (
    "恒",
    "永",
    "兴",
    "华",
    "宏",
    "鼎",
    "瑞",
    "丰",
    "盛",
    "源",
    "泰",
    "嘉",
    "鑫",
    "远",
    "明",
    "德",
    "信",
    "和",
    "安",
    "康",
    "诚",
    "达",
    "昌",
    "隆",
    "汇",
    "益",
    "顺",
    "立",
    "振",
    "通",
)
OLD_BRANDS = ("红旗", "东风", "前进", "向阳", "胜利", "新华", "卫东", "光明", "红星", "工农")

INTROS: dict[str, tuple[str, ...]] = {
    "old": (
        "{name}，{emp}{pos}。{ta}{start}年参加工作，在艰苦的条件下一干就是{yrs}年。",
        "{name}出身农家，{start}年进入{emp}，从最基础的工作做起，后来成为{pos}。",
        "{start}年，{name}走上{emp}的工作岗位，担任{pos}。",
        "{name}，{pos}。在{emp}工作期间，{ta}吃苦在前、享受在后，是大家公认的“老黄牛”。",
        "新中国成立后，{name}走上{emp}的工作岗位，担任{pos}。",
    ),
    "mid": (
        "{name}，{emp}{pos}。{ta}{start}年参加工作，始终扎根一线。",
        "{start}年，{name}进入{emp}，从一名普通职工成长为{pos}。",
        "改革开放以来，{name}在{emp}{pos}的岗位上敢闯敢试，带头探索新办法。",
        "{name}自{start}年起在{emp}工作，先后干过多个岗位，后任{pos}。",
    ),
    "new": (
        "{name}，{emp}{pos}。从业{yrs}年来，{ta}始终坚守一线。",
        "{name}{start}年进入{emp}，从一线岗位干起，如今已是{pos}。",
        "作为{emp}的{pos}，{name}把“干一行、爱一行、钻一行”当作自己的座右铭。",
        "{name}是{emp}的{pos}，同事们都说{ta}“心里只装着工作”。",
    ),
}
CODAS: dict[str, tuple[str, ...]] = {
    "old": (
        "{ta}毫无保留地把经验传给青年，带出了一批骨干。",
        "工作之余，{ta}组织大家学文化、学技术，带动周围的人共同进步。",
        "{ta}生活简朴，常把节省下来的材料和工具留给集体使用。",
        "遇到急难险重的任务，{ta}总是第一个站出来。",
    ),
    "mid": (
        "{ta}先后带出徒弟{10-60}名，其中多人成长为技术骨干。",
        "{ta}坚持“传帮带”，把自己总结的操作要领整理成册，供新职工学习。",
        "{ta}热心公益，多年来资助困难学生{3-20}名。",
        "{ta}常说，荣誉属于集体，自己只是做了应该做的事。",
    ),
    "new": (
        "近年来，{ta}以师带徒的方式培养青年骨干{5-40}名。",
        "{ta}多次走进校园、社区和企业宣讲，讲述劳动者的奋斗故事。",
        "疫情期间，{ta}坚守岗位，并主动参加社区防控志愿服务。",
        "{ta}积极参加劳模工匠志愿服务，为基层群众和中小企业解决实际问题。",
        "craft:{ta}领衔的创新团队累计完成技术革新{5-40}项。",
    ),
}
LATER = ("此后，", "进入新时代，", "多年后，", "后来，")
QUOTES = (
    "干一行，爱一行，钻一行。",
    "把平凡的事做好，就是不平凡。",
    "荣誉是大家的，我只是做了分内的事。",
    "活儿要经得起看，更要经得起用。",
    "手上有活，心里才踏实。",
    "技术是练出来的，没有捷径可走。",
    "多带一个徒弟，就多一份力量。",
    "宁可自己多流汗，不让集体受损失。",
    "只要肯钻，再难的问题也有办法。",
    "岗位就是责任。",
    "做事要认真，做人要实在。",
    "劳动最光荣，这句话我记了一辈子。",
    "好手艺要传下去，不能断在我手里。",
    "细节决定成败，标准就是底线。",
    "学无止境，技无止境。",
    "一辈子做好一件事，就够了。",
    "苦干加巧干，才能出成绩。",
    "安全无小事，质量无小事。",
    "把每一次都当成第一次来做。",
    "工作没有高低，只有用心不用心。",
    "老百姓满意，是最好的奖章。",
    "问题就是课题。",
    "舍得下苦功夫，才能练出真功夫。",
    "不怕慢，就怕站。",
    "集体的事就是自己的事。",
    "一天不干活，心里就发慌。",
    "师傅教的，我要一点不少地教给徒弟。",
    "认认真真做好每一件小事。",
)

# ---------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------

SURNAMES: tuple[tuple[str, float], ...] = (
    ("陈", 7.5),
    ("王", 7),
    ("张", 4),
    ("李", 3.5),
    ("徐", 3),
    ("周", 3),
    ("吴", 3),
    ("胡", 2.5),
    ("赵", 2.2),
    ("沈", 2.2),
    ("杨", 2),
    ("黄", 2),
    ("金", 2),
    ("朱", 2),
    ("何", 2),
    ("刘", 2),
    ("孙", 1.8),
    ("钱", 1.5),
    ("郑", 1.5),
    ("俞", 1.5),
    ("叶", 1.5),
    ("蒋", 1.3),
    ("章", 1.3),
    ("陆", 1.2),
    ("丁", 1.2),
    ("马", 1.2),
    ("宋", 1.2),
    ("傅", 1.2),
    ("方", 1.2),
    ("邵", 1.2),
    ("许", 1.2),
    ("楼", 1),
    ("袁", 1),
    ("董", 1),
    ("潘", 1),
    ("冯", 1),
    ("姚", 1),
    ("林", 1),
    ("谢", 0.8),
    ("阮", 0.8),
    ("裘", 0.8),
    ("范", 0.8),
    ("倪", 0.8),
    ("任", 0.8),
    ("唐", 0.8),
    ("蔡", 0.8),
    ("高", 0.8),
    ("毛", 0.8),
    ("魏", 0.6),
    ("顾", 0.6),
    ("梁", 0.6),
    ("屠", 0.6),
    ("骆", 0.6),
    ("汤", 0.6),
    ("钟", 0.6),
    ("韩", 0.6),
    ("夏", 0.6),
    ("严", 0.6),
    ("卢", 0.6),
    ("罗", 0.6),
    ("吕", 0.6),
    ("寿", 0.5),
    ("宣", 0.5),
    ("孟", 0.5),
    ("应", 0.5),
    ("石", 0.5),
    ("竺", 0.4),
    ("郦", 0.4),
    ("斯", 0.4),
    ("史", 0.4),
    ("祝", 0.4),
    ("杜", 0.4),
    ("孔", 0.4),
    ("田", 0.4),
    ("边", 0.3),
    ("茹", 0.3),
    ("商", 0.3),
    ("戚", 0.3),
    ("缪", 0.3),
    ("单", 0.2),
    ("曾", 0.15),
    ("翟", 0.1),
    ("仇", 0.1),
    ("查", 0.1),
    ("欧阳", 0.08),
    ("解", 0.05),
    ("司马", 0.05),
    ("上官", 0.05),
    ("区", 0.03),
    ("朴", 0.03),
)
# Surnames whose pinyin trips naive converters: each appears at least this often.
TRICKY_SURNAMES = ("单", "曾", "解", "仇", "区", "查", "朴", "欧阳", "司马", "上官", "吕")
TRICKY_MIN = 3
GIVEN: dict[tuple[str, str], str] = {
    ("男", "old"): "根土水福荣林生宝金法祥德春茂松明昌海炳坤兴龙贵财富有仁义长庆全发堂木才",
    ("男", "mid"): "建国伟军勇明强华平荣林新东红跃立志文斌峰卫忠民耀光海杰成良永庆利刚波雷云锋",
    ("男", "new"): "杰浩涛磊鹏斌超宇俊晨凯锋翔哲楠航越晓伟振鑫宏亮帆旭骏峻豪琦彬炜栋阳健睿嘉毅江",
    ("女", "old"): "英花珍凤秀兰梅菊香仙娥月宝珠玉彩杏桂金银云琴妹娣芝莲",
    ("女", "mid"): "红英萍芳燕丽娟霞玲琴慧敏美素亚芬飞月雅华群虹艳琼玉莉君珍",
    ("女", "new"): "婷倩洁静佳颖琳晓雯燕丹璐莉蕾珊萍露怡婕瑶莹娜琪薇晶蓓欣悦",
}

# ---------------------------------------------------------------------------------------
# Real people, collectives and milestones: only what a public source states
# ---------------------------------------------------------------------------------------

SEED_SOURCE = "《用劳模精神引领时代风尚——全省各市劳模协会工作交流·绍兴篇》（绍兴市劳模协会专版）"
PEOPLE_2018 = (
    "人民网 2018-11-08（浙江日报《匠心筑梦 2018“最美浙江人·最美工匠”揭晓》）"
    " http://acftu.people.com.cn/BIG5/n1/2018/1108/c121801-30389278.html"
    "；央广网转载 http://www.cnr.cn/zjfw/zjyw/20181108/t20181108_524409235.shtml"
)
ZJGRRB_2017 = (
    "浙江工人日报 2017-04-27《绍兴举行庆“五一”劳模先进表彰大会》"
    " http://epaper.zjgrrb.com/html/2017-04/27/content_2585497.htm?div=-1"
)
SEED_CLASS = (
    "开学第一天，丁卫松、董建奎、赵龙来到学校，分享用劳动创造美好生活，推动社会进步、"
    "激励后浪前行的人生经历。7000余名师生通过收看直播，上了开学第一堂思政课、德育课。"
)


@dataclass(frozen=True)
class RealPerson:
    """A real honoree: only what the cited sources state; a blank year is one no source gives."""

    id: str
    name: str
    industry: str
    deeds: str
    source: str
    honours: tuple[tuple[str, str], ...] = ()
    name_en: str = ""
    gender: str = ""
    birth_year: str = ""
    district: str = ""
    employer: str = ""
    position: str = ""
    quote: str = ""


REAL: tuple[RealPerson, ...] = (
    RealPerson(
        "r001",
        "丁卫松",
        "市政公用",
        "省劳模、浙江工匠、浙江省首位获评正高级职称的一线工人。2018年，从事焊接工作27年的"
        "绍兴柯桥排水有限公司高级技师丁卫松入选“浙江工匠”（“最美浙江人·最美工匠”）。\n"
        "他在绍兴劳模工匠馆现场教学。" + SEED_CLASS,
        f"{SEED_SOURCE}；{PEOPLE_2018}",
        (("zj_model", ""), ("zj_craftsman", "2018")),
        gender="男",
        district="柯桥区",
        employer="绍兴柯桥排水有限公司",
        position="高级技师",
        quote="“工”字出头是“土”字，要想出头，先做“土”人。只有不慕浮华，踏踏实实扎根一线，"
        "才能积土成山，成为真正的工匠。",
    ),
    RealPerson(
        "r002",
        "董建奎",
        "教育",
        "全国优秀教师、全国五一劳动奖章获得者、省功勋教师、省劳模。\n" + SEED_CLASS,
        SEED_SOURCE,
        (("national_may1", ""), ("zj_model", "")),
    ),
    RealPerson(
        "r003",
        "赵龙",
        "教育",
        "绍兴技师学院学生，第45届、第46届世界技能大赛浙江省家具制作项目选拔赛第一名，"
        "第46届世界技能大赛中国选拔赛全国第八名，第46届世界技能大赛国家集训队队员。\n" + SEED_CLASS,
        SEED_SOURCE,
        employer="绍兴技师学院",
        position="学生",
    ),
    RealPerson(
        "r004",
        "范祥波",
        "金融",
        "全国五一劳动奖章获得者，展示过“蒙眼双耳听音”的点钞绝活。",
        SEED_SOURCE,
        (("national_may1", ""),),
    ),
    RealPerson(
        "r005",
        "杨七明",
        "基层治理",
        "全国劳动模范，诸暨市大唐街道上文村党总支书记、村委会主任。\n"
        "2021年冬天，面对疫情，他在做好本村防疫工作的基础上，还千方百计帮助周边村开展核酸检测"
        "等工作。同时，他还自制短视频，利用自己的影响力号召全诸暨的党员干部带头做好疫情防控工作，"
        "视频一经发出，迅速刷屏朋友圈等社交平台，所在的大唐街道成功缓办喜事10多场，取消白事5场，"
        "涉及宴席近500桌。",
        SEED_SOURCE,
        (("national_model", ""),),
        gender="男",
        district="诸暨市",
        employer="诸暨市大唐街道上文村",
        position="党总支书记、村委会主任",
    ),
    RealPerson(
        "r006",
        "沈红平",
        "餐饮",
        "嵊州市级劳模，甘霖镇“两头门”冠军小笼包店负责人。\n"
        "2021年冬天，面对疫情，为了让奋斗在抗疫一线的基层干部在寒冷的冬天能吃上一口热腾腾的包子，"
        "每天带领志愿者送起了爱心小笼包。",
        SEED_SOURCE,
        (("county_model", ""),),
        district="嵊州市",
        employer="甘霖镇“两头门”冠军小笼包店",
        position="负责人",
    ),
    RealPerson(
        "r007",
        "王文娟",
        "基层治理",
        "绍兴市劳模，柯桥王大姐志愿服务队队长。\n疫情期间，主动投身抗疫一线，并招募30多名志愿者共同奋战。",
        SEED_SOURCE,
        (("sx_model", ""),),
        district="柯桥区",
        employer="柯桥王大姐志愿服务队",
        position="队长",
    ),
    RealPerson(
        "r008",
        "倪长兴",
        "农业",
        "改革开放后绍兴第一代种粮大户，家在绍兴县富盛镇倪家溇村（富盛镇2013年起属越城区）。"
        "1984年开始承包粮田，累计交售商品粮350多万公斤。\n"
        "推行全程机械化和稻鸭共育，采用“早稻免耕直播、晚稻抛秧”。曾获省、全国售粮模范和全国种粮大户"
        "称号，任绍兴县种粮大户协会理事长。2005年被授予全国劳动模范称号。",
        "wiki mirror: https://jendow.com.tw/wiki/%E5%80%AA%E9%95%B7%E8%88%88",
        (("national_model", "2005"),),
        name_en="Ni Changxing",
        birth_year="1948",
        district="越城区",
        employer="绍兴县富盛镇倪家溇村",
        position="种粮大户，绍兴县种粮大户协会理事长",
    ),
    RealPerson(
        "r009",
        "董志春",
        "医疗卫生",
        "嵊州市人民医院内科主任、主任医师。2017年被授予全国五一劳动奖章。",
        ZJGRRB_2017,
        (("national_may1", "2017"),),
        district="嵊州市",
        employer="嵊州市人民医院",
        position="内科主任、主任医师",
    ),
    RealPerson(
        "r010",
        "叶燕芬",
        "教育",
        "绍兴市蕺山中心小学校长、高级教师。2017年被授予全国五一劳动奖章。",
        ZJGRRB_2017,
        (("national_may1", "2017"),),
        district="越城区",
        employer="绍兴市蕺山中心小学",
        position="校长、高级教师",
    ),
    RealPerson(
        "r011",
        "冯永才",
        "农业",
        "诸暨市绿康果蔬专业合作社理事、高级农技师。2017年被授予全国五一劳动奖章。",
        ZJGRRB_2017,
        (("national_may1", "2017"),),
        district="诸暨市",
        employer="诸暨市绿康果蔬专业合作社",
        position="理事、高级农技师",
    ),
    RealPerson(
        "r012",
        "吕春雷",
        "医药",
        "浙江医药股份有限公司昌海生物分公司副总裁。在2017年4月绍兴市庆“五一”劳模先进表彰大会上"
        "被宣布评为浙江省劳动模范。",
        ZJGRRB_2017,
        (("zj_model", "2017"),),
        name_en="Lü Chunlei",
        employer="浙江医药股份有限公司昌海生物分公司",
        position="副总裁",
    ),
    RealPerson(
        "r013",
        "屠剑虹",
        "文化旅游",
        "绍兴市城建档案馆馆长，全国五一劳动奖章获得者。2019年作为绍兴市劳模工匠报告团成员，"
        "宣讲“穿越绍兴水城的历史隧道”。",
        "柯桥区总工会 2019-11-01 http://zgh.kq.gov.cn/art/2019/11/1/art_1613118_39686663.html",
        (("national_may1", ""),),
        district="越城区",
        employer="绍兴市城建档案馆",
        position="馆长",
    ),
)
# Real people named in the sources but not in the pack; no sample person may carry these names.
OTHER_REAL_NAMES = frozenset(
    {
        "何贝",
        "赵庆光",
        "王金友",
        "何祖国",
        "于光远",
        "马巍峰",
        "王海军",
        "张柳梅",
        "盛阅春",
        "彭佳学",
        "马卫光",
        "丁澄洋",
    }
)
REAL_NAMES = frozenset(p.name for p in REAL) | OTHER_REAL_NAMES

SHAOXING_2024 = "shaoxing.com.cn 2024 http://www.shaoxing.com.cn/p/3193470.html"
REAL_COLLECTIVES: tuple[Row, ...] = (
    {
        "name": "浙江万丰奥威汽轮股份有限公司热加工车间",
        "district": "",
        "honour": "national_pioneer",
        "year": "2017",
        "deeds": "2017年荣获全国工人先锋号。",
        "source": ZJGRRB_2017,
    },
    {
        "name": "浙江绍兴嵊新高速公路有限公司嵊州南收费站班组",
        "district": "嵊州市",
        "honour": "zj_pioneer",
        "year": "2017",
        "deeds": "2017年荣获浙江省工人先锋号称号。",
        "source": ZJGRRB_2017,
    },
    {
        "name": "浙江天基重工机械有限公司锻压车间",
        "district": "诸暨市",
        "honour": "national_pioneer",
        "year": "2024",
        "deeds": "2024年荣获全国工人先锋号。",
        "source": SHAOXING_2024,
    },
    {
        "name": "诸暨市联合旅游汽车出租有限公司二车队",
        "district": "诸暨市",
        "honour": "zj_pioneer",
        "year": "2024",
        "deeds": "2024年荣获浙江省工人先锋号。",
        "source": SHAOXING_2024,
    },
    {
        "name": "浙江米果果生态农业集团",
        "district": "诸暨市",
        "honour": "zj_model_collective",
        "year": "2024",
        "deeds": "2024年被评为浙江省模范集体。",
        "source": SHAOXING_2024,
    },
    {
        "name": "国网诸暨市供电公司",
        "district": "诸暨市",
        "honour": "zj_model_collective",
        "year": "2024",
        "deeds": "2024年被评为浙江省模范集体。",
        "source": SHAOXING_2024,
    },
    {
        "name": "全兴精工集团",
        "district": "诸暨市",
        "honour": "zj_model_collective",
        "year": "2024",
        "deeds": "2024年被评为浙江省模范集体。",
        "source": SHAOXING_2024,
    },
)

_TL = "https://m.yd166.com/jiaoyu/5652167967.html"
MILESTONES: tuple[tuple[str, str, str, str, str, str], ...] = (
    (
        "1950",
        "1950-09-25",
        "全国战斗英雄代表会议和全国工农兵劳动模范代表会议",
        "National conference of combat heroes and of model workers, peasants and soldiers",
        "national_conference",
        "https://github.com/Ncerzzk/MaoZeDongAnthology/blob/master/src/"
        "167-%E4%BD%A0%E4%BB%AC%E6%98%AF%E5%85%A8%E6%B0%91%E6%97%8F%E7%9A%84%E6%A8%A1%E8%8C%83%E4%BA%BA%E7%89%A9.md",
    ),
    (
        "1956",
        "1956-04-20/1956-05-10",
        "全国先进生产者代表会议",
        "National conference of advanced producers",
        "national_conference",
        "https://www.70thvictory.com.tw/jintian/04-20/19565793.htm",
    ),
    (
        "1959",
        "",
        "全国群英会",
        "National heroes' conference",
        "national_conference",
        "weak: http://china.zjol.com.cn/05china/system/2009/09/30/015876981.shtml",
    ),
    (
        "1960",
        "1960-06-01/1960-06-11",
        "全国文教群英会",
        "National conference of heroes in culture and education",
        "national_conference",
        "http://cnenc.net/131961.html",
    ),
    (
        "1977",
        "1977-05",
        "全国工业学大庆会议：表彰全国先进生产者385名",
        "National industry conference names 385 advanced producers",
        "national_conference",
        _TL,
    ),
    (
        "1978",
        "1978-03-18/1978-03-31",
        "全国科学大会",
        "National Science Conference",
        "national_conference",
        _TL,
    ),
    (
        "1978",
        "1978-06-20/1978-07-09",
        "全国财贸学大庆学大寨会议",
        "National conference of finance and trade workers",
        "national_conference",
        "weak: http://9000bbs.cn/sucai/wuyilaodongjieheibanbao/1511423460599651.htm",
    ),
    (
        "1979",
        "",
        "1979年两次全国性劳模表彰会议（会议名称未详）",
        "Two national commendation meetings (names not recorded)",
        "national_conference",
        "http://www.hprc.org.cn/gsyj/shs/shscf/201512/t20151210_4131834.html",
    ),
    (
        "1989",
        "",
        "全国劳动模范和全国先进工作者表彰大会",
        "National Model Workers and Advanced Workers conference",
        "national_conference",
        "http://china.zjol.com.cn/05china/system/2009/09/30/015876981.shtml",
    ),
    (
        "1995",
        "",
        "全国劳动模范和先进工作者表彰大会",
        "National Model Workers and Advanced Workers conference",
        "national_conference",
        "weak: https://jsmbw.com/biaoqian/4830.html",
    ),
    (
        "2000",
        "",
        "全国劳动模范和先进工作者表彰大会",
        "National Model Workers and Advanced Workers conference",
        "national_conference",
        "weak: http://news.x86android.com/tags-147441.html",
    ),
    (
        "2005",
        "",
        "全国劳动模范和先进工作者表彰大会",
        "National Model Workers and Advanced Workers conference",
        "national_conference",
        "https://jendow.com.tw/wiki/%E5%80%AA%E9%95%B7%E8%88%88",
    ),
    (
        "2010",
        "",
        "全国劳动模范和先进工作者表彰大会",
        "National Model Workers and Advanced Workers conference",
        "national_conference",
        "inferred: http://szb.sxworker.com/content/2007-08/09/275029.html",
    ),
    (
        "2015",
        "2015-04-28",
        "全国劳动模范和先进工作者表彰大会（表彰2010—2014年度）",
        "National Model Workers and Advanced Workers conference (2010–2014)",
        "national_conference",
        "http://m.3wdev.com/usernews/8459.html",
    ),
    (
        "2020",
        "2020-11-24",
        "全国劳动模范和先进工作者表彰大会",
        "National Model Workers and Advanced Workers conference",
        "national_conference",
        "https://feifmx.com/zw/news/13000776/20201125/39004611.html",
    ),
    (
        "2025",
        "2025-04-28",
        "庆祝中华全国总工会成立100周年暨全国劳动模范和先进工作者表彰大会",
        "ACFTU centenary and National Model Workers and Advanced Workers conference",
        "national_conference",
        "http://sxghgx01.sxgrw.com/typenews.asp?id=3272",
    ),
    (
        "1985",
        "",
        "全国五一劳动奖状、奖章评选表彰开始",
        "National May Day Labour Medal first awarded",
        "honour_start",
        "http://ldwb.workerbj.cn/content/2016-04/25/content_30177.htm",
    ),
    (
        "2008",
        "",
        "全国工人先锋号命名开始",
        "National Workers' Pioneer first named",
        "honour_start",
        "http://ldwb.workerbj.cn/content/2016-04/25/content_30177.htm",
    ),
    (
        "2017",
        "",
        "首批“浙江工匠”命名",
        "First Zhejiang Craftsmen named",
        "honour_start",
        "https://www.cinn.cn/rw/2018/11-26/9k6zMV5k.html；"
        "http://m.yhaog.com/newscenter/native/city/20170908/t20170908_523941106.shtml",
    ),
    (
        "2004",
        "2004-07-28",
        "绍兴市劳动模范协会成立",
        "Shaoxing Model Workers Association founded",
        "city",
        "weak: https://factpedia.org/wiki/Special:%E7%A7%BB%E5%8A%A8%E7%89%88%E5%B7%AE%E5%BC%82/4750750",
    ),
    (
        "2017",
        "2017-04-26",
        "绍兴市庆“五一”劳模先进表彰大会：85名市劳动模范、15家市模范集体",
        "Shaoxing May Day commendation: 85 city model workers, 15 model collectives",
        "city",
        "http://epaper.zjgrrb.com/html/2017-04/27/content_2585497.htm?div=-1",
    ),
    (
        "2024",
        "2024-10-30",
        "设立“绍兴工匠日”（每年12月18日）",
        "Shaoxing Craftsmen's Day (18 December) established",
        "city",
        "https://zj.news.163.com/24/1031/11/JFQU0LUS04099D9R.html",
    ),
    (
        "2022",
        "2022-07-14",
        "绍兴劳模工匠馆暑期延长开放时间、增加讲解场次",
        "The hall extends summer opening hours and adds guided tours",
        "hall",
        "http://epaper.zjgrrb.com/html/2022-07/14/content_2798454.htm?div=-1",
    ),
    (
        "2024",
        "2024-08-16",
        "绍兴劳模工匠馆展示1832名各级劳模和70名浙江工匠、绍兴工匠的先进事迹",
        "The hall shows 1,832 model workers and 70 craftsmen",
        "hall",
        "http://www.shaoxing.com.cn/p/3230597.html",
    ),
)

# ---------------------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------------------

# Best honour of a sample person: national ≈ 85–110, provincial ≈ 650, municipal ≈ 600 in
# the real hall (research/content-facts.md); the rest are county-level.
CATEGORY_SHARES = (
    ("national", 0.05),
    ("provincial", 0.31),
    ("zj_craftsman", 0.03),
    ("municipal", 0.25),
    ("sx_craftsman", 0.07),
    ("county", 0.29),
)
ZJ_CRAFTSMAN_SHARE = 0.049  # 浙江工匠 ≈ 95 of 1,950, some also model workers
SX_CRAFTSMAN_SHARE = 0.113  # 绍兴工匠 ≈ 220 of 1,950
# First honour's era: 15% / 40% / 45%; craftsmen (all after 2017) count towards the last.
ERA_RANGES = {"old": (1949, 1978), "mid": (1979, 2012), "new": (2013, LAST_YEAR)}
ERA_SHARES = {"old": 0.15, "mid": 0.40, "new": 0.45}
STUDIO_COUNTS = {"provincial": 32, "municipal": 143}

_NUM = re.compile(r"(第?)\{(\d+)-(\d+)\}")
_ORDINALS = "零一二三四五六七八九"


@dataclass
class _Person:
    id: str
    category: str
    bucket: str
    industry: str
    district: str
    gender: str
    birth: int = 0
    honours: list[tuple[str, int]] = field(default_factory=list)
    name: str = ""


def _quota(rng: random.Random, n: int, shares: Sequence[tuple[str, float]]) -> list[str]:
    """n labels in the given shares (largest remainders), shuffled."""
    raw = [(label, n * share) for label, share in shares]
    total = sum(s for _, s in shares)
    raw = [(label, v / total) for label, v in raw]
    counts = {label: int(v) for label, v in raw}
    rest = n - sum(counts.values())
    for label, _ in sorted(raw, key=lambda x: x[1] - int(x[1]), reverse=True)[:rest]:
        counts[label] += 1
    out = [label for label, _ in shares for _ in range(counts[label])]
    rng.shuffle(out)
    return out


def _pick(rng: random.Random, items: Sequence[str], weights: Sequence[float]) -> str:
    return rng.choices(items, weights)[0]


def _fill(template: str, rng: random.Random, values: Mapping[str, object]) -> str:
    def number(m: re.Match[str]) -> str:
        n = rng.randint(int(m[2]), int(m[3]))
        if m[1]:  # 第五中学, not 第5中学
            return m[1] + (_ORDINALS[n] if n < 10 else str(n))
        if n >= 100:  # round to two significant figures, as a report would
            n = round(n, 2 - len(str(n)))
        return str(n)

    return _NUM.sub(number, template).format_map(values)


class _Generator:
    def __init__(self, count: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.count = count
        self.synthetic = max(0, count - len(REAL))
        self.used_names: set[str] = set(REAL_NAMES)
        self.industries = tuple(TRADES)
        self.surnames = tuple(s for s, _ in SURNAMES)
        self.surname_weights = tuple(w for _, w in SURNAMES)

    # -- people ----------------------------------------------------------------------------
    def people(self) -> list[_Person]:
        rng = self.rng
        n = self.synthetic
        categories = _quota(rng, n, CATEGORY_SHARES)
        crafts_only = sum(1 for c in categories if c.endswith("craftsman"))
        rest = n - crafts_only
        # Craftsmen-only people are all new-era; the others make up the era shares.
        new_rest = max(0.0, ERA_SHARES["new"] * n - crafts_only)
        shares = (
            ("old", ERA_SHARES["old"] * n),
            ("mid", ERA_SHARES["mid"] * n),
            ("new", new_rest),
        )
        eras = iter(_quota(rng, rest, shares)) if rest else iter(())
        tricky = {}
        if n >= 10 * len(TRICKY_SURNAMES) * TRICKY_MIN:
            spots = rng.sample(range(n), len(TRICKY_SURNAMES) * TRICKY_MIN)
            tricky = {i: TRICKY_SURNAMES[k % len(TRICKY_SURNAMES)] for k, i in enumerate(spots)}
        people = []
        for i, category in enumerate(categories):
            bucket = "new" if category.endswith("craftsman") else next(eras)
            industry = self._industry(category, bucket)
            trade = TRADES[industry]
            pairs = zip(DISTRICTS, DISTRICT_WEIGHTS, strict=True)
            weights = [w * trade.districts.get(d, 1.0) for d, w in pairs]
            person = _Person(
                id=f"s{i + 1:05d}",
                category=category,
                bucket=bucket,
                industry=industry,
                district=_pick(rng, DISTRICTS, weights),
                gender="女" if rng.random() < trade.female else "男",
            )
            self._honours(person)
            person.name = self._name(person, tricky.get(i))
            people.append(person)
        self._add_craftsmen(people)
        return people

    def _industry(self, category: str, bucket: str) -> str:
        k = ("old", "mid", "new").index(bucket)
        crafts = category.endswith("craftsman")
        trades = [TRADES[i] for i in self.industries]
        weights = [t.weights[k] if t.craft or not crafts else 0.0 for t in trades]
        return _pick(self.rng, self.industries, weights)

    def _ladder(self, person: _Person) -> list[str]:
        rng = self.rng
        trade = TRADES[person.industry]
        public = rng.random() < trade.public
        model = "national_advanced" if public else "national_model"
        zj_model = "zj_advanced" if public else "zj_model"
        c = person.category
        if c == "national":
            best = model if rng.random() < 0.6 else "national_may1"
            lower, sizes = ["county_model", "sx_model", "zj_may1", zj_model], (0.35, 0.4, 0.25)
        elif c == "provincial":
            best = zj_model if rng.random() < 0.6 else "zj_may1"
            lower = ["county_model", "sx_model"] + (["zj_may1"] if best == zj_model else [])
            sizes = (0.55, 0.35, 0.1)
        elif c == "zj_craftsman":
            best, lower, sizes = "zj_craftsman", ["sx_craftsman"], (0.65, 0.35)
        elif c == "municipal":
            best, lower, sizes = "sx_model", ["county_model"], (0.75, 0.25)
        else:
            best = "sx_craftsman" if c == "sx_craftsman" else "county_model"
            lower, sizes = [], (1,)
        k = rng.choices(range(1, len(sizes) + 1), sizes)[0]
        chosen = rng.sample(lower, min(k - 1, len(lower)))
        # Lower honours come first: county, city, then the province's medal before its title.
        return [*sorted(chosen, key=lambda code: (-TIER[code], code != "zj_may1")), best]

    def _honours(self, person: _Person) -> None:
        rng = self.rng
        lo, hi = ERA_RANGES[person.bucket]
        for _attempt in range(30):
            codes = self._ladder(person)
            firsts = [y for y in allowed_years(codes[0]) if lo <= y <= hi]
            if not firsts:
                continue
            y0 = rng.choice(firsts)
            top = 46 if len(codes) > 1 else 56  # leave room for later honours
            age = (rng.randint(25, top) + rng.randint(25, top)) // 2
            birth = y0 - age
            years = [y0]
            for code in codes[1:]:
                later = [y for y in allowed_years(code) if years[-1] + 2 <= y <= min(LAST_YEAR, birth + 60)]
                if not later:
                    break
                years.append(rng.choice(later[:4]))
            if len(years) == len(codes):
                person.birth = birth
                person.honours = list(zip(codes, years, strict=True))
                return
        # The category cannot start in this era: fall back to its plain honour.
        fallback = {
            "national": "national_model",
            "provincial": "zj_model",
            "municipal": "sx_model",
            "zj_craftsman": "zj_craftsman",
            "sx_craftsman": "sx_craftsman",
        }
        code = fallback.get(person.category, "county_model")
        y0 = rng.choice([y for y in allowed_years(code) if lo <= y <= hi])
        person.birth = y0 - rng.randint(30, 50)
        person.honours = [(code, y0)]

    def _add_craftsmen(self, people: list[_Person]) -> None:
        rng = self.rng
        n = self.synthetic
        for code, share, categories in (
            ("zj_craftsman", ZJ_CRAFTSMAN_SHARE, ("national", "provincial")),
            ("sx_craftsman", SX_CRAFTSMAN_SHARE, ("provincial", "municipal", "county")),
        ):
            have = sum(1 for p in people for c, _ in p.honours if c == code)
            need = round(share * n) - have
            pool = [
                p
                for p in people
                if p.category in categories
                and TRADES[p.industry].craft
                and code not in {c for c, _ in p.honours}
                and self._craft_years(p)
            ]
            for p in rng.sample(pool, max(0, min(need, len(pool)))):
                year = rng.choice(self._craft_years(p))
                p.honours = sorted([*p.honours, (code, year)], key=lambda h: (h[1], TIER[h[0]]))

    @staticmethod
    def _craft_years(p: _Person) -> list[int]:
        first = p.honours[0][1]
        taken = {y for _, y in p.honours}
        top = min(LAST_YEAR, p.birth + 60)
        return [y for y in range(max(2017, first + 1), top + 1) if y not in taken]

    def _name(self, person: _Person, surname: str | None) -> str:
        rng = self.rng
        gen = "old" if person.birth < 1950 else "mid" if person.birth < 1975 else "new"
        chars = GIVEN[(person.gender, gen)]
        name = ""
        for attempt in range(100):
            family = surname or _pick(rng, self.surnames, self.surname_weights)
            if gen == "old" and rng.random() < 0.08:
                given = "阿" + rng.choice(chars)
            elif rng.random() < 0.22:
                given = rng.choice(chars)
            else:
                given = rng.choice(chars) + rng.choice(chars)
            name = family + given
            doubled = len(given) == 2 and given[0] == given[1]
            if family[-1] in given or (doubled and person.gender == "男"):
                continue
            # Unique while names are plentiful; never a real person's name.
            if name not in REAL_NAMES and (name not in self.used_names or attempt >= 8):
                break
        self.used_names.add(name)
        return name

    # -- text ------------------------------------------------------------------------------
    def _place(self, district: str, year: int) -> dict[str, str]:
        rng = self.rng
        full, short = _county(district, year)
        village = rng.choice(VILLAGES)
        return {
            "c": full,
            "cs": short,
            "t": _town(rng.choice(TOWNS[district]), year),
            "v": village,
            "vil": village + ("大队" if year <= 1983 else "村"),
            "b": "".join(rng.sample(BRANDS, 2)),
            "ob": rng.choice(OLD_BRANDS),
            "corp": "厂" if year < 1993 else rng.choice(("有限公司", "股份有限公司")),
        }

    def honoree_row(self, p: _Person) -> Row:
        rng = self.rng
        trade = TRADES[p.industry]
        first, last = p.honours[0][1], p.honours[-1][1]
        bucket, late = _bucket(first), _bucket(last)
        unit = rng.choice(trade.units[bucket])
        employer = _fill(unit.template, rng, self._place(p.district, first))
        position = rng.choice([x for x in unit.positions if p.gender == "女" or "妇女" not in x])
        ta = "她" if p.gender == "女" else "他"
        start = min(first - 3, p.birth + rng.randint(16, 22))
        values = {
            "name": p.name,
            "ta": ta,
            "emp": employer,
            "pos": position,
            "start": start,
            "yrs": max(3, last - start),
            "skill": rng.choice(trade.skills),
        }
        pool = trade.fragments(bucket, unit.tag)
        picked = rng.sample(pool, min(len(pool), rng.choice((1, 2, 2, 3))))
        acts = [_fill(a, rng, values) for a in picked]
        # Units of this kind only exist after 1949: earlier starts go unmentioned.
        intros = [i for i in INTROS[bucket] if start >= 1949 or "{start}" not in i]
        paragraphs = [_fill(rng.choice(intros), rng, values)]
        if len(acts) > 1 and rng.random() < 0.4:
            paragraphs[0] += acts.pop(0)
        body = "".join(acts)
        later = [f for f in trade.fragments(late, unit.tag) if _fill(f, rng, values) not in acts]
        if late != bucket and later:
            body += rng.choice(LATER) + _fill(rng.choice(later), rng, values)
        closing = self._closing(p, ta)
        fits = [c for c in CODAS[late] if trade.craft or not c.startswith("craft:")]
        codas = [c.removeprefix("craft:") for c in fits]
        coda = _fill(rng.choice(codas), rng, values) if rng.random() < 0.65 else ""
        if body:
            paragraphs.append(body)
        if coda:
            paragraphs.append(coda + closing)
        else:
            paragraphs[-1] += closing
        quote = ""
        if rng.random() < 0.4:
            quote = rng.choice(trade.quotes if trade.quotes and rng.random() < 0.3 else QUOTES)
        return {
            "id": p.id,
            "name": p.name,
            "name_en": "",
            "gender": p.gender,
            "birth_year": str(p.birth),
            "district": printed_district(p.district, first),
            "employer": employer,
            "position": position,
            "industry": p.industry,
            "deeds": "\n".join(paragraphs),
            "quote": quote,
            "portrait": "",
            "sample": "true",
            "source": "",
        }

    def _closing(self, p: _Person, ta: str) -> str:
        def title(code: str, year: int) -> str:
            if code == "county_model":
                return printed_district(p.district, year) + "劳动模范"
            if code == "national_model" and year in (1956, 1977):
                return "全国先进生产者"
            return HONOUR_ZH[code]

        if len(p.honours) == 1:
            code, year = p.honours[0]
            name = title(code, year)
            if code.endswith("may1"):
                return f"{year}年，{ta}荣获{name}。"
            if code in CRAFTSMAN_CODES:
                return f"{year}年，{ta}被评为“{name}”。"
            return self.rng.choice((f"{year}年，{ta}被授予{name}称号。", f"{year}年被评为{name}。"))
        listed = "、".join(f"{year}年{title(code, year)}" for code, year in p.honours)
        return f"{ta}先后获得{listed}等荣誉。"

    # -- collectives ------------------------------------------------------------------------
    def collectives(self) -> list[Row]:
        rng = self.rng
        real = enumerate(REAL_COLLECTIVES, 1)
        rows = [{"id": f"c{i:03d}", **row, "sample": "false"} for i, row in real]
        n = max(20, round(self.count * 0.035))
        codes = _quota(
            rng,
            n,
            (
                ("national_pioneer", 0.1),
                ("zj_pioneer", 0.3),
                ("zj_model_collective", 0.15),
                ("sx_model_collective", 0.45),
            ),
        )
        industries = [i for i in self.industries if TRADES[i].weights[2] > 0]
        names = {r["name"] for r in rows}
        for k, code in enumerate(codes):
            industry = _pick(rng, industries, [TRADES[i].weights[2] for i in industries])
            trade = TRADES[industry]
            year = rng.choice(allowed_years(code))
            district = _pick(rng, DISTRICTS, DISTRICT_WEIGHTS)
            unit = rng.choice(trade.units[_bucket(year)] or trade.units["new"])
            name = _fill(unit.template, rng, self._place(district, year))
            if code.endswith("pioneer"):
                name += rng.choice(trade.team_names(unit.tag) or ["班组"])
            if name in names:
                continue
            names.add(name)
            skill = rng.choice(trade.skills)
            who = "班组" if code.endswith("pioneer") else "单位"
            first, second = COLLECTIVE_DEEDS[trade.craft]
            lines = [
                _fill(rng.choice(first), rng, {"who": who, "skill": skill}),
                _fill(rng.choice(second), rng, {"who": who, "skill": skill}),
            ]
            if rng.random() < 0.5:
                lines.append(
                    f"{year}年被命名为{HONOUR_ZH[code]}。"
                    if code.endswith("pioneer")
                    else f"{year}年被评为{HONOUR_ZH[code]}。"
                )
            rows.append(
                {
                    "id": f"c{len(REAL_COLLECTIVES) + k + 1:03d}",
                    "name": name,
                    "district": printed_district(district, year),
                    "honour": code,
                    "year": str(year),
                    "deeds": lines[0] + "\n" + "".join(lines[1:]),
                    "sample": "true",
                    "source": "",
                }
            )
        return rows

    # -- studios -----------------------------------------------------------------------------
    def studios(self, people: Sequence[_Person]) -> list[Row]:
        rng = self.rng
        shapes = _district_shapes()
        # Leaders still at work: honoured lately and young enough to run a studio.
        active = [
            p
            for p in people
            if (p.honours[-1][1] >= 2005 and p.birth >= 1955 and TRADES[p.industry].craft)
            or (p.honours[-1][1] >= 2010 and p.birth >= 1958)
        ]
        rng.shuffle(active)
        high = [p for p in active if TIER[min(p.honours, key=lambda h: TIER[h[0]])[0]] <= 2]
        taken: set[str] = set()
        out: list[Row] = []
        for level, total in STUDIO_COUNTS.items():
            pool = high if level == "provincial" else active
            candidates = iter([p for p in pool if p.id not in taken])
            for _ in range(total):
                leader = None if rng.random() < 0.07 else next(candidates, None)
                if leader is not None:
                    taken.add(leader.id)
                    district = leader.district
                    industry = leader.industry
                    craftsman_only = all(c in CRAFTSMAN_CODES for c, _ in leader.honours)
                    kind = "工匠创新工作室" if craftsman_only else "劳模创新工作室"
                    name = leader.name + kind
                else:
                    district = _pick(rng, DISTRICTS, DISTRICT_WEIGHTS)
                    weights = [TRADES[i].weights[2] for i in self.industries]
                    industry = _pick(rng, self.industries, weights)
                    place = self._place(district, LAST_YEAR)
                    unit = _fill(rng.choice(TRADES[industry].units["new"]).template, rng, place)
                    name = unit + rng.choice(("职工创新工作室", "劳模工匠创新工作室"))
                lon, lat = _point_in(shapes[district], rng)
                open_ = rng.random() < 0.65
                out.append(
                    {
                        "id": f"w{len(out) + 1:03d}",
                        "name": name,
                        "level": level,
                        "leader_id": leader.id if leader else "",
                        "district": district,
                        "lon": f"{lon:.5f}",
                        "lat": f"{lat:.5f}",
                        "open_for_visits": "true" if open_ else "false",
                        "what_to_see": _what_to_see(rng, TRADES[industry], open_),
                        "sample": "true",
                        "source": "",
                    }
                )
        return out


# (first paragraph, second paragraph) fragments for service units and for works.
COLLECTIVE_DEEDS: dict[bool, tuple[tuple[str, ...], tuple[str, ...]]] = {
    False: (
        (
            "这个{who}现有成员{8-60}人，始终把群众满意作为工作标准。",
            "这个{who}推出便民举措{3-12}项，群众办事等候时间明显缩短。",
            "这个{who}坚持开展志愿服务，常年结对帮扶困难群众。",
            "这个{who}团结协作、敢于担当，在急难险重任务中屡次挺身而出。",
        ),
        (
            "服务对象满意率连续多年保持在{95-99}%以上。",
            "他们把规范服务落实到每一个环节，工作成绩在全市名列前茅。",
            "近年来，他们收到群众的感谢信和锦旗{20-120}件。",
            "他们主动承担志愿服务，为周边群众解决实际困难。",
        ),
    ),
    True: (
        (
            "这个{who}现有成员{8-60}人，平均年龄{28-42}岁，长期承担急难险重任务。",
            "这个{who}坚持“人人是安全员、个个是技术员”，多年保持安全生产无事故。",
            "这个{who}把{skill}作为看家本领，开展岗位练兵和技能比武。",
            "这个{who}建立了师带徒制度，先后培养技术骨干{10-50}名。",
        ),
        (
            "近年来累计完成技术革新和合理化建议{20-150}项，创造经济效益{100-900}万元。",
            "成员中有{2-8}人获得技师、高级技师资格。",
            "他们主动承担志愿服务，为周边群众和企业解决实际困难。",
            "他们把标准化作业落到每一个环节，各项指标在系统内名列前茅。",
        ),
    ),
}
# What a studio shows; "craft:" ones only where there is a craft to show.
SEE = (
    "craft:可现场观看{skill}技能展示",
    "{skill}现场教学",
    "craft:陈列技术革新成果{10-60}项",
    "师带徒培训课堂",
    "劳模事迹展板",
    "创新成果实物展示",
    "craft:专利和工法展示",
    "craft:{skill}体验课",
    "{skill}经验交流会",
    "工作室活动图片展",
)


def _what_to_see(rng: random.Random, trade: Trade, open_: bool) -> str:
    fits = [x.removeprefix("craft:") for x in SEE if trade.craft or not x.startswith("craft:")]
    picked = rng.sample(fits, rng.choice((2, 2, 3)))
    text = "、".join(_fill(s, rng, {"skill": rng.choice(trade.skills)}) for s in picked) + "。"
    if not open_:
        return text + "目前暂不对外开放。"
    return text + rng.choice(("参观需提前预约。", "团体参观请提前联系。", ""))


# ---------------------------------------------------------------------------------------
# Geography: points inside a district, by a plain even-odd point-in-polygon test
# ---------------------------------------------------------------------------------------

Ring = list[tuple[float, float]]


def _district_shapes(pack: Path = DEFAULT_PACK) -> dict[str, list[list[Ring]]]:
    """Polygons (each a list of rings) of each district, from the pack's geo file."""
    path = pack / "exhibits" / "geo" / "districts.geojson"
    data = json.loads(path.read_text(encoding="utf-8"))
    shapes: dict[str, list[list[Ring]]] = {}
    for feature in data["features"]:
        name = feature["properties"].get("name", "")
        if name not in DISTRICTS:
            continue
        geometry = feature["geometry"]
        coordinates = geometry["coordinates"]
        polygons = coordinates if geometry["type"] == "MultiPolygon" else [coordinates]
        shapes[name] = [[_ring(points) for points in poly] for poly in polygons]
    return shapes


def _ring(points: Sequence[Sequence[float]]) -> Ring:
    return [(float(p[0]), float(p[1])) for p in points]


def inside(lon: float, lat: float, polygons: Sequence[Sequence[Ring]]) -> bool:
    """True if the point lies inside the (multi)polygon; holes count as outside."""
    for rings in polygons:
        hit = False
        for ring in rings:
            j = len(ring) - 1
            for i in range(len(ring)):
                (xi, yi), (xj, yj) = ring[i], ring[j]
                if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
                    hit = not hit
                j = i
        if hit:
            return True
    return False


def _point_in(polygons: Sequence[Sequence[Ring]], rng: random.Random) -> tuple[float, float]:
    xs = [x for rings in polygons for x, _ in rings[0]]
    ys = [y for rings in polygons for _, y in rings[0]]
    while True:
        lon = round(rng.uniform(min(xs), max(xs)), 5)
        lat = round(rng.uniform(min(ys), max(ys)), 5)
        if inside(lon, lat, polygons):
            return lon, lat


# ---------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------


def _real_rows() -> tuple[list[Row], list[Row]]:
    honorees, honours = [], []
    for p in REAL:
        honorees.append(
            {
                "id": p.id,
                "name": p.name,
                "name_en": p.name_en,
                "gender": p.gender,
                "birth_year": p.birth_year,
                "district": p.district,
                "employer": p.employer,
                "position": p.position,
                "industry": p.industry,
                "deeds": p.deeds,
                "quote": p.quote,
                "portrait": "",
                "sample": "false",
                "source": p.source,
            }
        )
        honours += [{"honoree_id": p.id, "honour": c, "year": y} for c, y in p.honours]
    return honorees, honours


def generate(count: int = DEFAULT_COUNT, seed: int = DEFAULT_SEED) -> dict[str, list[Row]]:
    """The pack's records: file name → rows, every value a string.

    Args:
        count: honorees in all; the real ones come first, the rest are invented.
        seed: the same count and seed always give the same rows.
    """
    gen = _Generator(count, seed)
    honorees, honours = _real_rows()
    people = gen.people()
    for person in people:
        honorees.append(gen.honoree_row(person))
        pid = person.id
        honours += [{"honoree_id": pid, "honour": c, "year": str(y)} for c, y in person.honours]
    collectives = gen.collectives()
    studios = gen.studios(people)
    milestones = [dict(zip(FIELDS["milestones.csv"], m, strict=True)) for m in MILESTONES]
    milestones.sort(key=lambda m: (m["year"], m["date"], m["kind"]))
    return {
        "honorees.csv": honorees,
        "honours.csv": honours,
        "collectives.csv": collectives,
        "studios.csv": studios,
        "milestones.csv": milestones,
    }


def write_pack(
    pack_dir: Path,
    count: int = DEFAULT_COUNT,
    seed: int = DEFAULT_SEED,
) -> dict[str, int]:
    """Write the five CSV files into pack_dir/exhibits; returns rows written per file.

    A pack other than the default also gets the default pack's hall.yaml and district
    map when it has none, so it loads on its own.
    """
    exhibits = Path(pack_dir) / "exhibits"
    exhibits.mkdir(parents=True, exist_ok=True)
    for rel in ("hall.yaml", "geo/districts.geojson"):
        target, origin = exhibits / rel, DEFAULT_PACK / "exhibits" / rel
        if not target.exists() and origin.exists() and target.resolve() != origin.resolve():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(origin, target)
    written = {}
    for name, rows in generate(count, seed).items():
        with (exhibits / name).open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, FIELDS[name], lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        written[name] = len(rows)
    return written


def summary(rows: Mapping[str, Sequence[Row]]) -> Counter[str]:
    """Counts by era of first honour, best level and district, for reports and tests."""
    counts: Counter[str] = Counter()
    years: dict[str, list[tuple[int, str]]] = {}
    for h in rows["honours.csv"]:
        if h["year"]:
            years.setdefault(h["honoree_id"], []).append((int(h["year"]), h["honour"]))
    codes: dict[str, list[str]] = {}
    for h in rows["honours.csv"]:
        codes.setdefault(h["honoree_id"], []).append(h["honour"])
    level = {1: "national", 2: "provincial", 3: "municipal", 4: "county"}
    for p in rows["honorees.csv"]:
        mine = sorted(years.get(p["id"], []))
        if mine:
            counts["era:" + _bucket(mine[0][0])] += 1
        if codes.get(p["id"]):
            counts["level:" + level[min(TIER[c] for c in codes[p["id"]])]] += 1
        counts["district:" + p["district"]] += 1
    for h in rows["honours.csv"]:
        counts["honour:" + h["honour"]] += 1
    return counts


def main(argv: Sequence[str] | None = None, out: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(prog="python -m hall.sample", description=__doc__)
    parser.add_argument(
        "--pack", type=Path, default=DEFAULT_PACK, help="pack folder (default: the repo root)"
    )
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="honorees in all")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    written = write_pack(args.pack, args.count, args.seed)
    parts = ", ".join(f"{n} {name.removesuffix('.csv')}" for name, n in written.items())
    out(f"wrote {parts} to {args.pack / 'exhibits'} (seed {args.seed})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
