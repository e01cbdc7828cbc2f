"""Plotly figures of the hall, built from pre-computed aggregates (go, never px: a rerun stays fast)."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

import plotly.graph_objects as go

from hall.geo import DistrictMap
from hall.labels import t
from hall.pack.records import Level, Studio
from hall.timeline import Counts, EraBand, LifeEvent, MilestoneMark, decade_of

FONT = "hallsans, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
INK = "#2b2118"
MUTED = "#8c6d5a"
LEVEL_COLOURS = {
    Level.NATIONAL: "#b3261e",
    Level.PROVINCIAL: "#c98a2b",
    Level.MUNICIPAL: "#1f5f8b",
    Level.COUNTY: "#5b7f3a",
}
ERA_TINTS = ("rgba(201,138,43,0.13)", "rgba(31,95,139,0.09)", "rgba(179,38,30,0.09)")
MILESTONE_COLOURS = {"national_conference": "#b3261e", "honour_start": "#c98a2b", "city": "#1f5f8b"}
MILESTONE_OTHER = "#5b7f3a"
SPAN_FILL = "rgba(179,38,30,0.10)"
MAP_SCALE = [[0.0, "#fbeee0"], [0.5, "#e59a6b"], [1.0, "#8f1d1d"]]
MAP_BLANK = [[0.0, "#f3ebe0"], [1.0, "#f3ebe0"]]
STUDIO_OPEN, STUDIO_CLOSED = "#1f5f8b", "#9a8f84"
BAR_DOMAIN_TOP = 0.86  # the bars' share of the timeline's height; the milestone strip sits above

# Passed to st.plotly_chart: plotly.js would fetch its world map from cdn.plot.ly for any geo
# subplot; the hall serves an empty stub instead, so nothing leaves the machine.
PLOTLY_CONFIG: dict[str, Any] = {
    "topojsonURL": "app/static/topojson/",
    "displayModeBar": False,
    "scrollZoom": False,
    "responsive": True,
}


def inert(text: str) -> str:
    """Pack text made safe for plotly's HTML-like labels (it reads <a>, <b>, <br> tags)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def wrap(text: str, width: int, lang: str) -> list[str]:
    """Lines of at most `width` characters (Chinese, evenly filled) or letters (English, by words)."""
    if lang == "en" or text.isascii():
        return textwrap.wrap(text, max(width, 6)) or [text]
    if not text:
        return [text]
    # 17 characters in lines of 8 would leave one alone on the third line: 6 + 6 + 5 reads better.
    per_line = math.ceil(len(text) / math.ceil(len(text) / max(width, 1)))
    return [text[i : i + per_line] for i in range(0, len(text), per_line)]


def era_label(name: str, years: int, lang: str) -> str:
    """An era's name broken to fit its band: about one character per four years shown."""
    width = max(3, years // 4) if lang == "zh" else max(6, int(years * 0.5))
    return "<br>".join(inert(line) for line in wrap(name, width, lang))


def _base_layout(height: int, **extra: Any) -> dict[str, Any]:
    return {
        "height": height,
        "font": {"family": FONT, "color": INK, "size": 13},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "hoverlabel": {"font": {"family": FONT}},
        **extra,
    }


# ---------------------------------------------------------------------------------------
# 时间长廊
# ---------------------------------------------------------------------------------------


def timeline_figure(
    counts: Counts,
    bands: Sequence[EraBand],
    marks: Sequence[MilestoneMark],
    *,
    lang: str,
    decades: bool,
    span: tuple[int, int] | None = None,
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
        shapes.append(_band(band.start, band.end, ERA_TINTS[i % len(ERA_TINTS)]))
        notes.append(
            {
                "x": (band.start + band.end) / 2,
                "y": BAR_DOMAIN_TOP,
                "xref": "x",
                "yref": "paper",
                "yanchor": "top",
                "showarrow": False,
                "text": era_label(band.name.get(lang), band.end - band.start + 1, lang),
                "font": {"size": 12, "color": MUTED},
            }
        )
    if span and span != (first, last):
        shapes.append(
            _band(span[0], span[1], SPAN_FILL, line={"color": "#b3261e", "width": 1, "dash": "dot"})
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
        _base_layout(
            400,
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


def _band(start: int, end: int, fill: str, line: Mapping[str, Any] | None = None) -> dict[str, Any]:
    return {
        "type": "rect",
        "xref": "x",
        "yref": "paper",
        "x0": start - 0.5,
        "x1": end + 0.5,
        "y0": 0,
        "y1": BAR_DOMAIN_TOP,
        "fillcolor": fill,
        "line": dict(line) if line else {"width": 0},
        "layer": "below",
    }


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


# ---------------------------------------------------------------------------------------
# 地图 and 创新工作室
# ---------------------------------------------------------------------------------------


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
                        "size": 9,
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
                "size": 13,
                "family": FONT,
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
        _base_layout(
            height,
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


# ---------------------------------------------------------------------------------------
# 个人年表
# ---------------------------------------------------------------------------------------


def life_line_figure(
    events: Sequence[LifeEvent],
    bands: Sequence[EraBand],
    *,
    lang: str,
    honour_names: Mapping[str, str],
    era_names: Mapping[str, str],
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
            textfont={"size": 12, "color": MUTED},
            marker={"size": 14, "color": colours, "symbol": symbols, "line": {"width": 2, "color": colours}},
            hovertext=hovers,
            hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False,
        )
    )
    shapes = [
        {**_band(b.start, b.end, ERA_TINTS[i % len(ERA_TINTS)]), "yref": "paper", "y0": 0, "y1": 1}
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
            "font": {"size": 10, "color": MUTED},
        }
        for b in bands
    ]
    fig.update_layout(
        _base_layout(
            150 + 22 * (rows - 1),
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
