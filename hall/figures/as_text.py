"""A chart read as lines of text: what a screen reader reaches in place of the picture (WCAG 1.1.1).

Every trace the hall draws is a series of marks with words (a district and its count, a
milestone, an honour) or of labelled values (bars): one line each, in the chart's order."""

from __future__ import annotations

import re
from typing import Any

import plotly.graph_objects as go

_TAG = re.compile(r"<[^>]*>")


def _text(value: Any) -> str:
    """Chart words are a little HTML (plotly's <br>, <b>): read as plain words."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = f"{value:,}"
    return _TAG.sub("", str(value).replace("<br>", " · ")).strip()


def _marks(trace: Any) -> list[str]:
    hover = list(getattr(trace, "hovertext", None) or ())
    if hover:
        return [_text(h) for h in hover]
    xs, ys = list(getattr(trace, "x", None) or ()), list(getattr(trace, "y", None) or ())
    labels, values = (ys, xs) if getattr(trace, "orientation", None) == "h" else (xs, ys)
    return [f"{_text(label)}: {_text(value)}" for label, value in zip(labels, values, strict=False) if value]


def chart_lines(fig: go.Figure) -> list[tuple[str, str]]:
    """(series, words) for every mark a visitor could point at; each mark once."""
    lines: list[tuple[str, str]] = []
    seen: set[str] = set()
    for trace in fig.data:
        if getattr(trace, "hoverinfo", None) == "skip":
            continue  # labels drawn on the chart, said again by the marks themselves
        series = _text(trace.name or "")
        for words in _marks(trace):
            if words and words not in seen:
                seen.add(words)
                lines.append((series, words))
    return lines
