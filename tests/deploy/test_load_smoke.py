"""A short run of the load generator against a fresh hall: visitors complete whole visits under
load, and the server's memory and CPU are read as they are."""

from __future__ import annotations

import math
from collections import Counter

from tests.deploy.conftest import ReplicaFactory, run_async
from tests.support.load import run_load, warm_up
from tests.support.load_report import VISIT_STEPS
from tests.support.streamlit_client import STEP_TIMEOUT_S

VISITORS = 10
SECONDS = 20.0
# A hall process holds the catalogue and the search index: tens of MiB at the very least,
# and far below gigabytes for ten visitors (a reading in KiB or pages would fall outside).
RSS_MB = (50.0, 4096.0)


def test_ten_visitors_for_twenty_seconds_complete_whole_visits(replica_factory: ReplicaFactory) -> None:
    server = replica_factory()
    run_async(warm_up(server.url))
    report = run_async(run_load(server.url, VISITORS, SECONDS, think=(0.5, 2.0), ramp=4.0, pids=[server.pid]))
    print(report.table())
    assert report.errors == 0, report.error_examples
    assert report.busy == 0

    steps = report.steps_by_name
    never = [name for name in VISIT_STEPS if steps[name].count == 0]
    assert not never, f"steps no visitor completed: {never}"
    done = sum(steps[name].count for name in VISIT_STEPS)
    assert done >= VISITORS * len(VISIT_STEPS), f"{done} steps: fewer than one whole visit per visitor"
    # Every visit opened the hall, and ended complete or cut at the deadline, never half-way.
    assert steps["home"].count == report.visits_started
    assert report.visits_started == report.visits_completed + report.visits_cut
    assert steps["leave"].count == report.visits_completed >= VISITORS // 2
    assert report.sessions_peak >= VISITORS // 2  # the server really held them at once

    # Every step's time was recorded, once, and is a real duration within the step timeout.
    recorded = Counter(name for _, name, _ in report.timeline)
    assert recorded == {name: steps[name].count for name in VISIT_STEPS}
    assert all(math.isfinite(s) and 0 <= s < STEP_TIMEOUT_S for _, _, s in report.timeline)
    for name in VISIT_STEPS:
        row = steps[name]
        assert 0 <= row.median_ms <= row.p95_ms <= row.p99_ms <= row.max_ms < STEP_TIMEOUT_S * 1000, row
    assert 0 < report.overall_p95_ms < STEP_TIMEOUT_S * 1000

    low, high = RSS_MB
    assert report.samples, "no memory samples taken"
    assert all(low < sample["rss_mb"] < high for sample in report.samples), report.samples
    assert low < report.rss_start_mb <= report.rss_peak_mb < high
    # The server worked (CPU > 0), and no more than its cores could in the run's time.
    assert 0 < report.server_cpu_s < (SECONDS + STEP_TIMEOUT_S) * report.cores
    assert report.server_ms_per_step > 0
