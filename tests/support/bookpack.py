"""A small pack for the book and open-data tests: the test pack's people plus a photo, a photo
that is missing, a damaged one, hostile text, and a person whose only honour has no year; and
pdftotext / pdffonts / pdfimages read back what was printed."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from pathlib import Path

from PIL import Image

from tests.support.hostile import CORPUS
from tests.support.needs import missing
from tests.support.packs import HONOREES, HONOURS, write_pack

# Who each extra person tests.
PHOTO, MISSING, DAMAGED, HOSTILE, UNDATED = "t08", "t09", "t10", "t11", "t12"
EXTRA = [
    (PHOTO, "周明", "男", "1970", "越城区", "绍兴纺机", "钳工", "机械制造", "true"),
    (MISSING, "钱伟", "男", "1972", "柯桥区", "柯桥印染", "工程师", "纺织印染", "true"),
    (DAMAGED, "孙芳", "女", "1980", "嵊州市", "嵊州领带厂", "设计师", "纺织印染", "true"),
    (HOSTILE, "赵刚", "男", "1966", "新昌县", "新昌制药厂", "技术员", "医药", "true"),
    (UNDATED, "孔静", "女", "", "诸暨市", "诸暨珍珠场", "养殖员", "农业", "true"),
]
EXTRA_HONOURS = [
    (PHOTO, "sx_model", "2010"),
    (MISSING, "zj_model", "1995"),
    (DAMAGED, "sx_craftsman", "2020"),
    (HOSTILE, "national_may1", "2001"),
    (UNDATED, "sx_model", ""),
]
# Hostile text as the book must print it: every character literally (whitespace aside).
HOSTILE_KEYS = ("phishing", "html", "latex", "emphasis", "formula", "entities", "lists")
HOSTILE_DEEDS = "\n".join(CORPUS[k] for k in HOSTILE_KEYS)
RTL = "hello\u202egpj.exe"  # printed without the override: "hellogpj.exe"


def write_book_pack(root: Path) -> Path:
    """The pack in `root`."""
    write_pack(root, honorees=[*HONOREES, *EXTRA], honours=[*HONOURS, *EXTRA_HONOURS])
    path = root / "exhibits" / "honorees.csv"
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        columns, rows = reader.fieldnames or [], list(reader)
    for row in rows:
        if row["id"] == PHOTO:
            row["portrait"] = f"{PHOTO}.png"
        elif row["id"] == MISSING:
            row["portrait"] = "nowhere.jpg"
        elif row["id"] == DAMAGED:
            row["portrait"] = f"{DAMAGED}.jpg"
        elif row["id"] == HOSTILE:
            row["deeds"] = HOSTILE_DEEDS
            row["quote"] = RTL
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, columns)
        writer.writeheader()
        writer.writerows(rows)
    photos = root / "media" / "portraits"
    photos.mkdir(parents=True, exist_ok=True)
    picture = io.BytesIO()
    Image.new("RGB", (300, 400), (40, 90, 160)).save(picture, "PNG")
    (photos / f"{PHOTO}.png").write_bytes(picture.getvalue())
    (photos / f"{DAMAGED}.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"not really a jpeg" * 50)
    return root


def need_poppler() -> None:
    if not all(shutil.which(tool) for tool in ("pdftotext", "pdffonts", "pdfimages", "pdfinfo")):
        missing("BOOK TESTS", "poppler-utils reads the PDF back: apt-get install poppler-utils")


def page_text(pdf: Path, page: int, layout: bool = False) -> str:
    """The text of one page (1-based), as pdftotext extracts it."""
    args = ["pdftotext", "-f", str(page), "-l", str(page), *(["-layout"] if layout else []), str(pdf), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def squeezed(text: str) -> str:
    """Text without any whitespace: line breaks fall wherever the column ends."""
    return re.sub(r"\s+", "", text)


def fonts(pdf: Path) -> list[dict[str, str]]:
    """pdffonts' table: name, type, emb, sub, uni of each font."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name, type (1–3 words), encoding, emb, sub, uni, object, generation
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def images_on(pdf: Path, page: int) -> int:
    """How many raster images pdfimages lists on a page."""
    out = subprocess.run(
        ["pdfimages", "-list", "-f", str(page), "-l", str(page), str(pdf)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return len(out.splitlines()[2:])


def page_size(pdf: Path) -> str:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return next(line for line in out.splitlines() if line.startswith("Page size:"))
