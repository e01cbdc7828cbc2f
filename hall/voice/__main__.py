"""python -m hall.voice: see hall.voice.cli."""

import sys

from hall.voice.cli import main

sys.exit(main())
