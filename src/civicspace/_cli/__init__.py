"""The ``civicspace`` command line: the I/O edge around the library."""

from __future__ import annotations

import contextlib
import sys
from typing import TYPE_CHECKING

from .._util.exits import EXIT_INTERRUPTED

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); the exit code.

    The console script's entry point: the library is imported here, so that
    a Ctrl-C while it loads ends the program as one later would (exit 130,
    no traceback).
    """
    try:
        from .app import main as run
    except KeyboardInterrupt:
        if sys.stderr is not None:
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.write("civicspace: interrupted\n")
        return EXIT_INTERRUPTED
    return run(argv)
