"""A small pack (tests/support/packs.py), its catalogue, search index and asker, once per process."""

from __future__ import annotations

from pathlib import Path

import pytest

from hall.ask import Asker
from hall.pack import Catalog, load_catalog
from hall.search import SearchIndex
from tests.support.packs import write_pack


@pytest.fixture(scope="session")
def small_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_pack(tmp_path_factory.mktemp("askpack"))


@pytest.fixture(scope="session")
def cat(small_pack: Path) -> Catalog:
    return load_catalog(small_pack)


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("askdata")


@pytest.fixture(scope="session")
def asker(cat: Catalog, data_dir: Path) -> Asker:
    return Asker.build(cat, SearchIndex.build(cat), data_dir)
