"""问展馆: questions in a visitor's own words, answered from the hall's own records with the source.

``Asker.build(catalog, index, data_dir).ask("诸暨有多少位全国劳模？")`` gives an ``Answer`` (kind,
text, ids, sources). The parts, one concept each:

* ``vocabulary`` — jieba taught the pack's names, places, honours and employers;
* ``grammar`` — counting and listing questions read into the catalogue's filters;
* ``counting`` — those readings counted, listed and ranked through the search index;
* ``passages`` and ``sources/`` — the sentences answers quote, from a registry of sources;
* ``retrieve`` — BM25 (bm25s) over the passages, saved in the data folder;
* ``person`` — questions about one person; ``asker`` — the order they are tried in;
* ``answer`` — ``Answer`` and ``Source``; ``cli`` — ``python -m hall.ask``.
"""

from hall.ask.answer import Answer, Source
from hall.ask.asker import MAX_CHARS, Asker
from hall.ask.passages import Link, Passage, source

__all__ = ["MAX_CHARS", "Answer", "Asker", "Link", "Passage", "Source", "source"]
