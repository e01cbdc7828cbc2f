"""A short run of the load generator against a fresh hall: every step of the visit works under load."""

from __future__ import annotations

from tests.deploy.conftest import ReplicaFactory, run_async
from tests.support.load import run_load, warm_up

VISITORS = 10
SECONDS = 20.0


def test_ten_visitors_for_twenty_seconds_complete_every_step(replica_factory: ReplicaFactory) -> None:
    server = replica_factory()
    run_async(warm_up(server.url))
    report = run_async(run_load(server.url, VISITORS, SECONDS, think=(0.5, 2.0), ramp=4.0, pids=[server.pid]))
    print(report.table())
    assert report.errors == 0, report.error_examples
    assert report.busy == 0
    never = [s.step for s in report.steps if s.step != "busy" and s.count == 0]
    assert not never, f"steps no visitor completed: {never}"
    assert report.visits_completed >= VISITORS // 2  # the rest were under way at the deadline
    assert report.sessions_peak >= VISITORS // 2  # the server really held them at once
    assert report.rss_peak_mb > 0
