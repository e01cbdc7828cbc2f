"""时间长廊: honours per decade or year by level over the shaded eras, milestones above."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go

from hall.figures.style import (
    BAR_DOMAIN_TOP,
    ERA_TINTS,
    LEVEL_COLOURS,
    MILESTONE_COLOURS,
    MILESTONE_OTHER,
    MUTED,
    SPAN_FILL,
    TEXT_PX,
    base_layout,
    era_label,
    era_shape,
    inert,
    wrap,
)
from hall.labels import t
from hall.timeline import Counts, EraBand, MilestoneMark, decade_of


def timeline_figure(
    counts: Counts,
    bands: Sequence[EraBand],
    marks: Sequence[MilestoneMark],
    *,
    lang: str,
    decades: bool,
    span: tuple[int, int] | None = None,
    text_px: int = TEXT_PX,
) -> go.Figure:
    """Honours per year (or decade) stacked by level, era bands named, milestones marked above.

    Every bar and milestone carries `customdata` [start, end], the years a tap on it selects.
    `span` (when it is not the whole range) is drawn as a highlighted band.
    """
    first, last = counts.starts[0], counts.ends[-1]
    buckets = list(zip(counts.starts, counts.ends, strict=True))
    spans = [[s, e] for s, e in buckets]
    geometry: dict[str, Any]
    if decades:
        # x is the decade's name (1950 for 1949–1959), which heads the hover box; offset and
        # width draw each bar over the years it really counts.
        xs = [decade_of(s, e) for s, e in buckets]
        geometry = {
            "width": [e - s + 1 - 1.6 for s, e in buckets],
            "offset": [s + 0.3 - x for (s, _), x in zip(buckets, xs, strict=True)],
        }
    else:
        xs, geometry = list(counts.starts), {"width": 0.8}
    fig = go.Figure()
    for level, values in counts.by_level:
        fig.add_trace(
            go.Bar(
                x=xs,
                y=values,
                name=t(f"level_{level.value}", lang),
                marker={"color": LEVEL_COLOURS[level], "line": {"width": 0}},
                customdata=spans,
                **geometry,
                hovertemplate=t("count_honours", lang, n="%{y}") + "<extra>%{fullData.name}</extra>",
            )
        )
    if marks:
        fig.add_trace(_milestone_trace(marks, lang))

    top = max(counts.totals, default=0) or 1
    shapes, notes = [], []
    for i, band in enumerate(bands):
        shapes.append(era_shape(band.start, band.end, ERA_TINTS[i % len(ERA_TINTS)]))
        notes.append(
            {
                "x": (band.start + band.end) / 2,
                "y": BAR_DOMAIN_TOP,
                "xref": "x",
                "yref": "paper",
                "yanchor": "top",
                "showarrow": False,
                "text": era_label(band.name.get(lang), band.end - band.start + 1, lang),
                "font": {"size": text_px, "color": MUTED},
            }
        )
    if span and span != (first, last):
        shapes.append(
            era_shape(span[0], span[1], SPAN_FILL, line={"color": "#b3261e", "width": 1, "dash": "dot"})
        )

    xaxis: dict[str, Any] = {
        "range": [first - 0.6, last + 0.6],
        "fixedrange": True,
        "showgrid": False,
        "unifiedhovertitle": {"text": t("decade_label", lang, decade="%{x}") if decades else "%{x}"},
    }
    if decades:
        ticks = [t("decade_tick", lang, decade=x) for x in xs]
        centres = [(s + e) / 2 for s, e in buckets]
        xaxis |= {"tickmode": "array", "tickvals": centres, "ticktext": ticks, "tickangle": 0}
    else:
        xaxis |= {"tick0": 1950, "dtick": 10}
    fig.update_layout(
        base_layout(
            400 + 6 * (text_px - TEXT_PX),
            text_px,
            barmode="stack",
            bargap=0.1,
            margin={"l": 44, "r": 8, "t": 6, "b": 8},
            xaxis=xaxis,
            yaxis={
                "domain": [0, BAR_DOMAIN_TOP],
                # Headroom above the tallest bar keeps the era names clear of it.
                "range": [0, top * 1.5],
                "fixedrange": True,
                "title": {"text": t("timeline_axis", lang)},
            },
            yaxis2={
                "domain": [BAR_DOMAIN_TOP + 0.03, 1],
                "range": [-1, 1],
                "visible": False,
                "fixedrange": True,
            },
            shapes=shapes,
            annotations=notes,
            hovermode="x unified",
            # A decade is a tap; years are picked by dragging across them.
            dragmode="select" if not decades else False,
            selectdirection="h",
            # Below the ticks, which take two lines in the decade view (1950 / 年代).
            legend={
                "orientation": "h",
                "y": -0.22 if decades else -0.12,
                "x": 0,
                "yanchor": "top",
                "traceorder": "normal",
            },
        )
    )
    return fig


def _milestone_trace(marks: Sequence[MilestoneMark], lang: str) -> go.Scatter:
    texts = []
    for m in marks:
        titles = [
            "<br>".join(inert(x) for x in wrap(title.get(lang), 22 if lang == "zh" else 40, lang))
            for title in m.titles
        ]
        texts.append(f"<b>{m.year}</b><br>" + "<br>".join(titles))
    return go.Scatter(
        x=[m.year for m in marks],
        y=[0] * len(marks),
        yaxis="y2",
        mode="markers",
        name=t("timeline_milestones", lang),
        marker={
            "symbol": "diamond",
            "size": 13,
            "color": [MILESTONE_COLOURS.get(m.kinds[0], MILESTONE_OTHER) for m in marks],
            "line": {"color": "#fffdf9", "width": 1},
        },
        customdata=[[m.year, m.year] for m in marks],
        hovertext=texts,
        hovertemplate="%{hovertext}<extra></extra>",
    )
