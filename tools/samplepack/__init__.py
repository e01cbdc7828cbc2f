"""The sample-pack generator: a pack's real rows kept as they are, invented people around them.

Every word list and table it draws from is a data file under tools/samplepack/data/; the
code knows no city. `python -m tools.samplepack` writes the default pack's records.
"""

from tools.samplepack.cli import main
from tools.samplepack.data import SampleData, load_data
from tools.samplepack.geo import inside
from tools.samplepack.real import PackRowsUnusable, RealRows, read_real
from tools.samplepack.tables import Trade, Unit
from tools.samplepack.write import DEFAULT_COUNT, DEFAULT_PACK, DEFAULT_SEED, generate, summary, write_pack

__all__ = [
    "DEFAULT_COUNT",
    "DEFAULT_PACK",
    "DEFAULT_SEED",
    "PackRowsUnusable",
    "RealRows",
    "SampleData",
    "Trade",
    "Unit",
    "generate",
    "inside",
    "load_data",
    "main",
    "read_real",
    "summary",
    "write_pack",
]
