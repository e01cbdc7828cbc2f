"""``python -m hall.search``: the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hall.search import main
from tests.support.packs import REPO, write_pack


def test_cli_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = write_pack(tmp_path / "pack")
    code = main(["丁卫松", "--pack", str(pack), "--data", str(tmp_path / "data"), "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ids"][0] == "t01"
    assert out["total"] >= 1
    assert sum(out["facets"]["district"].values()) == out["total"]
    assert (tmp_path / "data" / "search-index.bin").exists()
    main(
        [
            "",
            "--district",
            "绍兴县",
            "--pack",
            str(pack),
            "--data",
            str(tmp_path / "data"),
            "--json",
        ]
    )
    out = json.loads(capsys.readouterr().out)
    assert out["ids"] == ["t02", "t01"]
    main(["dws", "--pack", str(pack), "--no-cache"])
    text = capsys.readouterr().out
    assert "丁卫松" in text
    assert "initials" in text


def test_runs_as_a_module(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "pack")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "hall.search",
            "dws",
            "--pack",
            str(pack),
            "--data",
            str(tmp_path / "data"),
            "--json",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["ids"][0] == "t01"
    assert (tmp_path / "data" / "search-index.bin").exists()
