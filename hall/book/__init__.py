"""The printed 《名录》: the pack's people as a print-ready PDF book (fpdf2, CJK fonts embedded
as subsets). The command line is `python -m hall.book`."""

from hall.book.build import BookOptions, BookReport, NoBaseUrl, Volume, write_book
from hall.book.contents import Scope
from hall.book.fonts import FontsMissing
from hall.book.layout import Paper

__all__ = ["BookOptions", "BookReport", "FontsMissing", "NoBaseUrl", "Paper", "Scope", "Volume", "write_book"]
