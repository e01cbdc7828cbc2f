"""The directory (名录) importer: messy Excel or CSV rows into a pack's honorees, all-or-nothing."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import re
import sys
import unicodedata
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from hall.errors import HallError, PackError
from hall.pack import Catalog
from hall.pack import write as packwrite
from hall.pack.read import FIRST_YEAR, OLDEST_BIRTH_YEAR, Problems, read_hall_yaml
from hall.pack.records import District, HallInfo, HonourKind, HonourType, Industry
from hall.pack.schema import HONOREE, HONOUR
from hall.pack.write import PackCsv
from hall.textnorm import normalize

IDS_FILE = "ids.yaml"
ID_PREFIX = "i"
ID_DIGITS = 5
HEADER_SEARCH_ROWS = 30
MAX_NAME_LENGTH = 30
MIN_AGE_AT_HONOUR = 14
MAX_FILE_BYTES = 50 * 1024 * 1024


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# The pack's fields an import fills, in the order a merged person's values are compared.
FIELDS = _words("id name name_en gender birth_year district employer position industry deeds quote source")
# Fields of an existing person an import may fill when the pack has them blank.
FILLABLE = _words("gender birth_year district employer position industry deeds quote source")

# Header words → field, compared after normalize() (no spaces, punctuation or case).
# "employer_position" is the combined 工作单位及职务 column, split on import.
HEADERS: dict[str, tuple[str, ...]] = {
    field_name: _words(words)
    for field_name, words in {
        "id": "id",
        "name": "姓名 名字 人名 劳模姓名 人员姓名 获奖人 获奖人姓名 name",
        "name_en": "拼音 姓名拼音 name_en pinyin",
        "gender": "性别 gender sex",
        "birth_year": "出生年月 出生年份 出生年 出生日期 出生年月日 出生时间 生年 "
        "birth_year birth year_of_birth",
        "employer_position": "工作单位及职务 工作单位和职务 单位及职务 单位和职务 工作单位职务 单位职务 "
        "工作单位及职务职称 工作单位及职称 单位及职称",
        "employer": "工作单位 单位 所在单位 单位名称 employer",
        "position": "职务 职称 职务职称 岗位 职位 position",
        "district": "所在区县 区县 县区 所属区县 县市区 区县市 所在区县市 所在县市区 "
        "地区 所在地区 区域 所在地 district",
        "industry": "行业 所属行业 行业类别 行业分类 industry",
        "honour": "荣誉称号 称号 荣誉 获得荣誉 荣誉名称 获评称号 获得称号 表彰称号 荣誉类别 honour honor",
        "year": "获评年份 获评年度 获评时间 年度 年份 授予年份 授予时间 获奖年份 获奖时间 评选年份 表彰年份 "
        "表彰年度 获得时间 year",
        "deeds": "主要事迹 事迹 先进事迹 事迹简介 简要事迹 主要先进事迹 事迹摘要 deeds",
        "quote": "格言 感言 寄语 座右铭 quote",
        "source": "来源 出处 资料来源 source",
    }.items()
}
_HEADER_FIELD = {normalize(word): f for f, words in HEADERS.items() for word in words}

# A column whose header contains one of these is personal: its values are never read into
# the pack, the report or the log (PIPL 第28条 sensitive data, and private contact details).
PERSONAL_WORDS = _words(
    "身份证 身份号码 证件 电话 手机 联系方式 联系号码 住址 地址 住所 邮箱 邮件 银行 账号 帐号 卡号 微信 "
    "民族 政治面貌 党派 宗教 婚姻 健康 病史 护照 社保 医保"
)
PERSONAL_ENGLISH = frozenset(
    _words(
        "phone mobile tel telephone address email idcard idnumber idno passport wechat qq bankaccount "
        "ethnicity religion"
    )
)

# Values that look like someone's identity or contact details, found in any imported cell.
_PERSONAL_VALUES = (
    (
        "id_number",
        re.compile(r"(?<![0-9])(?:[0-9]{17}[Xx]|[0-9]{15,19})(?![0-9])"),
        "an ID-card or bank-card number",
    ),
    ("phone", re.compile(r"(?<![0-9])1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])"), "a mobile phone number"),
    ("phone", re.compile(r"(?<![0-9])0[0-9]{2,3}-[0-9]{7,8}(?![0-9])"), "a telephone number"),
    ("email", re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), "an e-mail address"),
)

GENDER_WORDS = {
    "男": "男",
    "男性": "男",
    "m": "男",
    "male": "男",
    "女": "女",
    "女性": "女",
    "f": "女",
    "female": "女",
}
_HONOUR_SUFFIXES = ("获得者", "荣誉称号", "称号", "荣誉")
_HONOUR_PREFIXES = ("荣获", "获得", "被评为", "被授予", "授予", "评为")
# Multi-character endings of an organisation's name: where 工作单位及职务 is cut when it has
# no separator. One-character ones (厂, 所, 局) are left out: "副厂长" would be cut in two.
_ORG_END = re.compile(
    "|".join(
        sorted(
            _words(
                "股份有限公司 有限责任公司 有限公司 分公司 公司 集团 医院 卫生院 小学 中学 学校 大学 学院 "
                "幼儿园 合作社 银行 研究所 研究院 供电所 档案馆 图书馆 博物馆 委员会 村委会 居委会 管理局 "
                "管理处 中心 工作室"
            ),
            key=len,
            reverse=True,
        )
    )
)
_WIDTH = {c: c - 0xFEE0 for r in ((0xFF10, 0xFF1A), (0xFF21, 0xFF3B), (0xFF41, 0xFF5B)) for c in range(*r)}
_WIDTH.update({0x3000: 0x20, 0xA0: 0x20, 0x200B: None, 0x2060: None, 0xFEFF: None})
_NAME_DOTS = str.maketrans({"•": "·", "・": "·", "‧": "·", "∙": "·", "．": "·"})
_CHINESE_DIGITS = str.maketrans("〇零○Ｏ一二三四五六七八九", "0000123456789")


class ImportFailed(HallError):
    """The file cannot be imported at all (unreadable, no header row, too big)."""


@dataclass(frozen=True, slots=True)
class Issue:
    """One thing about one row (or the file, when `row` is None), in plain words.

    `code` is stable (no_name, bad_year, two_digit_year, unknown_honour, personal_data …) so
    a curator's screen can word it in its own language; `reason` never quotes a personal value.
    """

    row: int | None
    column: str
    reason: str
    code: str = ""
    sheet: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "row": self.row,
            "column": self.column,
            "reason": self.reason,
            "code": self.code,
        }
        if self.sheet:
            out["sheet"] = self.sheet
        return out

    def __str__(self) -> str:
        where = "file" if self.row is None else f"row {self.row}"
        if self.sheet:
            where = f"{self.sheet} {where}"
        return f"{where}" + (f" [{self.column}]" if self.column else "") + f": {self.reason}"


@dataclass(frozen=True, slots=True)
class PlannedPerson:
    """A person the import touches, as the pack will hold them afterwards."""

    id: str
    name: str
    new: bool
    birth_year: int | None = None
    gender: str = ""
    district: str = ""
    employer: str = ""
    position: str = ""
    industry: str = ""
    honours_added: tuple[tuple[str, int | None], ...] = ()  # (honour code, year)
    rows: tuple[int, ...] = ()  # the file's rows that made them


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import found and did; `to_json()` is the CLI's --json output."""

    persons: int
    honours: int
    rejected: tuple[Issue, ...] = ()
    duplicates: tuple[int, ...] = ()  # rows that repeat an earlier row exactly (counted once)
    dropped_columns: tuple[str, ...] = ()  # personal columns, never read
    warnings: tuple[Issue, ...] = ()
    new_persons: int = 0
    existing_persons: int = 0
    honours_added: int = 0
    changed: bool = False  # the pack's files would change
    written: bool = False  # the pack's files did change
    backup: str = ""  # where the previous files were kept, when written

    @property
    def rejected_rows(self) -> tuple[int, ...]:
        return tuple(sorted({i.row for i in self.rejected if i.row is not None}))

    def to_json(self) -> dict[str, Any]:
        return {
            "persons": self.persons,
            "honours": self.honours,
            "rejected": [i.to_json() for i in self.rejected],
            "duplicates": list(self.duplicates),
            "dropped_columns": list(self.dropped_columns),
            "warnings": [i.to_json() for i in self.warnings],
            "new_persons": self.new_persons,
            "existing_persons": self.existing_persons,
            "honours_added": self.honours_added,
            "changed": self.changed,
            "written": self.written,
            "backup": self.backup,
        }


@dataclass(frozen=True)
class ImportPlan:
    """A dry run: the report, the people it touches, and the exact bytes `apply_import` writes."""

    report: ImportReport
    pack: str
    people: tuple[PlannedPerson, ...] = ()
    files: tuple[tuple[str, bytes], ...] = field(default=(), repr=False)  # exhibits/ name → bytes
    base: tuple[tuple[str, str], ...] = field(default=(), repr=False)  # fingerprints planned against


# ---------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------


def plan_import(
    source: Path | str | bytes,
    filename: str | None = None,
    pack: Path | str | Catalog | None = None,
) -> ImportPlan:
    """Read a directory file and work out what importing it into `pack` would do; writes nothing.

    Args:
        source: the file's path, or its bytes (an upload).
        filename: the file's name (for bytes; used for messages and to tell .xlsx from .csv).
        pack: the content pack's folder (or a Catalog of it); default: HALL_PACK.

    Raises:
        ImportFailed: the file cannot be read as a directory at all.
        PackError: the pack has no usable hall.yaml.
    """
    if isinstance(source, bytes):
        data = source
        filename = filename or "upload"
    else:
        path = Path(source)
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise ImportFailed(f"{path.name} is larger than {MAX_FILE_BYTES // 2**20} MB")
            data = path.read_bytes()
        except OSError as exc:
            raise ImportFailed(f"cannot read {path.name}: {exc.strerror}") from exc
        filename = filename or path.name
    if len(data) > MAX_FILE_BYTES:
        raise ImportFailed(f"{filename} is larger than {MAX_FILE_BYTES // 2**20} MB")
    pack_dir = _pack_dir(pack)
    vocab = _Vocabulary.read(pack_dir)
    table = _read_table(data, filename)
    del data
    return _Planner(vocab, pack_dir).plan(table)


def apply_import(plan: ImportPlan, pack_dir: Path | str | None = None) -> ImportReport:
    """Write a plan into the pack, all or nothing, keeping the previous files as a backup.

    A plan that changes nothing writes nothing (re-importing a file is a no-op).

    Raises:
        packwrite.PackChanged: the pack's files changed after the plan was made.
        packwrite.PackWriteFailed: writing failed; the pack is as it was.
    """
    if not plan.report.changed:
        return plan.report
    target = Path(pack_dir) if pack_dir is not None else Path(plan.pack)
    backup = packwrite.replace_files(target, dict(plan.files), expected=dict(plan.base))
    return replace(plan.report, written=True, backup=str(backup.path))


def import_file(
    source: Path | str | bytes, filename: str | None = None, pack: Path | str | None = None
) -> ImportReport:
    """plan_import then apply_import, for scripts that need no dry run."""
    pack_dir = _pack_dir(pack)
    return apply_import(plan_import(source, filename, pack_dir), pack_dir)


# ---------------------------------------------------------------------------------------
# Normalisation: small pure functions, each tested on its own
# ---------------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Full-width digits and letters to ASCII, odd spaces to plain ones, zero-width marks out.

    Chinese punctuation (，（）) is left as it is: it belongs in deeds and employers' names.
    """
    return text.translate(_WIDTH)


def clean_name(text: str) -> str:
    """A person's name: no spaces inside Chinese names (丁 卫 松 → 丁卫松), one · for dots."""
    text = " ".join(fold(text).translate(_NAME_DOTS).split())
    text = re.sub(r"\s*·\s*", "·", text)
    return re.sub(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])", "", text)


def is_plausible_name(name: str) -> bool:
    if not name or len(name) > MAX_NAME_LENGTH:
        return False
    letters = 0
    for ch in name:
        if unicodedata.category(ch).startswith("L"):
            letters += 1
        elif ch not in "· '-":
            return False
    return letters > 0


def parse_year(value: object) -> tuple[int | None, str]:
    """A year out of what offices write: 1985, 1985.0, "1985年度", "1968.05", "1968-05-12",
    "１９８５", "一九八五年", "19680512", an Excel date.

    Returns:
        (year, "") — or (None, "") for a blank cell — or (None, error code) where the code is
        two_digit_year, decade, range or bad_year.
    """
    if value is None:
        return None, ""
    if isinstance(value, dt.datetime | dt.date):
        return value.year, ""
    if isinstance(value, bool):
        return None, "bad_year"
    if isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value)
    else:
        text = unicodedata.normalize("NFKC", fold(str(value))).strip()
    text = re.sub(r"\s+", "", text)
    if not text:
        return None, ""
    if re.fullmatch(r"[〇零○一二三四五六七八九]{4}年?度?", text):
        text = text.translate(_CHINESE_DIGITS)
    m = re.fullmatch(
        r"(\d{4})(?:年度?|\.0+|年(\d{1,2})月(?:(\d{1,2})日)?|[./-](\d{1,2})(?:[./-](\d{1,2}))?日?)?",
        text,
    )
    if m:
        month = m.group(2) or m.group(4)
        day = m.group(3) or m.group(5)
        if (month and not 1 <= int(month) <= 12) or (day and not 1 <= int(day) <= 31):
            return None, "bad_year"
        return int(m.group(1)), ""
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})?", text)
    if m and 1 <= int(m.group(2)) <= 12 and (m.group(3) is None or 1 <= int(m.group(3)) <= 31):
        return int(m.group(1)), ""
    if re.fullmatch(r"\d{2}年?度?(?:[./-]\d{1,2})?", text):
        return None, "two_digit_year"
    if re.fullmatch(r"\d{4}年代|\d{2}年代", text):
        return None, "decade"
    if re.fullmatch(r"\d{4}[-~至到—–]\d{2,4}年?", text):
        return None, "range"
    return None, "bad_year"


def split_employer(text: str) -> tuple[str, str, bool]:
    """工作单位及职务 → (employer, position, whether a clear cut was found).

    Cut at the last space (绍兴市城建档案馆 馆长), else at a comma or slash, else after the
    last organisation ending (…有限公司|高级技师, …医院|内科主任、主任医师). 、 is not a cut:
    official lists use it between titles ("内科主任、主任医师").
    """
    text = " ".join(fold(text).split())
    if not text:
        return "", "", True
    if " " in text:
        employer, position = text.rsplit(" ", 1)
        if not position.isascii():
            return _squeeze(employer), _squeeze(position), True
    m = re.search(r"[，,/／|｜;；]", text)
    if m and 0 < m.start() < len(text) - 1:
        return _squeeze(text[: m.start()]), _squeeze(text[m.end() :]), True
    ends = [m.end() for m in _ORG_END.finditer(text)]
    if ends and 2 <= len(text) - ends[-1] <= MAX_NAME_LENGTH:
        return _squeeze(text[: ends[-1]]), _squeeze(text[ends[-1] :]), True
    return _squeeze(text), "", False


def _squeeze(text: str) -> str:
    """Collapse spaces, and drop those beside Chinese characters."""
    text = " ".join(text.split())
    return re.sub(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])", "", text).strip(" ,，、;；/")


def _clean_text(text: str) -> str:
    """Deeds and other prose: width folded, line ends unified, each line's ends trimmed."""
    lines = [
        " ".join(line.split()) for line in fold(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    return "\n".join(line for line in lines if line)


def _personal_value(text: str) -> tuple[str, str] | None:
    """(code, what it looks like) if the text holds an ID number, phone number or e-mail."""
    folded = fold(text)
    for code, pattern, what in _PERSONAL_VALUES:
        if pattern.search(folded):
            return code, what
    return None


def _header_key(cell: object) -> str:
    return normalize(str(cell)) if cell is not None else ""


def is_personal_header(header: str) -> bool:
    """Whether a column header names personal data that must never be imported."""
    folded = unicodedata.normalize("NFKC", header)
    if any(word in folded for word in PERSONAL_WORDS):
        return True
    return normalize(folded) in PERSONAL_ENGLISH


# ---------------------------------------------------------------------------------------
# The hall's vocabulary: honour kinds, districts, industries
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Vocabulary:
    info: HallInfo
    kinds: Mapping[str, HonourKind]
    districts: tuple[District, ...]
    industries: tuple[Industry, ...]
    honour_keys: Mapping[str, str | None]  # normalised name → code (None: ambiguous)
    district_keys: Mapping[str, tuple[str, str] | None]  # normalised name → (printed, adcode)

    @classmethod
    def read(cls, pack: Path) -> _Vocabulary:
        problems = Problems()
        info, _eras, kinds, districts, industries = read_hall_yaml(pack / "exhibits" / "hall.yaml", problems)
        honour_keys: dict[str, str | None] = {}
        for kind in kinds.values():
            for name in (kind.code, kind.name.zh, kind.name.en, *kind.aliases):
                key = _honour_key(name)
                if key:
                    honour_keys[key] = kind.code if honour_keys.get(key, kind.code) == kind.code else None
        district_keys: dict[str, tuple[str, str] | None] = {}
        stems: dict[str, set[tuple[str, str]]] = defaultdict(set)
        city = normalize(info.city.zh)
        for d in districts:
            for name in (d.name.zh, d.name.en, *d.former):
                key = normalize(name)
                if not key:
                    continue
                value = (name, d.adcode)
                old = district_keys.get(key, value)
                district_keys[key] = value if old is not None and old[1] == d.adcode else None
                if len(key) > 2 and key[-1] in "区县市" and key[:-1] != city:
                    stems[key[:-1]].add((d.name.zh, d.adcode))
        # Short forms (柯桥, 诸暨): the current name of the one district they can mean.
        for stem, values in stems.items():
            codes = {code for _, code in values}
            if stem not in district_keys:
                district_keys[stem] = next(iter(values)) if len(codes) == 1 else None
        return cls(info, kinds, districts, industries, honour_keys, district_keys)

    def honour(self, text: str) -> tuple[str | None, str]:
        """(code, "") or (None, unknown|ambiguous|collective)."""
        key = _honour_key(text)
        if key not in self.honour_keys:
            return None, "unknown_honour"
        code = self.honour_keys[key]
        if code is None:
            return None, "ambiguous_honour"
        if self.kinds[code].type is HonourType.COLLECTIVE:
            return None, "collective_honour"
        return code, ""

    def district(self, text: str) -> tuple[str, str, str]:
        """(printed name, adcode, "") or ("", "", city_only|unknown_district|ambiguous_district)."""
        key = normalize(text)
        if not key:
            return "", "", ""
        city = normalize(self.info.city.zh)
        candidates = [key]
        province = re.match(r"^[\u4e00-\u9fff]{2,3}省", key)
        if province:
            candidates.append(key[province.end() :])
        if city and city in key:
            # Whatever comes before the city is a province, written with or without 省.
            rest = key[key.find(city) + len(city) :]
            candidates += [rest, rest.removeprefix("市")]
        for k in candidates:
            if k in self.district_keys:
                hit = self.district_keys[k]
                if hit is None:
                    return "", "", "ambiguous_district"
                return hit[0], hit[1], ""
        if city and any(k in (city, f"{city}市") for k in candidates):
            return "", "", "city_only"
        return "", "", "unknown_district"


def _honour_key(text: str) -> str:
    key = normalize(text)
    changed = True
    while changed and key:
        changed = False
        for suffix in _HONOUR_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix):
                key, changed = key[: -len(suffix)], True
        for prefix in _HONOUR_PREFIXES:
            if key.startswith(prefix) and len(key) > len(prefix):
                key, changed = key[len(prefix) :], True
    return key


def _split_honour_year(text: str) -> tuple[str, str]:
    """'1985年省劳模' or '省劳模（1985年）' → ('省劳模', '1985'); otherwise (text, '')."""
    folded = unicodedata.normalize("NFKC", fold(text)).strip()
    m = re.fullmatch(r"(\d{4})\s*年度?\s*(?:获得|荣获|被评为|被授予)?\s*(.+)", folded)
    if m:
        return m.group(2), m.group(1)
    m = re.fullmatch(r"(.+?)\s*\(\s*(\d{4})\s*年?度?\s*\)", folded)
    if m:
        return m.group(1), m.group(2)
    return text, ""


# ---------------------------------------------------------------------------------------
# Reading the file: sheets of rows of cells, whatever the format
# ---------------------------------------------------------------------------------------


@dataclass
class _Sheet:
    name: str
    rows: list[list[object]]


def _read_table(data: bytes, filename: str) -> list[_Sheet]:
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(data, filename)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ImportFailed(f"{filename} is an old Excel 97–2003 (.xls) file: save it as .xlsx or CSV first")
    if filename.lower().endswith((".xlsx", ".xlsm")):
        raise ImportFailed(f"{filename} is not a readable .xlsx file")
    return [_Sheet("", _read_csv(data, filename))]


def _read_xlsx(data: bytes, filename: str) -> list[_Sheet]:
    import openpyxl  # only when a spreadsheet comes in: it is slow to import

    try:
        # Not read-only: merged cells (a name spanning two honour rows) need the sheet's ranges.
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ImportFailed(f"{filename} is not a readable .xlsx file ({type(exc).__name__})") from exc
    sheets = []
    for ws in book.worksheets:
        merged = [(r.min_row, r.min_col, r.max_row, r.max_col) for r in ws.merged_cells.ranges]
        rows = [list(r) for r in ws.iter_rows(min_row=1, values_only=True)]
        for top, left, bottom, right in merged:
            value = rows[top - 1][left - 1] if top - 1 < len(rows) and left - 1 < len(rows[top - 1]) else None
            for r in range(top - 1, min(bottom, len(rows))):
                for c in range(left - 1, min(right, len(rows[r]))):
                    rows[r][c] = value
        sheets.append(_Sheet(ws.title, rows))
    book.close()
    return sheets


def _decode(data: bytes, filename: str) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFailed(f"{filename} is neither UTF-8 nor GBK/GB18030 text, nor an .xlsx spreadsheet")


def _read_csv(data: bytes, filename: str) -> list[list[object]]:
    text = _decode(data, filename)
    sample = text[:8192]
    delimiter = ","
    if sample.count("\t") > sample.count(","):
        delimiter = "\t"
    elif sample.count(";") > sample.count(","):
        delimiter = ";"
    try:
        return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise ImportFailed(f"{filename} is not readable as CSV: {exc}") from exc


# ---------------------------------------------------------------------------------------
# Planning
# ---------------------------------------------------------------------------------------


@dataclass
class _Columns:
    """Where each field is in a sheet, and what was left out."""

    header_row: int
    fields: dict[str, int]
    headers: dict[str, str]  # field → the header as written
    personal: list[str]
    ignored: list[str]


@dataclass
class _Row:
    row: int
    sheet: str
    values: dict[str, Any]  # field → normalised value (birth_year: int | None)
    honour: str = ""  # code
    year: int | None = None

    def fingerprint(self) -> tuple[object, ...]:
        return (*(self.values.get(f) for f in FIELDS), self.honour, self.year)


class _Planner:
    def __init__(self, vocab: _Vocabulary, pack: Path) -> None:
        self.vocab = vocab
        self.pack = pack
        self.rejected: list[Issue] = []
        self.warnings: list[Issue] = []
        self.dropped: list[str] = []
        self.duplicates: list[int] = []
        self.headers: dict[str, dict[str, str]] = {}  # sheet → field → the header as written
        self.this_year = dt.date.today().year
        self.industries = {i.name.zh for i in vocab.industries}

    # -- the file's rows ----------------------------------------------------------------
    def plan(self, sheets: list[_Sheet]) -> ImportPlan:
        rows: list[_Row] = []
        found_header = False
        for sheet in sheets:
            columns = self._columns(sheet)
            if columns is None:
                if len(sheets) > 1:
                    self._warn(
                        None, "", f"sheet {sheet.name!r} has no header row with 姓名; skipped", "no_header"
                    )
                continue
            found_header = True
            self.headers[sheet.name] = columns.headers
            for column in columns.personal:
                if column not in self.dropped:
                    self.dropped.append(column)
            if columns.ignored:
                self._warn(
                    None,
                    "",
                    "columns not imported (not fields of the hall): " + ", ".join(columns.ignored),
                    "ignored_columns",
                    sheet.name,
                )
            for index in range(columns.header_row + 1, len(sheet.rows)):
                cells = sheet.rows[index]
                # Only the mapped fields' cells are taken: a personal column's value is never
                # copied out of the row it arrived in.
                kept = {f: (cells[i] if i < len(cells) else None) for f, i in columns.fields.items()}
                if all(_blank(v) for v in kept.values()):
                    continue
                row = self._row(index + 1, sheet.name, kept, columns.headers)
                if row is not None:
                    rows.append(row)
            sheet.rows.clear()
        if not found_header:
            raise ImportFailed(
                "no header row found: none of the first "
                f"{HEADER_SEARCH_ROWS} rows has a 姓名 (name) column beside other known columns"
            )
        return self._merge(rows)

    def _columns(self, sheet: _Sheet) -> _Columns | None:
        for index, cells in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
            keys = [_header_key(c) for c in cells]
            mapped = [
                (_HEADER_FIELD.get(k) or _HEADER_FIELD.get(_strip_brackets(c)))
                for k, c in zip(keys, cells, strict=True)
            ]
            if (
                "name" not in mapped
                or sum(1 for m in mapped if m)
                + sum(1 for c in cells if c is not None and is_personal_header(str(c)))
                < 2
            ):
                continue
            columns = _Columns(index, {}, {}, [], [])
            for i, (cell, fld) in enumerate(zip(cells, mapped, strict=True)):
                title = " ".join(str(cell).split()) if cell is not None else ""
                if not title:
                    continue
                if is_personal_header(title):
                    columns.personal.append(title)
                elif (
                    fld is None
                    or fld in columns.fields
                    or (
                        fld in ("employer", "position", "employer_position")
                        and "employer_position" in columns.fields
                    )
                ):
                    columns.ignored.append(title)
                else:
                    columns.fields[fld] = i
                    columns.headers[fld] = title
            if "employer_position" in columns.fields and (
                "employer" in columns.fields or "position" in columns.fields
            ):
                columns.ignored.append(columns.headers.pop("employer_position"))
                del columns.fields["employer_position"]
            return columns
        return None

    def _row(self, number: int, sheet: str, kept: dict[str, object], headers: dict[str, str]) -> _Row | None:
        issues: list[Issue] = []

        notes: list[Issue] = []  # warnings, kept only if the row is accepted

        def reject(fld: str, reason: str, code: str) -> None:
            issues.append(Issue(number, headers.get(fld, fld), reason, code, sheet))

        def note(fld: str, reason: str, code: str) -> None:
            notes.append(Issue(number, headers.get(fld, fld), reason, code, sheet))

        texts = {f: _cell_text(v) for f, v in kept.items()}
        for fld, text in texts.items():
            found = _personal_value(text)
            if found:
                code, what = found
                reject(
                    fld, f"looks like {what}: personal data is never imported; remove it from this cell", code
                )
        if issues:
            # Nothing else is checked: a later reason could otherwise quote the value.
            self.rejected.extend(issues)
            return None

        values: dict[str, Any] = {}
        name = clean_name(texts.get("name", ""))
        if not name:
            reject("name", "no name", "no_name")
        elif not is_plausible_name(name):
            reject("name", f"{_quote(name)} is not a person's name (a total or a note?)", "not_a_name")
        values["name"] = name
        values["id"] = texts.get("id", "").strip()
        values["name_en"] = " ".join(fold(texts.get("name_en", "")).split())

        birth, error = parse_year(kept.get("birth_year"))
        if error:
            reject("birth_year", _year_reason(texts["birth_year"], error, "birth"), error)
        elif birth is not None and not OLDEST_BIRTH_YEAR <= birth <= self.this_year - MIN_AGE_AT_HONOUR:
            reject("birth_year", f"impossible birth year {birth}", "impossible_year")
            birth = None
        values["birth_year"] = birth

        code, year_text = "", ""
        honour_text = texts.get("honour", "").strip()
        if honour_text:
            honour_text, year_text = _split_honour_year(honour_text)
            found_code, error = self.vocab.honour(honour_text)
            if found_code is None:
                reject("honour", _honour_reason(honour_text, error), error)
            else:
                code = found_code
        year, error = parse_year(kept.get("year"))
        if error:
            reject("year", _year_reason(texts["year"], error, "honour"), error)
        elif year_text:
            embedded = int(year_text)
            if year is not None and year != embedded:
                reject("year", f"the honour cell says {embedded} but the year cell says {year}", "two_years")
            year = embedded
        if year is not None and not error:
            if not FIRST_YEAR <= year <= self.this_year:
                reject(
                    "year",
                    f"impossible year {year}: honours run from {FIRST_YEAR} to this year",
                    "impossible_year",
                )
            elif code and self.vocab.kinds[code].since and year < (self.vocab.kinds[code].since or 0):
                kind = self.vocab.kinds[code]
                reject(
                    "year",
                    f"{kind.name.zh} was first awarded in {kind.since}, not {year}",
                    "before_honour_existed",
                )
            elif birth is not None and year - birth < MIN_AGE_AT_HONOUR:
                reject("year", f"honoured in {year} but born in {birth}", "impossible_year")
        if year is not None and not honour_text:
            reject("honour", "a year but no honour", "no_honour")

        printed, _adcode, error = self.vocab.district(texts.get("district", ""))
        if error == "city_only":
            note(
                "district",
                f"{_quote(texts['district'])} names the city, not a district; left blank",
                "city_only",
            )
        elif error:
            known = "、".join(d.name.zh for d in self.vocab.districts)
            reject(
                "district",
                f"unknown district {_quote(texts['district'])} (the hall knows {known} and former names)",
                error,
            )
        values["district"] = printed

        gender_text = unicodedata.normalize("NFKC", texts.get("gender", "")).strip().lower()
        values["gender"] = GENDER_WORDS.get(gender_text, "")
        if gender_text and gender_text not in GENDER_WORDS:
            note("gender", f"gender {_quote(gender_text)} is not 男/女; left blank", "unknown_gender")

        if "employer_position" in texts:
            employer, position, clear = split_employer(texts["employer_position"])
            if not clear:
                note(
                    "employer_position",
                    "no clear cut between employer and position: all of it kept as the employer",
                    "employer_not_split",
                )
        else:
            employer, position = (
                _squeeze(fold(texts.get("employer", ""))),
                _squeeze(fold(texts.get("position", ""))),
            )
        values["employer"], values["position"] = employer, position

        industry = _squeeze(fold(texts.get("industry", "")))
        if industry and industry not in self.industries:
            note("industry", f"industry {_quote(industry)} is not in hall.yaml; kept", "unknown_industry")
        values["industry"] = industry
        for fld in ("deeds", "quote", "source"):
            values[fld] = _clean_text(texts.get(fld, ""))

        if issues:
            self.rejected.extend(issues)
            return None
        self.warnings.extend(notes)
        return _Row(number, sheet, values, code, year)

    def _warn(self, row: int | None, column: str, reason: str, code: str, sheet: str = "") -> None:
        self.warnings.append(Issue(row, column, reason, code, sheet))

    # -- merging into the pack --------------------------------------------------------
    def _merge(self, rows: list[_Row]) -> ImportPlan:
        exhibits = self.pack / "exhibits"
        people = PackCsv.read(exhibits / "honorees.csv", HONOREE.columns)
        honours = PackCsv.read(exhibits / "honours.csv", HONOUR.columns)
        base = packwrite.fingerprint(self.pack, ("honorees.csv", "honours.csv", IDS_FILE))
        for required in ("id", "name"):
            people.col(required)
        people.changed = False

        by_id: dict[str, list[str]] = {}
        by_key: dict[tuple[str, int | None], list[str]] = defaultdict(list)
        for row in people.rows:
            hid = people.get(row, "id")
            if hid and hid not in by_id:
                by_id[hid] = row
                birth, _ = parse_year(people.get(row, "birth_year"))
                by_key[(clean_name(people.get(row, "name")), birth)].append(hid)

        # Exact repeats first: counted once, and reported.
        seen: dict[tuple[object, ...], int] = {}
        unique: list[_Row] = []
        for row in rows:
            fp = (row.sheet, *row.fingerprint())
            if fp in seen:
                self.duplicates.append(row.row)
                self._warn(
                    row.row, "", f"repeats row {seen[fp]} exactly; counted once", "duplicate", row.sheet
                )
                continue
            seen[fp] = row.row
            unique.append(row)

        # Who each row is: an existing id, or a new person keyed by (name, birth year).
        groups: dict[str, list[_Row]] = defaultdict(list)
        for row in unique:
            name, birth, given = row.values["name"], row.values["birth_year"], row.values["id"]
            if given:
                if given not in by_id:
                    self._reject(
                        row,
                        "id",
                        f"id {_quote(given)} is not in the pack; leave id blank for a new person",
                        "unknown_id",
                    )
                    continue
                pack_name = clean_name(people.get(by_id[given], "name"))
                if pack_name != name:
                    self._reject(
                        row, "id", f"id {given} is {pack_name} in the pack, not {name}", "id_mismatch"
                    )
                    continue
                groups[given].append(row)
                continue
            matches = by_key.get((name, birth), [])
            if len(matches) > 1:
                self._reject(
                    row,
                    "name",
                    f"{name} ({birth or 'no birth year'}) matches {len(matches)} people in the pack "
                    f"({', '.join(matches)}): add an id column saying which",
                    "ambiguous_person",
                )
                continue
            if matches:
                groups[matches[0]].append(row)
                continue
            namesakes = [hid for (n, _b), ids in by_key.items() if n == name for hid in ids]
            if namesakes:
                self._warn(
                    row.row,
                    "",
                    f"{name} has a namesake in the pack ({', '.join(namesakes)}) with another birth year; "
                    "imported as a different person",
                    "namesake",
                    row.sheet,
                )
            groups[f"\0{name}\0{birth}"].append(row)

        ids = _Ids.read(exhibits, by_id)
        planned: list[PlannedPerson] = []
        honours_total = honours_added = new_persons = 0
        existing_honours: dict[str, list[list[str]]] = defaultdict(list)
        for hrow in honours.rows:
            existing_honours[honours.get(hrow, "honoree_id")].append(hrow)

        for key, members in groups.items():
            merged = self._merged_values(members)
            wanted = _dedupe_honours([(r.honour, r.year) for r in members if r.honour])
            honours_total += len(wanted)
            new = key.startswith("\0")
            if new:
                hid = ids.next()
                record = [""] * len(people.header)
                people.rows.append(record)
                people.set(record, "id", hid)
                for fld in ("name", "name_en", *FILLABLE):
                    value = merged.get(fld)
                    if value not in (None, ""):
                        people.set(record, fld, str(value))
                people.set(record, "sample", "false")
                new_persons += 1
            else:
                hid = key
                record = by_id[hid]
                self._fill(people, record, merged, members)
            added: list[tuple[str, int | None]] = []
            mine = existing_honours[hid]
            for code, year in wanted:
                have = [h for h in mine if honours.get(h, "honour") == code]
                years = {parse_year(honours.get(h, "year"))[0] for h in have}
                if year in years or (year is None and have):
                    continue
                undated = [h for h in have if not honours.get(h, "year")]
                if year is not None and undated:
                    honours.set(undated[0], "year", str(year))
                    self._warn(
                        members[0].row,
                        "",
                        f"{hid}'s undated {self.vocab.kinds[code].name.zh} in the pack gets the year {year}",
                        "year_filled",
                        members[0].sheet,
                    )
                    continue
                hrow = [""] * len(honours.header)
                honours.rows.append(hrow)
                honours.set(hrow, "honoree_id", hid)
                honours.set(hrow, "honour", code)
                honours.set(hrow, "year", "" if year is None else str(year))
                mine.append(hrow)
                added.append((code, year))
            honours_added += len(added)
            if not wanted:
                self._warn(
                    members[0].row,
                    "",
                    f"{merged['name']} has no honour in this file",
                    "no_honour",
                    members[0].sheet,
                )
            planned.append(
                PlannedPerson(
                    id=hid,
                    name=people.get(record, "name"),
                    new=new,
                    birth_year=parse_year(people.get(record, "birth_year"))[0],
                    gender=people.get(record, "gender"),
                    district=people.get(record, "district"),
                    employer=people.get(record, "employer"),
                    position=people.get(record, "position"),
                    industry=people.get(record, "industry"),
                    honours_added=tuple(added),
                    rows=tuple(r.row for r in members),
                )
            )

        files: dict[str, bytes] = {}
        if people.changed:
            files["honorees.csv"] = people.to_bytes()
        if honours.changed:
            files["honours.csv"] = honours.to_bytes()
        if ids.changed:
            files[IDS_FILE] = ids.to_bytes()
        report = ImportReport(
            persons=len(groups),
            honours=honours_total,
            rejected=tuple(sorted(self.rejected, key=_issue_order)),
            duplicates=tuple(self.duplicates),
            dropped_columns=tuple(self.dropped),
            warnings=tuple(sorted(self.warnings, key=_issue_order)),
            new_persons=new_persons,
            existing_persons=len(groups) - new_persons,
            honours_added=honours_added,
            changed=bool(files),
        )
        return ImportPlan(
            report=report,
            pack=str(self.pack),
            people=tuple(planned),
            files=tuple(files.items()),
            base=tuple((name, base[name]) for name in files),
        )

    def _column(self, row: _Row, fld: str) -> str:
        return self.headers.get(row.sheet, {}).get(fld, fld)

    def _reject(self, row: _Row, fld: str, reason: str, code: str) -> None:
        self.rejected.append(Issue(row.row, self._column(row, fld), reason, code, row.sheet))

    def _merged_values(self, members: list[_Row]) -> dict[str, Any]:
        """One person's values from several rows: the first non-blank wins, a clash is reported."""
        merged: dict[str, Any] = dict(members[0].values)
        for row in members[1:]:
            for fld in FIELDS:
                value, have = row.values.get(fld), merged.get(fld)
                if value in (None, ""):
                    continue
                if have in (None, ""):
                    merged[fld] = value
                elif value != have and not (fld == "district" and self._same_district(value, have)):
                    self._warn(
                        row.row,
                        self._column(row, fld),
                        f"{fld} differs from row {members[0].row} for {merged['name']}; kept the first",
                        "conflict",
                        row.sheet,
                    )
        return merged

    def _same_district(self, a: str, b: str) -> bool:
        return self.vocab.district(a)[1] == self.vocab.district(b)[1] != ""

    def _fill(self, people: PackCsv, record: list[str], merged: dict[str, Any], members: list[_Row]) -> None:
        """Fill an existing person's blank fields; never overwrite what the pack already says."""
        for fld in FILLABLE:
            value = merged.get(fld)
            if value in (None, ""):
                continue
            current = people.get(record, fld)
            if not current:
                people.set(record, fld, str(value))
            elif current != str(value) and not (
                fld == "district" and self._same_district(current, str(value))
            ):
                self._warn(
                    members[0].row,
                    self._column(members[0], fld),
                    f"{fld} differs from the pack's for {people.get(record, 'id')}; the pack's value kept",
                    "kept_pack_value",
                    members[0].sheet,
                )


@dataclass
class _Ids:
    """The id counter: new people get i00001, i00002 …; a number is never given twice."""

    last: int
    changed: bool = False

    @classmethod
    def read(cls, exhibits: Path, existing: Iterable[str]) -> _Ids:
        last = 0
        path = exhibits / IDS_FILE
        if path.exists():
            try:
                doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
                last = int(doc.get("last", 0))
            except (yaml.YAMLError, ValueError, TypeError, AttributeError) as exc:
                raise ImportFailed(
                    f"exhibits/{IDS_FILE} is unreadable ({exc}); fix it before importing"
                ) from exc
        for hid in existing:
            m = re.fullmatch(rf"{ID_PREFIX}(\d+)", hid)
            if m:
                last = max(last, int(m.group(1)))
        return cls(last)

    def next(self) -> str:
        self.last += 1
        self.changed = True
        return f"{ID_PREFIX}{self.last:0{ID_DIGITS}d}"

    def to_bytes(self) -> bytes:
        return (
            "# Written by hall.importer: the number of the last honoree id it gave out.\n"
            "# An id is never given twice, even after its person is deleted: this only grows.\n"
            f"prefix: {ID_PREFIX}\n"
            f"last: {self.last}\n"
        ).encode()


def _dedupe_honours(pairs: Sequence[tuple[str, int | None]]) -> list[tuple[str, int | None]]:
    """Each (code, year) once; an undated honour is dropped when the same kind is dated too."""
    unique = list(dict.fromkeys(pairs))
    dated = {code for code, year in unique if year is not None}
    return [(code, year) for code, year in unique if year is not None or code not in dated]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _strip_brackets(cell: object) -> str:
    """A header without its parenthesised note: 出生年月（年.月） → 出生年月."""
    if cell is None:
        return ""
    return normalize(re.sub(r"[（(【\[].*?[)）】\]]", "", str(cell)))


def _quote(text: str, limit: int = 30) -> str:
    text = " ".join(str(text).split())
    return f"“{text[:limit]}…”" if len(text) > limit else f"“{text}”"


def _year_reason(text: str, code: str, what: str) -> str:
    value = _quote(text)
    return {
        "two_digit_year": f"two-digit year {value}: write all four digits (19xx or 20xx?)",
        "decade": f"{value} is a decade, not a year",
        "range": f"{value} is a range of years: one {what} year a row",
    }.get(code, f"{value} is not a year")


def _honour_reason(text: str, code: str) -> str:
    value = _quote(text)
    return {
        "ambiguous_honour": f"{value} could be more than one honour in hall.yaml; use its full name",
        "collective_honour": f"{value} is awarded to collectives, not people",
    }.get(code, f"unknown honour {value}: not a name or alias in hall.yaml (one honour a row)")


def _issue_order(issue: Issue) -> tuple[str, int, str]:
    return (issue.sheet, -1 if issue.row is None else issue.row, issue.column)


def _pack_dir(pack: Path | str | Catalog | None) -> Path:
    if isinstance(pack, Catalog):
        pack = pack.pack
    if pack is None or pack == "":
        from hall.config import Settings

        return Settings.from_env().pack
    return Path(pack).resolve()


# ---------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------


def _print_report(report: ImportReport, filename: str, pack: Path, dry_run: bool, out: Any) -> None:
    def line(text: str = "") -> None:
        print(text, file=out)

    line(f"{filename} → {pack}" + ("  (dry run: nothing written)" if dry_run else ""))
    line(
        f"  people: {report.persons} (new {report.new_persons}, in the pack {report.existing_persons})"
        f"   honours: {report.honours} (new to the pack {report.honours_added})"
    )
    if report.dropped_columns:
        line("  personal columns dropped, never read: " + ", ".join(report.dropped_columns))
    if report.duplicates:
        line("  exact duplicate rows (counted once): " + ", ".join(map(str, report.duplicates)))
    if report.rejected:
        line(f"  rejected {len(report.rejected_rows)} rows:")
        for issue in report.rejected:
            line(f"    {issue}")
    if report.warnings:
        line("  warnings:")
        for issue in report.warnings:
            line(f"    {issue}")
    if report.written:
        line(f"  written; the previous files are kept in {report.backup}")
    elif not report.changed:
        line("  nothing to change: the pack already holds all of this")


def main(argv: Sequence[str] | None = None) -> int:
    """python -m hall.importer FILE [--pack DIR] [--dry-run] [--json]; 0 done, 1 not imported."""
    parser = argparse.ArgumentParser(
        prog="python -m hall.importer",
        description="Import the association's directory (名录, .xlsx or .csv) into a content pack.",
    )
    parser.add_argument("file", type=Path, help="the directory file: .xlsx, or CSV in UTF-8 or GBK")
    parser.add_argument("--pack", type=Path, default=None, help="content pack folder (default: HALL_PACK)")
    parser.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    pack = _pack_dir(args.pack)
    try:
        plan = plan_import(args.file, args.file.name, pack)
        report = plan.report if args.dry_run else apply_import(plan, pack)
    except (ImportFailed, PackError, packwrite.PackChanged, packwrite.PackWriteFailed) as exc:
        if args.json:
            print(json.dumps({"error": str(exc)}, ensure_ascii=False))
        else:
            print(f"not imported: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        _print_report(report, args.file.name, pack, args.dry_run, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
