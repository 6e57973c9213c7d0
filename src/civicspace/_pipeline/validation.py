"""Schema validation: the second step of the data flow.

Runs a record's schema over a parsed JSON value and turns every failure into
an :class:`Issue` whose path points at the member at fault (for a missing or
unexpected member, at that member), whose code names the failed keyword, and
whose ``schema`` names the rule's place in the published schemas.
"""

from __future__ import annotations

import datetime
import difflib
import functools
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .._util.echo import MAX_ECHO, cut, echo, quoted
from ..errors import Issue
from .codes import schema_code
from .json_paths import child_path, join_path, real_steps
from .schemas import _contents, validator

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError as SchemaError

__all__ = ["schema_issues"]

_ENUM_SHOWN = 8
_SUGGESTED = 16  # unknown members of one object given a did-you-mean, at most

# Keywords about one value; when several fail on the same value, the first of
# this order is its one issue (a date written "12 March 2021" breaks the pattern,
# the format and the length at once: one problem), except that an empty string is
# told it is too short.
_VALUE_KEYWORDS = (
    "type",
    "const",
    "enum",
    "pattern",
    "format",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
)
_RANK = {keyword: rank for rank, keyword in enumerate(_VALUE_KEYWORDS)}


def schema_issues(name: str, value: Any) -> list[Issue]:
    """Every way ``value`` fails the schema called ``name``, in document order.

    One issue per value: where several rules on one value fail together,
    only the most telling is reported.
    """
    positions = _Positions()
    found: dict[tuple[tuple[str | int, ...], int], tuple[list[int], int, Issue]] = {}
    for number, error in enumerate(validator(name).iter_errors(value)):
        keyword = str(error.validator)
        rank = _RANK.get(keyword)
        if keyword == "minLength" and error.instance == "":
            rank = -1  # nothing written: "too short" says it better than any form
        for steps, issue in _issues(error):
            # Keyed by the real steps: two long keys whose cut paths match stay two issues.
            key = (tuple(steps), -1) if rank is not None else (tuple(steps), number)
            kept = found.get(key)
            if kept is None or (rank is not None and rank < kept[1]):
                found[key] = (positions.order(value, steps), rank or 0, issue)
    ordered = sorted(found.values(), key=lambda entry: entry[0])
    return [issue for _, _, issue in ordered]


class _Positions:
    """Where a path lies in the document: member and item positions, in order.

    Each object's key positions are indexed once, so ordering n issues in an
    object of n members costs O(n log n), not O(n^2).
    """

    def __init__(self) -> None:
        self._keys: dict[int, dict[str, int]] = {}

    def order(self, value: Any, steps: list[str | int]) -> list[int]:
        order = []
        for step in steps:
            if isinstance(value, dict):
                keys = self._keys.get(id(value))
                if keys is None:
                    keys = self._keys[id(value)] = {key: i for i, key in enumerate(value)}
                order.append(keys.get(step, len(keys)) if isinstance(step, str) else len(keys))
                value = value.get(step)
            elif isinstance(value, list) and isinstance(step, int):
                order.append(step)
                value = value[step]
        return order


@functools.cache
def _locations() -> dict[int, str]:
    """Map each subschema object of the shipped schemas to its ``$id#pointer``."""
    found: dict[int, str] = {}

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            found[id(node)] = where
            for key, item in node.items():
                walk(item, f"{where}/{_escape(key)}")
        elif isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, f"{where}/{index}")

    for contents in _contents().values():
        walk(contents, f"{contents['$id']}#")
    return found


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _json(value: Any) -> str:
    return echo(value)


def _suggest(value: Any, choices: Sequence[Any]) -> str | None:
    if not isinstance(value, str) or len(value) > MAX_ECHO:
        return None
    return _closest(value, tuple(choices))


@functools.lru_cache(maxsize=4096)  # bulk files repeat their typos
def _closest(value: str, choices: tuple[Any, ...]) -> str | None:
    strings = [choice for choice in choices if isinstance(choice, str)]
    lowered = {choice.lower(): choice for choice in strings}
    if value.strip().lower() in lowered:
        return lowered[value.strip().lower()]
    # The closest choice, when it is close and no other is as close ("KHN" is as near
    # to "KHM" as to "SHN": no suggestion is better than a guess).
    matcher = difflib.SequenceMatcher(b=value)
    scores = []
    for choice in strings:
        matcher.set_seq1(choice)
        if matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6:
            score = matcher.ratio()
            if score >= 0.6:
                scores.append((score, choice))
    scores.sort(reverse=True)
    if scores and (len(scores) == 1 or scores[1][0] < scores[0][0]):
        return scores[0][1]
    return None


_DATE_FORMATS = (
    ("%d %B %Y", "%Y-%m-%d"),
    ("%B %d, %Y", "%Y-%m-%d"),
    ("%B %d %Y", "%Y-%m-%d"),
    ("%d %b %Y", "%Y-%m-%d"),
    ("%b %d, %Y", "%Y-%m-%d"),
    ("%Y/%m/%d", "%Y-%m-%d"),
    ("%Y.%m.%d", "%Y-%m-%d"),
    ("%B %Y", "%Y-%m"),
    ("%b %Y", "%Y-%m"),
    ("%Y/%m", "%Y-%m"),
)


def _suggest_date(value: Any) -> str | None:
    """The ISO form of a date written in words (``"12 March 2021"`` → ``"2021-03-12"``)."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    text = " ".join(value.replace(",", ", ").split()).replace(" ,", ",")
    for written, iso in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, written).strftime(iso)
        except ValueError:
            continue
    return None


def _issues(error: SchemaError) -> Iterator[tuple[list[str | int], Issue]]:
    """The issues of one failed keyword, each with the steps to its member."""
    steps = [*error.absolute_path]
    path = join_path("$", steps)
    keyword = str(error.validator)
    code = schema_code(keyword)
    where = _locations().get(id(error.schema))
    location = None if where is None else f"{where}/{_escape(keyword)}"
    instance: Any = error.instance
    subschema: Any = error.schema
    if keyword == "required":
        required: Any = error.validator_value
        missing = [key for key in required if key not in instance]
        for key in missing:
            if error.message.startswith(repr(key)):
                issue = Issue(
                    child_path(path, key),
                    code,
                    f"{quoted(key)} is required",
                    location,
                    steps=real_steps((*steps, key)),
                )
                yield [*steps, key], issue
        return
    if keyword == "additionalProperties":
        known = list(subschema.get("properties", {}))
        expected_members = tuple(known)
        members = ", ".join(repr(name) for name in known)
        unknown = (key for key in instance if key not in subschema.get("properties", {}))
        for number, key in enumerate(unknown):
            # A near miss is a typo among a few members; past a few, none is looked for.
            close = _suggest(key, known) if number < _SUGGESTED else None
            hint = f"; did you mean {close!r}?" if close else ""
            message = f"{quoted(key)} is not a member of this object; the members are {members}"
            message += hint
            issue = Issue(
                child_path(path, key),
                code,
                message,
                location,
                value=_json(key),
                expected=expected_members,
                suggestion=close,
                steps=real_steps((*steps, key)),
            )
            yield [*steps, key], issue
        return
    message, expected, suggestion = _message(error, keyword)
    if suggestion is not None:
        message = f"{message.rstrip('.')}; did you mean {_json(suggestion)}?"
    issue = Issue(
        path,
        code,
        message,
        location,
        value=None if keyword in _CONTAINER_KEYWORDS else _json(instance),
        expected=expected,
        suggestion=suggestion,
        steps=real_steps(steps),
    )
    yield steps, issue


_CONTAINER_KEYWORDS = frozenset(
    {"anyOf", "minItems", "maxItems", "minProperties", "maxProperties", "uniqueItems"}
)


_TUPLES: dict[int, tuple[list[Any], tuple[Any, ...]]] = {}


def _as_tuple(values: list[Any]) -> tuple[Any, ...]:
    """A schema's list as a tuple, made once per list (schemas live as long as the program)."""
    found = _TUPLES.get(id(values))
    if found is None or found[0] is not values:
        if len(_TUPLES) > 4096:  # only the shipped schemas' lists come here; never many
            _TUPLES.clear()
        found = _TUPLES[id(values)] = (values, tuple(values))
    return found[1]


def _message(error: SchemaError, keyword: str) -> tuple[str, Any, str | None]:
    """The message, what was expected and a suggestion, for one failed keyword."""
    instance: Any = error.instance
    subschema: Any = error.schema
    expected: Any = error.validator_value
    described = subschema.get("description") or subschema.get("title")
    is_date = "date" in (subschema.get("format"), (subschema.get("then") or {}).get("format"))
    if keyword == "enum":
        allowed = expected
        allowed = _as_tuple(allowed)
        close = _suggest(instance, allowed)
        if len(allowed) <= _ENUM_SHOWN:
            shown = ", ".join(_json(a) for a in allowed)
            return f"{_json(instance)} is not one of {shown}", allowed, close
        message = f"{_json(instance)} is not one of the {len(allowed)} values allowed: {described}"
        return message, allowed, close
    if keyword == "type":
        names = (expected,) if isinstance(expected, str) else tuple(expected)
        return f"expected {_type_words(expected)}, got {_json(instance)}", names, None
    if keyword == "pattern" and described:
        message = f"{_json(instance)} is not of the form required: {described}"
        return message, expected, _suggest_date(instance) if is_date else None
    if keyword == "format":
        suggestion = _suggest_date(instance) if expected == "date" else None
        return f"{_json(instance)} is not a valid {expected}", expected, suggestion
    if keyword == "anyOf" and all(set(branch) == {"required"} for branch in expected):
        options = [" and ".join(repr(key) for key in branch["required"]) for branch in expected]
        needed = tuple(tuple(branch["required"]) for branch in expected)
        return f"needs at least one of {', '.join(options)}", needed, None
    if keyword in _LIMITS:
        message = _LIMITS[keyword].format(value=_json(instance), limit=_json(expected))
        return message, expected, _suggest_date(instance) if is_date else None
    if keyword == "const":
        return f"{_json(instance)} must be {_json(expected)}", expected, None
    return cut(str(error.message), 4 * MAX_ECHO), None, None


_LIMITS = {
    "maxLength": "{value} is longer than {limit} characters",
    "minLength": "{value} is shorter than {limit} characters",
    "maxItems": "this array has more than {limit} items",
    "minItems": "this array needs at least {limit} items",
    "maximum": "{value} is above the maximum of {limit}",
    "minimum": "{value} is below the minimum of {limit}",
    "exclusiveMaximum": "{value} is not below {limit}",
    "exclusiveMinimum": "{value} is not above {limit}",
    "minProperties": "this object needs at least {limit} members",
}

_TYPE_WORDS = {
    "array": "an array",
    "boolean": "true or false",
    "integer": "a whole number",
    "null": "null",
    "number": "a number",
    "object": "an object",
    "string": "a string",
}


def _type_words(types: str | list[str]) -> str:
    names = [types] if isinstance(types, str) else types
    return " or ".join(_TYPE_WORDS.get(name, name) for name in names)
