"""Personal data in free text, table-driven: what the importer refuses and what search forgets."""

from __future__ import annotations

import pytest

from hall.personal import looks_personal, personal_value


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("电话 13912345678", "phone"),
        ("手机 139-1234-5678", "phone"),
        ("0575-88001122", "phone"),
        ("１３９１２３４５６７８", "phone"),  # full-width digits
        ("139\u200b12345678", "phone"),  # a zero-width space does not hide it
        ("身份证 330681199001011234", "id_number"),
        ("33068119900101123x", "id_number"),
        ("卡号 6222021234567890123", "id_number"),
        ("wang.li+hall@example.com.cn", "email"),
        ("王丽＠example.com", "email"),
        ("1985 年获全国劳动模范称号", None),
        ("1985 1990 2003 2010 年四次获奖", None),  # years in prose, not a number
        ("编号 2003-001", None),
        ("丁卫松", None),
    ],
)
def test_personal_values_are_found_in_any_text(text: str, code: str | None) -> None:
    found = personal_value(text)
    assert (found[0] if found else None) == code
    if found:
        assert text not in found[1]  # says what it looks like, never quotes it


@pytest.mark.parametrize(
    ("typed", "personal"),
    [
        ("3306 8119 9001 0112 34", True),  # an ID number typed in groups
        ("6222.0212.3456.7890.123", True),
        ("139 1234 5678", True),
        ("13912345678", True),
        ("someone@example.com", True),
        ("1985 1990", False),
        ("2003 省劳模", False),
        ("dws", False),
        ("绍兴县", False),
    ],
)
def test_a_search_is_personal_also_when_its_digits_are_grouped(typed: str, personal: bool) -> None:
    assert looks_personal(typed) is personal
