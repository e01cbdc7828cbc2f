"""python -m hall.portraits: ingest a folder, build thumbnails."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hall.portraits.cli import main
from tests.fixtures import photos
from tests.support.packs import REPO


def test_cli_ingests_a_folder_and_prints_json(
    pack: Path,
    static: Path,
    data: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HALL_DATA", str(data))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "t06.jpg").write_bytes(photos.jpeg(orientation=8))
    (folder / "broken.jpg").write_bytes(photos.truncated_jpeg())
    assert main(["ingest", str(folder), "--pack", str(pack), "--static", str(static), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(a["honoree_id"], a["size"]) for a in out["accepted"]] == [("t06", [600, 800])]
    assert [r["code"] for r in out["refused"]] == ["no_match"]
    assert main(["thumbs", "--pack", str(pack), "--static", str(static), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["kept"] == 1


def test_the_module_runs_from_a_shell(pack: Path, static: Path, data: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "hall.portraits", "thumbs", "--pack", str(pack), "--static", str(static)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "HALL_DATA": str(data)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("thumbnails: 0 built, 0 already there, 0 removed")
