"""python -m tools.samplepairs [--pack DIR] [--count N] [--seed N]: a pack's 名师高徒 pairs.

Writes exhibits/pairs.csv: the real pairs a public source names (REAL, kept as they are), then
invented pairs, marked sample, up to `count` (the source document's 322). Invented pairs join
only invented people — a real honoree is never given an apprentice no source names — and a
master is always older than the apprentice, so the lines have no cycles. Some apprentices are
sample honorees first honoured after they were paired (what came of it), and some of those
take apprentices of their own: the lines run two and three generations deep. The people files
are read, never written. Deterministic: the same pack and seed give the same file.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import yaml

from hall.pack.schema import PAIR
from hall.pack.write import write_atomically

DATA = Path(__file__).resolve().parent / "samplepack" / "data"
DEFAULT_PACK = Path(__file__).resolve().parents[1]
DEFAULT_COUNT = 322  # 名师高徒 pairs in Shaoxing, as the source document reports
DEFAULT_SEED = 19
FIRST_PAIR_YEAR, LAST_PAIR_YEAR = 2008, 2025
EXTRA_MASTERS = 120  # masters beyond the studios' leaders: the city's ~600 people in its pairs

# Pairs a public source states, with exactly what it states.
REAL: tuple[dict[str, str], ...] = (
    {
        "id": "p0001",
        "master_id": "r001",  # 丁卫松
        "apprentice_name": "丁澄洋",
        "apprentice_employer": "绍兴技师学院",
        "craft": "焊接（父子相传）",
        "year": "2016",
        "outcome": "2020年第46届世界技能大赛浙江选拔赛焊接项目第一名；2023年第二届全国职业技能大赛"
        "焊接项目第五名，获“全国技术能手”称号，与父亲同为全国技术能手；现任绍兴技师学院实训指导教师",
        "sample": "false",
        "source": "《“一身汗、一脸黑、一身怪味儿”的老焊工丁卫松 把儿子领进了这扇门》（周国栋，2020-08-04）"
        "转载 http://www.goboardz.com/?type=newsinfo&S_id=9463 ；焊工父子“老丁”和“小丁”报道（2024）"
        "转载 https://paomian123.com/b/?p=37506",
    },
)


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


class _Names:
    """Invented apprentices' names, drawn as the sample people's are (surname by weight)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        rows = _read(DATA / "surnames.csv")
        self.surnames = [r["surname"] for r in rows]
        self.weights = [float(r["weight"]) for r in rows]
        given = yaml.safe_load((DATA / "names.yaml").read_text(encoding="utf-8"))["given"]
        self.given = given["男"]["new"] + given["女"]["new"]

    def draw(self) -> str:
        size = self.rng.choice((1, 2, 2))
        return self.rng.choices(self.surnames, self.weights)[0] + "".join(
            self.rng.choice(self.given) for _ in range(size)
        )


def generate(pack: Path, count: int = DEFAULT_COUNT, seed: int = DEFAULT_SEED) -> list[dict[str, str]]:
    """The rows of pairs.csv for the pack at `pack`: REAL, then invented ones up to `count`."""
    rng = random.Random(seed)
    exhibits = pack / "exhibits"
    people = {p["id"]: p for p in _read(exhibits / "honorees.csv")}
    first_honour: dict[str, int] = {}
    for h in _read(exhibits / "honours.csv"):
        if h["year"].strip().isdigit():
            year = int(h["year"])
            first_honour[h["honoree_id"]] = min(year, first_honour.get(h["honoree_id"], year))
    studios = [
        s for s in _read(exhibits / "studios.csv") if s["sample"] == "true" and s["leader_id"] in people
    ]
    trades = yaml.safe_load((DATA / "trades.yaml").read_text(encoding="utf-8"))
    skills = {industry: trade.get("skills") or ["技艺传承"] for industry, trade in trades.items()}
    names = _Names(rng)

    def born(hid: str) -> int | None:
        text = people[hid]["birth_year"].strip()
        return int(text) if text.isdigit() else None

    invented = [hid for hid, p in people.items() if p["sample"] == "true" and born(hid)]
    # Honorees who could be a master's apprentice: honoured after 2008, young enough then.
    by_industry: dict[str, list[str]] = defaultdict(list)
    for hid in invented:
        first = first_honour.get(hid)
        if first and first > FIRST_PAIR_YEAR + 2 and born(hid) >= 1965:  # type: ignore[operator]
            by_industry[people[hid]["industry"]].append(hid)
    rows = [dict(r) for r in REAL]
    taken: set[str] = set()  # honorees already someone's apprentice
    masters: list[tuple[str, str]] = [(s["leader_id"], s["id"]) for s in studios]
    # Craftsmen outside the studios take apprentices too (名师带徒 in their own workplaces).
    leaders = {m for m, _ in masters}
    craftsmen = sorted(
        {h["honoree_id"] for h in _read(exhibits / "honours.csv") if h["honour"].endswith("craftsman")}
        & set(invented) - leaders
    )
    masters += [(hid, "") for hid in rng.sample(craftsmen, min(EXTRA_MASTERS, len(craftsmen)))]
    rng.shuffle(masters)
    n = 0
    while len(rows) < count and masters:
        master, studio = masters[n % len(masters)]
        n += 1
        row = _pair(
            rng, names, people[master], born(master), studio, skills, by_industry, born, first_honour, taken
        )
        if row is None:
            continue
        row["id"] = f"p{len(rows) + 1:04d}"
        rows.append(row)
        apprentice = row.get("apprentice_id", "")
        # An honoured apprentice may go on to teach in the same studio: the next generation.
        if apprentice and rng.random() < 0.6:
            masters.append((apprentice, studio))
        if n > count * 20:  # the pack has run out of people who fit
            break
    return [{c: row.get(c, "") for c in PAIR.columns} for row in rows]


def _pair(
    rng: random.Random,
    names: _Names,
    master: dict[str, str],
    master_born: int | None,
    studio: str,
    skills: dict[str, list[str]],
    by_industry: dict[str, list[str]],
    born: object,
    first_honour: dict[str, int],
    taken: set[str],
) -> dict[str, str] | None:
    if master_born is None:
        return None
    earliest = max(FIRST_PAIR_YEAR, master_born + 30)
    if earliest > LAST_PAIR_YEAR:
        return None
    industry = master["industry"]
    row = {
        "master_id": master["id"],
        "studio_id": studio,
        "craft": rng.choice(skills.get(industry, ["技艺传承"])),
        "sample": "true",
        "source": "",
    }
    candidates = [
        hid
        for hid in by_industry.get(industry, ())
        if hid not in taken
        and hid != master["id"]
        and born(hid) > master_born + 12  # type: ignore[operator]
        and first_honour[hid] - 2 >= earliest
    ]
    if candidates and rng.random() < 0.45:
        apprentice = rng.choice(candidates)
        taken.add(apprentice)
        year = rng.randint(earliest, min(LAST_PAIR_YEAR, first_honour[apprentice] - 2))
        row |= {"apprentice_id": apprentice, "year": str(year), "outcome": "出师后获评荣誉（见人物页）"}
    else:
        year = rng.randint(earliest, LAST_PAIR_YEAR)
        outcome = rng.choice(("", "", "获评高级工", "获评技师", "获市级职业技能竞赛三等奖", "获评高级技师"))
        row |= {
            "apprentice_name": names.draw(),
            "apprentice_employer": master["employer"],
            "year": str(year),
            "outcome": outcome,
        }
    return row


def to_bytes(rows: Sequence[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, PAIR.columns, restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.samplepairs", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--pack", type=Path, default=DEFAULT_PACK, help="pack folder (default: the repo root)"
    )
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="pairs in all, real ones included")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    rows = generate(args.pack, args.count, args.seed)
    write_atomically(args.pack / "exhibits" / PAIR.file, to_bytes(rows))
    real = sum(1 for r in rows if r["sample"] != "true")
    print(
        f"{len(rows)} pairs ({real} real, {len(rows) - real} sample) → {args.pack / 'exhibits' / PAIR.file}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
