"""The README tells the truth about settings and commands."""

from __future__ import annotations

import re

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


def _layout_block() -> str:
    section = README.split("## Layout", 1)[1]
    return section.split("```", 2)[1]


def test_the_layout_tree_is_the_tree_on_disk() -> None:
    block = _layout_block()
    named = set(re.findall(r"(?<![\w/.<])([a-z_]+(?:/|\.py))", block))
    assert {"hall_app.py", "rooms/", "hall/", "pack/", "store/", "tests/"} <= named, "the scan is broken"
    for name in named:
        roots = (REPO, REPO / "hall", REPO / "hall" / "ui", REPO / "tools", REPO / "tests")
        here = [p for p in roots if (p / name).exists()]
        assert here, f"the README's layout names {name}, which is not on disk"
    for child in (REPO / "hall").iterdir():
        if child.name.startswith(("_", ".")):
            continue
        shown = f"{child.name}/" if child.is_dir() else child.name
        assert shown in named, f"hall/{shown} is on disk but not in the README's layout"


def test_where_changes_go_names_files_that_exist() -> None:
    table = README.split("**Where changes go.**", 1)[1].split("\n\n", 2)[1]
    paths = set(re.findall(r"`((?:hall|rooms|tools)/[\w/]+(?:\.py|/))`", table))
    assert len(paths) >= 8, "the scan is broken"
    for path in paths:
        assert (REPO / path).exists(), f"{path} is named in 'where changes go' but does not exist"
