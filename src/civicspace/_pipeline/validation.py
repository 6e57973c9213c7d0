"""Schema validation: the second step of the data flow.

Runs a record's schema over a parsed JSON value and turns every failure into
an :class:`Issue` whose path points at the member at fault (for a missing or
unexpected member, at that member), whose code names the failed keyword, and
whose ``schema`` names the rule's place in the published schemas.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..errors import Issue
from .codes import schema_code
from .paths import child_path, join_path
from .schemas import _contents, validator

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError as SchemaError

__all__ = ["schema_issues"]

_ENUM_SHOWN = 8


def schema_issues(name: str, value: Any) -> list[Issue]:
    """Every way ``value`` fails the schema called ``name``, in document order."""
    found = [
        (_document_order(value, steps), issue)
        for error in validator(name).iter_errors(value)
        for steps, issue in _issues(error)
    ]
    found.sort(key=lambda pair: pair[0])
    return [issue for _, issue in found]


def _document_order(value: Any, steps: list[str | int]) -> list[int]:
    """Where a path lies in the document: member and item positions, in order."""
    order = []
    for step in steps:
        if isinstance(value, dict):
            keys = list(value)
            order.append(keys.index(step) if step in value else len(keys))
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
    # Lone surrogates (possible in a value given as Python objects) are escaped.
    text = json.dumps(value, ensure_ascii=False).encode("utf-8", "backslashreplace").decode()
    return text if len(text) <= 60 else text[:57] + "..."


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
                issue = Issue(child_path(path, key), code, f"{key!r} is required", location)
                yield [*steps, key], issue
        return
    if keyword == "additionalProperties":
        known = subschema.get("properties", {})
        for key in instance:
            if key not in known:
                message = (
                    f"{key!r} is not a member of this object; the members are "
                    f"{', '.join(repr(name) for name in known)}"
                )
                yield [*steps, key], Issue(child_path(path, key), code, message, location)
        return
    yield steps, Issue(path, code, _message(error, keyword), location)


def _message(error: SchemaError, keyword: str) -> str:
    instance: Any = error.instance
    subschema: Any = error.schema
    expected: Any = error.validator_value
    described = subschema.get("description") or subschema.get("title")
    if keyword == "enum":
        allowed = expected
        if len(allowed) <= _ENUM_SHOWN:
            return f"{_json(instance)} is not one of {', '.join(_json(a) for a in allowed)}"
        return f"{_json(instance)} is not one of the {len(allowed)} values allowed: {described}"
    if keyword == "type":
        return f"expected {_type_words(expected)}, got {_json(instance)}"
    if keyword == "pattern" and described:
        return f"{_json(instance)} is not of the form required: {described}"
    if keyword == "format":
        return f"{_json(instance)} is not a valid {expected}"
    if keyword == "anyOf" and all(set(branch) == {"required"} for branch in expected):
        options = [" and ".join(repr(key) for key in branch["required"]) for branch in expected]
        return f"needs at least one of {', '.join(options)}"
    if keyword in _LIMITS:
        return _LIMITS[keyword].format(value=_json(instance), limit=_json(expected))
    if keyword == "const":
        return f"{_json(instance)} must be {_json(expected)}"
    return str(error.message)


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
