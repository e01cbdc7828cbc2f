"""python -m hall.ask "问题" --json."""

from __future__ import annotations

import json

from hall.ask.cli import main


def test_json_answer_has_answer_kind_ids_and_sources(small_pack, data_dir, monkeypatch) -> None:
    monkeypatch.setenv("HALL_DATA", str(data_dir))
    out: list[str] = []
    assert main(["诸暨有几位劳模？", "--json", "--pack", str(small_pack)], out.append) == 0
    doc = json.loads(out[0])
    assert doc["kind"] == "count"
    assert doc["ids"] == ["t03"]
    assert doc["count"] == 1
    assert doc["answer"]
    assert doc["sources"][0]["link"].startswith("/search")


def test_empty_question_exits_1(small_pack, data_dir, monkeypatch) -> None:
    monkeypatch.setenv("HALL_DATA", str(data_dir))
    out: list[str] = []
    assert main(["", "--pack", str(small_pack)], out.append) == 1
