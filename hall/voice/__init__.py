"""语音讲解 — read-aloud: what is read for a person, an era or a tour stop, the pack's own
recordings of it, and audio rendered offline by espeak-ng for kiosks without a Chinese voice.

Modules: `reading` (the text and its id), `recordings` (media/audio/<id>.<ext> with its
transcript), `render` (espeak-ng into HALL_DATA/voice/), `cli` (python -m hall.voice render).
The package imports nothing itself: hall.pack checks recordings while it is still loading.
"""
