"""The pack every importer test imports into: invented people, one already under an importer id."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures import messy


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return messy.base_pack(tmp_path / "pack")
