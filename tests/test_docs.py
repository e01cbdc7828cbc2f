"""The README tells the truth about settings and commands."""

from __future__ import annotations

import pytest

from hall.config import SETTINGS, Mode, Settings
from tests.support.packs import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_readme_lists_every_setting(setting) -> None:
    assert f"`{setting.name}`" in README


@pytest.mark.parametrize("mode", list(Mode))
def test_readme_describes_every_mode(mode: Mode) -> None:
    assert f"`{mode.value}`" in README


def test_readme_gives_the_two_commands() -> None:
    assert "make run" in README
    assert "make test" in README


def test_bad_setting_falls_back_to_its_default() -> None:
    s = Settings.from_env({"HALL_MODE": "disco", "HALL_LANG": "fr"})
    assert (s.mode, s.lang) == (Mode.ONLINE, "zh")


def test_settings_are_read_from_the_environment(tmp_path) -> None:
    s = Settings.from_env({"HALL_MODE": "kiosk", "HALL_PACK": str(tmp_path), "HALL_LANG": "en"})
    assert (s.mode, s.pack, s.lang) == (Mode.KIOSK, tmp_path.resolve(), "en")
