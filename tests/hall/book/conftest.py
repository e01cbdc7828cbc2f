"""The small pack's books, written once per module: A4 whole, an A5 booklet, several volumes."""

from __future__ import annotations

from pathlib import Path

import pytest

from hall.book import BookOptions, BookReport, write_book
from hall.pack import Catalog, load_catalog
from tests.support.bookpack import need_poppler, write_book_pack


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need_poppler()
    return write_book_pack(tmp_path_factory.mktemp("bookpack"))


@pytest.fixture(scope="module")
def cat(pack: Path, tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return load_catalog(pack, data_dir=tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="module")
def book(cat: Catalog, pack: Path, tmp_path_factory: pytest.TempPathFactory) -> BookReport:
    return write_book(cat, pack, tmp_path_factory.mktemp("out") / "book.pdf", BookOptions())
