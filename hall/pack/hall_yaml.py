"""hall.yaml: the hall itself, its eras, honour kinds, districts and industries."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from hall.errors import PackError
from hall.pack.problems import Problems
from hall.pack.records import District, Era, HallInfo, HonourKind, HonourType, Industry, Level, Text

# WCAG 2.2.1: a visitor gets at least 20 s to answer "还在参观吗？" before the kiosk resets.
MIN_WARNING_SECONDS = 20


def _text(value: Any) -> Text:
    if isinstance(value, Mapping):
        return Text(str(value.get("zh", "") or "").strip(), str(value.get("en", "") or "").strip())
    return Text(str(value or "").strip())


def read_hall_yaml(
    path: Path, problems: Problems
) -> tuple[HallInfo, tuple[Era, ...], dict[str, HonourKind], tuple[District, ...], tuple[Industry, ...]]:
    """The hall, its eras, honour kinds, districts and industries.

    Raises:
        PackError: the file is missing, not YAML, or defines no era.
    """
    name = "hall.yaml"
    if not path.exists():
        problems.add(name, None, "", "file is missing; a pack needs exhibits/hall.yaml")
        raise PackError(problems.items)
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        problems.add(name, line, "", f"not valid YAML: {exc}")
        raise PackError(problems.items) from exc
    if not isinstance(doc, dict):
        problems.add(name, None, "", "must be a mapping of settings")
        raise PackError(problems.items)

    kiosk = doc.get("kiosk") or {}
    info = HallInfo(
        name=_text(doc.get("name", "")),
        city=_text(doc.get("city", "")),
        organiser=_text(doc.get("organiser", "")),
        base_url=str(doc.get("base_url", "") or "").rstrip("/"),
        sample_data=bool(doc.get("sample_data", False)),
        idle_seconds=int(kiosk.get("idle_seconds", 90) or 90),
        warning_seconds=int(kiosk.get("warning_seconds", MIN_WARNING_SECONDS) or MIN_WARNING_SECONDS),
        # The licence (hall.export) and the book's title and preface (hall.book), as written.
        extra={k: doc[k] for k in ("licence", "book") if isinstance(doc.get(k), dict)},
    )
    if info.warning_seconds < MIN_WARNING_SECONDS:
        problems.add(
            name,
            None,
            "kiosk.warning_seconds",
            f"is {info.warning_seconds}: it must be at least {MIN_WARNING_SECONDS} seconds, "
            "the time WCAG 2.2.1 gives a visitor to answer before the screen resets",
        )
    if not info.name.zh:
        problems.add(name, None, "name", "the hall has no name")

    eras = []
    for i, e in enumerate(doc.get("eras") or []):
        try:
            eras.append(
                Era(
                    id=str(e["id"]),
                    name=Text(str(e["zh"]), str(e.get("en", ""))),
                    start=int(e["start"]),
                    end=None if e.get("end") is None else int(e["end"]),
                    intro=_text(e.get("intro", "")),
                    traits=tuple(_text(t) for t in e.get("traits") or ()),
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            problems.add(name, None, f"eras[{i}]", f"era needs id, zh and start ({exc}); skipped")
    eras.sort(key=lambda e: e.start)
    if not eras:
        problems.add(name, None, "eras", "no era is defined")
        raise PackError(problems.items)

    kinds: dict[str, HonourKind] = {}
    for i, k in enumerate(doc.get("honours") or []):
        try:
            kinds[str(k["code"])] = HonourKind(
                code=str(k["code"]),
                name=Text(str(k["zh"]), str(k.get("en", ""))),
                level=Level(k["level"]),
                type=HonourType(k["kind"]),
                aliases=tuple(str(a) for a in k.get("aliases") or ()),
                years=tuple(int(y) for y in k.get("years") or ()),
                since=int(k["since"]) if k.get("since") else None,
            )
        except (KeyError, TypeError, ValueError) as exc:
            reason = f"honour kind needs code, zh, level, kind ({exc}); skipped"
            problems.add(name, None, f"honours[{i}]", reason)

    districts = []
    for i, d in enumerate(doc.get("districts") or []):
        try:
            districts.append(
                District(
                    adcode=str(d["adcode"]),
                    name=Text(str(d["zh"]), str(d.get("en", ""))),
                    former=tuple(str(f) for f in d.get("former") or ()),
                )
            )
        except (KeyError, TypeError) as exc:
            problems.add(name, None, f"districts[{i}]", f"district needs adcode and zh ({exc}); skipped")

    industries = tuple(Industry(_text(x)) for x in doc.get("industries") or ())
    return info, tuple(eras), kinds, tuple(districts), industries
