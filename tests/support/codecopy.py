"""A copy of the hall's code to edit and run in a fresh process: shows that saved files follow
the code that made them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.support.packs import REPO


def copy_code(dest: Path) -> Path:
    """The `hall` package copied under `dest` (returned: the folder to run from)."""
    shutil.copytree(REPO / "hall", dest / "hall", ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def edit(path: Path, old: str, new: str) -> None:
    """Replace `old` (which must be there, once) by `new` in the file at `path`."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path} no longer holds {old!r}: update the test"
    path.write_text(text.replace(old, new), encoding="utf-8")


def run_code(root: Path, script: str, *args: str) -> dict[str, Any]:
    """Run `script` in a fresh interpreter that imports `hall` from `root`; it prints one JSON
    line, which is returned (with "hall": where `hall` was imported from)."""
    env = {**os.environ, "PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1"}
    prologue = "import hall, json, sys\nprint(json.dumps({'hall': hall.__file__}))\n"
    done = subprocess.run(
        [sys.executable, "-c", prologue + script, *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    where, answer = (json.loads(line) for line in done.stdout.strip().splitlines()[-2:])
    return {**answer, **where}
