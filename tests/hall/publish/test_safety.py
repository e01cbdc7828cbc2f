"""What a light page may show: record text as text (never markup), published fields only, no
visitor's words, and colours a visitor can read."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from hall.publish import markup
from tests.hall.publish.conftest import parse, set_cells
from tests.support.hostile import CORPUS

HOSTILE = {
    "html": CORPUS["html"],
    "attribute": '" onmouseover="alert(1)" x="',
    "closing": "</title></head><body><script>alert(1)</script>",
    "comment": "<!-- -->--><svg onload=alert(1)>",
    "entities": CORPUS["entities"],
    "phishing": CORPUS["phishing"],
}


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_record_text_stays_text(build, pack: Path, mirror: Path, case: str) -> None:
    text = HOSTILE[case]
    set_cells(pack, "t03", name=f"李{text}", employer=text, deeds=text, quote=text, source=text)
    build()
    doc = parse((mirror / "p" / "t03.html").read_bytes())
    for element in doc.iter():
        assert element.tag not in ("script", "svg", "b", "iframe"), element.tag
        assert not [k for k in element.attrib if k.startswith("on")], element.attrib
    main = "".join(doc.find(".//main").itertext())
    assert main.count(text) >= 3  # employer, deeds and quote, exactly as written
    assert doc.find(".//title").text.startswith(" ".join(f"李{text}".split()))  # a name is one line
    assert len(doc.findall(".//img")) == 1


def test_only_published_fields_are_shown(build, pack: Path, mirror: Path) -> None:
    # `portrait` names a file of the pack: how the hall finds a photo, never a fact to show.
    set_cells(pack, "t04", portrait="secret-file-name-4711.jpg")
    build()
    for file in mirror.rglob("*"):
        if file.is_file() and file.suffix in (".html", ".xml", ".txt"):
            assert b"secret-file-name-4711" not in file.read_bytes()


def test_publishing_never_reads_the_store() -> None:
    """No guestbook message, like or request can reach a light page: the package imports no store."""
    for path in Path(markup.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not [m for m in imported if m and (m.startswith(("hall.store", "streamlit")))], path


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(fg: str, bg: str) -> float:
    light, dark = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize(
    ("what", "fg", "bg"),
    [
        ("body text", "#2b211b", "#fffdf9"),
        ("links and headings", "#8f1d1d", "#fffdf9"),
        ("notes, pinyin, footer", "#5c4a3d", "#fffdf9"),
        ("the way into the hall", "#ffffff", "#8f1d1d"),
        ("the way into the hall, hovered", "#ffffff", "#6f1414"),
        ("the sample badge", "#6b3500", "#fff0d9"),
        ("quotes", "#2b211b", "#fff8ef"),
    ],
)
def test_text_contrast_is_at_least_aa(what: str, fg: str, bg: str) -> None:
    assert fg.lower() in markup.CSS.lower() or fg == "#ffffff"
    assert bg.lower() in markup.CSS.lower()
    assert contrast(fg, bg) >= 4.5, what


def test_focus_is_visible_and_no_script_is_needed() -> None:
    assert re.search(r"a:focus-visible[^{]*\{[^}]*outline: 3px solid", markup.CSS)
    assert "<script" not in markup.document.__code__.co_consts.__repr__()
