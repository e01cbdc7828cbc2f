"""Store fixtures: every store test runs once on a SQLite file and once on a throwaway PostgreSQL."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from hall.store import Store
from tests.support.needs import missing
from tests.support.pgcluster import ClusterUnavailable, PgCluster, requirements, throwaway_cluster

_databases = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """One throwaway cluster per test process (each xdist worker has its own)."""
    try:
        requirements()
    except ClusterUnavailable as exc:
        missing("POSTGRESQL TESTS", str(exc))
    with throwaway_cluster("postgres_tests") as cluster:
        yield cluster


@dataclass
class Target:
    """One empty database for one test: open as many stores on it as the test needs."""

    backend: str
    data_dir: Path
    url: str | None = None  # None: the default SQLite file in data_dir
    cluster: PgCluster | None = None
    _stores: list[Store] = field(default_factory=list)

    def open(self, **options: Any) -> Store:
        store = Store.open(self.url, self.data_dir, **options)
        self._stores.append(store)
        return store

    def close_all(self) -> None:
        for store in self._stores:
            store.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Target]:
    if request.param == "sqlite":
        t = Target("sqlite", tmp_path / "data")
        yield t
        t.close_all()
        return
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    name = f"t{next(_databases)}"
    cluster.create_database(name)
    t = Target("postgresql", tmp_path / "data", url=cluster.url(name), cluster=cluster)
    yield t
    t.close_all()
    if not cluster.running():  # a store-down test failed before restarting it
        cluster.start()
    cluster.drop_database(name)
