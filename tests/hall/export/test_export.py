"""Open data: the files validate against their own descriptor, carry no personal column, and
say the same as the pack."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from hall.export import DESCRIPTOR, FILES, PUBLISHED, build, write, zipped
from hall.export.cli import main
from hall.importer.clean import is_personal_header
from hall.pack import Catalog, load_catalog
from hall.pack.schema import HONOREE
from tests.support.bookpack import HOSTILE, write_book_pack
from tests.support.datapackage import problems, read_table

UNPUBLISHED = {f.name for f in HONOREE.fields if not f.published}
BASE = "https://hall.example.cn"


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_book_pack(tmp_path_factory.mktemp("pack"))


@pytest.fixture(scope="module")
def cat(pack: Path, tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return load_catalog(pack, data_dir=tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="module")
def folder(cat: Catalog, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("open-data")
    write(cat, out, BASE)
    return out


def test_files_validate_against_their_descriptor(folder: Path) -> None:
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILES)
    assert problems(folder) == []


def test_the_default_pack_validates_too(tmp_path: Path) -> None:
    cat = load_catalog(Path(__file__).resolve().parents[3], data_dir=tmp_path / "data")
    write(cat, tmp_path / "out")
    assert problems(tmp_path / "out") == []


@pytest.mark.parametrize(
    ("file", "change", "reported"),
    [
        ("people.csv", lambda t: t.replace(",1931,", ",nineteen,", 1), "is not a year"),
        ("people.csv", lambda t: t.replace("\nt03,", "\nt02,", 1), "is not unique"),
        ("people.csv", lambda t: t.replace("id,name,", "ident,name,", 1), "header"),
        ("honours.csv", lambda t: t.replace("\nt05,", "\nt99,", 1), "points at no row"),
        ("honours.csv", lambda t: t.replace(",national,", ",galactic,", 1), "is not one of"),
    ],
)
def test_the_checker_finds_what_is_wrong(folder: Path, tmp_path: Path, file, change, reported) -> None:
    for name in FILES:
        (tmp_path / name).write_bytes((folder / name).read_bytes())
    path = tmp_path / file
    path.write_text(change(path.read_text(encoding="utf-8-sig")), encoding="utf-8-sig")
    assert any(reported in p for p in problems(tmp_path))


def test_descriptor_names_every_field_its_type_and_the_licence(folder: Path, cat: Catalog) -> None:
    package = json.loads((folder / DESCRIPTOR).read_text(encoding="utf-8"))
    assert package["licenses"] == [
        {
            "name": "CC-BY-4.0",
            "title": "Creative Commons Attribution 4.0 International",
            "path": "https://creativecommons.org/licenses/by/4.0/",
        }
    ]
    people = package["resources"][0]["schema"]
    assert people["primaryKey"] == ["id"]
    assert all(f["type"] and f["description"] for f in people["fields"])
    assert [f["name"] for f in people["fields"]][: len(PUBLISHED)] == [f.name for f in PUBLISHED]


def test_no_personal_column_anywhere(folder: Path) -> None:
    names: set[str] = set()
    for csv_file in ("people.csv", "honours.csv"):
        names |= set(read_table(folder / csv_file)[0])
    people = json.loads((folder / "people.json").read_text(encoding="utf-8"))["people"]
    names |= {k for p in people for k in p}
    assert not names & UNPUBLISHED
    assert not [n for n in names if is_personal_header(n)]
    graph = json.loads((folder / "people.jsonld").read_text(encoding="utf-8"))["@graph"]
    assert not {k for node in graph for k in node} & UNPUBLISHED
    # schema.org's address is the district the record names, never a street or a home
    assert {k for node in graph for k in node["address"]} == {
        "@type",
        "addressLocality",
        "addressRegion",
        "addressCountry",
    }
    assert "media/portraits" not in "".join((folder / f).read_text(encoding="utf-8-sig") for f in FILES)


def test_csv_has_a_bom_and_stable_ids(folder: Path, cat: Catalog) -> None:
    assert (folder / "people.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    _, rows = read_table(folder / "people.csv")
    assert [r[0] for r in rows] == [h.id for h in cat.honorees]


def test_json_ld_people_have_award_employer_address_and_their_page(folder: Path, cat: Catalog) -> None:
    doc = json.loads((folder / "people.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"] == "https://schema.org"
    nodes = {n["identifier"]: n for n in doc["@graph"]}
    assert set(nodes) == {h.id for h in cat.honorees}
    t05 = nodes["t05"]
    assert t05["@type"] == "Person"
    assert t05["@id"] == f"{BASE}/honoree?id=t05"
    assert t05["award"] == ["全国五一劳动奖章 (2017)"]
    assert t05["worksFor"] == {"@type": "Organization", "name": "嵊州市人民医院"}
    assert t05["address"]["addressLocality"] == "嵊州市"
    assert nodes["t12"]["award"] == ["绍兴市劳动模范"]  # no year given: the honour alone


def test_hostile_text_is_data_not_markup(cat: Catalog) -> None:
    files = build(cat)
    people = json.loads(files["people.json"])["people"]
    assert next(p for p in people if p["id"] == HOSTILE)["deeds"] == cat.honoree(HOSTILE).deeds
    ld = json.loads(files["people.jsonld"])["@graph"]
    assert next(n for n in ld if n["identifier"] == HOSTILE)["description"] == cat.honoree(HOSTILE).deeds


def test_the_zip_holds_every_file(cat: Catalog) -> None:
    with zipfile.ZipFile(io.BytesIO(zipped(cat))) as archive:
        assert sorted(archive.namelist()) == sorted(FILES)


def test_the_command_writes_the_files(pack: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HALL_DATA", str(tmp_path / "data"))
    assert main([str(tmp_path / "od"), "--pack", str(pack), "--base-url", BASE]) == 0
    assert problems(tmp_path / "od") == []
    assert main(["--zip", str(tmp_path / "od.zip"), "--pack", str(pack)]) == 0
    assert (tmp_path / "od.zip").stat().st_size > 0
