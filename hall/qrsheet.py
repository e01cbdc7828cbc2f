"""A printable A4 sheet of QR labels for the physical exhibits: name, honour, link to the page."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from hall.qr import qr_svg

PER_PAGE = 24  # 3 × 8 labels of 70 × 37 mm, the common A4 label sheet


@dataclass(frozen=True, slots=True)
class Label:
    name: str
    line: str  # honour and year, as shown on the card
    url: str


def qr_sheet_html(labels: Sequence[Label], title: str) -> str:
    """HTML that prints as A4 label sheets; every text is escaped, the QR codes are inline SVG."""
    cells = "\n".join(
        f"<div class='label'><div class='qr'>{qr_svg(label.url)}</div><div class='text'>"
        f"<b>{html.escape(label.name)}</b><br>{html.escape(label.line)}</div></div>"
        for label in labels
    )
    return (
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>"
        "@page { size: A4; margin: 10mm 0 0 0; }"
        "body { margin: 0; font-family: 'Noto Sans CJK SC', sans-serif; }"
        ".sheet { display: grid; grid-template-columns: repeat(3, 70mm); grid-auto-rows: 37mm; }"
        ".label { display: flex; align-items: center; gap: 2mm; padding: 2mm; box-sizing: border-box;"
        " break-inside: avoid; } .qr svg { width: 30mm; height: 30mm; } .text { font-size: 9pt; }"
        f"</style></head><body><div class='sheet'>{cells}</div></body></html>"
    )
