"""JSON paths as issues print them (``$``, ``$.sources[0].url``, ``$['odd key']``), and echoes.

Whatever an issue repeats of the input (a key in a path, a value in a
message) is bounded: a key longer than :data:`MAX_ECHO` characters is cut
with an ellipsis, and :func:`echo` cuts a value's JSON text the same way,
stating the full length, so a 50 MB string never becomes a 50 MB message.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable
from typing import Any

from .._util.patterns import LazyPattern

__all__ = ["MAX_ECHO", "child_path", "cut", "echo", "join_path", "path_steps"]

_PLAIN_KEY = LazyPattern(r"[A-Za-z_][A-Za-z0-9_]*", re.ASCII)

#: The most characters of the input an issue repeats in one place.
MAX_ECHO = 80

ELLIPSIS = "…"


def cut(text: str, limit: int = MAX_ECHO) -> str:
    """``text``, or its first ``limit`` characters and an ellipsis when it is longer."""
    return text if len(text) <= limit else text[:limit] + ELLIPSIS


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


def _encoded(text: str) -> str:
    # Lone surrogates (possible in a value given as Python objects) are escaped.
    return text.encode("utf-8", "backslashreplace").decode()


def _string(text: str, room: int) -> str:
    return _encoded(json.dumps(cut(text, room), ensure_ascii=False))


def echo(value: Any, limit: int = MAX_ECHO) -> str:
    """A value's JSON text, cut to about ``limit`` characters with its full size stated.

    Bounded work whatever the value's size: only as much of it is written
    as can be shown.  ``"xx…" (50000000 characters)`` for a long string,
    ``{"a": 1, …} (an object of 9000 members)`` for a large object.
    """
    if isinstance(value, str):
        shown = _string(value, limit)
        return shown if len(value) <= limit else f"{shown} ({len(value)} characters)"
    parts: list[str] = []
    size = 0
    stack: list[Any] = [value]
    while stack and size <= limit:
        item = stack.pop()
        if isinstance(item, _Token):
            text = item.text
        elif isinstance(item, str):
            text = _string(item, limit)
        elif isinstance(item, dict):
            stack.append(_Token("}"))
            members = list(itertools.islice(item.items(), limit // 4 + 1))
            for number, (key, member) in enumerate(reversed(members)):
                stack.append(member)
                stack.append(_Token(_string(str(key), limit) + ": "))
                if number != len(members) - 1:
                    stack.append(_Token(", "))
            text = "{"
        elif isinstance(item, list):
            stack.append(_Token("]"))
            items = list(itertools.islice(item, limit // 2 + 1))
            for number, member in enumerate(reversed(items)):
                stack.append(member)
                if number != len(items) - 1:
                    stack.append(_Token(", "))
            text = "["
        else:
            text = _scalar(item)
        parts.append(text)
        size += len(text)
    whole = "".join(parts)
    if not stack and len(whole) <= limit:
        return whole
    return f"{cut(whole, limit)} ({_size_words(value)})"


class _Token:
    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def _scalar(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int):
        try:
            return str(value)
        except ValueError:  # more digits than Python writes out
            return "a number of thousands of digits"
    if isinstance(value, float):
        return json.dumps(value)
    return type(value).__name__


def _size_words(value: Any) -> str:
    if isinstance(value, dict):
        return f"an object of {len(value)} members"
    if isinstance(value, list):
        return f"an array of {len(value)} items"
    return "cut"
