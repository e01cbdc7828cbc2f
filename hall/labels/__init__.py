"""Every visitor-facing string of the interface, in Chinese and English, by concept."""

from __future__ import annotations

from hall.labels import (
    activities,
    ask,
    book,
    curators,
    docents,
    explore,
    frame,
    halls,
    kiosk,
    light,
    lineage,
    realroll,
    visitors,
    voice,
)

LANGS = ("zh", "en")


def _merged(*modules: object) -> dict[str, tuple[str, str]]:
    labels: dict[str, tuple[str, str]] = {}
    for module in modules:
        for key, value in module.LABELS.items():  # type: ignore[attr-defined]
            if key in labels:
                raise ValueError(f"label {key!r} is defined twice ({module.__name__})")  # type: ignore[attr-defined]
            labels[key] = value
    return labels


LABELS = _merged(
    frame,
    halls,
    explore,
    visitors,
    kiosk,
    docents,
    curators,
    realroll,
    voice,
    lineage,
    activities,
    ask,
    light,
    book,
)


def t(key: str, lang: str = "zh", **values: object) -> str:
    """The label `key` in `lang` (zh or en), with `{placeholders}` filled in."""
    zh, en = LABELS[key]
    text = en if lang == "en" else zh
    return text.format(**values) if values else text
