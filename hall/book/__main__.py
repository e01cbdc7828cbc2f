"""python -m hall.book: see hall.book.cli."""

import sys

from hall.book.cli import main

sys.exit(main())
