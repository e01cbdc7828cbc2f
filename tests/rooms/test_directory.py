"""名录 — the directory table."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
import streamlit as st

from hall.labels import t
from tests.support.apptest import capture_downloads

# Directory columns of the first person, as a careless or hostile import could have left them.
FORMULAS = {
    "employer": '=HYPERLINK("http://evil.example","点我")',
    "industry": "+cmd|' /C calc'!A0",
    "name": "-2+3+cmd|' /C calc'!A0",
    "name_en": "=1+1",
}


def test_directory_lists_everyone_and_filters(open_room, cat) -> None:
    at = open_room("directory")
    assert len(at.dataframe[0].value) == len(cat.honorees)
    at.selectbox(key="dir_district").select("330683").run()
    expected = sum(1 for h in cat.honorees if h.district_code == "330683")
    assert len(at.dataframe[0].value) == expected
    at.selectbox(key="dir_district").select(None).run()
    at.text_input(key="dir_text").input(cat.honorees[0].name).run()
    assert cat.honorees[0].name in set(at.dataframe[0].value[t("col_name")])
    assert len(at.dataframe[0].value) < len(cat.honorees)


def test_directory_hides_internal_columns(open_room) -> None:
    at = open_room("directory")
    assert not [c for c in at.dataframe[0].value.columns if c.startswith("_")]


def test_directory_level_filter_keeps_each_persons_highest_level(open_room, cat) -> None:
    at = open_room("directory")
    at.selectbox(key="dir_level").select(0).run()
    expected = sorted(h.name for h in cat.honorees if h.best_level == 0)
    assert sorted(at.dataframe[0].value[t("col_name")]) == expected
    at.selectbox(key="dir_district").select("330681").run()
    assert sorted(at.dataframe[0].value[t("col_name")]) == sorted(
        h.name for h in cat.honorees if h.best_level == 0 and h.district_code == "330681"
    )


def test_the_directory_shows_no_internal_id_but_its_download_keeps_them(open_room, cat) -> None:
    at = open_room("directory")
    shown = at.dataframe[0].value
    assert t("col_id") not in shown.columns
    assert not [c for c in shown.columns if shown[c].astype(str).isin([h.id for h in cat.honorees]).any()]
    from hall.directory import directory_csv, directory_frame

    data = directory_csv(directory_frame(cat, "zh"), "zh").decode("utf-8-sig").splitlines()
    assert data[0].split(",")[0] == t("col_id")
    assert [line.split(",")[0] for line in data[1:]] == [h.id for h in cat.honorees]


@pytest.fixture
def formula_pack(
    room_pack: Path, pack_env, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[str, str]:
    """The room pack with formulas in the first person's text fields (as an import let them in)."""
    pack = tmp_path / "pack"
    shutil.copytree(room_pack, pack)
    path = pack / "exhibits" / "honorees.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    rows[0].update(FORMULAS)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    monkeypatch.setenv("HALL_PACK", str(pack))
    st.cache_resource.clear()
    return rows[0]


def test_directory_download_shows_formulas_as_text(open_room, formula_pack, monkeypatch) -> None:
    downloads = capture_downloads(monkeypatch)
    open_room("directory")
    data = downloads["dir_csv"]()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM, for Excel
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    person = next(r for r in rows if formula_pack["id"] in r)
    for value in FORMULAS.values():
        assert "'" + value in person, value
    assert not [cell for row in rows for cell in row if cell and cell[0] in "=+-@"]


def test_directory_offers_the_open_data_with_its_descriptor(open_room, cat, monkeypatch, tmp_path) -> None:
    import zipfile

    from hall.export import FILES
    from tests.support.datapackage import problems, read_table

    downloads = capture_downloads(monkeypatch)
    open_room("directory")
    with zipfile.ZipFile(io.BytesIO(downloads["dir_open_data"]())) as archive:
        assert sorted(archive.namelist()) == sorted(FILES)
        archive.extractall(tmp_path)
    assert problems(tmp_path) == []
    assert [row[0] for row in read_table(tmp_path / "people.csv")[1]] == [h.id for h in cat.honorees]
