"""传承 — 名师高徒: the city's masters and apprentices as a graph, a list and figures; tap a
person to follow the skill up to their masters and down to their apprentices and theirs."""

from hall.ui.data import catalog
from hall.ui.lang import current
from hall.ui.lineage_room import show_room

show_room(catalog(), current())
