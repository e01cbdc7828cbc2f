"""Drawing from the data: labels in given shares, weighted picks, templates filled in."""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from functools import cache

from tools.samplepack.tables import Words


def quota(rng: random.Random, n: int, shares: Sequence[tuple[str, float]]) -> list[str]:
    """n labels in the given shares (largest remainders), shuffled."""
    raw = [(label, n * share) for label, share in shares]
    total = sum(s for _, s in shares)
    raw = [(label, v / total) for label, v in raw]
    counts = {label: int(v) for label, v in raw}
    rest = n - sum(counts.values())
    for label, _ in sorted(raw, key=lambda x: x[1] - int(x[1]), reverse=True)[:rest]:
        counts[label] += 1
    out = [label for label, _ in shares for _ in range(counts[label])]
    rng.shuffle(out)
    return out


def pick(rng: random.Random, items: Sequence[str], weights: Sequence[float]) -> str:
    return rng.choices(items, weights)[0]


@cache
def _numbers(ordinal: str) -> re.Pattern[str]:
    return re.compile(f"({re.escape(ordinal)}?)" + r"\{(\d+)-(\d+)\}")


def fill(template: str, rng: random.Random, values: Mapping[str, object], words: Words) -> str:
    """The template with {n-m} drawn as a number between n and m, then {name}s filled in."""

    def number(m: re.Match[str]) -> str:
        n = rng.randint(int(m[2]), int(m[3]))
        if m[1]:  # 第五中学, not 第5中学
            return m[1] + (words.digits[n] if n < 10 else str(n))
        if n >= 100:  # round to two significant figures, as a report would
            n = round(n, 2 - len(str(n)))
        return str(n)

    return _numbers(words.ordinal).sub(number, template).format_map(values)
