"""python -m hall.importer: see hall.importer.cli."""

import sys

from hall.importer.cli import main

sys.exit(main())
