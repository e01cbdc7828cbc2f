"""The fields of every record kind in a content pack, declared once.

The record classes (hall.pack.records), the pack reader and its checks, the importer, the
sample generator, the directory and the search index all read these declarations: adding a
field to a record kind means adding it here, then to the places that show it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FieldType(StrEnum):
    """How a cell is read: the reader turns the text into the record's value."""

    TEXT = "text"  # str, "" when blank
    BILINGUAL = "bilingual"  # Text(zh, en), from the columns <name>_zh and <name>_en
    YEAR = "year"  # int | None
    INT = "int"  # int, 0 when blank
    FLOAT = "float"  # float | None
    BOOL = "bool"  # true / 1 / yes / 是
    GENDER = "gender"  # 男 / 女 / ""
    LEVEL = "level"  # hall.pack.records.Level
    LIST = "list"  # tuple[str, ...]: a YAML list, or a cell of items separated by 、，, ; or ；


class Required(StrEnum):
    NO = ""  # the column may be left out
    COLUMN = "column"  # the column must be there; a cell may be blank
    VALUE = "value"  # the column must be there and every row must fill it


class Search(StrEnum):
    """What the search index makes of a field (hall.search)."""

    NO = ""
    NAME = "name"  # the name itself: characters, pinyin, initials, typos
    ATTRIBUTE = "attribute"  # short facts: employer, position, district, industry
    TEXT = "text"  # running text: deeds, words


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a record kind.

    `name` is the column in the pack's file and, unless `attr` says otherwise, the attribute
    of the record. `published` says whether visitors and open-data users may see it;
    `label` is the labels key of its column in the directory table ("" keeps it out);
    `headers` are the column titles a curator's spreadsheet may give it (the importer).
    """

    name: str
    type: FieldType = FieldType.TEXT
    required: Required = Required.NO
    published: bool = True
    label: str = ""
    headers: tuple[str, ...] = ()
    search: Search = Search.NO
    attr: str = ""

    @property
    def attribute(self) -> str:
        return self.attr or self.name

    @property
    def columns(self) -> tuple[str, ...]:
        if self.type is FieldType.BILINGUAL:
            return (f"{self.name}_zh", f"{self.name}_en")
        return (self.name,)

    @property
    def required_columns(self) -> tuple[str, ...]:
        if self.required is Required.NO:
            return ()
        return self.columns[:1]  # a bilingual field needs its Chinese


@dataclass(frozen=True, slots=True)
class RecordKind:
    """A kind of record: the file it lives in (under exhibits/) and its fields, in column order."""

    name: str
    file: str
    fields: tuple[Field, ...]

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(c for f in self.fields for c in f.columns)

    @property
    def required_columns(self) -> tuple[str, ...]:
        return tuple(c for f in self.fields for c in f.required_columns)

    def field(self, name: str) -> Field:
        """The field called `name`.

        Raises:
            KeyError: the kind has no such field.
        """
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no field {name!r}")

    def published(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.published)

    def searched(self, how: Search) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.search is how)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


T, BI, YEAR, INT, FLOAT, BOOL = (
    FieldType.TEXT,
    FieldType.BILINGUAL,
    FieldType.YEAR,
    FieldType.INT,
    FieldType.FLOAT,
    FieldType.BOOL,
)
VALUE, COLUMN = Required.VALUE, Required.COLUMN

# Shared by every kind that is either invented for the demonstration or cited.
SAMPLE = Field("sample", BOOL, label="col_sample", headers=_words("示例 sample"))
SOURCE = Field("source", headers=_words("来源 出处 资料来源 source"))
DISTRICT = Field(
    "district",
    label="col_district_printed",
    headers=_words(
        "所在区县 区县 县区 所属区县 县市区 区县市 所在区县市 所在县市区 地区 所在地区 区域 所在地 district"
    ),
    search=Search.ATTRIBUTE,
)
YEAR_HEADERS = _words(
    "获评年份 获评年度 获评时间 年度 年份 授予年份 授予时间 获奖年份 获奖时间 评选年份 "
    "表彰年份 表彰年度 获得时间 year"
)
HONOUR_HEADERS = _words(
    "荣誉称号 称号 荣誉 获得荣誉 荣誉名称 获评称号 获得称号 表彰称号 荣誉类别 honour honor"
)

HONOREE = RecordKind(
    "honoree",
    "honorees.csv",
    (
        Field("id", required=VALUE, headers=("id",)),  # stable, for links and data; never on screen
        Field(
            "name",
            required=VALUE,
            label="col_name",
            headers=_words("姓名 名字 人名 劳模姓名 人员姓名 获奖人 获奖人姓名 name"),
            search=Search.NAME,
        ),
        Field("name_en", label="col_pinyin", headers=_words("拼音 姓名拼音 name_en pinyin")),
        Field("gender", FieldType.GENDER, label="col_gender", headers=_words("性别 gender sex")),
        Field(
            "birth_year",
            YEAR,
            label="col_birth",
            headers=_words(
                "出生年月 出生年份 出生年 出生日期 出生年月日 出生时间 生年 birth_year birth year_of_birth"
            ),
        ),
        DISTRICT,
        Field(
            "employer",
            label="col_employer",
            headers=_words("工作单位 单位 所在单位 单位名称 employer"),
            search=Search.ATTRIBUTE,
        ),
        Field(
            "position",
            headers=_words("职务 职称 职务职称 岗位 职位 position"),
            search=Search.ATTRIBUTE,
        ),
        Field(
            "industry",
            label="col_industry",
            headers=_words("行业 所属行业 行业类别 行业分类 industry"),
            search=Search.ATTRIBUTE,
        ),
        Field(
            "deeds",
            headers=_words("主要事迹 事迹 先进事迹 事迹简介 简要事迹 主要先进事迹 事迹摘要 deeds"),
            search=Search.TEXT,
        ),
        Field("quote", headers=_words("格言 感言 寄语 座右铭 quote"), search=Search.TEXT),
        # A file name under media/portraits: how the pack finds the photo, not a fact to show.
        Field("portrait", published=False),
        SAMPLE,
        SOURCE,
        # What the sources leave open or disagree on (a year not given, two units printed): shown
        # beside the sources. Not 备注: an office's remarks column is internal, never published.
        Field("note", headers=_words("资料说明 来源说明 note")),
    ),
)

HONOUR = RecordKind(
    "honour",
    "honours.csv",
    (
        Field("honoree_id", required=VALUE),
        Field("honour", required=VALUE, headers=HONOUR_HEADERS, attr="code"),
        Field("year", YEAR, required=COLUMN, headers=YEAR_HEADERS),
    ),
)

COLLECTIVE = RecordKind(
    "collective",
    "collectives.csv",
    (
        Field("id", required=VALUE),
        Field("name", required=VALUE),
        DISTRICT,
        Field("honour", required=VALUE, headers=HONOUR_HEADERS),
        Field("year", YEAR, required=VALUE, headers=YEAR_HEADERS),
        Field("deeds"),
        SAMPLE,
        SOURCE,
    ),
)

STUDIO = RecordKind(
    "studio",
    "studios.csv",
    (
        Field("id", required=VALUE),
        Field("name", required=VALUE),
        Field("level", FieldType.LEVEL, required=VALUE),
        Field("leader_id"),
        DISTRICT,
        Field("lon", FLOAT),
        Field("lat", FLOAT),
        Field("open_for_visits", BOOL),
        Field("what_to_see"),
        SAMPLE,
        SOURCE,
        Field("visit_capacity", INT),  # places in one visiting slot; blank: hall.yaml's bookings
    ),
)

MILESTONE = RecordKind(
    "milestone",
    "milestones.csv",
    (
        Field("year", YEAR, required=VALUE),
        Field("date"),
        Field("title", BI, required=VALUE),
        Field("kind"),  # national_conference | honour_start | city | hall
        SOURCE,
    ),
)

# What the association's people do now (hall.activities reads and checks both).
ACTIVITY = RecordKind(
    "activity",
    "activities.csv",
    (
        Field("id", required=VALUE),
        Field("date", required=VALUE),  # YYYY-MM-DD, or YYYY-MM / YYYY when the source gives no day
        Field("time"),  # HH:MM, local
        Field("minutes", INT),
        Field("kind", required=VALUE),  # hall.activities.Kind
        Field("setting"),  # the 五进 setting: hall.activities.Setting, or blank
        Field("title", BI, required=VALUE),
        Field("place"),
        DISTRICT,
        Field("studio_id"),  # an innovation studio's open day or skill show
        Field("speakers", FieldType.LIST),  # honoree ids
        Field("audience", INT),
        Field("online", BOOL),  # reached its audience by live stream
        Field("summary"),
        SAMPLE,
        SOURCE,
    ),
)
SPEAKER = RecordKind(
    "speaker",
    "speakers.csv",
    (
        Field("honoree_id", required=VALUE),
        Field("topics", FieldType.LIST, required=VALUE),
        Field("since", YEAR),
        SAMPLE,
        SOURCE,
    ),
)

# Tours are YAML documents (tours/*.yaml), each with a list of stops; hall.pack.tours reads them.
TOUR = RecordKind(
    "tour",
    "tours/*.yaml",
    (
        Field("id", required=VALUE),
        Field("title", BI, required=VALUE),
        Field("audience", required=VALUE),
        Field("stops", FieldType.LIST, required=VALUE),
        Field("minutes", INT),  # the planned length as written; the stops' minutes add up to it
    ),
)
STOP = RecordKind(
    "stop",
    "tours/*.yaml",
    (
        Field("kind", required=VALUE),  # honoree, era, timeline, map, room
        Field("target", required=VALUE),  # honoree id, era id, year, adcode or room key
        Field("minutes", INT, required=VALUE),
        Field("points", FieldType.LIST, required=VALUE),  # talking points: shown to the docent only
        Field("title"),  # what the docent calls the stop; derived from the target when blank
    ),
)

# 名师高徒: a master (an honoree) and an apprentice (an honoree, or a named person and employer);
# read and checked by hall.pack.pairs, kept out of TABLES as the people files never name it.
PAIR = RecordKind(
    "pair",
    "pairs.csv",
    (
        Field("id", required=VALUE),
        Field("master_id", required=VALUE, headers=_words("师傅 师父 名师 导师 master")),
        Field("apprentice_id"),  # an honoree's id, when the apprentice is one
        Field("apprentice_name", headers=_words("徒弟 高徒 学徒 徒弟姓名 apprentice")),
        Field("apprentice_employer", headers=_words("徒弟单位 徒弟工作单位 apprentice_employer")),
        Field("studio_id", headers=_words("工作室 创新工作室 所在工作室 studio")),
        Field("craft", headers=_words("技艺 技能 工种 传承技艺 craft")),
        Field("year", YEAR, required=COLUMN, headers=_words("结对年份 结对年度 结对时间 拜师年份 year")),
        Field("outcome", headers=_words("成果 徒弟成果 徒弟荣誉 获奖情况 outcome")),
        SAMPLE,
        SOURCE,
    ),
)

# The CSV record files of a pack, in the order they are read.
TABLES: tuple[RecordKind, ...] = (HONOREE, HONOUR, COLLECTIVE, STUDIO, MILESTONE)
BY_FILE: dict[str, RecordKind] = {kind.file: kind for kind in TABLES}
