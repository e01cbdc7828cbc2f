"""The sample pack as a whole: the pack's own real rows with invented ones drawn around them."""

from __future__ import annotations

import csv
import io
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from hall.config import REPO_ROOT
from hall.pack import write_atomically
from hall.pack.schema import BY_FILE, COLLECTIVE, HONOREE, HONOUR, MILESTONE, STUDIO
from tools.samplepack.collectives import invent_collectives
from tools.samplepack.data import SampleData, load_data
from tools.samplepack.geo import district_shapes
from tools.samplepack.people import invent_people
from tools.samplepack.real import PackRowsUnusable, read_real
from tools.samplepack.stories import honoree_row
from tools.samplepack.studios import invent_studios
from tools.samplepack.tables import LEVELS

DEFAULT_PACK = REPO_ROOT
DEFAULT_COUNT = 1960  # honorees in all, real ones included
DEFAULT_SEED = 42
# The sample's districts are the default pack's: their shapes are its map.
DISTRICT_MAP = DEFAULT_PACK / "exhibits" / "geo" / "districts.geojson"
# What a pack needs besides its records, copied from the default pack when it has none.
FRAME = ("hall.yaml", "geo/districts.geojson")

Row = dict[str, str]
Rows = dict[str, list[Row]]


def generate(count: int = DEFAULT_COUNT, seed: int = DEFAULT_SEED, *, pack: Path = DEFAULT_PACK) -> Rows:
    """The pack's records: file name → rows, every value a string.

    The real rows of `pack` (honorees and collectives not marked sample, their honours, the
    milestones) are kept as they are and come first; the rest is invented.

    Args:
        count: honorees in all, real ones included.
        seed: the same count, seed and real rows always give the same rows.
        pack: the pack whose real rows are kept.

    Raises:
        PackRowsUnusable: the pack's files cannot be kept as they are, or an invented id is
            already a real row's.
    """
    data = load_data()
    real = read_real(pack)
    rng = random.Random(seed)
    people = invent_people(rng, data, max(0, count - len(real.honorees)), real.names)
    honorees = [*real.honorees, *(honoree_row(rng, data, p) for p in people)]
    honours = list(real.honours)
    for p in people:
        honours += [{"honoree_id": p.id, "honour": c, "year": str(y)} for c, y in p.honours]
    collectives = [*real.collectives, *invent_collectives(rng, data, count, real.collectives)]
    shapes = district_shapes(DISTRICT_MAP, data.places.districts)
    rows = {
        HONOREE.file: honorees,
        HONOUR.file: honours,
        COLLECTIVE.file: collectives,
        STUDIO.file: invent_studios(rng, data, people, shapes),
        MILESTONE.file: list(real.milestones),
    }
    for name in (HONOREE.file, COLLECTIVE.file):
        twice = sorted(i for i, n in Counter(r["id"] for r in rows[name]).items() if n > 1)
        if twice:
            raise PackRowsUnusable(f"{name}: invented ids {', '.join(twice[:5])} are already the pack's own")
    return rows


def write_pack(pack_dir: Path, count: int = DEFAULT_COUNT, seed: int = DEFAULT_SEED) -> dict[str, int]:
    """Write the five CSV files into pack_dir/exhibits; returns rows written per file.

    A pack keeps its own real rows. A folder that is no pack yet (no hall.yaml, no records)
    gets the default pack's hall.yaml, district map and real rows, so it loads on its own; a
    pack of its own without real rows gets invented ones only.

    Raises:
        PackRowsUnusable: as generate().
        OSError: a file cannot be written.
    """
    exhibits = Path(pack_dir) / "exhibits"
    own = (exhibits / "hall.yaml").exists() or any((exhibits / name).exists() for name in BY_FILE)
    rows = generate(count, seed, pack=Path(pack_dir) if own else DEFAULT_PACK)
    exhibits.mkdir(parents=True, exist_ok=True)
    for rel in FRAME:
        target, origin = exhibits / rel, DEFAULT_PACK / "exhibits" / rel
        if not target.exists() and origin.exists() and target.resolve() != origin.resolve():
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, origin.read_bytes())
    written = {}
    for name, table in rows.items():
        text = io.StringIO()
        writer = csv.DictWriter(text, BY_FILE[name].columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)
        write_atomically(exhibits / name, text.getvalue().encode("utf-8"))
        written[name] = len(table)
    return written


def summary(rows: Mapping[str, Sequence[Row]], data: SampleData | None = None) -> Counter[str]:
    """Counts by era of first honour, best level and district, for reports and tests.

    Honours the sample does not know (a real row's) count for themselves but set no level.
    """
    data = data or load_data()
    counts: Counter[str] = Counter()
    years: dict[str, list[tuple[int, str]]] = {}
    codes: dict[str, list[str]] = {}
    for h in rows[HONOUR.file]:
        if h["year"]:
            years.setdefault(h["honoree_id"], []).append((int(h["year"]), h["honour"]))
        codes.setdefault(h["honoree_id"], []).append(h["honour"])
    for p in rows[HONOREE.file]:
        mine = sorted(years.get(p["id"], []))
        if mine:
            counts["era:" + data.period(mine[0][0])] += 1
        tiers = [data.honours[c].tier for c in codes.get(p["id"], ()) if c in data.honours]
        if tiers:
            counts["level:" + LEVELS[min(tiers) - 1]] += 1
        counts["district:" + p["district"]] += 1
    for h in rows[HONOUR.file]:
        counts["honour:" + h["honour"]] += 1
    return counts
