"""One person's entry: portrait beside name, honours, employer, district, deeds, words, source.

Text is printed as it is in the record — never read as markup — minus control and
bidirectional-override characters, which would reorder or hide what follows them.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos

from hall.book import portrait
from hall.book.layout import GREY, INK, RULE, BookPdf
from hall.citations import citations
from hall.labels import t
from hall.pack import Catalog, Honoree
from hall.qr import deep_link, qr_svg

# C0/C1 controls but the line break, bidirectional marks and overrides, zero-width and BOM.
_UNPRINTABLE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_QUOTES = '“”"「」'


def printable(text: str) -> str:
    """`text` as it should print: the record's own characters, without invisible controls."""
    return _UNPRINTABLE.sub("", text).strip()


@dataclass(frozen=True, slots=True)
class EntryText:
    """Everything an entry prints, as plain strings (blank ones are left out)."""

    name: str
    pinyin: str
    sample: bool
    honours: str
    employer: str
    district: str
    industry: str
    deeds: tuple[str, ...]
    quote: str
    source: str

    @classmethod
    def of(cls, h: Honoree, cat: Catalog, lang: str = "zh") -> EntryText:
        honours = "；".join(
            f"{cat.honour_name(x.code, lang)}（{x.year if x.year else t('book_year_unknown', lang)}）"
            for x in h.honours
        )
        today = cat.district(h.district_code)
        today_name = today.name.get(lang) if today else ""
        printed = printable(h.district)
        if today_name and printed and printed != today_name:
            district = t("book_district_today", lang, printed=printed, today=today_name)
        else:
            district = printed or today_name
        work = " ".join(x for x in (printable(h.employer), printable(h.position)) if x)
        sources = "；".join(
            printable(s.title if not s.url else f"{s.title} {s.url}") for s in citations(h.source)
        )
        return cls(
            name=printable(h.name),
            pinyin=printable(h.name_en),
            sample=h.sample,
            honours=honours,
            employer=work,
            district=district,
            industry=printable(h.industry),
            deeds=tuple(printable(p) for p in h.paragraphs if printable(p)),
            quote=printable(h.quote),
            source=sources or (t("book_no_source", lang) if h.sample else ""),
        )


def _lines(e: EntryText, lang: str) -> list[tuple[str, str, float, tuple[int, int, int]]]:
    """(text, style, size relative to body, colour) for each block under the name line."""
    blocks: list[tuple[str, str, float, tuple[int, int, int]]] = []
    if e.honours:
        blocks.append((e.honours, "B", 0.95, INK))
    facts = [
        f"{t(label, lang)}：{value}"
        for label, value in (
            ("book_employer", e.employer),
            ("book_district", e.district),
            ("book_industry", e.industry),
        )
        if value
    ]
    if facts:
        blocks.append(("　".join(facts), "", 0.9, GREY))
    blocks += [(p, "", 1.0, INK) for p in e.deeds]
    if e.quote:
        blocks.append(("“" + e.quote.strip(_QUOTES) + "”", "B", 0.95, INK))
    if e.source:
        blocks.append((f"{t('book_source', lang)}：{e.source}", "", 0.8, GREY))
    return blocks


def _name_line(pdf: BookPdf, e: EntryText, x: float, w: float, lang: str) -> float:
    """The name (with 示例 on sample people) and pinyin; returns its height."""
    body = pdf.spec.body
    pdf.set_xy(x, pdf.get_y())
    pdf.set_font("book", "B", body * 1.45)
    pdf.cell(text=e.name)
    if e.sample:
        pdf.set_font("book", "B", body * 0.8)
        pdf.set_fill_color(*RULE)
        pdf.set_text_color(255, 255, 255)
        pdf.cell(text=f" {t('book_sample', lang)} ", fill=True, new_x=XPos.RIGHT)
        pdf.set_text_color(*INK)
    if e.pinyin:
        pdf.set_font("book", "", body * 0.9)
        pdf.set_text_color(*GREY)
        pdf.cell(text=f"  {e.pinyin}")
        pdf.set_text_color(*INK)
    height = body * 1.45 * 0.3528 * 1.5
    pdf.set_xy(x, pdf.get_y() + height)
    return height


def fits(pdf: BookPdf, e: EntryText, lang: str, qr: bool) -> bool:
    """Whether the entry fits in what is left of the page. A bound first — every character as
    wide as a Chinese one, which none is wider than — and only near the foot of the page the
    exact measure: fpdf2's line breaking is most of the book's time, and doing it twice for
    every entry cost a third more."""
    spec = pdf.spec
    _, w = _text_box(pdf, qr)
    bound = spec.body * 1.45 * 0.3528 * 1.5 + spec.line
    for text, _, size, _ in _lines(e, lang):
        per_line = max(1, int(w / (spec.body * size * 0.3528)) - 1)
        bound += (len(text) // per_line + 1) * (spec.line * size) + 0.8
    room = pdf.room()
    return max(bound, spec.portrait * 4 / 3 + spec.line) <= room or height(pdf, e, lang, qr) <= room


def height(pdf: BookPdf, e: EntryText, lang: str, qr: bool) -> float:
    """How tall the entry is (mm), measured without drawing."""
    spec = pdf.spec
    _, w = _text_box(pdf, qr)
    total = spec.body * 1.45 * 0.3528 * 1.5
    for text, style, size, _ in _lines(e, lang):
        pdf.set_font("book", style, spec.body * size)
        total += pdf.multi_cell(
            w, spec.line * size, text, dry_run=True, output=MethodReturnValue.HEIGHT, padding=(0, 0, 0.8, 0)
        )
    return max(total, spec.portrait * 4 / 3) + spec.line


def _text_box(pdf: BookPdf, qr: bool) -> tuple[float, float]:
    spec = pdf.spec
    x = spec.margin + spec.portrait + 5
    w = pdf.w - spec.margin - x - (spec.qr + 3 if qr else 0)
    return x, w


def draw(pdf: BookPdf, h: Honoree, e: EntryText, photo: bytes | None, qr_base: str, lang: str) -> int:
    """Print the entry at the current position; returns the page its name is on."""
    spec = pdf.spec
    top = pdf.get_y()
    page = pdf.folio()
    portrait.draw(pdf, spec.margin, top, spec.portrait, h, photo)
    if qr_base:
        svg = qr_svg(deep_link(qr_base, h.id)).encode("utf-8")
        pdf.image(io.BytesIO(svg), x=pdf.w - spec.margin - spec.qr, y=top, w=spec.qr, h=spec.qr)
    x, w = _text_box(pdf, bool(qr_base))
    pdf.set_y(top)
    _name_line(pdf, e, x, w, lang)
    for text, style, size, colour in _lines(e, lang):
        pdf.set_font("book", style, spec.body * size)
        pdf.set_text_color(*colour)
        pdf.set_x(x)
        pdf.multi_cell(
            w, spec.line * size, text, align="J", new_x=XPos.LEFT, new_y=YPos.NEXT, padding=(0, 0, 0.8, 0)
        )
    pdf.set_text_color(*INK)
    end = pdf.get_y() if pdf.folio() != page else max(pdf.get_y(), top + spec.portrait * 4 / 3)
    pdf.set_y(end + spec.line * 0.5)
    _rule(pdf)
    return page


def _rule(pdf: FPDF) -> None:
    with pdf.local_context():
        pdf.set_draw_color(220, 210, 190)
        pdf.set_line_width(0.15)
        y = pdf.get_y()
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
    pdf.set_y(pdf.get_y() + pdf.spec.line * 0.5)  # type: ignore[attr-defined]
