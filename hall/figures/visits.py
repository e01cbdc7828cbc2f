"""数说展馆: visits per day and by way of visiting, dated in the visitor's language."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from hall.figures.style import TEXT_PX, base_layout
from hall.labels import t

# Plotly's dates are d3's: written the way each language reads a day.
DAY_FORMAT = {"zh": "%-m月%-d日", "en": "%b %-d"}


def visits_by_day_figure(
    days: Sequence[object], counts: Sequence[int], *, lang: str, text_px: int = TEXT_PX
) -> go.Figure:
    day = DAY_FORMAT.get(lang, DAY_FORMAT["en"])
    fig = go.Figure(
        go.Scatter(
            x=list(days),
            y=list(counts),
            mode="lines+markers",
            line={"color": "#b3261e"},
            hovertemplate=f"%{{x|{day}}}：%{{y}}<extra></extra>",
        )
    )
    fig.update_layout(
        base_layout(
            320,
            text_px,
            title=t("figures_by_day", lang),
            margin={"l": 10, "r": 10, "t": 50, "b": 10},
            xaxis={"tickformat": day},
        )
    )
    return fig


def visits_by_mode_figure(
    modes: Sequence[str], counts: Sequence[int], *, lang: str, text_px: int = TEXT_PX
) -> go.Figure:
    fig = go.Figure(go.Bar(x=[t(f"mode_{m}", lang) for m in modes], y=list(counts), marker_color="#c98a2b"))
    fig.update_layout(
        base_layout(
            280, text_px, title=t("figures_by_mode", lang), margin={"l": 10, "r": 10, "t": 50, "b": 10}
        )
    )
    return fig
