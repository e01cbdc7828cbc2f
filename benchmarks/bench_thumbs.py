"""What a 24-card page of portraits weighs, and what taking in a photo costs, beside the originals.

Makes 24 synthetic 12-megapixel phone portraits (a third stored on their side with EXIF
orientation 6, as phones do), takes them in with `hall.portraits.ingest` into a throwaway pack,
and sums the WebP thumbnails a page of 24 cards loads; the baseline is the same page if the
originals were served.

    .venv/bin/python benchmarks/bench_thumbs.py [--photos 24] [--size 3000x4000]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> None:
    from PIL import Image, ImageOps

    from hall.pack import load_catalog
    from hall.portraits import ingest, make_thumbnails, thumbnail_path
    from tests.fixtures.photos import realistic_photo
    from tests.support.packs import write_pack

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--photos", type=int, default=24)
    parser.add_argument("--size", default="3000x4000", help="width x height of each portrait as seen")
    args = parser.parse_args()
    width, height = (int(x) for x in args.size.split("x"))

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        people = [
            (f"b{i:02d}", f"示例{i:02d}", "男", "1970", "越城区", "某厂", "技师", "机械制造", "true")
            for i in range(args.photos)
        ]
        pack = write_pack(root / "pack", honorees=people, honours=[])
        folder = root / "photos"
        folder.mkdir()
        originals = 0
        for i in range(args.photos):
            seen = realistic_photo(width, height, seed=i)
            exif = Image.Exif()
            stored = seen
            if i % 3 == 0:
                exif[0x0112] = 6
                stored = seen.transpose(Image.Transpose.ROTATE_90)
            buffer = io.BytesIO()
            stored.save(buffer, "JPEG", quality=90, exif=exif.tobytes())
            (folder / f"b{i:02d}.jpg").write_bytes(buffer.getvalue())
            originals += len(buffer.getvalue())

        catalog = load_catalog(pack)
        static, data = root / "static", root / "data"
        start = time.perf_counter()
        report = ingest(folder, catalog, pack, data, static)
        took = time.perf_counter() - start
        assert len(report.accepted) == args.photos, report.refused

        card = sum(thumbnail_path(p.honoree_id, "card", static).stat().st_size for p in report.accepted)
        page = sum(thumbnail_path(p.honoree_id, "page", static).stat().st_size for p in report.accepted)

        # Baseline in the same run: the naive thumbnail (full decode, then orientation, then fit).
        sample = (folder / "b00.jpg").read_bytes()
        ours, naive = [], []
        for _ in range(3):
            t = time.perf_counter()
            make_thumbnails(sample)
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            image = ImageOps.exif_transpose(Image.open(io.BytesIO(sample)))
            image.thumbnail((240, 320), Image.Resampling.LANCZOS)
            image.save(io.BytesIO(), "WEBP", quality=80, method=4)
            naive.append(time.perf_counter() - t)

    n = args.photos
    print(f"{n} portraits of {width}x{height} (JPEG q90; every third stored on its side, EXIF orientation 6)")
    print(f"{'':38}{'bytes':>12}{'per card':>12}")
    print(f"{'page of cards: card thumbnails (WebP)':38}{card:>12,}{card // n:>12,}")
    print(f"{'person pages: page thumbnails (WebP)':38}{page:>12,}{page // n:>12,}")
    print(f"{'baseline: the originals':38}{originals:>12,}{originals // n:>12,}")
    print(f"card thumbnails are {originals / card:,.0f}x smaller than the originals")
    print(f"taking in one photo (check, keep original, thumbnails, honorees.csv): {took / n * 1000:.0f} ms")
    ours_ms, naive_ms = statistics.median(ours) * 1000, statistics.median(naive) * 1000
    print(f"both thumbnails of a turned photo (draft, then orientation): {ours_ms:.0f} ms")
    print(f"baseline, the card alone by full decode, orientation, fit: {naive_ms:.0f} ms")


if __name__ == "__main__":
    main()
