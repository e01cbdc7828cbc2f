"""jieba taught the pack's words: names stay whole, nothing is printed, the cache is in HALL_DATA."""

from __future__ import annotations

import subprocess
import sys

from hall.ask.vocabulary import Vocabulary, pack_words


def test_pack_words_keep_names_and_places_whole(cat, data_dir) -> None:
    v = Vocabulary(pack_words(cat), data_dir)
    assert "丁卫松" in v.words("丁卫松在哪里工作")
    assert "绍兴县" in v.words("绍兴县有几位劳模")
    assert "在" not in v.terms("丁卫松在哪里工作")  # a stopword
    assert v.terms("紹興縣") == v.terms("绍兴县")  # traditional characters meet simplified


def test_jieba_is_quiet_and_caches_in_the_data_folder(tmp_path) -> None:
    code = (
        "from hall.ask.vocabulary import Vocabulary; "
        f"print(Vocabulary(['丁卫松'], {str(tmp_path)!r}).words('丁卫松在哪里'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stderr == ""
    assert (tmp_path / "jieba.cache").exists()
