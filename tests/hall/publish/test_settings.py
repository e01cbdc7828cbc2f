"""HALL_LIGHT_URLS: where share links and QR codes lead."""

from __future__ import annotations

import pytest

from hall.config import Settings
from hall.publish import Style


@pytest.mark.parametrize(
    ("value", "expected"),
    [("", "static"), ("short", "short"), (" OFF ", "off"), ("static", "static"), ("nginx", "static")],
)
def test_light_urls_setting(value: str, expected: str) -> None:
    assert Settings.from_env({"HALL_LIGHT_URLS": value}).light_urls == expected
    assert Style(expected)
