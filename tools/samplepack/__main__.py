"""python -m tools.samplepack: write the sample into a pack."""

from tools.samplepack.cli import main

raise SystemExit(main())
