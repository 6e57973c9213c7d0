"""The one bound on echoes: what a message or a path repeats of the input.

Whatever an issue repeats of user data (a key, a name, an id, a value) is
bounded by :data:`MAX_ECHO` characters, wherever the message is built:
:func:`cut` shortens text, :func:`quoted` shows a string as ``'text'`` with
its full length stated when cut, :func:`echo` writes a value's JSON text in
bounded work.  A 50 MB string never becomes a 50 MB message.
"""

from __future__ import annotations

import itertools
import json
from typing import Any

__all__ = ["ELLIPSIS", "MAX_ECHO", "MAX_MESSAGE", "cut", "echo", "quoted"]

#: The most characters of the input an issue repeats in one place.
MAX_ECHO = 80

#: The most characters of one message: a few echoes and the words around them.
MAX_MESSAGE = 8 * MAX_ECHO

#: What ends a cut text.
ELLIPSIS = "…"


def cut(text: str, limit: int = MAX_ECHO) -> str:
    """``text``, or its first ``limit`` characters and an ellipsis when it is longer."""
    return text if len(text) <= limit else text[:limit] + ELLIPSIS


def quoted(text: str, limit: int = MAX_ECHO) -> str:
    """``text`` as a message quotes it: ``'text'``, or ``'tex…' (50000 characters)`` when cut."""
    if len(text) <= limit:
        return repr(text)
    return f"{cut(text, limit)!r} ({len(text)} characters)"


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
    return cut(type(value).__name__)


def _size_words(value: Any) -> str:
    if isinstance(value, dict):
        return f"an object of {len(value)} members"
    if isinstance(value, list):
        return f"an array of {len(value)} items"
    return "cut"
