"""活动 in numbers: talks per year and per 五进 setting, audience reached, districts covered — each
a bar chart with the sentence that says the same in words (its text alternative)."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from hall.figures.style import TEXT_PX, base_layout, inert
from hall.labels import t

COLOURS = ("#b3261e", "#c98a2b", "#1f5f8b", "#5b7f3a")


def bar_figure(
    names: Sequence[str],
    counts: Sequence[int],
    *,
    title: str,
    colour: int = 0,
    text_px: int = TEXT_PX,
    horizontal: bool = False,
) -> go.Figure:
    """One bar per name, its count written on it (read without hovering)."""
    labels = [inert(str(n)) for n in names]
    bar = (
        go.Bar(y=labels, x=list(counts), orientation="h", text=list(counts), textposition="auto")
        if horizontal
        else go.Bar(x=labels, y=list(counts), text=list(counts), textposition="auto")
    )
    bar.update(marker_color=COLOURS[colour % len(COLOURS)], hoverinfo="skip")
    fig = go.Figure(bar)
    height = max(260, 46 * len(labels) + 90) if horizontal else 320
    axis = {"type": "category"}
    fig.update_layout(
        base_layout(
            height,
            text_px,
            title=title,
            margin={"l": 10, "r": 10, "t": 50, "b": 10},
            **({"yaxis": {**axis, "autorange": "reversed"}} if horizontal else {"xaxis": axis}),
        )
    )
    return fig


def summary(names: Sequence[str], counts: Sequence[int], *, key: str, lang: str) -> str:
    """The chart in one sentence: its total, and the largest bar (label `key` gives the words)."""
    total = sum(counts)
    if not total:
        return t("act_fig_none", lang)
    top = max(range(len(counts)), key=lambda i: counts[i])
    return t(key, lang, total=f"{total:,}", top=names[top], n=f"{counts[top]:,}")
