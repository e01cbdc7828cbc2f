"""Publishing: every writer's pages into the mirror, their preview pictures drawn when missing
(in worker processes when there are many), then the sitemap, robots.txt and the stylesheet;
files of records that are gone are removed."""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from hall.config import STATIC_DIR
from hall.pack import Catalog
from hall.portraits import names
from hall.publish import activities, eras, images, index, people, site, studios
from hall.publish.kinds import Context, Writer
from hall.publish.markup import CSS, CSS_FILE, ShareImage, Site
from hall.publish.mirror import Mirror, manifest_path, write_file
from hall.publish.urls import ASSETS, MIRROR, PAGE_PREFIXES, Style

log = logging.getLogger(__name__)

# Every kind's writer, in the order its pages are written (a new kind: one module, one line).
WRITERS: tuple[Writer, ...] = (index.pages, eras.pages, people.pages, studios.pages, activities.pages)
# The URL prefixes of the mirror (robots.txt, nginx): each kind's pages, and the assets.
PREFIXES = (*PAGE_PREFIXES, ASSETS)
INLINE_DRAWINGS = 200  # fewer missing pictures than this are drawn in this process
IN_FLIGHT = 512  # pictures handed to the pool and not yet done: memory stays flat


@dataclass
class Report:
    pages: int = 0
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    drawn: int = 0
    largest: tuple[str, int] = ("", 0)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


def publish(
    cat: Catalog,
    *,
    out: Path = MIRROR,
    data_dir: Path,
    base_url: str = "",
    style: Style = Style.STATIC,
    static_dir: Path = STATIC_DIR,
    workers: int = 0,
) -> Report:
    """Write the light pages of `cat` into `out`, rewriting only what changed.

    `workers` processes draw missing pictures (0: one per core when many are missing).

    Raises:
        OSError: the mirror or the data folder cannot be written.
    """
    started = time.perf_counter()
    report = Report()
    if style is Style.OFF:
        style = Style.STATIC
    mirror = Mirror(out, manifest_path(data_dir, out))
    the_site = Site(
        hall=cat.info.name.zh,
        organiser=cat.info.organiser.zh,
        base_url=base_url.rstrip("/"),
        style=style,
        sample_data=cat.info.sample_data,
        eras=tuple((e.id, e.name.zh) for e in cat.eras),
        activities=len(cat.activities) > 0,
    )
    ctx = Context(the_site, static_dir, _hall_card(cat))
    listed: list[str] = []
    with _Drawer(out, mirror, workers) as drawer:
        for writer in WRITERS:
            for page in writer(cat, ctx):
                data = page.html.encode("utf-8")
                mirror.put(page.file, data)
                report.pages += 1
                if len(data) > report.largest[1]:
                    report.largest = (page.file, len(data))
                if page.listed:
                    listed.append(page.file)
                if page.picture is not None:
                    drawer.need(*page.picture)
        report.drawn = drawer.drawn
    mirror.put(CSS_FILE, CSS.encode("utf-8"))
    for name, data in site.sitemaps(listed, the_site.url, mirror.changed_on).items():
        mirror.put(name, data)
    mirror.put("robots.txt", site.robots(PREFIXES, the_site.url(site.SITEMAP)))
    mirror.finish()
    report.written, report.unchanged, report.removed = (
        mirror.counts.written,
        mirror.counts.unchanged,
        mirror.counts.removed,
    )
    if not base_url:
        report.warnings.append(
            "no public address (hall.yaml base_url or --base-url): pages link root-relative, and chat "
            "apps and search engines need a full address to show a preview"
        )
    report.seconds = time.perf_counter() - started
    return report


def _hall_card(cat: Catalog) -> Callable[[str], tuple[ShareImage, images.Drawing]]:
    """The picture of pages that are not one person's: the city's name in an era's colours."""
    city = cat.info.city.zh or cat.info.name.zh[:2]
    cards: dict[str, tuple[ShareImage, images.Drawing]] = {}

    def card(era: str) -> tuple[ShareImage, images.Drawing]:
        if era not in cards:
            look = names.Look(f"hall:{era}", city, era, 0, False, False)
            picture = ShareImage(f"{ASSETS}/img/{look.digest()}.png", *images.NAME_SIZE, city)
            cards[era] = (picture, images.Drawing(look=look))
        return cards[era]

    return card


def _draw_to(out: str, file: str, drawing: images.Drawing) -> tuple[str, int]:
    data = images.draw(drawing)
    write_file(Path(out) / file, data)
    return file, len(data)


class _Drawer:
    """Draws each picture a page names unless the mirror holds it: inline while few are
    missing, then in a pool of processes, with a bounded number in flight."""

    def __init__(self, out: Path, mirror: Mirror, workers: int) -> None:
        self.out, self.mirror = out, mirror
        self.workers = workers or min(4, os.cpu_count() or 1)
        self.seen: set[str] = set()
        self.drawn = 0
        self.pool: ProcessPoolExecutor | None = None
        self.pending: deque[Future[tuple[str, int]]] = deque()

    def __enter__(self) -> _Drawer:
        return self

    def need(self, picture: ShareImage, drawing: images.Drawing) -> None:
        file = picture.file
        if file in self.seen:
            return
        self.seen.add(file)
        key = file.rsplit("/", 1)[-1].split(".")[0]  # the picture's name is its digest
        if self.mirror.holds(file, key):
            self.mirror.keep(file)
            return
        if self.pool is None and (self.drawn < INLINE_DRAWINGS or self.workers <= 1):
            file, size = _draw_to(str(self.out), file, drawing)
            self.mirror.record(file, key, size)
            self.drawn += 1
            return
        if self.pool is None:
            # Spawned, not forked: a worker needs only the drawing code, not a copy of the catalogue.
            self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
        self.pending.append(self.pool.submit(_draw_to, str(self.out), file, drawing))
        self.drawn += 1
        while len(self.pending) >= IN_FLIGHT:
            self._collect_one()

    def _collect_one(self) -> None:
        file, size = self.pending.popleft().result()
        self.mirror.record(file, file.rsplit("/", 1)[-1].split(".")[0], size)

    def __exit__(self, *exc: object) -> None:
        try:
            while self.pending and exc[0] is None:
                self._collect_one()
        finally:
            if self.pool is not None:
                self.pool.shutdown(cancel_futures=True)
