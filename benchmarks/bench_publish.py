"""Publishing the light pages: a cold build, a rebuild with nothing changed and one with one
person changed, on the default pack and a generated 100,000-person pack, with memory sampled
throughout; beside a baseline measured in the same run: writing the same files' bytes with
plain open().write() (what any generator pays the disk).

    .venv/bin/python benchmarks/bench_publish.py [--big 100000] [--skip-big] [--workers 0]

Goals (issue 21): 1,960 people <= 10 s, 100,000 <= 5 min, memory flat.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from hall.pack import Catalog, load_catalog  # noqa: E402
from hall.publish import Style, publish  # noqa: E402
from tests.support.servers import read_rss_mb  # noqa: E402

BASE = "https://hall.example.cn"


class Memory:
    """Peak resident memory of this process and its children (the drawing pool), sampled."""

    def __init__(self) -> None:
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            self.peak = max(self.peak, self.now())

    @staticmethod
    def now() -> float:
        pid = os.getpid()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        return read_rss_mb(pid) + sum(read_rss_mb(int(c)) for c in children)

    def __enter__(self) -> Memory:
        self.peak = self.now()
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def bare_write(mirror: Path, into: Path) -> float:
    """Seconds to write every file of the mirror again, as plain writes (the baseline)."""
    files = [p for p in mirror.rglob("*") if p.is_file()]
    blobs = [(p.relative_to(mirror), p.read_bytes()) for p in files]
    started = time.perf_counter()
    for rel, data in blobs:
        target = into / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as f:
            f.write(data)
    return time.perf_counter() - started


def one_changed(cat: Catalog) -> Catalog:
    """The catalogue with one person's deeds rewritten (as a curator's edit would)."""
    people = list(cat.honorees)
    people[len(people) // 2] = dataclasses.replace(people[len(people) // 2], deeds="一段改过的事迹。")
    return dataclasses.replace(cat, honorees=tuple(people), _by_id={}, _groups={})


def run(label: str, pack: Path, work: Path, workers: int) -> list[str]:
    data, out = work / "data", work / "out"
    started = time.perf_counter()
    cat = load_catalog(pack, data_dir=data)
    load_s = time.perf_counter() - started
    before = Memory.now()

    def go(c: Catalog):
        return publish(c, out=out, data_dir=data, base_url=BASE, style=Style.SHORT, workers=workers)

    with Memory() as memory:
        cold = go(cat)
    with Memory() as warm_memory:
        warm = go(cat)
    changed = go(one_changed(cat))
    bytes_total = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    html = [p.stat().st_size for p in out.rglob("*.html")]
    baseline = bare_write(out, work / "bare")
    shutil.rmtree(work / "bare", ignore_errors=True)
    return [
        f"| {label} | {len(cat.honorees):,} | {cold.pages:,} | **{cold.seconds:.1f} s** | {cold.drawn:,} "
        f"| {baseline:.1f} s | {warm.seconds:.1f} s ({warm.written} written) "
        f"| {changed.seconds:.1f} s ({changed.written} written) "
        f"| {before:.0f} → {memory.peak:.0f} MiB (rebuild {warm_memory.peak:.0f}) "
        f"| {bytes_total / 2**20:,.0f} MiB, page median {sorted(html)[len(html) // 2]:,} B, "
        f"largest {max(html):,} B | {load_s:.1f} s |"
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", type=int, default=100_000)
    parser.add_argument("--skip-big", action="store_true")
    parser.add_argument("--workers", type=int, default=0, help="processes drawing pictures (0: per core)")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a new temp folder)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="hall-bench-publish-"))
    rows = [
        "| pack | people | pages | cold build | pictures drawn | baseline: bare write of the same files "
        "| rebuild, nothing changed | rebuild, one person changed | memory (this process and its "
        "drawing workers): before → peak | mirror | catalogue load (not counted) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|---|---:|",
    ]
    rows += run("default pack", REPO, work / "default", args.workers)
    print("\n".join(rows), flush=True)
    if not args.skip_big:
        from tools.samplepack import write_pack

        big = work / "big-pack"
        started = time.perf_counter()
        write_pack(big, count=args.big, seed=1)
        print(f"(generated {args.big:,} people in {time.perf_counter() - started:.0f} s)", flush=True)
        rows.append(run(f"generated {args.big:,}", big, work / "big", args.workers)[0])
        print(rows[-1], flush=True)
    print(f"\n(cores: {os.cpu_count()}, load average {os.getloadavg()[0]:.1f}; scratch {work})")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
