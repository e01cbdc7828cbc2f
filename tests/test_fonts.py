"""The bundled web font: present, small enough, and covering every character the hall shows."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
FONT = REPO / "static" / "fonts" / "hall-sc.woff2"


def _load_build_font() -> ModuleType:
    # tools/ is a folder of scripts, not a package: load the script by path.
    spec = importlib.util.spec_from_file_location("build_font", REPO / "tools" / "build_font.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_font", module)
    spec.loader.exec_module(module)
    return module


bf = _load_build_font()


@pytest.fixture(scope="module")
def font_chars() -> set[str]:
    return bf.font_cmap(FONT)


def test_font_is_committed_and_small() -> None:
    assert FONT.exists(), "static/fonts/hall-sc.woff2 is missing: run tools/build_font.py"
    # Every visitor's first page load fetches it, kiosks and phones included.
    assert FONT.stat().st_size < 4 * 1024 * 1024
    licence = (REPO / "static" / "fonts" / "LICENSE-OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence


def test_font_covers_the_pack_and_the_labels() -> None:
    fixable, hopeless = bf.check(REPO, REPO, FONT)
    assert not fixable, (
        "the committed font lacks characters the hall shows; run "
        f".venv/bin/python tools/build_font.py and commit the font:\n{bf.describe(fixable)}"
    )
    # Characters Noto itself lacks fall back to another font: allowed, but seen in the output.
    if hopeless:
        print(f"not in Noto Sans CJK SC:\n{bf.describe(hopeless)}")


def test_font_carries_all_of_gb2312_hanzi(font_chars: set[str]) -> None:
    # The font must cover ordinary text a curator adds later, not only today's pack.
    hanzi = {c for c in bf.gb2312_chars() if "\u4e00" <= c <= "\u9fff"}
    assert len(hanzi) == 6763
    assert hanzi <= font_chars
    assert set("，。、；：？！“”‘’《》（）【】—…·") <= font_chars
    assert {chr(cp) for cp in range(0x20, 0x7F)} <= font_chars


def test_font_has_no_emoji(font_chars: set[str]) -> None:
    # A monochrome glyph here would beat the colour emoji font in the browser's fallback.
    assert not any(bf._in_ranges(c, bf.EMOJI_RANGES) for c in font_chars - set("★☆♀♂"))


def test_used_chars_ignore_emoji_and_controls(tmp_path: Path) -> None:
    (tmp_path / "exhibits").mkdir()
    (tmp_path / "exhibits" / "honorees.csv").write_text("id,name\n1,王🏅\u200d\t\n", "utf-8")
    used = bf.used_chars(tmp_path, tmp_path)
    assert used == set("id,name1王")  # no emoji, joiner, tab or newline


def test_check_cli_fails_on_a_character_the_font_lacks(
    tmp_path: Path, font_chars: set[str], capsys: pytest.CaptureFixture[str]
) -> None:
    lacking = bf.source_lacks(chr(cp) for cp in range(0x3400, 0x4DC0))
    rare = next(
        chr(cp)
        for cp in range(0x3400, 0x4DC0)  # CJK Extension A: outside GB2312, mostly in Noto
        if chr(cp) not in font_chars and chr(cp) not in lacking
    )
    (tmp_path / "exhibits").mkdir()
    (tmp_path / "exhibits" / "honorees.csv").write_text(f"id,name\n1,王{rare}\n", "utf-8")
    assert bf.main(["--check", "--pack", str(tmp_path)]) == 1
    assert f"U+{ord(rare):04X}" in capsys.readouterr().err


def test_check_cli_passes_on_the_repo(capsys: pytest.CaptureFixture[str]) -> None:
    assert bf.main(["--check", "--pack", str(REPO)]) == 0
    assert "covers every character" in capsys.readouterr().out
