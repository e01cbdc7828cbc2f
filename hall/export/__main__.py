"""python -m hall.export: see hall.export.cli."""

import sys

from hall.export.cli import main

sys.exit(main())
