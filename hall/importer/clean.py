"""Cleaning what offices write: names, years, employer and position, prose, and spotting
personal column headers so their data is never kept (personal values: hall.personal)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from hall.textnorm import normalize

MAX_NAME_LENGTH = 30


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


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
    """Whether a cleaned name could be a person's: letters, with only · ' - and spaces between."""
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
            return squeeze(employer), squeeze(position), True
    m = re.search(r"[，,/／|｜;；]", text)
    if m and 0 < m.start() < len(text) - 1:
        return squeeze(text[: m.start()]), squeeze(text[m.end() :]), True
    ends = [m.end() for m in _ORG_END.finditer(text)]
    if ends and 2 <= len(text) - ends[-1] <= MAX_NAME_LENGTH:
        return squeeze(text[: ends[-1]]), squeeze(text[ends[-1] :]), True
    return squeeze(text), "", False


def squeeze(text: str) -> str:
    """Collapse spaces, and drop those beside Chinese characters."""
    text = " ".join(text.split())
    return re.sub(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])", "", text).strip(" ,，、;；/")


def clean_text(text: str) -> str:
    """Deeds and other prose: width folded, line ends unified, each line's ends trimmed."""
    lines = [
        " ".join(line.split()) for line in fold(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    return "\n".join(line for line in lines if line)


def is_personal_header(header: str) -> bool:
    """Whether a column header names personal data that must never be imported."""
    folded = unicodedata.normalize("NFKC", header)
    if any(word in folded for word in PERSONAL_WORDS):
        return True
    return normalize(folded) in PERSONAL_ENGLISH


def split_honour_year(text: str) -> tuple[str, str]:
    """'1985年省劳模' or '省劳模（1985年）' → ('省劳模', '1985'); otherwise (text, '')."""
    folded = unicodedata.normalize("NFKC", fold(text)).strip()
    m = re.fullmatch(r"(\d{4})\s*年度?\s*(?:获得|荣获|被评为|被授予)?\s*(.+)", folded)
    if m:
        return m.group(2), m.group(1)
    m = re.fullmatch(r"(.+?)\s*\(\s*(\d{4})\s*年?度?\s*\)", folded)
    if m:
        return m.group(1), m.group(2)
    return text, ""


def cell_text(value: object) -> str:
    """A cell as text: whole floats without .0, dates as ISO dates, blank for None."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value)


def is_blank(value: object) -> bool:
    """Whether a cell holds nothing but spaces."""
    return value is None or (isinstance(value, str) and not value.strip())
