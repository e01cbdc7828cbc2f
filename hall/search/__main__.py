"""``python -m hall.search``: see hall.search.cli."""

from hall.search.cli import main

raise SystemExit(main())
