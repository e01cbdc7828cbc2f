"""Limits on an uploaded workbook, checked before it is parsed: unpacked size, members, packing
ratio, cells and merged areas (issue 14, finding 6: a zip bomb took 3.9 GB and 107 s)."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from hall.importer import ImportFailed
from hall.importer.guard import MB, Limits, check_workbook
from tests.support.importing import SHEET, workbook_with_sheet, zip_bomb
from tests.support.servers import REPO

# Run as the hall's server would: plan_import in a process of its own, whose peak memory and
# time are measured (its own and its children's, which includes the parsing child).
PLAN_IN_A_PROCESS = """
import json, resource, sys, time
from pathlib import Path
from hall.importer import ImportFailed, plan_import
started = time.monotonic()
try:
    plan_import(Path(sys.argv[1]), None, Path(sys.argv[2]))
    message = ""
except ImportFailed as exc:
    message = str(exc)
# Our own high-water mark from /proc (ru_maxrss of a process started by fork+exec keeps the
# forking test worker's peak, hundreds of MB late in a full run); the parsing child's by rusage
# (it was forked from this small process).
status = Path("/proc/self/status").read_text().splitlines()
own = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
peak = max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"message": message, "seconds": time.monotonic() - started, "peak_mb": peak / 1024}))
"""


def test_a_zip_bomb_is_refused_in_seconds_without_the_memory_to_unpack_it(pack: Path, tmp_path: Path) -> None:
    bomb = zip_bomb(tmp_path / "名录.xlsx", unpacked_mb=300)
    assert bomb.stat().st_size < 3 * MB
    try:
        done = subprocess.run(
            [sys.executable, "-c", PLAN_IN_A_PROCESS, str(bomb), str(pack)],
            capture_output=True,
            timeout=60,
            cwd=REPO,
            check=True,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("a 300 MB zip bomb was not refused within 60 s")
    result = json.loads(done.stdout)
    assert "名录.xlsx would unpack to 300 MB" in result["message"]
    assert result["seconds"] < 5
    assert result["peak_mb"] < 300, f"peak {result['peak_mb']:.0f} MB"


def _book(tmp_path: Path, rows: bytes = b"", merges: bytes = b"", *, repeat: int = 1) -> bytes:
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    )
    tail = b"</sheetData>" + merges + b"</worksheet>"
    return workbook_with_sheet(tmp_path / "book.xlsx", [head, rows, tail], repeat=repeat).read_bytes()


ROW = b'<row><c t="inlineStr"><is><t>x</t></is></c><c><v>1</v></c></row>'


@pytest.mark.parametrize(
    ("limits", "rows", "merges", "repeat", "message"),
    [
        (Limits(entries=5), ROW, b"", 1, "holds 9 files inside"),
        (Limits(unpacked_bytes=MB), ROW, b"", 30_000, "would unpack to 2 MB, more than the 1 MB"),
        (Limits(ratio=50), ROW, b"", 250_000, "times larger than it is packed"),
        (Limits(cells=1_000), ROW, b"", 501, "asks for more than 1,000 cells"),
        (Limits(cells=1_000), b'<row><x:c r="A1"/><x:c r="B1"/></row>', b"", 501, "more than 1,000 cells"),
        (
            Limits(),
            b"",
            b'<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>',
            1,
            "more than 2,000,000",
        ),
        (Limits(cells=1_000), b"", b'<mergeCells><mergeCell ref="B2:K102"/></mergeCells>', 1, "1,000 cells"),
    ],
    ids=["entries", "unpacked", "ratio", "cells", "prefixed_cells", "merged_sheet", "merged_range"],
)
def test_a_workbook_beyond_a_limit_is_refused_unparsed(
    tmp_path: Path, limits: Limits, rows: bytes, merges: bytes, repeat: int, message: str
) -> None:
    data = _book(tmp_path, rows, merges, repeat=repeat)
    with pytest.raises(ImportFailed, match=message):
        check_workbook(data, "book.xlsx", limits)


def test_a_workbook_within_the_limits_passes(tmp_path: Path) -> None:
    check_workbook(
        _book(tmp_path, ROW, b'<mergeCells><mergeCell ref="A1:A2"/></mergeCells>', repeat=400),
        "b.xlsx",
        Limits(cells=1_000),
    )


def _lie_about_size(path: Path, member: str, size: int) -> bytes:
    """The zip with `member` claiming to unpack to `size` bytes, in its local and central headers."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as book:
        info = book.getinfo(member)
    assert info.file_size < 2**32, "a zip64 member keeps its sizes elsewhere"
    struct.pack_into("<I", data, info.header_offset + 22, size)
    central = data.rfind(b"PK\x01\x02" + data[info.header_offset + 4 : info.header_offset + 6])
    while data[central + 46 : central + 46 + len(member)] != member.encode():
        central = data.rfind(b"PK\x01\x02", 0, central)
    struct.pack_into("<I", data, central + 24, size)
    return bytes(data)


def test_a_member_that_hides_its_size_unpacks_no_more_than_it_says(tmp_path: Path) -> None:
    path = tmp_path / "liar.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr(SHEET, b"<c/>" * (8 * MB))  # 32 MB of cells, said to be 1 KB
    liar = _lie_about_size(path, SHEET, 1024)
    with pytest.raises(ImportFailed, match=r"not a readable \.xlsx"):
        check_workbook(liar, "liar.xlsx", Limits(cells=10_000_000))
