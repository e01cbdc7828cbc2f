"""Era room: 改革开放和社会主义现代化建设新时期."""

from hall.ui.era_room import show

show("reform")
