"""A workbook parsed in a child process with a memory ceiling and a time limit: a file too heavy
to read costs the hall's server a refusal, not its memory (issue 14: a zip bomb took 3.9 GB).

The child (`python -m hall.importer.isolate NAME LIMITS`) reads the file's bytes on stdin, caps
its own address space and CPU time before importing openpyxl, and writes the sheets as JSON.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from hall.importer.guard import LIMITS, MB, Limits
from hall.importer.report import ImportFailed
from hall.importer.sheets import Sheet

# The folder that holds the `hall` package, for the child's import path.
_ROOT = str(Path(__file__).resolve().parents[2])
# Cell values that JSON has no type for, tagged on the way out and back.
_TAGS: dict[str, type] = {"$dt": dt.datetime, "$d": dt.date, "$t": dt.time}


def read_xlsx_apart(data: bytes, filename: str, limits: Limits = LIMITS) -> list[Sheet]:
    """The workbook's sheets, parsed by hall.importer.sheets.read_xlsx in a child process.

    Raises:
        ImportFailed: the workbook is damaged or beyond a limit, or reading it needed more
            memory or time than `limits` allow (the child is stopped; the server is unharmed).
    """
    # A bare environment: the child reads an untrusted file and needs none of the server's
    # settings (the store's URL, the passwords).
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": _ROOT,
        "PYTHONIOENCODING": "utf-8",
        "OPENBLAS_NUM_THREADS": "1",  # numpy (imported by openpyxl) reserves less address space
    }
    limits_json = json.dumps(dataclasses.asdict(limits))
    command = [sys.executable, "-s", "-m", "hall.importer.isolate", filename, limits_json]
    try:
        done = subprocess.run(
            command, input=data, capture_output=True, timeout=limits.seconds, env=env, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise ImportFailed(
            f"reading {filename} took longer than {limits.seconds} s and was stopped: "
            "save only the directory's sheets, or split it into several files"
        ) from exc
    if done.returncode != 0 or not done.stdout:
        raise ImportFailed(
            f"reading {filename} needed more than {limits.memory_bytes // MB:,} MB of memory or "
            f"{limits.seconds} s and was stopped: save only the directory's sheets, or split it"
        )
    result = json.loads(done.stdout, object_hook=_untag)
    if "error" in result:
        raise ImportFailed(result["error"])
    return [Sheet(sheet["name"], sheet["rows"]) for sheet in result["sheets"]]


def _tag(value: object) -> dict[str, Any]:
    if isinstance(value, dt.datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$d": value.isoformat()}
    if isinstance(value, dt.time):
        return {"$t": value.isoformat()}
    if isinstance(value, dt.timedelta):
        return {"$td": value.total_seconds()}
    return {"$s": str(value)}  # anything else openpyxl may give is read as its text


def _untag(obj: dict[str, Any]) -> object:
    if len(obj) == 1:
        ((key, value),) = obj.items()
        if key in _TAGS:
            return _TAGS[key].fromisoformat(value)  # type: ignore[attr-defined]
        if key == "$td":
            return dt.timedelta(seconds=value)
        if key == "$s":
            return value
    return obj


def _child(filename: str, limits: Limits) -> dict[str, Any]:
    import resource  # POSIX only, like the hall's servers

    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.seconds, limits.seconds + 5))
    from hall.importer.sheets import read_xlsx

    data = sys.stdin.buffer.read()
    try:
        sheets = read_xlsx(data, filename, limits)
    except ImportFailed as exc:
        return {"error": str(exc)}
    except MemoryError:
        return {
            "error": f"reading {filename} needed more than {limits.memory_bytes // MB:,} MB of memory "
            "and was stopped: save only the directory's sheets, or split it into several files"
        }
    return {"sheets": [{"name": s.name, "rows": s.rows} for s in sheets]}


if __name__ == "__main__":
    _name, _limits = sys.argv[1], Limits(**json.loads(sys.argv[2]))
    sys.stdout.buffer.write(json.dumps(_child(_name, _limits), default=_tag, ensure_ascii=False).encode())
