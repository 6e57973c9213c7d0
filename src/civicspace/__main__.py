"""Run the command line: ``python -m civicspace``."""

from ._cli import main

raise SystemExit(main())
