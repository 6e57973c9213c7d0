"""Parsed values into checked JSON: the step a parsed value takes in place of parsing.

A value handed over already parsed (``validate(request.json())``, a YAML
loader's output) may hold what JSON cannot: a ``datetime.date``, a set,
bytes, a ``Decimal``, a tuple, a key that is not a string, a list that holds
itself.  :func:`checked` walks it once, iteratively and in time linear in
its size, and returns a plain copy made only of ``dict``, ``list``, ``str``,
``int``, ``float``, ``bool`` and ``None`` — the values the strict parser
returns for text — or an issue at the path of each value JSON cannot hold,
never an exception.  The copy then takes exactly the path parsed text
takes, so a dict and its JSON text get the same issues.
"""

from __future__ import annotations

import datetime
import decimal
import enum
import math
from typing import Any

import attrs

from .._util.echo import cut, echo
from ..errors import Issue
from .documents import MAX_RECORD_BYTES
from .json_paths import Trail, child_path, trail_steps
from .parse import non_finite_issue, surrogate_issue, too_long_issue

__all__ = ["MAX_DEPTH", "MAX_VALUES", "checked"]

#: The deepest nesting read from a parsed value (text deeper than Python's
#: parser can read is refused the same way, with ``json.too_deep``).
MAX_DEPTH = 500

#: The most values one record may hold, counting a value shared by several
#: members once per member: about what the largest record of text can hold.
MAX_VALUES = MAX_RECORD_BYTES // 2

_EXIT = object()


def _has_lone_surrogate(text: str) -> bool:
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _not_json(path: str, value: Any) -> Issue:
    what, suggestion, advice = _describe(value)
    message = f"not a JSON value: {what}; {advice}"
    return Issue(path, "json.not_json", message, suggestion=suggestion)


def _describe(value: Any) -> tuple[str, str | None, str]:
    """What a non-JSON value is, the JSON that may have been meant, and advice."""
    if isinstance(value, datetime.datetime):
        day = value.date().isoformat()
        return "a date and time", day, f"write the date as the string '{day}'"
    if isinstance(value, datetime.date):
        day = value.isoformat()
        return "a date", day, f"write it as the string '{day}'"
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            return "a Decimal that is not a number", None, "leave it out or give a number"
        text = cut(str(value))
        return "a Decimal", text, f"write it as the string '{text}' (amounts are strings)"
    if isinstance(value, tuple):
        return "a tuple", None, "write it as a list"
    if isinstance(value, set | frozenset):
        return "a set", None, "write it as a list"
    if isinstance(value, bytes | bytearray | memoryview):
        return "bytes", None, "decode them into a string"
    if isinstance(value, enum.Enum):
        return "an enum member", None, "write its value"
    return f"an object of type {cut(type(value).__qualname__)}", None, "write it as JSON values"


_SHOWN_BITS = 256  # a whole number of at most 78 digits


def _key_issue(path: str, key: Any) -> Issue:
    # Only keys whose repr is known to be short and safe are shown; other objects' reprs
    # may be long, slow or raise.
    if key is None:
        shown, kind = "None", "null"
    elif type(key) is int and key.bit_length() > _SHOWN_BITS:
        shown, kind = None, "a whole number too long to show"
    elif isinstance(key, bool | int | float) and not isinstance(key, enum.Enum):
        name = type(key).__name__
        shown, kind = cut(echo(key)), f"{'an' if name[0] in 'aeiou' else 'a'} {name}"
    else:
        shown, kind = None, _describe(key)[0]
    # The key as a string, when it is a whole number short enough to show (str() of one
    # of more than 4,300 digits raises).
    suggestion = str(key) if type(key) is int and key.bit_length() <= _SHOWN_BITS else None
    what = f"the key {shown} ({kind})" if shown is not None else f"a key that is {kind}"
    return Issue(
        path,
        "json.key_not_string",
        f"an object key must be a string; this object has {what}",
        suggestion=suggestion,
    )


def _at(issue: Issue, trail: Trail) -> Issue:
    """``issue`` with the real steps of ``trail``, when its path cuts a key."""
    steps = trail_steps(trail)
    return issue if steps is None else attrs.evolve(issue, steps=steps)


def _too_large() -> list[Issue]:
    return [
        Issue(
            "$",
            "json.record_too_large",
            f"this value holds more than {MAX_VALUES} values, over the limit for a record",
        )
    ]


class _NotPlain(Exception):
    """The quick copy met something it leaves to the careful walk."""


def _quick_copy(value: Any) -> Any:
    """A copy of a value made only of exact JSON types, or :class:`_NotPlain`.

    The common case, fast: recursion over exact types only, each container
    once.  Anything else (a subclass, a value JSON cannot hold, a container
    met twice, great depth, a lone surrogate, a huge number) raises, and the
    careful walk in :func:`checked` decides.
    """
    seen: set[int] = set()
    str_ = str
    int_ = int
    float_ = float
    dict_ = dict
    list_ = list
    bool_ = bool
    isfinite = math.isfinite

    def copy(item: Any, depth: int) -> Any:
        kind = type(item)
        if kind is str_:
            if not item.isascii() and _has_lone_surrogate(item):
                raise _NotPlain
            return item
        if kind is dict_ or kind is list_:
            if depth >= MAX_DEPTH or id(item) in seen:
                raise _NotPlain
            seen.add(id(item))
            if kind is list_:
                return [copy(member, depth + 1) for member in item]
            result = {}
            for key, member in item.items():
                if type(key) is not str_ or (not key.isascii() and _has_lone_surrogate(key)):
                    raise _NotPlain
                result[key] = copy(member, depth + 1)
            return result
        if kind is int_:
            if item.bit_length() > 14_000:
                raise _NotPlain
            return item
        if kind is bool_ or item is None:
            return item
        if kind is float_ and isfinite(item):
            return item
        raise _NotPlain

    result = copy(value, 0)
    if len(seen) > MAX_VALUES:
        raise _NotPlain
    return result


def checked(value: Any) -> tuple[Any, list[Issue]]:
    """A plain JSON copy of a parsed value and the issues of what JSON cannot hold.

    When there are issues the copy is incomplete and must not be used.
    Work is linear in the size of the value: each container is walked once
    (one shared by several members is copied once and shared again, and
    counts once per member towards :data:`MAX_VALUES`).
    """
    try:
        return _quick_copy(value), []
    except (_NotPlain, RecursionError):
        pass
    issues: list[Issue] = []
    copies: dict[int, Any] = {}  # containers walked, by id
    sizes: dict[int, int] = {}  # how many values each holds, shared ones counted each time
    open_ids: set[int] = set()  # containers on the current path: seeing one again is a cycle
    root: list[Any] = [None]
    # Each entry: (value, path, parent copy, key or index in it, depth, trail), or
    # (_EXIT, id, count); the trail gives an issue the real keys where its path cuts one.
    stack: list[tuple[Any, ...]] = [(value, "$", root, 0, 0, None)]
    counts: list[list[int]] = [[0]]  # the values counted so far in each open container
    while stack:
        entry = stack.pop()
        if entry[0] is _EXIT:
            _, ident, count = entry
            open_ids.discard(ident)
            sizes[ident] = count[0]
            counts.pop()
            counts[-1][0] += count[0]
            if counts[-1][0] > MAX_VALUES:
                return None, _too_large()
            continue
        item, path, parent, slot, depth, trail = entry
        found = len(issues)
        kind = type(item)
        if kind is str:
            copy: Any = item
            if _has_lone_surrogate(item):
                issues.append(surrogate_issue(path, "string"))
        elif kind is bool or item is None:
            copy = item
        elif kind is int:
            copy = item
            if item.bit_length() > 14_000:  # near the limit on digits: ask Python
                try:
                    str(item)
                except ValueError:
                    issues.append(too_long_issue(path))
        elif kind is float:
            copy = item
            if not math.isfinite(item):
                text = "NaN" if item != item else "Infinity" if item > 0 else "-Infinity"
                issues.append(non_finite_issue(path, text))
        elif isinstance(item, dict | list):
            ident = id(item)
            if ident in open_ids:
                issues.append(
                    Issue(path, "json.cycle", "this value contains itself, which JSON cannot")
                )
                copy = None
            elif ident in copies:  # shared, walked already
                copy = copies[ident]
                counts[-1][0] += sizes[ident]
            elif depth >= MAX_DEPTH:
                return None, [
                    Issue("$", "json.too_deep", f"the value is nested more than {MAX_DEPTH} deep")
                ]
            else:
                open_ids.add(ident)
                count = [0]
                counts.append(count)
                stack.append((_EXIT, ident, count))
                if isinstance(item, dict):
                    copy = copies[ident] = {}
                    children = []
                    for key, member in item.items():
                        name = str.__str__(key) if isinstance(key, str) else key
                        if type(name) is not str:
                            issues.append(_key_issue(path, key))
                            continue
                        if _has_lone_surrogate(name):
                            issue = surrogate_issue(child_path(path, name), "key")
                            issues.append(_at(issue, (trail, name)))
                        copy[name] = None
                        children.append(
                            (member, child_path(path, name), copy, name, depth + 1, (trail, name))
                        )
                    stack.extend(reversed(children))
                else:
                    copy = copies[ident] = [None] * len(item)
                    stack.extend(
                        (member, child_path(path, index), copy, index, depth + 1, (trail, index))
                        for index, member in reversed(list(enumerate(item)))
                    )
        elif isinstance(item, str):  # a str subclass (an enum of strings, say)
            stack.append((str.__str__(item), path, parent, slot, depth, trail))
            continue
        elif isinstance(item, int) and not isinstance(item, bool):  # an int subclass
            stack.append((int.__index__(item), path, parent, slot, depth, trail))
            continue
        elif isinstance(item, float):
            stack.append((float.__float__(item), path, parent, slot, depth, trail))
            continue
        else:
            issues.append(_not_json(path, item))
            copy = None
        if len(issues) > found and trail is not None:
            issues[found:] = [
                _at(issue, trail) if issue.path == path else issue for issue in issues[found:]
            ]
        parent[slot] = copy
        counts[-1][0] += 1
        if counts[-1][0] > MAX_VALUES:
            return None, _too_large()
    return root[0], issues
