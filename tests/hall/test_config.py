"""Settings: the docent PIN must be long enough to hold, and limits can only be turned off on purpose."""

from __future__ import annotations

import pytest

from hall.config import Settings, pin_problem


@pytest.mark.parametrize(
    ("pin", "usable"),
    [
        ("", True),  # no PIN: the docent rooms are simply locked
        ("246813", True),
        ("0000000000", True),
        ("2468", False),
        ("24681", False),
        ("１２３４５６", False),  # full-width digits: not what a tablet's keypad types
        ("abcdefghijk", False),  # eleven characters
        ("gongjiang-jingshen", True),
        ("1234567890!!", False),  # twelve characters but no letters
        ("劳模精神代代相传工匠精神薪火相传", True),
        ("x" * 65, False),  # more than the PIN field takes
    ],
)
def test_a_docent_pin_is_six_digits_or_a_passphrase(pin: str, usable: bool) -> None:
    assert (pin_problem(pin) == "") is usable
    assert Settings.from_env({"HALL_DOCENT_PIN": pin}).docent_pin == (pin if usable else "")


def test_a_refused_pin_is_logged_loudly_without_the_pin(caplog: pytest.LogCaptureFixture) -> None:
    Settings.from_env({"HALL_DOCENT_PIN": "2468"})
    (record,) = [r for r in caplog.records if "HALL_DOCENT_PIN" in r.getMessage()]
    assert record.levelname == "ERROR"
    assert "2468" not in record.getMessage()


@pytest.mark.parametrize(
    ("value", "on"), [("", True), ("on", True), ("1", True), ("off", False), ("0", False), ("maybe", True)]
)
def test_limits_are_on_unless_turned_off(value: str, on: bool) -> None:
    assert Settings.from_env({"HALL_LIMITS": value}).limits is on
