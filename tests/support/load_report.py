"""The figures of a load run: each step's latency and outcome as recorded, and the report of the run."""

from __future__ import annotations

import math
import os
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

# A visit's steps in order ("page" is paging through cards, one to a few times); "busy" is a
# visitor refused at the door, on a row of its own.
VISIT_STEPS = ("home", "era", "page", "search_room", "search", "honoree", "like", "leave")
STEPS = (*VISIT_STEPS, "busy")


@dataclass
class Recorder:
    """Every step's latency and outcome, visits started and completed, busy pages, samples."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter[str] = field(default_factory=Counter)
    error_examples: list[str] = field(default_factory=list)
    visits_started: int = 0
    visits_completed: int = 0
    visits_cut: int = 0  # still under way at the deadline
    busy: int = 0
    samples: list[dict[str, float]] = field(default_factory=list)
    t0: float = field(default_factory=time.monotonic)
    # (seconds since start when the step ended, step, latency): shows whether slow steps bunch up.
    timeline: list[tuple[float, str, float]] = field(default_factory=list)

    def ok(self, step: str, seconds: float) -> None:
        self.latencies[step].append(seconds)
        self.timeline.append((round(time.monotonic() - self.t0, 2), step, round(seconds, 4)))

    def fail(self, step: str, reason: str) -> None:
        self.errors[step] += 1
        if len(self.error_examples) < 20:
            self.error_examples.append(f"{step}: {reason}")


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty sequence."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass
class StepFigures:
    step: str
    count: int
    errors: int
    median_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float


@dataclass
class Report:
    """The figures of one load run, as printed and as written with --json."""

    url: str
    visitors: int
    duration_s: float
    think_s: tuple[float, float]
    steps: list[StepFigures]
    errors: int
    error_examples: list[str]
    busy: int
    visits_started: int
    visits_completed: int
    visits_cut: int
    overall_p95_ms: float
    rss_start_mb: float
    rss_peak_mb: float
    sessions_peak: int
    samples: list[dict[str, float]]
    timeline: list[tuple[float, str, float]]
    loadavg: tuple[str, str]
    cores: int
    generator_cpu_s: float = 0.0  # this process's own CPU: it shares the machine with the server
    server_cpu_s: float = 0.0  # the servers' CPU during the run (all their threads)

    @property
    def server_ms_per_step(self) -> float:
        steps = sum(s.count for s in self.steps if s.step not in ("leave", "busy"))
        return self.server_cpu_s * 1000 / steps if steps else 0.0

    @property
    def steps_by_name(self) -> dict[str, StepFigures]:
        return {s.step: s for s in self.steps}

    def table(self) -> str:
        lines = [
            f"{self.visitors} visitors for {self.duration_s:.0f} s against {self.url} "
            f"(think {self.think_s[0]:g}–{self.think_s[1]:g} s; {self.cores} cores; "
            f"load average before {self.loadavg[0]}, after {self.loadavg[1]})",
            f"{'step':<12}{'count':>7}{'errors':>7}{'median ms':>11}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}",
        ]
        for s in self.steps:
            lines.append(
                f"{s.step:<12}{s.count:>7}{s.errors:>7}{s.median_ms:>11.0f}{s.p95_ms:>9.0f}"
                f"{s.p99_ms:>9.0f}{s.max_ms:>9.0f}"
            )
        lines.append(
            f"all steps p95 {self.overall_p95_ms:.0f} ms; "
            f"visits {self.visits_completed}/{self.visits_started} completed "
            f"({self.visits_cut} under way at the deadline); errors {self.errors}; "
            f"busy pages {self.busy}; server RSS {self.rss_start_mb:.0f} → "
            f"peak {self.rss_peak_mb:.0f} MiB; active sessions peak {self.sessions_peak}"
        )
        share = self.generator_cpu_s / self.duration_s * 100 if self.duration_s else 0.0
        if self.server_cpu_s:
            busy = self.server_cpu_s / self.duration_s * 100
            lines.append(
                f"server CPU: {self.server_cpu_s:.1f} s ({busy:.0f}% of one core), "
                f"{self.server_ms_per_step:.0f} ms per step"
            )
        lines.append(f"load generator's own CPU: {self.generator_cpu_s:.1f} s ({share:.0f}% of one core)")
        lines += [f"  error: {e}" for e in self.error_examples[:5]]
        return "\n".join(lines)


def loadavg() -> str:
    """The machine's load averages over 1, 5 and 15 minutes ("?" where /proc has none)."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def build_report(
    url: str, visitors: int, duration: float, think: tuple[float, float], rec: Recorder, load_before: str
) -> Report:
    """The report of a finished run from what `rec` recorded; `load_before` is loadavg() at its start."""
    steps = []
    for name in STEPS:
        values = rec.latencies.get(name, [])
        ms = [v * 1000 for v in values] or [0.0]
        steps.append(
            StepFigures(
                name,
                len(values),
                rec.errors.get(name, 0),
                statistics.median(ms),
                percentile(ms, 95),
                percentile(ms, 99),
                max(ms),
            )
        )
    # The visit's own steps: leaving and the busy page (its own row) are not what p95 is about.
    everything = [
        v * 1000 for name in STEPS if name not in ("leave", "busy") for v in rec.latencies.get(name, [])
    ]
    rss = [s["rss_mb"] for s in rec.samples if s["rss_mb"] > 0]
    return Report(
        url=url,
        visitors=visitors,
        duration_s=duration,
        think_s=think,
        steps=steps,
        errors=sum(rec.errors.values()),
        error_examples=list(rec.error_examples),
        busy=rec.busy,
        visits_started=rec.visits_started,
        visits_completed=rec.visits_completed,
        visits_cut=rec.visits_cut,
        overall_p95_ms=percentile(everything, 95) if everything else 0.0,
        rss_start_mb=rss[0] if rss else 0.0,
        rss_peak_mb=max(rss) if rss else 0.0,
        sessions_peak=int(max((s["sessions"] for s in rec.samples), default=0)),
        samples=rec.samples,
        timeline=rec.timeline,
        loadavg=(load_before, loadavg()),
        cores=os.cpu_count() or 0,
    )
