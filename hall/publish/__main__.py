"""python -m hall.publish: see hall.publish.cli."""

import sys

from hall.publish.cli import main

sys.exit(main())
