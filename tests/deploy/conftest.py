"""Fixtures for tests that run the hall as real processes: replicas, PostgreSQL, nginx."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest

from tests.support.servers import Replica, start_replica

ReplicaFactory = Callable[..., Replica]
T = TypeVar("T")


def run_async(coro: Coroutine[Any, Any, T]) -> T:
    """asyncio.run in a thread of its own: in a worker that already ran a browser test,
    Playwright's sync API keeps an event loop running on the main thread until the session ends."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


@pytest.fixture
def replica_factory(tmp_path: Path) -> Iterator[ReplicaFactory]:
    """Factory: replica_factory(env=None, name="replica") -> a healthy hall on a free port.

    Each has its own data folder (so its SQLite store is fresh); all are stopped after the
    test, and their logs printed (pytest shows them when the test failed).
    """
    started: list[Replica] = []

    def make(env: Mapping[str, str] | None = None, name: str = "replica") -> Replica:
        replica = start_replica(
            tmp_path / f"{name}-data-{len(started)}", tmp_path / "logs", name=name, env=env
        )
        started.append(replica)
        return replica

    yield make
    for replica in started:
        replica.stop()
        print(f"---- {replica.name} {replica.url} log (last lines) ----\n{replica.log()}")
