"""Strict JSON parsing: the first step of the data flow.

:func:`parse_json` reads UTF-8 JSON text as RFC 8259 defines it and refuses
what Python's :func:`json.loads` lets through: ``NaN`` and ``Infinity``,
duplicate keys (where the last would silently win), a byte order mark, lone
surrogates, bytes that are not UTF-8.  Each refusal is an :class:`Issue` with
its own code and, where the parser knows it, the line and column.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from ..errors import Issue, ValidationError
from .paths import child_path

__all__ = ["parse_json"]

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class _Marked(dict[str, Any]):
    """An object in which some key appeared more than once.

    ``overridden`` keeps the earlier pairs that a later duplicate replaced, so
    that problems inside them are still reported.
    """

    __slots__ = ("overridden",)

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        last = {key: index for index, (key, _) in enumerate(pairs)}
        self.overridden = [pair for index, pair in enumerate(pairs) if last[pair[0]] != index]


class _NonFinite:
    """Stands where the text had ``NaN``, ``Infinity`` or ``-Infinity``."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class _Flags:
    __slots__ = ("marked",)

    def __init__(self) -> None:
        self.marked = False


def _issue(code: str, message: str, text: str | None = None, offset: int | None = None) -> Issue:
    if text is None or offset is None:
        return Issue("$", code, message)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Issue("$", code, message, line=line, column=column)


def _decode(data: bytes | bytearray) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        raise ValidationError(
            [_issue("json.byte_order_mark", "JSON text must not start with a byte order mark")]
        )
    try:
        return bytes(data).decode("utf-8")
    except UnicodeDecodeError as error:
        prefix = bytes(data[: error.start]).decode("utf-8")
        raise ValidationError(
            [_issue("json.encoding", "the bytes are not valid UTF-8", prefix, len(prefix))]
        ) from None


def parse_json(data: str | bytes | bytearray) -> Any:
    """Parse JSON text strictly into Python values.

    Raises:
        ValidationError: with one issue for text that is not JSON, and one
            issue per duplicate key, non-finite number or lone surrogate.

    """
    text = _decode(data) if isinstance(data, bytes | bytearray) else data
    if text.startswith("\ufeff"):
        raise ValidationError(
            [_issue("json.byte_order_mark", "JSON text must not start with a byte order mark")]
        )
    flags = _Flags()

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) == len(pairs):
            return result
        flags.marked = True
        return _Marked(pairs)

    def constant_hook(name: str) -> _NonFinite:
        flags.marked = True
        return _NonFinite(name)

    try:
        value = json.loads(text, object_pairs_hook=pairs_hook, parse_constant=constant_hook)
    except json.JSONDecodeError as error:
        raise ValidationError(
            [_issue("json.syntax", f"malformed JSON: {error.msg}", text, error.pos)]
        ) from None
    except RecursionError:
        raise ValidationError(
            [_issue("json.too_deep", "the JSON is nested too deeply to read")]
        ) from None
    except ValueError as error:  # int() refusing a number of more than 4300 digits
        raise ValidationError([_issue("json.number_too_long", str(error))]) from None
    issues: list[Issue] = []
    if flags.marked:
        issues.extend(_marked_issues(value, "$"))
    if _SURROGATE_ESCAPE.search(text):
        issues.extend(_surrogate_issues(value, "$"))
    if issues:
        raise ValidationError(issues)
    return value


def _children(value: Any, path: str) -> Iterator[tuple[Any, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield item, child_path(path, key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield item, child_path(path, index)


def _marked_issues(value: Any, path: str) -> Iterator[Issue]:
    # Iterative, so that deep documents cannot exhaust the stack here either.
    stack = [(value, path)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, _NonFinite):
            yield Issue(
                where,
                "json.non_finite_number",
                f"{item.text} is not a JSON number; JSON has no NaN or Infinity",
            )
            continue
        children = list(_children(item, where))
        if isinstance(item, _Marked):
            for key in dict.fromkeys(key for key, _ in item.overridden):
                yield Issue(
                    child_path(where, key),
                    "json.duplicate_key",
                    f"the key {key!r} appears more than once in this object",
                )
            children.extend((value, child_path(where, key)) for key, value in item.overridden)
        stack.extend(reversed(children))


def _is_lone_surrogate_text(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _surrogate_issues(value: Any, path: str) -> Iterator[Issue]:
    stack = [(value, path)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, str):
            if _is_lone_surrogate_text(item):
                yield Issue(
                    where,
                    "json.lone_surrogate",
                    "this string holds a lone UTF-16 surrogate escape, which is no character",
                )
            continue
        if isinstance(item, dict):
            for key in item:
                if _is_lone_surrogate_text(key):
                    yield Issue(
                        child_path(where, key),
                        "json.lone_surrogate",
                        "this key holds a lone UTF-16 surrogate escape, which is no character",
                    )
        stack.extend(reversed(list(_children(item, where))))
