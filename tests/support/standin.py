"""A small stand-in catalogue for the search tests, written in code, and the queries a visitor
types into it with the person each must find first."""

from __future__ import annotations

from dataclasses import dataclass, field

from hall.pack.records import (
    District,
    Era,
    Honoree,
    Honour,
    HonourKind,
    HonourType,
    Industry,
    Level,
    Text,
)


def fw(text: str) -> str:
    """Full-width form of ASCII text (written this way to keep the source plain ASCII)."""
    return "".join("\u3000" if c == " " else chr(ord(c) + 0xFEE0) for c in text)


ERAS = (
    Era("revolution", Text("社会主义革命和建设时期", "Revolution"), 1949, 1978),
    Era("reform", Text("改革开放和社会主义现代化建设新时期", "Reform"), 1979, 2012),
    Era("new_era", Text("中国特色社会主义新时代", "The New Era"), 2013, None),
)


def _kind(code: str, zh: str, level: Level, type_: HonourType, *aliases: str) -> HonourKind:
    return HonourKind(code, Text(zh, code), level, type_, tuple(aliases))


MW, CR = HonourType.MODEL_WORKER, HonourType.CRAFTSMAN
KINDS = {
    k.code: k
    for k in (
        _kind("national_model", "全国劳动模范", Level.NATIONAL, MW, "全国劳模"),
        _kind("national_may1", "全国五一劳动奖章", Level.NATIONAL, MW, "五一劳动奖章"),
        _kind("zj_model", "浙江省劳动模范", Level.PROVINCIAL, MW, "省劳模"),
        _kind("zj_craftsman", "浙江工匠", Level.PROVINCIAL, CR),
        _kind("sx_model", "绍兴市劳动模范", Level.MUNICIPAL, MW, "市劳模"),
        _kind("sx_craftsman", "绍兴工匠", Level.MUNICIPAL, CR),
        _kind("county_model", "县级劳动模范", Level.COUNTY, MW),
    )
}
DISTRICTS = (
    District("330602", Text("越城区", "Yuecheng"), ("绍兴市城区",)),
    District("330603", Text("柯桥区", "Keqiao"), ("绍兴县",)),
    District("330604", Text("上虞区", "Shangyu"), ("上虞县", "上虞市")),
    District("330681", Text("诸暨市", "Zhuji"), ("诸暨县",)),
    District("330683", Text("嵊州市", "Shengzhou"), ("嵊县",)),
    District("330624", Text("新昌县", "Xinchang"), ()),
)
INDUSTRIES = tuple(
    Industry(Text(zh, en))
    for zh, en in (
        ("纺织印染", "Textiles and dyeing"),
        ("黄酒酿造", "Rice-wine brewing"),
        ("机械制造", "Machinery"),
        ("化工", "Chemicals"),
        ("医疗卫生", "Health care"),
        ("电力", "Electric power"),
        ("建筑", "Construction"),
        ("农业", "Agriculture"),
        ("电子信息", "Electronics and IT"),
    )
)
_DISTRICT_OF = {n: d.adcode for d in DISTRICTS for n in (d.name.zh, *d.former)}


def person(
    hid: str,
    name: str,
    district: str = "",
    honours: tuple[tuple[str, int | None], ...] = (("sx_model", 2000),),
    **fields: str,
) -> Honoree:
    """An honoree the way the catalogue derives one (era, best level, craftsman flag)."""

    def era_of(year: int | None) -> str:
        return next((e.id for e in ERAS if year is not None and e.contains(year)), "")

    mine = tuple(
        sorted(
            (Honour(hid, code, year, era_of(year)) for code, year in honours),
            key=lambda h: (h.year is None, h.year or 0),
        )
    )
    return Honoree(
        id=hid,
        name=name,
        name_en=fields.pop("name_en", ""),
        district=district,
        district_code=_DISTRICT_OF.get(district, ""),
        honours=mine,
        best_level=min((KINDS[h.code].level.rank for h in mine), default=4),
        is_craftsman=any(KINDS[h.code].type is CR for h in mine),
        **fields,
    )


PEOPLE = (
    person(
        "p01",
        "丁卫松",
        "绍兴县",
        (("national_model", 1989), ("zj_model", 1985)),
        employer="绍兴纺织机械厂",
        position="车间主任",
        industry="机械制造",
        deeds="他带领班组革新织机三十余项，节约成本。",
        quote="干一行，爱一行。",
    ),
    person(
        "p02",
        "丁伟",
        "越城区",
        (("sx_model", 2001),),
        employer="绍兴电力局",
        position="线路工",
        industry="电力",
        deeds="常年坚守输电线路。",
        sample=True,  # one invented person among the real: the real filter has something to drop
    ),
    person(
        "p03",
        "单国强",
        "嵊县",
        (("zj_model", 1995),),
        employer="嵊州市建筑公司",
        position="项目经理",
        industry="建筑",
        deeds="主持建设多项重点工程。",
    ),
    person(
        "p04",
        "曾志伟",
        "上虞市",
        (("zj_model", 2000),),
        employer="上虞化工厂",
        position="技术员",
        industry="化工",
        deeds="研发新型染料中间体。",
    ),
    person(
        "p05",
        "解春燕",
        "诸暨县",
        (("sx_model", 1990),),
        employer="诸暨珍珠养殖场",
        position="养殖能手",
        industry="农业",
        deeds="推广淡水珍珠养殖技术。",
    ),
    person(
        "p06",
        "仇建平",
        "柯桥区",
        (("sx_model", 2005),),
        employer="柯桥印染厂",
        position="印染工",
        industry="纺织印染",
        deeds="改进印染工艺，降低能耗。",
    ),
    person(
        "p07",
        "区家明",
        "新昌县",
        (("sx_model", 2008),),
        employer="新昌轴承厂",
        position="车工",
        industry="机械制造",
        deeds="精研轴承加工。",
    ),
    person(
        "p08",
        "查文华",
        "越城区",
        (("sx_model", 2010),),
        employer="绍兴市人民医院",
        position="护士长",
        industry="医疗卫生",
        deeds="投身抗击疫情一线。",
    ),
    person(
        "p09",
        "朴正浩",
        "越城区",
        (("sx_model", 2011),),
        employer="绍兴电子厂",
        position="工程师",
        industry="电子信息",
        deeds="带领团队攻关芯片封装。",
    ),
    person(
        "p10",
        "吕小明",
        "柯桥区",
        (("sx_model", 2012),),
        employer="柯桥纺织集团",
        position="挡车工",
        industry="纺织印染",
        deeds="连续十年无次品。",
    ),
    person(
        "p11",
        "欧阳修明",
        "上虞区",
        (("zj_model", 2010),),
        employer="上虞建设集团",
        position="总工程师",
        industry="建筑",
        deeds="参与建设杭州湾大桥。",
    ),
    person(
        "p12",
        "陈建国",
        "柯桥区",
        (("zj_model", 2003),),
        employer="柯桥机械厂",
        position="钳工",
        industry="机械制造",
        deeds="获得国家发明专利五项。",
    ),
    person(
        "p13",
        "陈建",
        "越城区",
        (("sx_model", 2006),),
        employer="绍兴供电公司",
        position="电工",
        industry="电力",
        deeds="抢修电网。",
    ),
    person(
        "p14",
        "陈国华",
        "上虞区",
        (("national_may1", 2015),),
        employer="上虞化工园区",
        position="安全员",
        industry="化工",
        deeds="排查隐患上千处。",
    ),
    person(
        "p15",
        "王嘉安",
        "新昌县",
        (("zj_craftsman", 2019),),
        employer="新昌制药厂",
        position="高级技师",
        industry="医疗卫生",
        deeds="攻克原料药提纯难题。",
    ),
    person(
        "p16",
        "沈阿根",
        "越城区",
        (("zj_craftsman", 2018), ("sx_craftsman", 2017)),
        employer="会稽山绍兴酒股份有限公司",
        position="酿酒师",
        industry="黄酒酿造",
        deeds="坚持传统手工酿制绍兴黄酒四十年。",
        quote="酒是粮食精，功夫在细处。",
    ),
    person(
        "p17",
        "黄美玲",
        "嵊州市",
        (("sx_model", None),),
        employer="嵊州越剧团",
        position="演员",
        industry="",
        deeds="紹興黃酒節上演出越劇。",
    ),
    person(
        "p18",
        "李晓峰",
        "诸暨市",
        (("zj_model", 2016),),
        employer="诸暨通信公司",
        position="网络工程师",
        industry="电子信息",
        deeds="建设5G基站两百座。",
    ),
    person(
        "p19",
        "陈明",
        "新昌县",
        (("sx_model", 1999),),
        employer="新昌茶场",
        position="茶农",
        industry="农业",
        deeds="改良茶树品种。",
    ),
    person(
        "p20",
        "周大海",
        "越城区",
        (("national_model", 1979),),
        employer="绍兴钢铁厂",
        position="炉长",
        industry="机械制造",
        deeds="师从陈明学艺，后来居上。",
    ),
    person(
        "p21",
        "乐天华",
        "柯桥区",
        (("sx_model", 2014),),
        name_en="Le Tianhua",
        employer="柯桥轻纺城",
        position="经理",
        industry="纺织印染",
        deeds="打造轻纺市场。",
    ),
    person(
        "p22",
        "司马光明",
        "诸暨市",
        (("county_model", 2020),),
        employer="诸暨农机站",
        position="农机手",
        industry="农业",
        deeds="推广机械化插秧。",
    ),
    person("p23", "张三", "", (), employer="", position="", industry="", deeds=""),
    person(
        "p24",
        "翟志刚",
        "上虞区",
        (("zj_model", 2021),),
        employer="上虞高铁站",
        position="站长",
        industry="",
        deeds="保障春运。",
    ),
)


@dataclass(frozen=True)
class StandInCatalog:
    """The parts of hall.pack.Catalog the index reads."""

    honorees: tuple[Honoree, ...] = PEOPLE
    honour_kinds: dict[str, HonourKind] = field(default_factory=lambda: dict(KINDS))
    districts: tuple[District, ...] = DISTRICTS
    eras: tuple[Era, ...] = ERAS
    industries: tuple[Industry, ...] = INDUSTRIES


# (query, filters, id that must rank first)
CASES: list[tuple[str, dict[str, object], str]] = [
    # names: exact, prefix, substring
    ("丁卫松", {}, "p01"),
    ("丁卫", {}, "p01"),
    ("卫松", {}, "p01"),
    ("丁伟", {}, "p02"),
    ("陈建", {}, "p13"),  # exact name beats the prefix of 陈建国
    ("陈建国", {}, "p12"),
    ("陈明", {}, "p19"),  # exact name beats a national model whose deeds mention 陈明
    ("陈", {}, "p14"),  # several 陈: the best honour (national) first
    # pinyin, initials, mixes
    ("dingweisong", {}, "p01"),
    ("ding wei song", {}, "p01"),
    ("Ding Weisong", {}, "p01"),
    ("dīng wèi sōng", {}, "p01"),
    ("ding1 wei4 song1", {}, "p01"),
    ("dws", {}, "p01"),
    ("DWS", {}, "p01"),
    ("weisong", {}, "p01"),
    ("ding卫松", {}, "p01"),
    ("丁ws", {}, "p01"),
    ("丁weis", {}, "p01"),
    ("dingwei", {}, "p02"),  # whole pinyin of 丁伟 beats the prefix of dingweisong
    ("wangjiaan", {}, "p15"),
    ("wja", {}, "p15"),
    ("chenjian", {}, "p13"),
    # surnames read as surnames, and their misreadings
    ("shanguoqiang", {}, "p03"),
    ("danguoqiang", {}, "p03"),
    ("sgq", {}, "p03"),
    ("zengzhiwei", {}, "p04"),
    ("cengzhiwei", {}, "p04"),
    ("xiechunyan", {}, "p05"),
    ("qiujianping", {}, "p06"),
    ("oujiaming", {}, "p07"),
    ("zhawenhua", {}, "p08"),
    ("piaozhenghao", {}, "p09"),
    ("lvxiaoming", {}, "p10"),
    ("luxiaoming", {}, "p10"),
    ("lyuxiaoming", {}, "p10"),
    ("Lü Xiaoming", {}, "p10"),
    ("ouyang", {}, "p11"),
    ("oyxm", {}, "p11"),
    ("simaguangming", {}, "p22"),
    ("zhaizhigang", {}, "p24"),
    ("yuetianhua", {}, "p21"),
    ("le tianhua", {}, "p21"),  # the family's own spelling (name_en)
    # traditional / simplified, width, case, stray punctuation
    ("丁衛松", {}, "p01"),
    ("歐陽修明", {}, "p11"),
    (fw("DINGWEISONG"), {}, "p01"),
    (fw("dws"), {}, "p01"),
    (" 丁-卫·松！ ", {}, "p01"),
    ("《丁卫松》", {}, "p01"),
    ("紹興黃酒", {}, "p16"),  # traditional query, simplified deeds (p16 outranks p17's level)
    ("绍兴黄酒节", {}, "p17"),  # simplified query, traditional deeds
    ("5g基站", {}, "p18"),
    (fw("5G"), {}, "p18"),
    # typos: one edit, below exact matches
    ("dingweisogn", {}, "p01"),
    ("dingweisng", {}, "p01"),
    ("dingwiesong", {}, "p01"),
    ("丁卫送", {}, "p01"),  # sounds the same
    ("丁卫杉", {}, "p01"),  # one character wrong
    ("欧阳修", {}, "p11"),  # a name prefix, not a typo
    # employer, position, deeds, quote
    ("纺织机械", {}, "p01"),
    ("护士长", {}, "p08"),
    ("革新织机", {}, "p01"),
    ("爱一行", {}, "p01"),
    ("芯片封装", {}, "p09"),
    ("会稽山", {}, "p16"),
    # districts, including former names, industries, honours
    ("绍兴县", {}, "p01"),
    ("柯桥", {}, "p01"),
    ("上虞市", {}, "p14"),
    ("嵊县", {}, "p03"),
    ("诸暨县", {}, "p18"),
    ("keqiao", {}, "p01"),
    ("纺织印染", {}, "p06"),
    ("全国劳模", {}, "p20"),
    ("浙江工匠", {}, "p16"),
    # several words: each must match somewhere
    ("陈 柯桥 专利", {}, "p12"),
    ("丁卫松 柯桥", {}, "p01"),
    ("ding 柯桥", {}, "p01"),
    ("柯桥 纺织", {}, "p10"),
    # filters, with and without a query
    ("", {"district": "330603"}, "p01"),
    ("", {"district": "绍兴县"}, "p01"),
    ("", {"district": "嵊县"}, "p03"),
    ("", {"district": "Shangyu"}, "p14"),
    ("陈", {"district": "上虞区"}, "p14"),
    ("陈", {"district": "330602"}, "p13"),
    ("", {"era": "new_era"}, "p14"),
    ("", {"era": "revolution"}, ""),
    ("", {"honour": "zj_craftsman"}, "p16"),
    ("", {"honour": "全国劳模"}, "p20"),
    ("", {"years": (2015, 2016)}, "p14"),
    ("", {"years": (None, 1985)}, "p20"),
    ("", {"kind": "craftsman"}, "p16"),
    ("", {"kind": "model_worker", "district": "330683"}, "p03"),
    ("丁", {"industry": "机械制造"}, "p01"),
    ("丁", {"industry": "电力"}, "p02"),
    ("chen", {"era": "reform", "district": "330603"}, "p12"),
    ("工程师", {"industry": "电子信息"}, "p18"),
    ("", {"industry": "黄酒酿造", "kind": "craftsman"}, "p16"),
    ("", {}, "p20"),
    ("", {"district": "no-such-place"}, ""),
    ("dingweisong", {"district": "330602"}, ""),
]


CASE_IDS = [f"{q}|{f}" for q, f, _ in CASES]
