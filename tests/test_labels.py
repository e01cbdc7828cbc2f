"""Every interface string exists in Chinese and English, and every key used exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hall.labels import LABELS, t
from tests.support.packs import REPO


@pytest.mark.parametrize("key", sorted(LABELS))
def test_label_has_both_languages(key: str) -> None:
    zh, en = LABELS[key]
    assert zh.strip(), f"{key} lacks Chinese"
    assert en.strip(), f"{key} lacks English"
    assert sorted(re.findall(r"{(\w+)}", zh)) == sorted(re.findall(r"{(\w+)}", en)), key


def _code_files() -> list[Path]:
    return [*REPO.glob("rooms/*.py"), *REPO.glob("hall/**/*.py"), REPO / "hall_app.py"]


def test_every_label_key_used_in_code_exists() -> None:
    used = set()
    for path in _code_files():
        used |= set(re.findall(r"\bt\(\s*\"(\w+)\"", path.read_text(encoding="utf-8")))
    assert used, "no label use found: the pattern is broken"
    assert used - set(LABELS) == set()


def test_placeholders_are_filled() -> None:
    assert t("shown_count", "zh", n=5) == "共 5 位"
    assert t("shown_count", "en", n=5) == "5 people"
