"""The 传承 room's work, warm: the whole city's graph and one person's line, from the pairs to
the JSON the browser receives, on the default pack (322 pairs) and on a generated 10,000; the
baseline, in the same run, lays the graph out again on every view instead of once per pack.
Then the room's warm rerun through Streamlit (AppTest) on the default pack.

    .venv/bin/python benchmarks/bench_lineage.py [--runs 30] [--big 10000]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from hall.figures.lineage import lineage_figure  # noqa: E402
from hall.lineage import Filters, Lineage, lay_out  # noqa: E402
from hall.pack import Catalog, Honoree, load_catalog  # noqa: E402
from hall.pack.pairs import Pair  # noqa: E402


def _ms(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[int(0.95 * (len(ordered) - 1))] * 1000


def _draw(lin: Lineage, view_of: Callable[[Lineage], tuple[object, str]]) -> int:
    v, focus = view_of(lin)
    fig = lineage_figure(
        v.keys,  # type: ignore[attr-defined]
        v.xs,  # type: ignore[attr-defined]
        v.ys,  # type: ignore[attr-defined]
        v.edges,  # type: ignore[attr-defined]
        names={k: lin.people[k].name for k in v.keys},  # type: ignore[attr-defined]
        honorees={k for k in v.keys if lin.people[k].honoree},  # type: ignore[attr-defined]
        focus=focus,
        labelled=len(v.keys) <= 60,  # type: ignore[attr-defined]
        dot_px=9,
        row_px=24,
    )
    return len(fig.to_json())  # what st.plotly_chart sends


def measure(cat: Catalog, runs: int, label: str) -> None:
    t0 = time.perf_counter()
    lin = Lineage.of(cat)
    layout_s = time.perf_counter() - t0
    rng = random.Random(1)
    masters = [k for k in lin.apprentices_of if lin.line(k) is not None]
    crafts = lin.choices()["craft"]

    def city(lin: Lineage) -> tuple[object, str]:
        return lin.view(lin.select(Filters())), ""

    def craft(lin: Lineage) -> tuple[object, str]:
        return lin.view(lin.select(Filters(craft=rng.choice(crafts)))), ""

    def line(lin: Lineage) -> tuple[object, str]:
        key = rng.choice(masters)
        return lin.line_view(lin.line(key)), key  # type: ignore[arg-type]

    once = f"layout once: {layout_s * 1000:.0f} ms"
    print(f"\n{label}: {len(cat.pairs):,} pairs, {len(lin.people):,} people; {once}")
    print("| view | hall (layout once) median / p95 | baseline (laid out per view) median / p95 | JSON |")
    print("|---|---:|---:|---:|")
    for name, view_of in (("the whole city", city), ("one craft", craft), ("one person's line", line)):
        warm, base = [], []
        size = 0
        for _ in range(runs):
            t = time.perf_counter()
            size = _draw(lin, view_of)
            warm.append(time.perf_counter() - t)
            t = time.perf_counter()
            _draw(lay_out(cat), view_of)
            base.append(time.perf_counter() - t)
        (wm, wp), (bm, bp) = _ms(warm), _ms(base)
        print(f"| {name} | {wm:.1f} / {wp:.1f} ms | {bm:.1f} / {bp:.1f} ms | {size / 1024:.0f} KB |")


def big_catalog(cat: Catalog, pairs: int, seed: int = 19) -> Catalog:
    """The default pack's hall with ~1.2 × `pairs` invented people and `pairs` pairs among them
    (a master is always an earlier person than the apprentice: no cycles), a tenth by name only."""
    rng = random.Random(seed)
    template = cat.honorees[0]
    n = int(pairs * 1.2)
    people = tuple(
        Honoree(  # type: ignore[operator]
            f"b{i:06d}",
            f"人{i}",
            **{
                f.name: getattr(template, f.name)
                for f in dataclasses.fields(template)
                if f.name not in ("id", "name", "sample")
            },
            sample=True,
        )
        for i in range(n)
    )
    made = []
    for i in range(pairs):
        apprentice = rng.randrange(n // 5, n)
        master = rng.randrange(0, max(1, apprentice // 2))
        named = rng.random() < 0.1
        made.append(
            Pair(  # type: ignore[operator]
                f"q{i:05d}",
                f"b{master:06d}",
                apprentice_id="" if named else f"b{apprentice:06d}",
                apprentice_name=f"徒{i}" if named else "",
                apprentice_employer="某厂" if named else "",
                craft=rng.choice(("焊接", "车工", "钳工", "电工", "点钞")),
                year=rng.randint(2008, 2025),
                sample=True,
            )
        )
    unique = {(p.master_id, p.apprentice_key): p for p in made}
    return dataclasses.replace(cat, honorees=people, pairs=tuple(unique.values()), _by_id={}, _groups={})


def room_rerun(runs: int) -> None:
    """The room's warm rerun on the default pack, through Streamlit's AppTest."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    os.environ.setdefault("HALL_PACK", str(REPO))
    os.environ["HALL_DATA"] = tempfile.mkdtemp(prefix="bench-lineage-")
    st.cache_resource.clear()
    at = AppTest.from_file(str(REPO / "hall_app.py"), default_timeout=300)
    at.run()
    at.switch_page("rooms/lineage.py").run()
    print("\nthe 传承 room through Streamlit (AppTest), default pack, warm rerun:")
    print("| page | median / p95 |\n|---|---:|")
    for name, query in (("whole city", {}), ("one person's line", {"id": "r001"})):
        samples = []
        for _ in range(runs):
            at.query_params.clear()
            at.query_params.update(query)
            t = time.perf_counter()
            at.run()
            samples.append(time.perf_counter() - t)
            assert not at.exception, at.exception
        m, p = _ms(samples)
        print(f"| {name} | {m:.0f} / {p:.0f} ms |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--big", type=int, default=10_000)
    args = parser.parse_args()
    cat = load_catalog(REPO)
    measure(cat, args.runs, "default pack")
    measure(big_catalog(cat, args.big), max(5, args.runs // 3), f"generated {args.big:,}")
    room_rerun(max(5, args.runs // 3))


if __name__ == "__main__":
    main()
