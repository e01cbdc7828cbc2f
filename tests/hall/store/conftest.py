"""Store fixtures: every store test runs once on a SQLite file and once on a throwaway PostgreSQL."""

from __future__ import annotations

import datetime as dt
import itertools
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from hall.store import Store
from tests.support.needs import missing
from tests.support.pgcluster import ClusterUnavailable, PgCluster, requirements, throwaway_cluster

T0 = dt.datetime(2025, 5, 1, 2, 0, tzinfo=dt.UTC)
TZ = dt.timezone(dt.timedelta(hours=8))  # visit stats count calendar days in the hall's zone

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

    def raw_engine(self) -> sa.Engine:
        """The database itself, without the store (dispose of it after use)."""
        return sa.create_engine(self.url or f"sqlite:///{self.data_dir / 'hall.sqlite'}")

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


class Clock:
    """A settable clock: rate limits, pairings and day-by-day stats without sleeping."""

    def __init__(self, start: dt.datetime = T0) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(target: Target, clock: Clock) -> Store:
    return target.open(clock=clock, tz=TZ)


def all_at_once(stores: list[Store], call: Callable[[Store], object]) -> list[object]:
    """`call` on every store in threads released together: each result, or what it raised."""
    start = threading.Barrier(len(stores))
    results: list[object] = []

    def run(store: Store) -> None:
        start.wait()
        try:
            results.append(call(store))
        except BaseException as exc:
            results.append(exc)

    threads = [threading.Thread(target=run, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(results) == len(stores), results
    return results
