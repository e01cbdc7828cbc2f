"""Era room: 中国特色社会主义新时代."""

from hall.ui.era_room import show

show("new_era")
