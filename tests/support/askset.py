"""The 问展馆 question set (benchmarks/ask_questions.json) and how an answer is judged against it;
shared by the benchmark and the tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

QUESTIONS = Path(__file__).resolve().parents[2] / "benchmarks" / "ask_questions.json"
GRAMMAR = ("count", "list", "most", "first")


def questions(path: Path = QUESTIONS) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))


def judge(q: dict[str, Any], answer: Any) -> bool:
    """Is ``answer`` (a hall.ask.Answer) the expected one: the exact number or people for
    counting and listing, the right person's sentence holding the words for people, a quoted
    passage holding them for facts, no answer at all for what the hall cannot answer."""
    kind, e = q["kind"], q["expect"]
    if kind == "none":
        return not answer.answered
    if kind == "count":
        return answer.kind == "count" and answer.count == e["count"]
    if kind in ("list", "first"):
        return answer.kind == kind and set(answer.ids) == set(e["ids"])
    if kind == "most":
        return (
            answer.kind == "most" and answer.count == e["top"] and all(w in answer.text for w in e["winners"])
        )
    quotes = [s for s in answer.sources if e["holds"] in s.quote]
    if kind == "person":
        return answer.kind == "person" and any(s.link.endswith(f"id={e['id']}") for s in quotes)
    return answer.answered and bool(quotes)
