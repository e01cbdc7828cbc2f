"""The index as a whole: memoised results, many threads at once, an empty catalogue."""

from __future__ import annotations

import threading

from hall.search import SearchIndex, build_index
from tests.support.standin import CASES, StandInCatalog


def test_results_are_memoised_and_not_shared_mutably(index: SearchIndex) -> None:
    first = index.search("陈")
    first.facets["district"]["330603"] = 999
    again = index.search("陈")
    assert again.facets["district"].get("330603") == 1
    assert again.ids == first.ids


def test_concurrent_searches(index: SearchIndex) -> None:
    queries = [q for q, _, _ in CASES]
    expected = {q: index.search(q).ids for q in queries}
    index.clear_cache()
    errors: list[BaseException] = []

    def run() -> None:
        try:
            for q in queries:
                assert index.search(q).ids == expected[q]
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


def test_empty_catalogue() -> None:
    empty = SearchIndex.build(StandInCatalog(honorees=()))
    result = empty.search("丁卫松")
    assert (result.total, result.ids, result.suggestions) == (0, (), ())
    assert empty.search("").total == 0


def test_build_index_is_the_same_index(catalog: StandInCatalog, index: SearchIndex) -> None:
    built = build_index(catalog)
    assert built.fingerprint == index.fingerprint
    for query, filters, _ in CASES:
        assert built.search(query, **filters).ids == index.search(query, **filters).ids  # type: ignore[arg-type]
