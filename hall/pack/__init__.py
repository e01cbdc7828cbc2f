"""A content pack: its record schema, the records, reading and checking them, the loaded
catalogue and its cache, and safe writes back into the pack."""

from hall.pack.cache import code_fingerprint, load_catalog
from hall.pack.catalog import Catalog
from hall.pack.names import Names
from hall.pack.records import (
    Collective,
    District,
    Era,
    HallInfo,
    Honoree,
    Honour,
    HonourKind,
    HonourType,
    Industry,
    Level,
    Milestone,
    Problem,
    Stop,
    StopKind,
    Studio,
    Text,
    Tour,
    rank_key,
)
from hall.pack.write import write_atomically

__all__ = [
    "Catalog",
    "Collective",
    "District",
    "Era",
    "HallInfo",
    "Honoree",
    "Honour",
    "HonourKind",
    "HonourType",
    "Industry",
    "Level",
    "Milestone",
    "Names",
    "Problem",
    "Stop",
    "StopKind",
    "Studio",
    "Text",
    "Tour",
    "code_fingerprint",
    "load_catalog",
    "rank_key",
    "write_atomically",
]
