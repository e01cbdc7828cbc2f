"""名师高徒 in plotly: the lineage graph (people as dots, pairs as lines, generations as rows)
and the room's figures (pairs per year, per studio, what became of the apprentices)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from hall.figures.style import INK, LEVEL_COLOURS, MUTED, TEXT_PX, base_layout, inert
from hall.pack.records import Level

HONOREE = LEVEL_COLOURS[Level.NATIONAL]  # an honoree: the hall's red
NAMED = LEVEL_COLOURS[Level.MUNICIPAL]  # an apprentice known by name only: blue
FOCUS = LEVEL_COLOURS[Level.PROVINCIAL]  # the person whose line is shown: gold
EDGE = "rgba(140,109,90,0.55)"
ROW_PX = 90  # a generation's height when names are written under the dots


def lineage_figure(
    keys: Sequence[str],
    xs: Sequence[float],
    ys: Sequence[float],
    edges: Sequence[tuple[float, float, float, float]],
    *,
    names: Mapping[str, str],
    honorees: frozenset[str] | set[str],
    focus: str = "",
    labelled: bool = True,
    text_px: int = TEXT_PX,
    dot_px: int = 14,
    row_px: int = ROW_PX,
) -> go.Figure:
    """People as dots (customdata: their key, for a tap to follow the line), pairs as lines from
    master down to apprentice; names beside the dots when `labelled`.

    Every array goes to plotly as a numpy array and each kind of person is a trace of its own
    with one colour: plotly then checks arrays whole instead of value by value, which is what
    keeps a city of 10,000 pairs within its time (lists cost ten times as much).
    """
    segments = np.full((len(edges), 3, 2), np.nan)  # master, apprentice, a gap: one line trace
    if edges:
        e = np.asarray(edges, dtype=float)
        segments[:, 0], segments[:, 1] = e[:, 0:2], e[:, 2:4]
    traces = [
        go.Scatter(
            x=segments[:, :, 0].ravel(),
            y=segments[:, :, 1].ravel(),
            mode="lines",
            line={"color": EDGE, "width": 2},
            hoverinfo="skip",
        )
    ]
    x, y, key = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float), np.asarray(keys, dtype=str)
    kind = np.array([2 if k == focus else 0 if k in honorees else 1 for k in keys], dtype=np.int8)
    for code, colour in enumerate((HONOREE, NAMED, FOCUS)):
        mine = kind == code
        if not mine.any():
            continue
        shown = np.asarray([inert(names[k]) for k in key[mine]], dtype=str)
        traces.append(
            go.Scatter(
                x=x[mine],
                y=y[mine],
                mode="markers+text" if labelled else "markers",
                text=shown if labelled else None,
                textposition="bottom center",
                textfont={"size": text_px, "color": INK},
                hovertext=shown,
                hoverinfo="text",
                customdata=key[mine],
                marker={"size": dot_px * (1.4 if code == 2 else 1), "color": colour},
            )
        )
    fig = go.Figure(traces)
    axis = {"visible": False, "fixedrange": True}
    top = float(y.max()) + 0.4 if len(y) else 0.4
    bottom = float(y.min()) - 0.8 if len(y) else -0.8  # room for the name under the lowest row
    left, right = (float(x.min()) - 0.7, float(x.max()) + 0.7) if len(x) else (-0.7, 0.7)
    fig.update_layout(
        base_layout(
            max(240, int(row_px * (top - bottom)) + 40),
            text_px,
            showlegend=False,
            margin={"l": 8, "r": 8, "t": 8, "b": 8},
            dragmode=False,
            xaxis={**axis, "range": [left, right]},
            yaxis={**axis, "range": [bottom, top]},
        )
    )
    return fig


def bars_figure(
    labels: Sequence[str],
    values: Sequence[int],
    *,
    horizontal: bool = False,
    text_px: int = TEXT_PX,
    colour: str = HONOREE,
) -> go.Figure:
    """A plain bar chart with each value written on its bar."""
    bar = go.Bar(
        x=list(values) if horizontal else [inert(x) for x in labels],
        y=[inert(x) for x in labels] if horizontal else list(values),
        orientation="h" if horizontal else "v",
        text=list(values),
        textposition="auto",
        marker={"color": colour},
        hoverinfo="skip",
    )
    height = max(220, 34 * len(labels) + 60) if horizontal else 300
    fig = go.Figure([bar])
    fig.update_layout(
        base_layout(
            height,
            text_px,
            showlegend=False,
            margin={"l": 8, "r": 8, "t": 8, "b": 8},
            xaxis={"fixedrange": True, "type": "linear" if horizontal else "category", "color": MUTED},
            yaxis={"fixedrange": True, "autorange": "reversed" if horizontal else True, "color": MUTED},
        )
    )
    return fig
