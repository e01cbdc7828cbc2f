"""Fixtures for tests that run the hall as real processes: replicas, PostgreSQL, nginx."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import NoReturn

import pytest

from deploy.cluster import Replica, start_replica

ReplicaFactory = Callable[..., Replica]


def missing(what: str, reason: str) -> NoReturn:
    """Skip loudly; under CI a missing binary is a failure, never a silent skip."""
    message = f"{what} NOT RUN: {reason}"
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


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
