"""The pack the portrait tests take photos into, and the static and data folders they write."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.packs import HONOREES, write_pack


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    # t08 shares t02's name: a file called 王建国.jpg cannot say which of them it shows.
    people = [*HONOREES, ("t08", "王建国", "男", "1960", "越城区", "某厂", "钳工", "化工", "true")]
    return write_pack(tmp_path / "pack", honorees=people)


@pytest.fixture
def static(tmp_path: Path) -> Path:
    """The folder Streamlit would serve."""
    return tmp_path / "static"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """The data folder (HALL_DATA)."""
    return tmp_path / "data"
