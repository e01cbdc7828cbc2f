"""The hall's answer sources, one module each; importing this package registers them in order.

To make a new record kind answerable, add a module here with a function decorated
``@hall.ask.passages.source("name")`` and import it below.
"""

from hall.ask.sources import hall_texts, milestones, people, studios

__all__ = ["hall_texts", "milestones", "people", "studios"]
