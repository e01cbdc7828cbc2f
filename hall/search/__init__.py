"""Catalogue search: one index per catalogue, built once and shared by every session.

Build it with ``SearchIndex.build(catalog)`` (or load a saved copy with
``SearchIndex.load_or_build(catalog, index_path(data_dir))``) and ask it
``index.search(query, **filters)``. The parts, one concept each:

* ``match`` — what a query matches, and at which tier (name, pinyin, initials, attributes,
  text, facet values, sounds-alike, typos); the searched fields come from the schema (``build``);
* ``rank`` — the order: tier, then the hall's one rank key (hall.pack.records.rank_key);
* ``facets`` — counts per era, honour, district and industry, and the filters;
* ``explain`` — why each person matched, and the nearest names when nobody did;
* ``build`` / ``arrays`` — making the index's numpy tables from a catalogue;
* ``storage`` — the one saved file, memory-mapped, valid only for the same catalogue and code;
* ``index`` — ``SearchIndex`` and ``SearchResult``; ``cli`` — ``python -m hall.search``.

Answering queries never imports pypinyin: the index carries its own character → pinyin table.
"""

from hall.search.build import CatalogLike
from hall.search.cli import main
from hall.search.explain import MATCH_FIELDS, Match
from hall.search.facets import FACETS
from hall.search.index import SearchIndex, SearchResult, build_index
from hall.search.storage import INDEX_FILE, catalog_fingerprint, index_path

__all__ = [
    "FACETS",
    "INDEX_FILE",
    "MATCH_FIELDS",
    "CatalogLike",
    "Match",
    "SearchIndex",
    "SearchResult",
    "build_index",
    "catalog_fingerprint",
    "index_path",
    "main",
]
