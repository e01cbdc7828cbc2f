"""The stand-in catalogue and its index, built once per test process."""

from __future__ import annotations

import pytest

from hall.search import SearchIndex
from tests.support.standin import StandInCatalog


@pytest.fixture(scope="session")
def catalog() -> StandInCatalog:
    return StandInCatalog()


@pytest.fixture(scope="session")
def index(catalog: StandInCatalog) -> SearchIndex:
    return SearchIndex.build(catalog)
