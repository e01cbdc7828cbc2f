"""问展馆 benchmark: accuracy by kind on the question set and latency per question, at the default
pack (1,960 honorees) and at 100,000, beside a baseline measured in the same run: BM25 alone
(the best passage for the question, as most retrieval demos answer), with no grammar and no
check that the passage holds the question.

    .venv/bin/python benchmarks/bench_ask.py [--sizes 1960,100000] [--rounds 3] [--work DIR]

The question set of the default pack is benchmarks/ask_questions.json; for the 100,000 pack
(tools.samplepack, cached in the work folder) the same generator writes one from that pack's
files. Latency is per question, cold for the search index's memo, over ``--rounds`` rounds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks import ask_questions  # noqa: E402
from tests.support.askset import judge, questions  # noqa: E402

KINDS = ("count", "list", "most", "first", "person", "fact", "activity", "lineage", "none")
GOALS = {"grammar": 0.95, "person_fact": 0.90, "p95_1960": 50.0, "p95_100000": 200.0}


def pack_for(size: int, work: Path) -> tuple[Path, Path, list[dict[str, Any]]]:
    if size <= 2000:
        return REPO, work / "data-default", questions()
    from tools.samplepack import write_pack

    pack = work / f"pack-{size}-1"
    if not (pack / ".bench-made").exists():
        write_pack(pack, size, 1)
        (pack / ".bench-made").write_text("ok")
    return pack, work / f"data-{size}-1", ask_questions.build(pack)


def baseline(asker: Any, question: str) -> Any:
    """BM25 alone: the best passage, quoted as the answer."""
    from hall.ask.answer import FACT, NOT_FOUND, PERSON, Answer, Source

    r = asker.retriever
    top = r.top(r.vocabulary.terms(question), k=1)
    if not top:
        return Answer(NOT_FOUND, "")
    p = r.corpus.passages[top[0][0]]
    link = p.link.url("honoree" if p.link.room == "honoree" else p.link.room)
    return Answer(PERSON if p.kind == "person" else FACT, p.text, p.ids, (Source(p.title, link, "", p.text),))


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * q / 100
    lo = int(k)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def bench(size: int, args: argparse.Namespace) -> dict[str, Any]:
    from hall.ask import Asker
    from hall.pack import load_catalog
    from hall.search import SearchIndex, index_path

    pack, data, qs = pack_for(size, Path(args.work))
    catalog = load_catalog(pack, data_dir=data)
    index = SearchIndex.load_or_build(catalog, index_path(data))
    t0 = time.perf_counter()
    Asker.build(catalog, index, data)  # builds and saves the passage index once
    built = time.perf_counter() - t0
    t0 = time.perf_counter()
    asker = Asker.build(catalog, index, data)
    ready = time.perf_counter() - t0
    print(
        f"{len(catalog.honorees):,}: passage index built in {built:.1f} s, loaded in {ready:.1f} s",
        flush=True,
    )
    out: dict[str, Any] = {
        "size": len(catalog.honorees),
        "questions": len(qs),
        "build_s": built,
        "ready_s": ready,
    }
    for label, fn in (("hall.ask", asker.ask), ("BM25 alone", lambda q: baseline(asker, q))):
        times: list[float] = []
        right: dict[str, list[bool]] = {k: [] for k in KINDS}
        for round_ in range(args.rounds):
            for q in qs:
                index.clear_cache()
                t = time.perf_counter()
                answer = fn(q["question"])
                times.append((time.perf_counter() - t) * 1000)
                if round_ == 0:
                    right[q["kind"]].append(judge(q, answer))
        out[label] = {
            "median": statistics.median(times),
            "p95": pct(times, 95),
            "acc": {k: (sum(v), len(v)) for k, v in right.items()},
        }
    return out


def report(results: list[dict[str, Any]]) -> None:
    print("| honorees | design | build | ready | " + " | ".join(KINDS) + " | median | p95 |")
    print("|---:|---|---:|---:|" + "---:|" * (len(KINDS) + 2))
    for r in results:
        for label in ("hall.ask", "BM25 alone"):
            m = r[label]
            cells = []
            for k in KINDS:
                ok, n = m["acc"][k]
                cells.append(f"{ok}/{n}" if n else "–")
            build = f"{r['build_s']:.1f} s" if label == "hall.ask" else "–"
            ready = f"{r['ready_s']:.1f} s" if label == "hall.ask" else "–"
            print(
                f"| {r['size']:,} | {label} | {build} | {ready} | "
                + " | ".join(cells)
                + f" | {m['median']:.1f} ms | {m['p95']:.1f} ms |"
            )
    for r in results:
        acc = r["hall.ask"]["acc"]
        grammar = sum(acc[k][0] for k in ("count", "list", "most", "first")) / max(
            1, sum(acc[k][1] for k in ("count", "list", "most", "first"))
        )
        quoted = ("person", "fact", "activity", "lineage")
        pf = sum(acc[k][0] for k in quoted) / max(1, sum(acc[k][1] for k in quoted))
        invented = acc["none"][1] - acc["none"][0]
        goal = GOALS["p95_1960"] if r["size"] <= 2000 else GOALS["p95_100000"]
        print(
            f"{r['size']:,}: counting/listing {grammar:.1%} (goal ≥ 95 %), "
            f"people, facts, activities and pairs {pf:.1%} (goal ≥ 90 %), "
            f"invented {invented} of {acc['none'][1]} (goal 0), "
            f"p95 {r['hall.ask']['p95']:.1f} ms (goal ≤ {goal:.0f} ms)"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1960,100000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work", default=str(REPO / ".hall" / "bench"))
    args = parser.parse_args(argv)
    Path(args.work).mkdir(parents=True, exist_ok=True)
    results = [bench(int(s), args) for s in args.sizes.split(",")]
    report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
