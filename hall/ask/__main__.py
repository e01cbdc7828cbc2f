import sys

from hall.ask.cli import main

sys.exit(main())
