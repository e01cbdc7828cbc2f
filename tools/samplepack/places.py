"""Where an invented unit is: the place names its name template is filled with."""

from __future__ import annotations

import random

from tools.samplepack.data import SampleData


def place(rng: random.Random, data: SampleData, district: str, year: int) -> dict[str, str]:
    """Values for a unit's name template in `district` as of `year` (see trades.yaml)."""
    places = data.places
    full, short = places.districts[district].county(year)
    village = rng.choice(places.villages)
    return {
        "c": full,
        "cs": short,
        "t": places.town_name(rng.choice(places.districts[district].towns), year),
        "v": village,
        "vil": places.village_unit(village, year),
        "b": "".join(rng.sample(places.brands, 2)),
        "ob": rng.choice(places.old_brands),
        "corp": places.factory if year < places.factory_before else rng.choice(places.companies),
    }


def printed_district(data: SampleData, district: str, year: int) -> str:
    """The district's name as a record of `year` printed it."""
    return data.places.districts[district].printed(year)
