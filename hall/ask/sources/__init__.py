"""The hall's answer sources, one module each; importing this package registers them in order.

To make a new record kind answerable, add a module here with a function decorated
``@hall.ask.passages.source("name")`` and import it below.
"""

from hall.ask.sources import hall_texts, milestones, people, studios  # isort: split

# After the records they name (registered in import order): activities, 名师高徒 pairs.
from hall.ask.sources import activities, lineage

__all__ = ["activities", "hall_texts", "lineage", "milestones", "people", "studios"]
