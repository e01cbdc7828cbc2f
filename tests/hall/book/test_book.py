"""The printed 名录: what pdftotext reads back from the small pack's PDF, page by page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hall.book import BookOptions, NoBaseUrl, Paper, Scope, write_book
from hall.book.cli import main
from hall.labels import t
from hall.pack import Catalog, load_catalog
from hall.pinyin import name_pinyin
from tests.support.bookpack import (
    DAMAGED,
    HOSTILE,
    HOSTILE_DEEDS,
    MISSING,
    PHOTO,
    UNDATED,
    fonts,
    images_on,
    page_size,
    page_text,
    squeezed,
)


def test_every_person_is_printed_once_on_the_page_the_book_says(book, cat: Catalog) -> None:
    (volume,) = book.volumes
    assert sorted(i for i, _ in volume.entries) == sorted(h.id for h in cat.honorees)
    for honoree_id, page in volume.entries:
        assert cat.honoree(honoree_id).name in squeezed(page_text(volume.path, page)), honoree_id


def test_every_index_line_is_on_its_page_and_names_the_right_page(book, cat: Catalog) -> None:
    (volume,) = book.volumes
    pages = dict(volume.entries)
    by_name = {h.name: pages[h.id] for h in cat.honorees}
    # Each person twice: by pinyin and by district.
    assert sorted(line.name for line in volume.index) == sorted(2 * [h.name for h in cat.honorees])
    for line in volume.index:
        assert line.page == by_name[line.name]
        text = page_text(volume.path, line.on, layout=True)
        numbers = re.findall(re.escape(line.name) + r"[^0-9\u4e00-\u9fff]*?(\d+)", text)
        assert str(line.page) in numbers, (line, text)
        assert line.name in squeezed(page_text(volume.path, line.page))


def test_index_of_names_runs_in_pinyin_order(book, cat: Catalog) -> None:
    (volume,) = book.volumes
    first = volume.index[: len(cat.honorees)]
    keys = [name_pinyin(line.name).lower() for line in first]
    assert keys == sorted(keys)


def test_index_headings_are_printed(book) -> None:
    (volume,) = book.volumes
    ons = {line.on for line in volume.index}
    text = squeezed("".join(page_text(volume.path, p) for p in sorted(ons)))
    for heading in ("book_index_pinyin", "book_index_district"):
        assert t(heading) in text
    assert "柯桥区" in text
    assert "越城区" in text


@pytest.mark.parametrize("who", [PHOTO, MISSING, DAMAGED])
def test_a_photo_prints_and_a_missing_or_damaged_one_gives_the_name_portrait(book, cat, who) -> None:
    (volume,) = book.volumes
    page = dict(volume.entries)[who]
    name = cat.honoree(who).name
    images = images_on(volume.path, page)
    others_with_photos = sum(
        1 for i, p in volume.entries if p == page and cat.honoree(i).portrait and i == PHOTO
    )
    if who == PHOTO:
        assert images >= 1
    else:
        assert images == others_with_photos  # no picture of theirs: drawn, not placed
        # The name portrait draws the name's characters one by one in the frame.
        assert squeezed(page_text(volume.path, page)).count(name) >= 1


def test_hostile_text_prints_literally(book) -> None:
    (volume,) = book.volumes
    text = squeezed(page_text(volume.path, dict(volume.entries)[HOSTILE]))
    if dict(volume.entries)[HOSTILE] + 1 <= volume.pages:
        text += squeezed(page_text(volume.path, dict(volume.entries)[HOSTILE] + 1))
    for line in HOSTILE_DEEDS.split("\n"):
        assert squeezed(line) in text, line
    assert "hellogpj.exe" in text  # the right-to-left override is dropped, the letters stay in order


def test_a_person_without_an_honour_year_is_printed_in_the_undated_part(book, cat) -> None:
    (volume,) = book.volumes
    page = dict(volume.entries)[UNDATED]
    text = squeezed(page_text(volume.path, page))
    assert cat.honoree(UNDATED).name in text
    assert t("book_year_unknown") in text
    # The part opens on the page before its first entry.
    assert t("book_part_undated") in squeezed(page_text(volume.path, page - 1))


def test_sample_people_are_marked_in_print(book, cat) -> None:
    (volume,) = book.volumes
    for honoree_id, page in volume.entries:
        if cat.honoree(honoree_id).sample:
            assert t("book_sample") in page_text(volume.path, page)


def test_fonts_are_embedded_as_subsets(book) -> None:
    (volume,) = book.volumes
    table = fonts(volume.path)
    assert table
    assert all(f["emb"] == "yes" and f["sub"] == "yes" and f["uni"] == "yes" for f in table), table


def test_pages_carry_numbers_and_running_heads(book) -> None:
    (volume,) = book.volumes
    page = dict(volume.entries)["t02"]  # in the first era
    lines = [line.strip() for line in page_text(volume.path, page, layout=True).splitlines() if line.strip()]
    assert lines[-1] == str(page)
    head = lines[0]
    assert head in {"社会主义革命和建设时期", f"《{t('book_title', city='绍兴')}》"}


def test_parts_come_in_era_order_then_craftsmen_then_undated(book, cat) -> None:
    (volume,) = book.volumes
    pages = dict(volume.entries)
    # t02 first honoured 1956, t04 in 2005, t06 in 2019; t07 only a craftsman; t12 no year
    assert pages["t02"] <= pages["t04"] <= pages["t06"] <= pages["t07"] <= pages[UNDATED]


@pytest.mark.parametrize(
    ("scope", "who"),
    [
        (Scope(era="revolution"), lambda h: "revolution" in h.eras),
        (Scope(district="330603"), lambda h: h.district_code == "330603"),
    ],
)
def test_a_booklet_holds_its_era_or_district_only(cat, pack, tmp_path: Path, scope, who) -> None:
    report = write_book(cat, pack, tmp_path / "booklet.pdf", BookOptions(paper=Paper.A5, scope=scope))
    (volume,) = report.volumes
    assert {i for i, _ in volume.entries} == {h.id for h in cat.honorees if who(h)}
    assert "419.53 x 595.28 pts" in page_size(volume.path)  # 148 × 210 mm


def test_qr_codes_need_a_base_url(cat, pack, tmp_path: Path) -> None:
    with pytest.raises(NoBaseUrl):
        write_book(cat, pack, tmp_path / "qr.pdf", BookOptions(qr=True))
    report = write_book(
        cat, pack, tmp_path / "qr.pdf", BookOptions(qr=True, base_url="https://hall.example.cn")
    )
    (volume,) = report.volumes
    for honoree_id, page in volume.entries:
        assert cat.honoree(honoree_id).name in squeezed(page_text(volume.path, page))


def test_a_long_book_is_cut_into_volumes_each_with_its_own_index(cat, pack, tmp_path: Path) -> None:
    report = write_book(cat, pack, tmp_path / "vol.pdf", BookOptions(volume_size=5))
    assert [v.path.name for v in report.volumes] == ["vol-1.pdf", "vol-2.pdf", "vol-3.pdf"]
    assert sum(len(v.entries) for v in report.volumes) == len(cat.honorees)
    for volume in report.volumes:
        assert len(volume.index) == 2 * len(volume.entries)
        assert t("book_volume", n=report.volumes.index(volume) + 1, of=3) in page_text(volume.path, 1)


def test_the_command_writes_the_book(pack, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("HALL_DATA", str(tmp_path / "data"))
    out = tmp_path / "cli.pdf"
    assert main([str(out), "--pack", str(pack), "--district", "嵊县", "--paper", "A5"]) == 0
    shengzhou = [h for h in load_catalog(pack, data_dir=tmp_path).honorees if h.district_code == "330683"]
    assert out.stat().st_size > 0
    assert f"{len(shengzhou)} people" in capsys.readouterr().out
    assert main([str(out), "--pack", str(pack), "--era", "bronze_age"]) == 1
    assert "no era" in capsys.readouterr().err


def test_title_page_names_the_hall_licence_and_sample_note(book, pack, tmp_path: Path) -> None:
    (volume,) = book.volumes
    text = squeezed(page_text(volume.path, 2))
    cat = load_catalog(pack, data_dir=tmp_path)
    assert cat.info.organiser.zh in text
    assert "CreativeCommonsAttribution4.0International" in text
    assert squeezed(t("book_sample_note")) in text
