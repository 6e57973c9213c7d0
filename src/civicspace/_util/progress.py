"""One line of progress on standard error, shown on a terminal only, for every command."""

from __future__ import annotations

import time
from typing import TextIO

__all__ = ["Progress"]

#: Seconds between two updates of the line, so that a fast loop does not flood the terminal.
EVERY = 0.5


class Progress:
    """A line that each update rewrites in place; nothing at all when ``err`` is no terminal."""

    def __init__(self, err: TextIO) -> None:
        """Show progress on ``err`` if it is a terminal (a closed stream shows nothing)."""
        self.err = err
        try:
            self.shown = err.isatty()
        except (AttributeError, OSError, ValueError):  # standard error closed
            self.shown = False
        self.started = self.last = time.monotonic()
        self.written = False

    def show(self, text: str, *, now: bool = False) -> None:
        """Show ``text`` as the line: at most every :data:`EVERY` seconds, unless ``now``."""
        moment = time.monotonic()
        if self.shown and (now or moment - self.last >= EVERY):
            self.last = moment
            self.err.write(f"\r\033[K{text}")
            self.err.flush()
            self.written = True

    def done(self) -> None:
        """Clear the line, when one was shown."""
        if self.written:
            self.err.write("\r\033[K")
            self.err.flush()
            self.written = False
