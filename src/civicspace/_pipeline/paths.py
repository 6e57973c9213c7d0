"""JSON paths as issues print them: ``$``, ``$.sources[0].url``, ``$['odd key']``."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .._util import LazyPattern

__all__ = ["child_path", "join_path"]

_PLAIN_KEY = LazyPattern(r"[A-Za-z_][A-Za-z0-9_]*", re.ASCII)


def child_path(path: str, step: str | int) -> str:
    """The path of member ``step`` (a key or an index) below ``path``."""
    if isinstance(step, int):
        return f"{path}[{step}]"
    if _PLAIN_KEY.fullmatch(step):
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
    return f"\\u{ord(char):04x}"


def join_path(path: str, steps: Iterable[str | int]) -> str:
    """The path reached from ``path`` by following ``steps`` in order."""
    for step in steps:
        path = child_path(path, step)
    return path
