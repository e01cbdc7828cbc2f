"""python -m hall.portraits: see hall.portraits.cli."""

import sys

from hall.portraits.cli import main

sys.exit(main())
