"""The hall's look in plotly: fonts, colours, the offline config, and text made safe for labels."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping
from typing import Any

from hall.pack.records import Level

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


# The smallest text a chart shows: a phone or PC at arm's length, and a kiosk read standing.
TEXT_PX = 14
KIOSK_TEXT_PX = 20


def base_layout(height: int, text_px: int = TEXT_PX, **extra: Any) -> dict[str, Any]:
    # Axes, legend and title name their size too: Streamlit's chart theme sets its own smaller
    # ones (12.75 px), which win over the layout's font.
    sized = {"font": {"size": text_px}}
    return {
        "height": height,
        "font": {"family": FONT, "color": INK, "size": text_px},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "hoverlabel": {"font": {"family": FONT}},
        **extra,
        "xaxis": {"tickfont": {"size": text_px}, **extra.get("xaxis", {})},
        "yaxis": {"tickfont": {"size": text_px}, **extra.get("yaxis", {})},
        "legend": {**sized, **extra.get("legend", {})},
        "title": {**sized, **_title(extra.get("title"))},
    }


def _title(title: object) -> dict[str, Any]:
    """A layout title given as text or as a dict, as a dict."""
    if title is None:
        return {}
    return dict(title) if isinstance(title, Mapping) else {"text": title}


def era_shape(start: int, end: int, fill: str, line: Mapping[str, Any] | None = None) -> dict[str, Any]:
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
