"""The open data as files: people and honours as CSV (UTF-8 with a BOM, spreadsheet-safe) and
JSON, the people as JSON-LD, and a Frictionless data-package descriptor naming every field,
its type and the pack's licence (hall.yaml `licence`)."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Mapping
from pathlib import Path

from hall.csvsafe import csv_bytes
from hall.export import jsonld
from hall.export.tables import HONOURS, PEOPLE, Column, honour_rows, person_row
from hall.pack import Catalog, write_atomically

DESCRIPTOR = "datapackage.json"
FILES = ("people.csv", "honours.csv", "people.json", "people.jsonld", DESCRIPTOR)


def licences(cat: Catalog) -> list[dict[str, str]]:
    """The pack's licence as the descriptor names it ([] when hall.yaml gives none)."""
    licence = cat.info.extra.get("licence")
    if not isinstance(licence, Mapping) or not licence.get("name"):
        return []
    return [{k: str(licence[k]) for k in ("name", "title", "path") if licence.get(k)}]


def _resource(name: str, path: str, columns: tuple[Column, ...], **extra: object) -> dict[str, object]:
    return {
        "name": name,
        "path": path,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {"fields": [c.schema() for c in columns], **extra},
    }


def descriptor(cat: Catalog) -> dict[str, object]:
    """The data package's descriptor (Frictionless Data Package v1, tabular resources)."""
    package: dict[str, object] = {
        "profile": "tabular-data-package",
        "name": "honorees",
        "title": f"{cat.info.name.zh} — 人物名录",
        "description": (
            f"{cat.info.city.zh}劳动模范、先进工作者和工匠的公开记录（{cat.info.organiser.zh}）。"
            "sample=true 的人物为演示用的虚构数据。"
        ),
        "licenses": licences(cat),
        "resources": [
            _resource("people", "people.csv", PEOPLE, primaryKey=["id"]),
            _resource(
                "honours",
                "honours.csv",
                HONOURS,
                foreignKeys=[
                    {"fields": ["honoree_id"], "reference": {"resource": "people", "fields": ["id"]}}
                ],
            ),
        ],
    }
    if not package["licenses"]:
        del package["licenses"]
    return package


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def build(cat: Catalog, base_url: str = "") -> dict[str, bytes]:
    """Every file of the open data, by name."""
    people = [person_row(cat, h, base_url) for h in cat.honorees]
    honours = [row for h in cat.honorees for row in honour_rows(cat, h)]
    graph = [jsonld.person(cat, h, base_url) for h in cat.honorees]
    both = zip(people, cat.honorees, strict=True)

    def table(columns: tuple[Column, ...], rows: list[dict[str, object]]) -> bytes:
        return csv_bytes([c.name for c in columns], ([_cell(r[c.name]) for c in columns] for r in rows))

    def text(doc: object) -> bytes:
        return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")

    return {
        "people.csv": table(PEOPLE, people),
        "honours.csv": table(HONOURS, honours),
        "people.json": text({"people": [{**row, "honours": list(honour_rows(cat, h))} for row, h in both]}),
        "people.jsonld": text(jsonld.document(cat, graph)),
        DESCRIPTOR: text(descriptor(cat)),
    }


def write(cat: Catalog, folder: Path | str, base_url: str = "") -> dict[str, Path]:
    """Write the files into `folder` (each atomically); returns their paths.

    Raises:
        OSError: the folder cannot be written.
    """
    out = {}
    for name, data in build(cat, base_url).items():
        path = Path(folder) / name
        write_atomically(path, data)
        out[name] = path
    return out


def zipped(cat: Catalog, base_url: str = "") -> bytes:
    """The files in one zip, as the directory room and the curators download them."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in build(cat, base_url).items():
            archive.writestr(name, data)
    return buffer.getvalue()
