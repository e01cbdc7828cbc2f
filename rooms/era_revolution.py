"""Era room: 社会主义革命和建设时期."""

from hall.ui.era_room import show

show("revolution")
