"""地图: the districts shaded by their honorees, studios as dots, drawn offline on the pack's boundaries."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import plotly.graph_objects as go

from hall.figures.style import (
    FONT,
    INK,
    MAP_BLANK,
    MAP_SCALE,
    STUDIO_CLOSED,
    STUDIO_OPEN,
    TEXT_PX,
    base_layout,
    inert,
)
from hall.geo import DistrictMap
from hall.labels import t
from hall.pack.records import Studio


def district_map_figure(
    dmap: DistrictMap,
    names: Mapping[str, str],
    *,
    lang: str,
    geojson: str | dict[str, Any],
    counts: Mapping[str, int] | None = None,
    studios: Sequence[Studio] = (),
    selected: str | None = None,
    height: int = 440,
    text_px: int = TEXT_PX,
) -> go.Figure:
    """The districts on plotly's SVG geo, shaded by `counts` (plain when None), studios as dots.

    `geojson` is the served file's relative URL (small reruns, cached by the browser) or the
    feature collection itself. Districts carry customdata [adcode, name], studios [adcode, id].
    """
    adcodes = [s.adcode for s in dmap.shapes]
    values = [counts.get(a, 0) for a in adcodes] if counts is not None else [0] * len(adcodes)
    hover = [
        f"<b>{inert(names.get(a, a))}</b>"
        + (f"<br>{t('era_door_count', lang, n=counts.get(a, 0))}" if counts is not None else "")
        for a in adcodes
    ]
    fig = go.Figure(
        go.Choropleth(
            geojson=geojson,
            featureidkey="properties.adcode",
            locations=adcodes,
            z=values,
            zmin=0,
            zmax=max(max(values, default=0), 1),
            colorscale=MAP_SCALE if counts is not None else MAP_BLANK,
            showscale=False,
            marker={"line": {"color": "#fffdf9", "width": 1.5}},
            unselected={"marker": {"opacity": 0.6}},
            customdata=[[a, names.get(a, a)] for a in adcodes],
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
            name=t("filter_district", lang),
            showlegend=False,
        )
    )
    if selected and dmap.shape(selected):
        # The same boundaries again, only the picked one, unfilled with a dark edge: no
        # coordinates travel in the figure, and a tap on it still names the district.
        fig.add_trace(
            go.Choropleth(
                geojson=geojson,
                featureidkey="properties.adcode",
                locations=[selected],
                z=[0],
                colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
                showscale=False,
                marker={"line": {"color": INK, "width": 3}},
                customdata=[[selected, names.get(selected, selected)]],
                hovertext=[hover[adcodes.index(selected)]],
                hovertemplate="%{hovertext}<extra></extra>",
                showlegend=False,
            )
        )
    placed = [s for s in studios if s.lon is not None and s.lat is not None]
    for open_, colour, key in ((True, STUDIO_OPEN, "studio_open"), (False, STUDIO_CLOSED, "studio_closed")):
        group = [s for s in placed if s.open_for_visits is open_]
        if group:
            fig.add_trace(
                go.Scattergeo(
                    lon=[s.lon for s in group],
                    lat=[s.lat for s in group],
                    mode="markers",
                    name=t("map_studios_legend", lang, state=t(key, lang)),
                    marker={
                        "size": round(text_px * 0.7),
                        "color": colour,
                        "symbol": "circle",
                        "line": {"color": "#fffdf9", "width": 1},
                    },
                    customdata=[[s.district_code, s.id] for s in group],
                    hovertext=[f"<b>{inert(s.name)}</b><br>{t(key, lang)}" for s in group],
                    hovertemplate="%{hovertext}<extra></extra>",
                )
            )
    # Names last, so they sit above the studio dots; white on the darkest districts.
    top = max(max(values, default=0), 1)
    fig.add_trace(
        go.Scattergeo(
            lon=[s.center[0] for s in dmap.shapes],
            lat=[s.center[1] for s in dmap.shapes],
            mode="text",
            text=[
                f"<b>{inert(names.get(a, a))}</b>"
                + (f"<br>{counts.get(a, 0):,}" if counts is not None else "")
                for a in adcodes
            ],
            textfont={
                "size": text_px,
                "family": FONT,
                "shadow": "auto",  # a halo in the paper's colour: names stay legible over the dots
                "color": ["#fffdf9" if counts is not None and v / top > 0.65 else INK for v in values],
            },
            hoverinfo="skip",
            showlegend=False,
        )
    )
    fig.update_geos(
        fitbounds="locations",
        visible=False,
        projection_type="mercator",
        bgcolor="rgba(0,0,0,0)",
    )
    fig.update_layout(
        base_layout(
            height,
            text_px,
            margin={"l": 0, "r": 0, "t": 0, "b": 0},
            dragmode=False,
            showlegend=bool(placed),
            legend={
                "orientation": "h",
                "y": 0,
                "x": 0,
                "yanchor": "bottom",
                "bgcolor": "rgba(251,248,243,0.8)",
            },
        )
    )
    return fig
