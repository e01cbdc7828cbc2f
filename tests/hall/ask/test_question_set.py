"""The question set of the default pack meets the issue's goals (the benchmark times it too)."""

from __future__ import annotations

import pytest

from hall.ask import Asker
from hall.pack import load_catalog
from hall.search import SearchIndex
from tests.support.askset import GRAMMAR, judge, questions
from tests.support.packs import REPO


@pytest.fixture(scope="module")
def default_asker(tmp_path_factory) -> Asker:
    data = tmp_path_factory.mktemp("askdefault")
    catalog = load_catalog(REPO, data_dir=data)
    return Asker.build(catalog, SearchIndex.build(catalog), data)


def test_question_set_meets_its_goals(default_asker) -> None:
    qs = questions()
    assert len(qs) >= 150
    assert sum(q["kind"] == "none" for q in qs) == 30
    right: dict[str, list[bool]] = {}
    for q in qs:
        group = "grammar" if q["kind"] in GRAMMAR else q["kind"]
        right.setdefault(group, []).append(judge(q, default_asker.ask(q["question"])))
    share = {k: sum(v) / len(v) for k, v in right.items()}
    assert share["grammar"] >= 0.95, share
    people_facts = right["person"] + right["fact"] + right.get("activity", []) + right.get("lineage", [])
    assert sum(people_facts) / len(people_facts) >= 0.90, share
    assert all(right["none"]), "an answer was given to a question the hall cannot answer"
