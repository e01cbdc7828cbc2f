"""The passage index is built once per pack and code, saved in the data folder and loaded back."""

from __future__ import annotations

from hall.ask.retrieve import PREFIX, Retriever, index_key


def test_saved_index_is_loaded_and_answers_the_same(cat, tmp_path) -> None:
    built = Retriever.load_or_build(cat, tmp_path)
    folders = list(tmp_path.glob(f"{PREFIX}*"))
    assert [f.name for f in folders] == [f"{PREFIX}{index_key(cat)}"]
    loaded = Retriever.load_or_build(cat, tmp_path)
    terms = built.vocabulary.terms("黄酒酿造技艺")
    assert built.top(terms, 3) == loaded.top(terms, 3)
    assert loaded.top(terms, 1)


def test_damaged_index_is_rebuilt(cat, tmp_path) -> None:
    Retriever.load_or_build(cat, tmp_path)
    folder = tmp_path / f"{PREFIX}{index_key(cat)}"
    (folder / "passages.pickle").write_bytes(b"not a pickle")
    again = Retriever.load_or_build(cat, tmp_path)
    assert again.corpus.passages
