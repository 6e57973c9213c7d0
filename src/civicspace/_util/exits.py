"""The command line's exit codes, one set for every command."""

from __future__ import annotations

from typing import Final

__all__ = ["EXIT_BROKEN_PIPE", "EXIT_INTERRUPTED", "EXIT_INVALID", "EXIT_OK", "EXIT_USAGE"]

#: The command did its work and found nothing wrong.
EXIT_OK: Final = 0
#: The input was read, and something in it is wrong (issues were reported).
EXIT_INVALID: Final = 1
#: The command could not do its work: a usage error, an unreadable file, a missing extra.
EXIT_USAGE: Final = 2
#: Ctrl-C (128 + SIGINT), after what was done so far was reported.
EXIT_INTERRUPTED: Final = 130
#: The reader of the output went away (128 + SIGPIPE), as other command-line tools exit.
EXIT_BROKEN_PIPE: Final = 141
