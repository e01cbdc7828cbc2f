"""The book's pages: paper sizes and margins, running heads and page numbers (fpdf2)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from fpdf import FPDF

from hall.book import fonts

INK = (30, 30, 30)
GREY = (96, 96, 96)  # 6.0:1 on white: small print stays legible
RULE = (150, 130, 90)


class Paper(StrEnum):
    A4 = "A4"
    A5 = "A5"

    @property
    def size(self) -> tuple[float, float]:
        """Width and height in mm (ISO 216); fpdf2 warns on its own "A5" since 2.8.5 fixed it."""
        return {"A4": (210.0, 297.0), "A5": (148.0, 210.0)}[self.value]


@dataclass(frozen=True, slots=True)
class PageSpec:
    """A paper size and the type set on it (millimetres and points)."""

    paper: Paper
    margin: float  # left and right
    top: float
    bottom: float
    body: float  # body text size, pt
    portrait: float  # portrait width; its height is 4/3 of it
    qr: float  # QR code side

    @property
    def line(self) -> float:
        """Body line height in mm: 1.6 × the type size, roomy for Chinese."""
        return self.body * 0.3528 * 1.6


SPECS: dict[Paper, PageSpec] = {
    Paper.A4: PageSpec(Paper.A4, margin=20, top=22, bottom=20, body=10, portrait=26, qr=18),
    Paper.A5: PageSpec(Paper.A5, margin=14, top=18, bottom=16, body=8.5, portrait=20, qr=15),
}


class BookPdf(FPDF):
    """An fpdf2 document that draws a running head and a page number on every page but the
    bare ones (cover, title page, part openers, blanks)."""

    def __init__(self, spec: PageSpec, title: str, first_page: int = 1) -> None:
        super().__init__(orientation="P", unit="mm", format=spec.paper.size)
        self.spec = spec
        self.book_title = title
        self.running = ""  # the current part's title, in the head of right-hand pages
        self.bare_next = False
        self._bare: set[int] = set()
        self.first_page = first_page  # a volume's first page number in the whole book
        self.set_margins(spec.margin, spec.top, spec.margin)
        self.set_auto_page_break(True, spec.bottom)
        self.set_compression(True)
        fonts.register(self)
        self.set_lang("zh-CN")
        self.set_text_color(*INK)

    def folio(self) -> int:
        """The printed number of the current page."""
        return self.first_page + self.page_no() - 1

    def bare_page(self) -> None:
        """Start a page without head or number."""
        self.bare_next = True
        self.add_page()

    def to_recto(self, bare: bool = False) -> None:
        """Start a new right-hand (odd) page, leaving a blank verso if needed: parts open on the
        right. Set `running` first: the new page's head is drawn as it starts."""
        if (self.first_page + self.page_no()) % 2 == 0:
            self.bare_page()
        self.bare_next = bare
        self.add_page()

    def header(self) -> None:
        if self.bare_next:
            self._bare.add(self.page_no())
            self.bare_next = False
            return
        if self.page_no() in self._bare:
            return
        spec, verso = self.spec, self.folio() % 2 == 0
        self.set_font("book", "", spec.body - 1.5)
        self.set_text_color(*GREY)
        self.set_xy(spec.margin, spec.top - 11)
        self.cell(self.epw, 5, self.book_title if verso else self.running, align="L" if verso else "R")
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(spec.margin, spec.top - 5, self.w - spec.margin, spec.top - 5)
        self.set_text_color(*INK)
        self.set_xy(spec.margin, spec.top)

    def footer(self) -> None:
        if self.page_no() in self._bare:
            return
        spec, verso = self.spec, self.folio() % 2 == 0
        self.set_font("book", "", spec.body - 1)
        self.set_text_color(*GREY)
        self.set_xy(spec.margin, self.h - spec.bottom + 6)
        self.cell(self.epw, 5, str(self.folio()), align="L" if verso else "R")
        self.set_text_color(*INK)

    def room(self) -> float:
        """What is left of the current page's text area, in mm."""
        return self.page_break_trigger - self.get_y()
