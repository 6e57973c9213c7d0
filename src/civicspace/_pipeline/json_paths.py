"""JSON paths as issues print them (``$``, ``$.sources[0].url``, ``$['odd key']``).

A key in a path is an echo of the input, bounded as every echo is
(``_util/echo.py``): one longer than ``MAX_ECHO`` characters is cut with an
ellipsis.  The real keys stay in :attr:`civicspace.Issue.steps`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .._util.echo import MAX_ECHO, cut
from .._util.patterns import LazyPattern

__all__ = ["Trail", "child_path", "join_path", "path_steps", "real_steps", "trail_steps"]

_PLAIN_KEY = LazyPattern(r"[A-Za-z_][A-Za-z0-9_]*", re.ASCII)


def child_path(path: str, step: str | int) -> str:
    """The path of member ``step`` (a key or an index) below ``path``; long keys are cut."""
    if isinstance(step, int):
        return f"{path}[{step}]"
    if len(step) > MAX_ECHO:
        step = cut(step)
    elif _PLAIN_KEY.fullmatch(step):
        return f"{path}.{step}"
    escaped = "".join(_escape_char(char) for char in step)
    return f"{path}['{escaped}']"


def _escape_char(char: str) -> str:
    # Backslash and quote are escaped; so are control characters and lone
    # surrogates, so that every path can be printed and encoded as UTF-8.
    if char in "\\'":
        return "\\" + char
    if char.isprintable() and not 0xD800 <= ord(char) <= 0xDFFF:
        return char
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def join_path(path: str, steps: Iterable[str | int]) -> str:
    """The path reached from ``path`` by following ``steps`` in order."""
    for step in steps:
        path = child_path(path, step)
    return path


_STEP = LazyPattern(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]", re.ASCII)
_UNESCAPE = LazyPattern(r"\\(u[0-9a-f]{4}|U[0-9a-f]{8}|.)", re.DOTALL)


def path_steps(path: str) -> tuple[str | int, ...]:
    """The keys and indices a path printed by :func:`child_path` follows from ``$``."""
    steps: list[str | int] = []
    index = 1
    while index < len(path):
        found = _STEP.match(path, index)
        if found is None:  # not a path this module wrote
            break
        name, number, quoted = found.groups()
        if name is not None:
            steps.append(name)
        elif number is not None:
            steps.append(int(number))
        else:
            steps.append(
                _UNESCAPE.sub(lambda m: chr(int(m[1][1:], 16)) if len(m[1]) > 1 else m[1], quoted)
            )
        index = found.end()
    return tuple(steps)


def real_steps(steps: Iterable[str | int]) -> tuple[str | int, ...] | None:
    """``steps`` as an :class:`Issue` keeps them, when a path cuts one of its keys; else ``None``.

    A path shows a key of more than ``MAX_ECHO`` characters cut; the issue
    then carries the real keys, so that ``Issue.steps`` names the member.
    """
    steps = tuple(steps)
    if any(isinstance(step, str) and len(step) > MAX_ECHO for step in steps):
        return steps
    return None


#: The way to a value as a walk builds it, one step per level: ``(the parent's trail,
#: the key or index to here)``, ``None`` at ``$``.  Constant work per step.
Trail = tuple[Any, str | int] | None


def trail_steps(trail: Trail) -> tuple[str | int, ...] | None:
    """The real steps of a trail when its path cuts a key, else ``None`` (as :func:`real_steps`)."""
    steps: list[str | int] = []
    while trail is not None:
        trail, step = trail
        steps.append(step)
    return real_steps(reversed(steps))
