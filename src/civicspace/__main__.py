"""Run the command line: ``python -m civicspace``."""

from ._cli.app import main

raise SystemExit(main())
