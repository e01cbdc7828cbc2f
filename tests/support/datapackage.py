"""A small checker of tabular data against its Frictionless descriptor (Data Package v1, Table
Schema v1): header, types, required, unique, enum, primary and foreign keys. The hall's open
data is checked with it instead of frictionless-py, which would bring ~20 packages for this."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

_TRUE, _FALSE = {"true", "True", "TRUE", "1"}, {"false", "False", "FALSE", "0"}


def _castable(value: str, kind: str) -> bool:
    if kind == "string":
        return True
    if kind == "year":
        return re.fullmatch(r"-?\d{4}", value) is not None
    if kind == "integer":
        return re.fullmatch(r"[+-]?\d+", value) is not None
    if kind == "number":
        try:
            float(value)
        except ValueError:
            return False
        return True
    if kind == "boolean":
        return value in _TRUE | _FALSE
    return False  # a type this checker does not know is a failure, not a pass


def read_table(path: Path) -> tuple[list[str], list[list[str]]]:
    text = path.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return rows[0], rows[1:]


def problems(folder: Path, descriptor: str = "datapackage.json") -> list[str]:
    """Everything wrong with the package in `folder`; [] when it is valid."""
    package = json.loads((folder / descriptor).read_text(encoding="utf-8"))
    found: list[str] = []
    keys: dict[str, dict[tuple[str, ...], int]] = {}
    tables: dict[str, tuple[list[str], list[list[str]]]] = {}
    for resource in package["resources"]:
        name, schema = resource["name"], resource["schema"]
        header, rows = read_table(folder / resource["path"])
        tables[name] = (header, rows)
        fields = schema["fields"]
        names = [f["name"] for f in fields]
        if header != names:
            found.append(f"{name}: header {header} is not the schema's fields {names}")
            continue
        for i, f in enumerate(fields):
            rules = f.get("constraints", {})
            seen: set[str] = set()
            for n, row in enumerate(rows, start=2):
                if len(row) != len(names):
                    found.append(f"{name}:{n}: {len(row)} cells, not {len(names)}")
                    break
                value = row[i]
                if value == "":
                    if rules.get("required"):
                        found.append(f"{name}:{n} [{f['name']}]: required but blank")
                    continue
                if not _castable(value, f["type"]):
                    found.append(f"{name}:{n} [{f['name']}]: {value[:30]!r} is not a {f['type']}")
                if "enum" in rules and value not in rules["enum"]:
                    found.append(f"{name}:{n} [{f['name']}]: {value!r} is not one of {rules['enum']}")
                if rules.get("unique"):
                    if value in seen:
                        found.append(f"{name}:{n} [{f['name']}]: {value!r} is not unique")
                    seen.add(value)
        primary = schema.get("primaryKey", [])
        if primary:
            index = [names.index(p) for p in primary]
            keyed: dict[tuple[str, ...], int] = {}
            for n, row in enumerate(rows, start=2):
                key = tuple(row[i] for i in index)
                if key in keyed:
                    found.append(f"{name}:{n}: primary key {key} repeats line {keyed[key]}")
                keyed[key] = n
            keys[name] = keyed
    for resource in package["resources"]:
        header, rows = tables[resource["name"]]
        for fk in resource["schema"].get("foreignKeys", []):
            target = keys.get(fk["reference"]["resource"], {})
            index = [header.index(c) for c in fk["fields"]]
            for n, row in enumerate(rows, start=2):
                if tuple(row[i] for i in index) not in target:
                    found.append(
                        f"{resource['name']}:{n}: {fk['fields']} points at no row of {fk['reference']}"
                    )
    return found
