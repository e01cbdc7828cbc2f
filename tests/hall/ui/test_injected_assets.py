"""The CSS and scripts the frame injects with st.html: DOMPurify drops a whole block whose text holds
"<" before a letter (a comment like "<era>" once silently switched off the page's language, title
and focus fixes), so none may."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[3] / "hall" / "ui"
ASSETS = sorted([*UI.glob("*.css"), *UI.glob("*.js")])


@pytest.mark.parametrize("asset", ASSETS, ids=lambda p: p.name)
def test_an_injected_asset_never_holds_a_tag_like_angle_bracket(asset: Path) -> None:
    text = asset.read_text(encoding="utf-8")
    found = [m.group(0) for m in re.finditer(r"<[A-Za-z/!]\w*", text)]
    assert not found, f"{asset.name}: {found} — DOMPurify would drop the whole block"


def test_the_assets_are_found() -> None:
    assert {"hall.css", "frame.js", "kiosk.js", "large.css"} <= {p.name for p in ASSETS}
