"""Plotly figures of the hall, built from pre-computed aggregates (go, never px: a rerun stays fast)."""

from hall.figures.district_map import district_map_figure
from hall.figures.life_line import life_line_figure
from hall.figures.style import PLOTLY_CONFIG, era_label, inert, wrap
from hall.figures.timeline import timeline_figure
from hall.figures.visits import visits_by_day_figure, visits_by_mode_figure

__all__ = [
    "PLOTLY_CONFIG",
    "district_map_figure",
    "era_label",
    "inert",
    "life_line_figure",
    "timeline_figure",
    "visits_by_day_figure",
    "visits_by_mode_figure",
    "wrap",
]
