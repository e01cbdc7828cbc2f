"""``python -m hall.ask "问题" [--json] [--pack DIR] [--lang zh|en]``: ask the hall from a terminal."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from hall.ask.asker import Asker
from hall.config import Settings


def main(argv: Sequence[str] | None = None, out: Callable[[str], None] = print) -> int:
    """Answer one question; exit status 1 when the question was not a question (empty, too long)."""
    parser = argparse.ArgumentParser(prog="python -m hall.ask", description="Ask the hall a question.")
    parser.add_argument("question")
    parser.add_argument("--json", action="store_true", help="print answer, kind, ids and sources as JSON")
    parser.add_argument("--pack", help="the content pack (default: HALL_PACK or the repo root)")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    args = parser.parse_args(argv)
    from hall.pack import load_catalog
    from hall.search import SearchIndex, index_path

    settings = Settings.from_env()
    pack = args.pack or settings.pack
    catalog = load_catalog(pack, data_dir=settings.data_dir)
    index = SearchIndex.load_or_build(catalog, index_path(settings.data_dir))
    answer = Asker.build(catalog, index, settings.data_dir).ask(args.question, args.lang)
    if args.json:
        out(json.dumps(answer.as_json(), ensure_ascii=False, indent=2))
    else:
        out(answer.text)
        for s in answer.sources:
            out(f"  — {s.title} {s.link}")
    return 1 if answer.kind == "invalid" else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
