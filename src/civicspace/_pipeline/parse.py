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
import sys
from collections.abc import Iterator
from typing import Any

import attrs

from .._util.echo import quoted
from ..errors import Issue, ValidationError
from .json_paths import Trail, child_path, trail_steps

__all__ = ["non_finite_issue", "parse_json", "surrogate_issue", "too_long_issue"]

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


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


class _TooLong:
    """Stands where the text had a number of more digits than Python reads."""

    __slots__ = ()


class _Flags:
    __slots__ = ("marked",)

    def __init__(self) -> None:
        self.marked = False


def _digits_limit() -> int:
    return sys.get_int_max_str_digits() or 4300


def too_long_issue(path: str) -> Issue:
    """The issue for a number of more digits than can be read."""
    return Issue(
        path,
        "json.number_too_long",
        f"this number has more than {_digits_limit()} digits, more than can be read",
    )


def non_finite_issue(path: str, text: str) -> Issue:
    """The issue for ``NaN``, ``Infinity`` or ``-Infinity`` at ``path``."""
    return Issue(
        path,
        "json.non_finite_number",
        f"{text} is not a JSON number; JSON has no NaN or Infinity",
        value=text,
    )


def surrogate_issue(path: str, what: str) -> Issue:
    """The issue for a string or key (``what``) holding a lone UTF-16 surrogate."""
    message = f"this {what} holds a lone UTF-16 surrogate, which is no character"
    return Issue(path, "json.lone_surrogate", message)


def _issue(code: str, message: str, text: str | None = None, offset: int | None = None) -> Issue:
    if text is None or offset is None:
        return Issue("$", code, message)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Issue("$", code, message, line=line, column=column)


def _decode(data: bytes | bytearray) -> str:
    if b"\x00" in data[:4]:  # never in JSON's first bytes, always in UTF-16 or UTF-32
        raise ValidationError(
            [
                _issue(
                    "json.encoding",
                    "the bytes look like UTF-16 or UTF-32 (they hold NUL bytes); "
                    "JSON must be UTF-8: save the file as UTF-8",
                )
            ]
        )
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):  # a zip (.xlsx) or an old .xls
        raise ValidationError(
            [
                _issue(
                    "json.encoding",
                    "this is a spreadsheet (or another zip file), not JSON: read a workbook "
                    "or a folder of CSV files with civicspace import",
                )
            ]
        )
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

    def int_hook(digits: str) -> int | _TooLong:
        try:
            return int(digits)
        except ValueError:  # int() refusing a number of more than 4300 digits
            flags.marked = True
            return _TooLong()

    try:
        value = json.loads(
            text, object_pairs_hook=pairs_hook, parse_constant=constant_hook, parse_int=int_hook
        )
    except json.JSONDecodeError as error:
        raise ValidationError(
            [_issue("json.syntax", f"malformed JSON: {error.msg}", text, error.pos)]
        ) from None
    except RecursionError:
        raise ValidationError(
            [_issue("json.too_deep", "the JSON is nested too deeply to read")]
        ) from None
    except ValueError:  # a float written with more digits than Python reads
        raise ValidationError([too_long_issue("$")]) from None
    issues: list[Issue] = []
    if flags.marked:
        issues.extend(_marked_issues(value, "$"))
    if _SURROGATE_ESCAPE.search(text) or (
        isinstance(data, str) and _LONE_SURROGATE.search(text) is not None
    ):
        issues.extend(_surrogate_issues(value, "$"))
    if issues:
        raise ValidationError(issues)
    return value


def _children(value: Any, path: str, trail: Trail) -> Iterator[tuple[Any, str, Trail]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield item, child_path(path, key), (trail, key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield item, child_path(path, index), (trail, index)


def _marked_issues(value: Any, path: str) -> Iterator[Issue]:
    # Iterative, so that deep documents cannot exhaust the stack here either.
    stack: list[tuple[Any, str, Trail]] = [(value, path, None)]
    while stack:
        item, where, trail = stack.pop()
        if isinstance(item, _NonFinite):
            yield attrs.evolve(non_finite_issue(where, item.text), steps=trail_steps(trail))
            continue
        if isinstance(item, _TooLong):
            yield attrs.evolve(too_long_issue(where), steps=trail_steps(trail))
            continue
        children = list(_children(item, where, trail))
        if isinstance(item, _Marked):
            for key in dict.fromkeys(key for key, _ in item.overridden):
                yield Issue(
                    child_path(where, key),
                    "json.duplicate_key",
                    f"the key {quoted(key)} appears more than once in this object",
                    steps=trail_steps((trail, key)),
                )
            children.extend(
                (value, child_path(where, key), (trail, key)) for key, value in item.overridden
            )
        stack.extend(reversed(children))


def _is_lone_surrogate_text(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _surrogate_issues(value: Any, path: str) -> Iterator[Issue]:
    stack: list[tuple[Any, str, Trail]] = [(value, path, None)]
    while stack:
        item, where, trail = stack.pop()
        if isinstance(item, str):
            if _is_lone_surrogate_text(item):
                yield attrs.evolve(surrogate_issue(where, "string"), steps=trail_steps(trail))
            continue
        if isinstance(item, dict):
            for key in item:
                if _is_lone_surrogate_text(key):
                    issue = surrogate_issue(child_path(where, key), "key")
                    yield attrs.evolve(issue, steps=trail_steps((trail, key)))
        stack.extend(reversed(list(_children(item, where, trail))))
