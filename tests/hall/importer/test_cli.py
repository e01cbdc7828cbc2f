"""python -m hall.importer: dry run, import, refusal, and no personal value anywhere after any of them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hall.importer.cli import main
from hall.pack import load_catalog
from tests.fixtures import messy
from tests.support.importing import messy_file, snapshot
from tests.support.packs import REPO


def _leaks(*folders: Path) -> list[str]:
    """Every (file, value) where a fixture's personal value appears, in UTF-8 or GBK."""
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            if not path.is_file():
                continue
            data = path.read_bytes()
            for value in messy.PERSONAL_VALUES:
                for encoding in ("utf-8", "gb18030", "utf-16-le"):
                    if value.encode(encoding) in data:
                        found.append(f"{path.relative_to(folder)}: {value}")
    return found


def test_cli_dry_run_prints_the_report_as_json_and_writes_nothing(
    pack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(pack)
    assert main([str(messy_file("xlsx", tmp_path)), "--pack", str(pack), "--dry-run", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {"persons", "honours", "rejected", "duplicates", "dropped_columns", "warnings"} <= set(report)
    assert (report["persons"], report["honours"], report["duplicates"]) == (12, 14, [7, 23])
    assert report["rejected"][0] == {
        "row": 10,
        "column": "姓名",
        "reason": "no name",
        "code": "no_name",
        "sheet": "名录",
    }
    assert (report["changed"], report["written"]) == (True, False)
    assert snapshot(pack) == before


def test_cli_imports_and_says_so_in_plain_words(pack: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "hall.importer", str(messy_file("gbk", tmp_path)), "--pack", str(pack)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "people: 12 (new 9, in the pack 3)" in done.stdout
    assert "personal columns dropped, never read: 身份证号码, 联系电话, 家庭住址" in done.stdout
    assert "row 12 [获评年份]: two-digit year" in done.stdout
    assert "previous files are kept in" in done.stdout


def test_cli_reports_an_unreadable_file_with_exit_status_1(
    pack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    assert main([str(tmp_path / "old.xls"), "--pack", str(pack), "--json"]) == 1
    assert "old Excel" in json.loads(capsys.readouterr().out)["error"]


def test_no_personal_value_lands_in_the_pack_the_data_folder_or_the_report(
    pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = messy_file("gbk", tmp_path / "in")
    data_dir = tmp_path / "data"
    monkeypatch.setenv("HALL_DATA", str(data_dir))
    monkeypatch.setenv("HALL_PACK", str(pack))

    assert main([str(source), "--dry-run", "--json"]) == 0
    # A failed import: the swap breaks half-way and is rolled back.
    real_replace = os.replace
    with monkeypatch.context() as m:
        m.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError(28, "No space left on device")))
        assert main([str(source), "--json"]) == 1
    assert os.replace is real_replace
    assert main([str(source), "--json"]) == 0
    assert main([str(source)]) == 0
    load_catalog(pack, data_dir=data_dir)  # the catalogue cache in the data folder, too
    out = capsys.readouterr()

    assert _leaks(pack, data_dir) == []
    assert [v for v in messy.PERSONAL_VALUES if v in out.out + out.err] == []
    assert not any(p.is_file() for p in (pack / "exhibits" / ".backup").rglob("staging-*/*"))
