"""python -m hall.publish: publishes a pack, says what it did, and fails plainly on a bad pack."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hall.publish.cli import main


def test_the_command_publishes_and_reports(pack: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("HALL_DATA", str(tmp_path / "data"))
    out = tmp_path / "out"
    assert main(["--pack", str(pack), "--out", str(out), "--base-url", "https://h.cn", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["pages"] == len(list(out.rglob("*.html")))
    assert report["written"] > report["pages"]
    assert (out / "p" / "t01.html").is_file()
    assert (out / "sitemap.xml").is_file()
    assert main(["--pack", str(pack), "--out", str(out), "--base-url", "https://h.cn"]) == 0
    assert "0 written" in capsys.readouterr().out


@pytest.mark.parametrize("base", ["", None])
def test_without_a_public_address_it_warns(pack: Path, tmp_path: Path, monkeypatch, capsys, base) -> None:
    monkeypatch.setenv("HALL_DATA", str(tmp_path / "data"))
    args = ["--pack", str(pack), "--out", str(tmp_path / "out")] + (
        ["--base-url", base] if base is not None else []
    )
    assert main(args) == 0
    assert "no public address" in capsys.readouterr().err


def test_a_folder_that_is_no_pack_fails_with_a_message(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("HALL_DATA", str(tmp_path / "data"))
    assert main(["--pack", str(tmp_path / "nothing"), "--out", str(tmp_path / "out")]) == 1
    assert "publish:" in capsys.readouterr().err
