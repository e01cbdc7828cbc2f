"""The printed 名录: the default pack's whole book (time, CPU, size, pages, fonts) and, at
100,000 people, memory while pages are written — volumes of VOLUME_SIZE people, each let go when
written — beside the baseline measured in the same run: one fpdf2 document for every page of a
smaller pack, whose memory grows with its pages.

    .venv/bin/python benchmarks/bench_book.py [--big 100000] [--baseline 20000] [--work DIR]

Each measure runs in a fresh process; memory is the process's resident set (/proc), sampled
every 200 people as the pages are written. Packs come from tools.samplepack (cached in the work
folder, default .hall/bench). This prints tables; it is not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def child(pack: Path, data: Path, volume_size: int) -> dict[str, object]:
    """Write the book of `pack` in this process; its figures as a dict. The samples are also
    written to <data>/samples.tsv as they are taken, so a run cut short still shows them."""
    from hall.book import BookOptions, write_book
    from hall.pack import load_catalog

    cat = load_catalog(pack, data_dir=data)
    floor = rss_mb()
    samples: list[tuple[int, float]] = []
    log = (data / "samples.tsv").open("w", buffering=1)
    log.write(f"0\t{floor:.1f}\n")

    def sample(done: int, _: int) -> None:
        samples.append((done, rss_mb()))
        log.write(f"{done}\t{samples[-1][1]:.1f}\n")

    out = Path(tempfile.mkdtemp(prefix="hall-book-")) / "book.pdf"
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    report = write_book(
        cat,
        pack,
        out,
        BookOptions(volume_size=volume_size),
        progress=sample,
    )
    wall = time.perf_counter() - started
    used = resource.getrusage(resource.RUSAGE_SELF)
    fonts = subprocess.run(["pdffonts", str(report.volumes[0].path)], capture_output=True, text=True).stdout
    figures = {
        "people": report.people,
        "volumes": len(report.volumes),
        "pages": sum(v.pages for v in report.volumes),
        "bytes": report.bytes,
        "largest_volume_bytes": max(v.path.stat().st_size for v in report.volumes),
        "wall": wall,
        "cpu": used.ru_utime + used.ru_stime - cpu.ru_utime - cpu.ru_stime,
        "floor_mb": floor,
        "peak_mb": used.ru_maxrss / 1024,
        "samples": samples,
        "fonts_embedded": all(" yes yes " in line for line in fonts.splitlines()[2:]),
    }
    for v in report.volumes:
        v.path.unlink()
    return figures


def start(pack: Path, data: Path, volume_size: int) -> subprocess.Popen[str]:
    data.mkdir(parents=True, exist_ok=True)
    args = [sys.executable, __file__, "--child", str(pack), str(data), str(volume_size)]
    return subprocess.Popen(args, stdout=subprocess.PIPE, text=True, cwd=REPO)


def result(process: subprocess.Popen[str]) -> dict[str, object]:
    out, _ = process.communicate()
    return json.loads(out.strip().splitlines()[-1])


def run(pack: Path, data: Path, volume_size: int) -> dict[str, object]:
    return result(start(pack, data, volume_size))


def pack_of(work: Path, people: int) -> Path:
    from tools.samplepack import write_pack

    pack = work / f"pack-{people}"
    if not (pack / "exhibits" / "honorees.csv").exists():
        write_pack(pack, count=people, seed=1)
    return pack


def growth(samples: list[tuple[int, float]], start: int) -> tuple[float, float, float]:
    """RSS at the sample past `start` people, the highest after it, and MB per 1,000 people."""
    after = [(n, mb) for n, mb in samples if n >= start] or samples
    (n0, mb0), (n1, mb1) = after[0], after[-1]
    per = (mb1 - mb0) / max(1, n1 - n0) * 1000
    return mb0, max(mb for _, mb in after), per


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--big", type=int, default=100_000)
    parser.add_argument("--baseline", type=int, default=20_000)
    parser.add_argument("--volume-size", type=int, default=0, help="people per volume (default: the book's)")
    parser.add_argument("--work", type=Path, default=REPO / ".hall" / "bench")
    parser.add_argument("--skip-big", action="store_true")
    parser.add_argument("--skip-default", action="store_true")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        pack, data, size = args.child
        print(json.dumps(child(Path(pack), Path(data), int(size))))
        return
    from hall.book.build import VOLUME_SIZE

    args.volume_size = args.volume_size or VOLUME_SIZE
    args.work.mkdir(parents=True, exist_ok=True)
    if not args.skip_default:
        whole = run(REPO, args.work / "data-default", VOLUME_SIZE)
        print("| book | people | volumes | pages | size | wall | CPU | peak RSS | fonts embedded |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
        print(
            f"| default pack, A4 | {whole['people']:,} | {whole['volumes']} | {whole['pages']:,} "
            f"| {whole['bytes'] / 1e6:.1f} MB | {whole['wall']:.1f} s | {whole['cpu']:.1f} s "
            f"| {whole['peak_mb']:.0f} MB | {'yes, as subsets' if whole['fonts_embedded'] else 'NO'} |",
            flush=True,
        )
    if args.skip_big:
        return
    small = pack_of(args.work, args.baseline)
    big = pack_of(args.work, args.big)
    # Side by side: on a shared machine, the two see the same load.
    runs = [
        (
            f"{args.baseline:,}, one document (baseline)",
            start(small, args.work / f"data-{small.name}", 10**9),
        ),
        (
            f"{args.big:,}, volumes of {args.volume_size:,}",
            start(big, args.work / f"data-{big.name}", args.volume_size),
        ),
    ]
    rows = [(label, result(process)) for label, process in runs]
    print()
    print(
        "| people | volumes | pages | size (largest volume) | wall | CPU | RSS before pages "
        "| RSS after the first volume → highest | growth per 1,000 people after it | peak RSS |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|")
    for label, f in rows:
        past = min(args.volume_size, f["people"] // 2)
        first, highest, per = growth(f["samples"], past)
        print(
            f"| {label} | {f['volumes']} | {f['pages']:,} | {f['bytes'] / 1e6:.0f} MB "
            f"({f['largest_volume_bytes'] / 1e6:.1f} MB) | {f['wall']:.0f} s | {f['cpu']:.0f} s "
            f"| {f['floor_mb']:.0f} MB | {first:.0f} → {highest:.0f} MB | {per:+.1f} MB "
            f"| {f['peak_mb']:.0f} MB |"
        )
        marks = f["samples"][:: max(1, len(f["samples"]) // 10)]
        print("|  | RSS samples (people: MB) | " + ", ".join(f"{n:,}: {mb:.0f}" for n, mb in marks) + " |")


if __name__ == "__main__":
    main()
