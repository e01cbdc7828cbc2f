"""个人年表: a person's birth and dated honours on the line of the eras."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import plotly.graph_objects as go

from hall.figures.style import (
    ERA_TINTS,
    LEVEL_COLOURS,
    MUTED,
    TEXT_PX,
    base_layout,
    era_label,
    era_shape,
    inert,
)
from hall.labels import t
from hall.timeline import EraBand, LifeEvent


def life_line_figure(
    events: Sequence[LifeEvent],
    bands: Sequence[EraBand],
    *,
    lang: str,
    honour_names: Mapping[str, str],
    era_names: Mapping[str, str],
    text_px: int = TEXT_PX,
) -> go.Figure | None:
    """A compact line of one life: birth and each dated honour over the era bands (None if undated)."""
    dated = [(e.year, e) for e in events if e.year is not None and e.kind in ("birth", "honour")]
    if not dated:
        return None
    years = [year for year, _ in dated]
    lo = min([*years, *(b.start for b in bands[:1])]) - 3
    hi = max([*years, *(b.end for b in bands[-1:])]) + 3
    fig = go.Figure()
    stack: dict[int, int] = {}
    xs, ys, colours, symbols, tops, hovers = [], [], [], [], [], []
    for year, e in dated:
        level = stack.get(year, 0)  # a second honour in one year sits above the first
        stack[year] = level + 1
        xs.append(year)
        ys.append(level * 0.9)
        if e.kind == "birth":
            colours.append(MUTED)
            symbols.append("circle-open")
            hovers.append(f"{year} · {t('life_born', lang)}")
        else:
            colours.append(LEVEL_COLOURS.get(e.level, MUTED) if e.level else MUTED)
            symbols.append("circle")
            parts = [str(year), inert(honour_names.get(e.code, e.code))]
            if e.era:
                parts.append(inert(era_names.get(e.era, e.era)))
            hovers.append(" · ".join(parts))
        tops.append(str(year) if level == 0 else "")  # one year label under each year's column
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers+text",
            text=tops,
            textposition="bottom center",
            textfont={"size": text_px, "color": MUTED},
            marker={"size": 14, "color": colours, "symbol": symbols, "line": {"width": 2, "color": colours}},
            hovertext=hovers,
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
        )
    )
    shapes = [
        {**era_shape(b.start, b.end, ERA_TINTS[i % len(ERA_TINTS)]), "yref": "paper", "y0": 0, "y1": 1}
        for i, b in enumerate(bands)
    ]
    shapes.append(
        {
            "type": "line",
            "xref": "x",
            "yref": "y",
            "x0": min(years),
            "x1": max(years),
            "y0": 0,
            "y1": 0,
            "line": {"color": MUTED, "width": 2},
            "layer": "below",
        }
    )
    rows = max(stack.values())
    notes = [
        {
            "x": (b.start + b.end) / 2,
            "y": 1,
            "xref": "x",
            "yref": "paper",
            "yanchor": "top",
            "showarrow": False,
            "text": era_label(era_names.get(b.era_id, b.name.get(lang)), b.end - b.start + 1, lang),
            "font": {"size": text_px, "color": MUTED},
        }
        for b in bands
    ]
    fig.update_layout(
        base_layout(
            150 + 22 * (rows - 1) + 5 * (text_px - TEXT_PX),
            text_px,
            margin={"l": 8, "r": 8, "t": 4, "b": 24},
            shapes=shapes,
            annotations=notes,
            xaxis={"range": [lo, hi], "fixedrange": True, "showgrid": False, "tick0": 1950, "dtick": 10},
            # The dots keep to the lower half; the era names take the upper one.
            yaxis={"range": [-1.4, 0.9 * (rows - 1) + 2.2], "visible": False, "fixedrange": True},
            hovermode="closest",
            dragmode=False,
        )
    )
    return fig
