"""The book's indexes: names by pinyin (grouped by initial) and names by district (today's)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from hall.book.layout import GREY, INK, RULE, BookPdf
from hall.labels import t


@dataclass(frozen=True, slots=True)
class Ref:
    """One person as the indexes list them: where their entry is printed."""

    name: str
    pinyin: str
    district: str  # today's name, "" when unknown
    page: int

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.pinyin.lower(), self.name, self.page)


@dataclass(frozen=True, slots=True)
class Line:
    """An index line as printed: on `on` (a printed page number), `name` points at `page`."""

    on: int
    name: str
    page: int


def _initial(ref: Ref) -> str:
    first = ref.pinyin[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def by_pinyin(pdf: BookPdf, refs: Iterable[Ref], lang: str) -> list[Line]:
    """The index of names in pinyin order, with a letter heading per initial."""
    groups: dict[str, list[Ref]] = {}
    for ref in sorted(refs, key=lambda r: r.key):
        groups.setdefault(_initial(ref), []).append(ref)
    return _columns(pdf, t("book_index_pinyin", lang), groups, show_pinyin=True)


def by_district(pdf: BookPdf, refs: Iterable[Ref], districts: list[str], lang: str) -> list[Line]:
    """The index of names by today's district, in the hall's order of districts."""
    groups: dict[str, list[Ref]] = {d: [] for d in districts}
    unknown = t("book_district_unknown", lang)
    for ref in sorted(refs, key=lambda r: r.key):
        groups.setdefault(ref.district or unknown, []).append(ref)
    return _columns(
        pdf, t("book_index_district", lang), {k: v for k, v in groups.items() if v}, show_pinyin=False
    )


def _columns(pdf: BookPdf, title: str, groups: dict[str, list[Ref]], show_pinyin: bool) -> list[Line]:
    """Two columns of lines (name, pinyin, dot leaders, page number) under headings."""
    spec = pdf.spec
    pdf.running = title
    pdf.to_recto()
    pdf.start_section(title, level=0)
    pdf.set_font("book", "B", spec.body * 1.6)
    pdf.cell(pdf.epw, spec.line * 2, title, align="C", new_x="LMARGIN", new_y="NEXT")
    gutter = 8
    col_w = (pdf.epw - gutter) / 2
    line_h = spec.line * 0.95
    top, col = pdf.get_y() + spec.line * 0.5, 0
    y = top
    printed: list[Line] = []

    def need(h: float) -> None:
        nonlocal y, col, top
        if y + h <= pdf.page_break_trigger:
            return
        if col == 0:
            col, y = 1, top
            return
        pdf.add_page()
        col, top = 0, pdf.get_y()
        y = top

    for heading, refs in groups.items():
        need(line_h * 3)
        x = spec.margin + col * (col_w + gutter)
        pdf.set_font("book", "B", spec.body * 1.05)
        pdf.set_text_color(*RULE)
        pdf.set_xy(x, y + line_h * 0.3)
        pdf.cell(col_w, line_h * 1.3, heading)
        y += line_h * 1.7
        for ref in refs:
            need(line_h)
            x = spec.margin + col * (col_w + gutter)
            _line(pdf, ref, x, y, col_w, line_h, show_pinyin)
            printed.append(Line(pdf.folio(), ref.name, ref.page))
            y += line_h
    pdf.set_text_color(*INK)
    return printed


def _line(pdf: BookPdf, ref: Ref, x: float, y: float, w: float, h: float, show_pinyin: bool) -> None:
    spec = pdf.spec
    number = str(ref.page)
    pdf.set_font("book", "", spec.body * 0.9)
    pdf.set_text_color(*INK)
    pdf.set_xy(x, y)
    label = ref.name
    name_w = pdf.get_string_width(label)
    pdf.cell(name_w, h, label)
    if show_pinyin and ref.pinyin:
        pdf.set_font("book", "", spec.body * 0.75)
        pdf.set_text_color(*GREY)
        text = f" {ref.pinyin}"
        pdf.cell(min(pdf.get_string_width(text), w * 0.45), h, text)
    pdf.set_font("book", "", spec.body * 0.9)
    number_w = pdf.get_string_width(number) + 1
    start = pdf.get_x() + 1
    dots_w = x + w - number_w - start
    if dots_w > 2:
        dot = pdf.get_string_width(".")
        pdf.set_text_color(*GREY)
        pdf.set_xy(start, y)
        pdf.cell(dots_w, h, "." * max(0, int(dots_w / dot) - 1), align="R")
    pdf.set_text_color(*INK)
    pdf.set_xy(x + w - number_w, y)
    pdf.cell(number_w, h, number, align="R")
