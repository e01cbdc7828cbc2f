"""The book's front matter and part openers: cover, title page, preface, a part's first page.

Title and preface come from hall.yaml's optional `book:` (`title`, `preface`: text or
{zh, en}); without them the labels give a title from the city and a preface from the hall.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from fpdf.enums import XPos, YPos

from hall.book.contents import Part
from hall.book.entry import printable
from hall.book.layout import GREY, INK, RULE, BookPdf
from hall.labels import t
from hall.pack import Catalog
from hall.portraits.names import ERA_COLOURS, GOLD, IVORY


def _configured(cat: Catalog, key: str, lang: str) -> str:
    book = cat.info.extra.get("book") or {}
    value = book.get(key, "") if isinstance(book, Mapping) else ""
    if isinstance(value, Mapping):
        value = value.get(lang) or value.get("zh") or ""
    return printable(str(value or ""))


def title(cat: Catalog, lang: str) -> str:
    return _configured(cat, "title", lang) or t("book_title", lang, city=cat.info.city.get(lang))


def licence_title(cat: Catalog) -> str:
    licence = cat.info.extra.get("licence") or {}
    if not isinstance(licence, Mapping):
        return ""
    return str(licence.get("title") or licence.get("name") or "")


def cover(pdf: BookPdf, cat: Catalog, subtitle: str, volume: str, lang: str) -> None:
    """A full-bleed cover in the first era's red with the title in ivory and a gold frame."""
    pdf.bare_page()
    top, _ = ERA_COLOURS["revolution"]
    with pdf.local_context():
        pdf.set_fill_color(*top)
        pdf.rect(0, 0, pdf.w, pdf.h, style="F")
        pdf.set_draw_color(*GOLD)
        pdf.set_line_width(1.2)
        pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
        pdf.set_line_width(0.4)
        pdf.rect(13, 13, pdf.w - 26, pdf.h - 26)
        pdf.set_text_color(*IVORY)
        pdf.set_font("book", "B", pdf.spec.body * 3.6)
        pdf.set_xy(20, pdf.h * 0.28)
        pdf.multi_cell(pdf.w - 40, pdf.spec.body * 1.6, f"《{title(cat, lang)}》", align="C")
        pdf.set_text_color(*GOLD)
        pdf.set_font("book", "", pdf.spec.body * 1.5)
        for line in (subtitle or t("book_subtitle", lang), volume):
            if line:
                pdf.set_x(20)
                pdf.multi_cell(pdf.w - 40, pdf.spec.line * 2, line, align="C")
        pdf.set_text_color(*IVORY)
        pdf.set_font("book", "", pdf.spec.body * 1.3)
        pdf.set_xy(20, pdf.h * 0.8)
        pdf.multi_cell(
            pdf.w - 40,
            pdf.spec.line * 1.6,
            cat.info.organiser.get(lang) or cat.info.name.get(lang),
            align="C",
        )


def title_page(
    pdf: BookPdf, cat: Catalog, subtitle: str, volume: str, count: int, lang: str, today: dt.date
) -> None:
    pdf.bare_page()
    spec = pdf.spec
    pdf.set_y(pdf.h * 0.22)
    pdf.set_font("book", "B", spec.body * 2.6)
    pdf.multi_cell(
        0, spec.body * 1.2, f"《{title(cat, lang)}》", align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.set_font("book", "", spec.body * 1.3)
    for line in (subtitle, volume, t("book_count", lang, n=count)):
        if line:
            pdf.multi_cell(0, spec.line * 1.8, line, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_y(pdf.h * 0.62)
    pdf.set_text_color(*GREY)
    pdf.set_font("book", "", spec.body)
    organiser = cat.info.organiser.get(lang)
    lines = [
        t("book_edited_by", lang, organiser=organiser) if organiser else "",
        t("book_made", lang, hall=cat.info.name.get(lang), date=today.isoformat()),
        t("book_licence", lang, licence=licence_title(cat)) if licence_title(cat) else "",
        t("book_sample_note", lang) if cat.info.sample_data else "",
    ]
    for line in lines:
        if line:
            pdf.multi_cell(0, spec.line * 1.2, line, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(spec.line * 0.4)
    pdf.set_text_color(*INK)


def preface(pdf: BookPdf, cat: Catalog, lang: str) -> None:
    spec = pdf.spec
    heading = t("book_preface_title", lang)
    pdf.running = heading
    pdf.to_recto()
    pdf.start_section(heading, level=0)
    pdf.set_font("book", "B", spec.body * 1.8)
    pdf.cell(0, spec.line * 3, heading, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("book", "", spec.body * 1.05)
    text = _configured(cat, "preface", lang) or t(
        "book_preface", lang, city=cat.info.city.get(lang), hall=cat.info.name.get(lang)
    )
    if cat.info.sample_data:
        text += "\n" + t("book_sample_note", lang)
    for paragraph in text.split("\n"):
        if paragraph.strip():
            pdf.multi_cell(
                0,
                spec.line * 1.15,
                "　　" + paragraph.strip(),
                align="J",
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
            pdf.ln(spec.line * 0.5)


def part_opener(pdf: BookPdf, part: Part, lang: str) -> None:
    """A part's first page: its title and span in the era's colour, its intro, its size."""
    spec = pdf.spec
    pdf.running = part.title
    pdf.to_recto(bare=True)
    pdf.start_section(part.title, level=0)
    colour, _ = ERA_COLOURS.get(part.key, ERA_COLOURS[""])
    pdf.set_y(pdf.h * 0.25)
    pdf.set_text_color(*colour)
    pdf.set_font("book", "B", spec.body * 2.4)
    pdf.multi_cell(0, spec.body * 1.1, part.title, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("book", "", spec.body * 1.3)
    if part.span:
        pdf.cell(0, spec.line * 2, part.span, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_draw_color(*RULE)
    pdf.line(pdf.w / 2 - 20, pdf.get_y() + 3, pdf.w / 2 + 20, pdf.get_y() + 3)
    pdf.ln(spec.line * 2)
    pdf.set_text_color(*INK)
    pdf.set_font("book", "", spec.body)
    if part.intro:
        pdf.set_x(spec.margin + 12)
        pdf.multi_cell(
            pdf.epw - 24,
            spec.line * 1.15,
            "　　" + printable(part.intro),
            align="J",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        pdf.ln(spec.line)
    pdf.set_text_color(*GREY)
    pdf.cell(
        0, spec.line, t("book_part_count", lang, n=part.size), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.set_text_color(*INK)
    pdf.add_page()


def section_heading(pdf: BookPdf, title: str) -> None:
    """A level's heading inside a part, kept with the entry after it."""
    spec = pdf.spec
    if pdf.room() < spec.portrait * 4 / 3 + spec.line * 4:
        pdf.add_page()
    pdf.set_font("book", "B", spec.body * 1.25)
    pdf.set_text_color(*RULE)
    pdf.cell(0, spec.line * 2, f"◆ {title}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*INK)
    pdf.ln(spec.line * 0.3)
