"""A rebuild rewrites only what changed: a changed record rewrites its own pages, a deleted one
loses them, and an unchanged pack writes nothing."""

from __future__ import annotations

from pathlib import Path

from tests.hall.publish.conftest import set_cells
from tests.support.packs import HONOREES, HONOURS, write_pack


def stamps(mirror: Path) -> dict[str, int]:
    return {str(p.relative_to(mirror)): p.stat().st_mtime_ns for p in mirror.rglob("*") if p.is_file()}


def changed(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {f for f in after if before.get(f) != after[f]}


def test_an_unchanged_pack_writes_nothing(build, mirror: Path) -> None:
    first, _ = build()
    before = stamps(mirror)
    again, _ = build()
    assert first.written == len(before)
    assert again.written == 0
    assert again.drawn == 0
    assert stamps(mirror) == before


def test_a_changed_record_rewrites_only_its_pages(build, pack: Path, mirror: Path) -> None:
    build()
    before = stamps(mirror)
    set_cells(pack, "t05", deeds="新的事迹。")
    report, _ = build()
    assert changed(before, stamps(mirror)) == {"p/t05.html"}
    assert report.written == 1
    assert report.drawn == 0
    assert "新的事迹。" in (mirror / "p" / "t05.html").read_text(encoding="utf-8")


def test_a_renamed_person_gets_a_new_picture_and_their_lists_change(build, pack: Path, mirror: Path) -> None:
    build()
    before = stamps(mirror)
    set_cells(pack, "t05", name="曾丽")
    report, _ = build()
    rewritten = changed(before, stamps(mirror))
    assert "p/t05.html" in rewritten
    assert "e/new_era.html" in rewritten
    assert not {f for f in rewritten if f.startswith("p/") and f != "p/t05.html"}
    assert report.drawn == 1
    assert report.removed == 1
    assert len(list((mirror / "_" / "img").iterdir())) == len([f for f in before if f.startswith("_/img/")])


def test_a_deleted_record_loses_its_page(build, pack: Path, mirror: Path) -> None:
    build()
    assert (mirror / "p" / "t07.html").is_file()
    write_pack(pack, honorees=HONOREES[:-1], honours=[h for h in HONOURS if h[0] != "t07"])
    report, _ = build()
    assert not (mirror / "p" / "t07.html").exists()
    assert report.removed >= 2  # the page and its picture
    assert b"t07" not in (mirror / "sitemap.xml").read_bytes()


def test_a_page_removed_by_hand_is_written_again(build, mirror: Path) -> None:
    build()
    (mirror / "p" / "t01.html").unlink()
    report, _ = build()
    assert report.written == 1
    assert (mirror / "p" / "t01.html").is_file()
