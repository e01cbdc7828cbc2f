"""The book from a catalogue: front matter, parts, entries and indexes, written volume by volume.

fpdf2 keeps a document's pages in memory until it writes the file, so a whole book's memory
would grow with its pages: past `volume_size` people the book is cut into volumes, each a
complete PDF with its own title page, indexes and page numbers, written and let go before the
next is begun. The default pack (1,960 people, ~570 A4 pages) is one volume; 100,000 people
are 29 volumes of ~1,000 pages.
"""

from __future__ import annotations

import datetime as dt
import gc
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hall.book import contents, entry, front, index, portrait
from hall.book.contents import Part, Scope, Section
from hall.book.layout import SPECS, BookPdf, Paper
from hall.errors import HallError
from hall.labels import t
from hall.pack import Catalog, Honoree

PROGRESS_EVERY = 100  # people between two calls of `progress`
VOLUME_SIZE = 3500  # ~1,000 A4 pages: about what one binding holds


class NoBaseUrl(HallError):
    """QR codes were asked for, but hall.yaml gives no public address (base_url) to point them at."""


@dataclass(frozen=True, slots=True)
class BookOptions:
    paper: Paper = Paper.A4
    scope: Scope = field(default_factory=Scope)
    qr: bool = False
    base_url: str = ""  # overrides hall.yaml's base_url for the QR codes
    lang: str = "zh"
    volume_size: int = VOLUME_SIZE
    today: dt.date | None = None

    def key(self) -> str:
        """What tells two books of one pack apart (file names, the curators' cache)."""
        scope = self.scope.era or self.scope.district or "all"
        return f"{self.paper.value}-{scope}-{'qr' if self.qr else 'noqr'}-{self.lang}"


@dataclass(frozen=True, slots=True)
class Volume:
    path: Path
    pages: int
    entries: tuple[tuple[str, int], ...]  # (honoree id, printed page) in printing order
    index: tuple[index.Line, ...]  # every index line: on which page, whom, which page it names


@dataclass(frozen=True, slots=True)
class BookReport:
    volumes: tuple[Volume, ...]
    people: int
    seconds: float

    @property
    def bytes(self) -> int:
        return sum(v.path.stat().st_size for v in self.volumes)


def write_book(
    cat: Catalog,
    pack: Path | str,
    out: Path | str,
    options: BookOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BookReport:
    """Typeset the book (or a booklet) and write it to `out`, or to `<out>-1.pdf`, `-2` … when
    it has several volumes.

    Raises:
        NoBaseUrl: QR codes asked for without a base URL.
        hall.book.fonts.FontsMissing: no Chinese font is installed.
        OSError: the file cannot be written.
    """
    options = options or BookOptions()
    started = time.perf_counter()
    qr_base = ""
    if options.qr:
        qr_base = (options.base_url or cat.info.base_url).rstrip("/")
        if not qr_base:
            raise NoBaseUrl("QR codes need the hall's public address: set base_url in hall.yaml")
    book = contents.parts(cat, options.scope, options.lang)
    order = list(contents.people(book))
    size = max(1, options.volume_size)
    chunks = [order[i : i + size] for i in range(0, len(order), size)] or [[]]
    out = Path(out)
    volumes = []
    for n, chunk in enumerate(chunks, start=1):
        path = out if len(chunks) == 1 else out.with_name(f"{out.stem}-{n}{out.suffix}")
        label = t("book_volume", options.lang, n=n, of=len(chunks)) if len(chunks) > 1 else ""
        done = (n - 1) * size
        report = None if progress is None else (lambda placed, d=done: progress(d + placed, len(order)))
        volumes.append(_volume(cat, Path(pack), path, chunk, label, options, qr_base, report))
        gc.collect()  # the volume's pages are gone: let the next one start from the same floor
    return BookReport(tuple(volumes), len(order), time.perf_counter() - started)


def _volume(
    cat: Catalog,
    pack: Path,
    path: Path,
    chunk: list[tuple[Part, Section, Honoree]],
    volume: str,
    options: BookOptions,
    qr_base: str,
    progress: Callable[[int], None] | None,
) -> Volume:
    lang, spec = options.lang, SPECS[options.paper]
    subtitle = contents.booklet_name(cat, options.scope, lang)
    name = front.title(cat, lang)
    pdf = BookPdf(spec, f"《{name}》" + (f" · {subtitle}" if subtitle else ""))
    pdf.set_title(name + (f" · {subtitle}" if subtitle else "") + (f" · {volume}" if volume else ""))
    pdf.set_author(cat.info.organiser.get(lang) or cat.info.name.get(lang))
    pdf.set_creator("hall.book")
    front.cover(pdf, cat, subtitle, volume, lang)
    front.title_page(pdf, cat, subtitle, volume, len(chunk), lang, options.today or dt.date.today())
    front.preface(pdf, cat, lang)
    if not chunk:
        pdf.add_page()
        pdf.cell(0, spec.line * 2, t("book_empty", lang), align="C")
    districts = {d.adcode: d.name.get(lang) for d in cat.districts}
    refs: list[index.Ref] = []
    placed: list[tuple[str, int]] = []
    part_key = section_key = None
    for part, section, h in chunk:
        if part.key != part_key:
            front.part_opener(pdf, part, lang)
            part_key, section_key = part.key, None
        if section.level != section_key:
            front.section_heading(pdf, section.title)
            section_key = section.level
        text = entry.EntryText.of(h, cat, lang)
        if not entry.fits(pdf, text, lang, bool(qr_base)):
            pdf.add_page()
        page = entry.draw(pdf, h, text, portrait.photo_jpeg(pack, h), qr_base, lang)
        placed.append((h.id, page))
        refs.append(index.Ref(text.name, text.pinyin, districts.get(h.district_code, ""), page))
        if progress is not None and len(placed) % PROGRESS_EVERY == 0:
            progress(len(placed))
    lines = index.by_pinyin(pdf, refs, lang)
    lines += index.by_district(pdf, refs, [d.name.get(lang) for d in cat.districts], lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return Volume(path, pdf.pages_count, tuple(placed), tuple(lines))
