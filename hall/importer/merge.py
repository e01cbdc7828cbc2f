"""Accepted rows into the pack: who each row is (a person in the pack, or someone new), the values
and honours that person gains, and the exact bytes of the files that change."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hall.importer.clean import clean_name, parse_year
from hall.importer.columns import FIELDS, FILLABLE
from hall.importer.ids import IDS_FILE, Ids
from hall.importer.report import Findings, ImportPlan, PlannedPerson, quote
from hall.importer.rows import Row, Terms
from hall.importer.sources import GATHERED, agree, conflict_note, gather, same_value
from hall.pack import write as packwrite
from hall.pack.schema import HONOREE, HONOUR
from hall.pack.write import PackCsv

_NEW = "\0"  # a group key starting with this is a new person: "\0name\0birth year\0n"


def merge(rows: Sequence[Row], pack: Path, terms: Terms, findings: Findings) -> ImportPlan:
    """The plan of writing `rows` into the pack at `pack`; the pack is read, never written.

    Raises:
        ImportFailed: exhibits/ids.yaml is unreadable.
        PackError: honorees.csv has no id or name column.
    """
    return _Merge(pack, terms, findings).plan(rows)


class _Merge:
    def __init__(self, pack: Path, terms: Terms, findings: Findings) -> None:
        self.pack = pack
        self.terms = terms
        self.findings = findings
        exhibits = pack / "exhibits"
        self.people = PackCsv.read(exhibits / HONOREE.file, HONOREE.columns)
        self.honours = PackCsv.read(exhibits / HONOUR.file, HONOUR.columns)
        self.base = packwrite.fingerprint(pack, (HONOREE.file, HONOUR.file, IDS_FILE))
        for required in ("id", "name"):
            self.people.col(required)
        self.people.changed = False
        self.by_id: dict[str, list[str]] = {}
        self.by_key: dict[tuple[str, int | None], list[str]] = defaultdict(list)
        for record in self.people.rows:
            hid = self.people.get(record, "id")
            if hid and hid not in self.by_id:
                self.by_id[hid] = record
                birth, _ = parse_year(self.people.get(record, "birth_year"))
                self.by_key[(clean_name(self.people.get(record, "name")), birth)].append(hid)
        self.ids = Ids.read(exhibits, self.by_id)

    def plan(self, rows: Sequence[Row]) -> ImportPlan:
        groups = self._groups(self._unique(rows))
        existing_honours: dict[str, list[list[str]]] = defaultdict(list)
        for hrow in self.honours.rows:
            existing_honours[self.honours.get(hrow, "honoree_id")].append(hrow)
        planned: list[PlannedPerson] = []
        honours_total = honours_added = new_persons = 0
        for key, members in groups.items():
            merged = self._merged_values(members)
            wanted = _dedupe_honours([(r.honour, r.year) for r in members if r.honour])
            honours_total += len(wanted)
            new = key.startswith(_NEW)
            if new:
                hid = self.ids.next()
                record = self._add_person(hid, merged)
                new_persons += 1
            else:
                hid = key
                record = self.by_id[hid]
                self._fill(record, merged, members)
            added = self._add_honours(hid, wanted, existing_honours[hid], members[0])
            honours_added += len(added)
            if not wanted:
                self.findings.warn(
                    members[0].row,
                    "",
                    f"{merged['name']} has no honour in this file",
                    "no_honour",
                    members[0].sheet,
                )
            planned.append(self._planned(hid, record, new, added, members))

        files: dict[str, bytes] = {}
        if self.people.changed:
            files[HONOREE.file] = self.people.to_bytes()
        if self.honours.changed:
            files[HONOUR.file] = self.honours.to_bytes()
        if self.ids.changed:
            files[IDS_FILE] = self.ids.to_bytes()
        report = self.findings.report(
            persons=len(groups),
            honours=honours_total,
            new_persons=new_persons,
            honours_added=honours_added,
            changed=bool(files),
        )
        return ImportPlan(
            report=report,
            pack=str(self.pack),
            people=tuple(planned),
            files=tuple(files.items()),
            base=tuple((name, self.base[name]) for name in files),
        )

    def _unique(self, rows: Sequence[Row]) -> list[Row]:
        """Exact repeats out: counted once, and reported."""
        seen: dict[tuple[object, ...], int] = {}
        unique: list[Row] = []
        for row in rows:
            fp = (row.sheet, *row.fingerprint())
            if fp in seen:
                self.findings.duplicates.append(row.row)
                self.findings.warn(
                    row.row, "", f"repeats row {seen[fp]} exactly; counted once", "duplicate", row.sheet
                )
                continue
            seen[fp] = row.row
            unique.append(row)
        return unique

    def _groups(self, rows: list[Row]) -> dict[str, list[Row]]:
        """Who each row is: an existing id, or a new person keyed by (name, birth year)."""
        groups: dict[str, list[Row]] = defaultdict(list)
        self._new_keys: dict[tuple[str, int | None], list[str]] = defaultdict(list)
        for row in rows:
            name, birth, given = row.values["name"], row.values["birth_year"], row.values["id"]
            if given:
                if given not in self.by_id:
                    self._reject(
                        row,
                        "id",
                        f"id {quote(given)} is not in the pack; leave id blank for a new person",
                        "unknown_id",
                    )
                    continue
                pack_name = clean_name(self.people.get(self.by_id[given], "name"))
                if pack_name != name:
                    self._reject(
                        row, "id", f"id {given} is {pack_name} in the pack, not {name}", "id_mismatch"
                    )
                    continue
                groups[given].append(row)
                continue
            matches = self.by_key.get((name, birth), [])
            if len(matches) > 1:
                self._reject(
                    row,
                    "name",
                    f"{name} ({birth or 'no birth year'}) matches {len(matches)} people in the pack "
                    f"({', '.join(matches)}): add an id column saying which",
                    "ambiguous_person",
                )
                continue
            if matches and agree(row.values, self._pack_values(matches[0]), self.terms.same_district):
                groups[matches[0]].append(row)
                continue
            if matches:
                self.findings.warn(
                    row.row,
                    "",
                    f"{name}: neither unit nor district agrees with {matches[0]}'s in the pack; "
                    "imported as another person of the same name",
                    "namesake_split",
                    row.sheet,
                )
            namesakes = [hid for (n, _b), ids in self.by_key.items() if n == name for hid in ids]
            if namesakes and not matches:
                self.findings.warn(
                    row.row,
                    "",
                    f"{name} has a namesake in the pack ({', '.join(namesakes)}) with another birth year; "
                    "imported as a different person",
                    "namesake",
                    row.sheet,
                )
            groups[self._new_key(row, name, birth, groups)].append(row)
        return groups

    def _new_key(self, row: Row, name: str, birth: int | None, groups: dict[str, list[Row]]) -> str:
        """The new person a row is: one of this name whose unit or district agrees, else another
        person of the same name (two sources naming different units are not merged)."""
        keys = self._new_keys[(name, birth)]
        for key in keys:
            if all(agree(row.values, m.values, self.terms.same_district) for m in groups[key]):
                return key
        key = f"{_NEW}{name}{_NEW}{birth}{_NEW}{len(keys)}"
        if keys:
            self.findings.warn(
                row.row,
                "",
                f"{name}: neither unit nor district agrees with row {groups[keys[0]][0].row}; "
                "imported as another person of the same name",
                "namesake_split",
                row.sheet,
            )
        keys.append(key)
        return key

    def _pack_values(self, hid: str) -> dict[str, str]:
        record = self.by_id[hid]
        return {f: self.people.get(record, f) for f in ("employer", "district")}

    def _reject(self, row: Row, fld: str, reason: str, code: str) -> None:
        self.findings.reject(row.row, row.sheet, fld, reason, code)

    def _merged_values(self, members: list[Row]) -> dict[str, Any]:
        """One person's values from several rows: the first non-blank wins, a clash is reported."""
        merged: dict[str, Any] = dict(members[0].values)
        for row in members[1:]:
            for fld in FIELDS:
                value, have = row.values.get(fld), merged.get(fld)
                if value in (None, ""):
                    continue
                if fld in GATHERED:  # each source's citation, note and words are kept
                    merged[fld] = gather(str(have or ""), str(value), fld)
                elif have in (None, ""):
                    merged[fld] = value
                elif not same_value(fld, value, have, self.terms.same_district):
                    self.findings.warn(
                        row.row,
                        self.findings.column(row.sheet, fld),
                        f"{fld} differs from row {members[0].row} for {merged['name']}; kept the first, "
                        "the other noted on the record",
                        "conflict",
                        row.sheet,
                    )
                    note = conflict_note(fld, value, str(row.values.get("source") or ""))
                    merged["note"] = gather(str(merged.get("note") or ""), note, "note")
        return merged

    def _add_person(self, hid: str, merged: dict[str, Any]) -> list[str]:
        people = self.people
        record = [""] * len(people.header)
        people.rows.append(record)
        people.set(record, "id", hid)
        for fld in FIELDS:
            value = merged.get(fld)
            if fld != "id" and value not in (None, ""):
                people.set(record, fld, str(value))
        people.set(record, "sample", "false")
        return record

    def _fill(self, record: list[str], merged: dict[str, Any], members: list[Row]) -> None:
        """Fill an existing person's blank fields; never overwrite what the pack already says."""
        people = self.people
        for fld in FILLABLE:
            value = merged.get(fld)
            if value in (None, ""):
                continue
            current = people.get(record, fld)
            if current and fld in ("source", "note"):  # the pack's citations stay; new ones join
                people.set(record, fld, gather(current, str(value), fld))
                continue
            if not current:
                people.set(record, fld, str(value))
            elif not same_value(fld, current, value, self.terms.same_district):
                self.findings.warn(
                    members[0].row,
                    self.findings.column(members[0].sheet, fld),
                    f"{fld} differs from the pack's for {people.get(record, 'id')}; the pack's value kept, "
                    "the other noted on the record",
                    "kept_pack_value",
                    members[0].sheet,
                )
                printed_by = next((m for m in members if m.values.get(fld) == value), members[0])
                note = conflict_note(fld, value, str(printed_by.values.get("source") or ""))
                people.set(record, "note", gather(people.get(record, "note"), note, "note"))

    def _add_honours(
        self, hid: str, wanted: list[tuple[str, int | None]], mine: list[list[str]], first: Row
    ) -> list[tuple[str, int | None]]:
        """Add the honours the pack lacks; a dated one gives its year to the same undated honour."""
        honours = self.honours
        added: list[tuple[str, int | None]] = []
        for code, year in wanted:
            have = [h for h in mine if honours.get(h, "honour") == code]
            years = {parse_year(honours.get(h, "year"))[0] for h in have}
            if year in years or (year is None and have):
                continue
            undated = [h for h in have if not honours.get(h, "year")]
            if year is not None and undated:
                honours.set(undated[0], "year", str(year))
                self.findings.warn(
                    first.row,
                    "",
                    f"{hid}'s undated {self.terms.kinds[code].name.zh} in the pack gets the year {year}",
                    "year_filled",
                    first.sheet,
                )
                continue
            hrow = [""] * len(honours.header)
            honours.rows.append(hrow)
            honours.set(hrow, "honoree_id", hid)
            honours.set(hrow, "honour", code)
            honours.set(hrow, "year", "" if year is None else str(year))
            mine.append(hrow)
            added.append((code, year))
        return added

    def _planned(
        self,
        hid: str,
        record: list[str],
        new: bool,
        added: list[tuple[str, int | None]],
        members: list[Row],
    ) -> PlannedPerson:
        get = self.people.get
        return PlannedPerson(
            id=hid,
            name=get(record, "name"),
            new=new,
            birth_year=parse_year(get(record, "birth_year"))[0],
            gender=get(record, "gender"),
            district=get(record, "district"),
            employer=get(record, "employer"),
            position=get(record, "position"),
            industry=get(record, "industry"),
            honours_added=tuple(added),
            rows=tuple(r.row for r in members),
        )


def _dedupe_honours(pairs: Sequence[tuple[str, int | None]]) -> list[tuple[str, int | None]]:
    """Each (code, year) once; an undated honour is dropped when the same kind is dated too."""
    unique = list(dict.fromkeys(pairs))
    dated = {code for code, year in unique if year is not None}
    return [(code, year) for code, year in unique if year is not None or code not in dated]
