"""The schemas' limits, enforced by the model's constructors.

The published schemas hold every limit of the contract once: string lengths
(``maxLength``), item counts (``maxItems``, ``minItems``), number bounds
(``minimum``, ``maximum``).  This module reads them from the shipped schema
files and checks them whenever a model object is built, so an object the
constructors accept always dumps to a document the schemas accept.

A class's limits are found by walking the schemas beside the model: a record
type's schema describes its class, and a member holding model objects
describes their class.  The checks of each class are generated once, on its
first construction, as one plain function registered in :mod:`linecache`
(a traceback through it shows its source); a class the schemas do not
describe keeps its constructor as attrs wrote it.
"""

from __future__ import annotations

import functools
import json
import linecache
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from typing import Any

import attrs

from .._util.hints import classes_in
from ..errors import FieldValueError

__all__ = ["Limit", "enforce_schema_limits", "limits_of", "unchecked_init"]

#: The schema keywords the model enforces, and the Python check of each.
_KEYWORDS = ("maxLength", "minLength", "maxItems", "minItems", "minimum", "maximum")


@attrs.frozen
class Limit:
    """One limit of one field, as a schema states it.

    Attributes:
        field: The attrs field (and JSON member) it limits.
        keyword: The schema keyword: ``maxLength``, ``maxItems``, ``minimum`` ...
        value: The limit.
        items: Whether it limits each item of an array rather than the array.
        required: Whether the schema requires the member (an absent optional
            array, ``()``, is not held to ``minItems``).
    """

    field: str
    keyword: str
    value: int | float
    items: bool = False
    required: bool = False


@functools.cache
def _schema_file(name: str) -> Mapping[str, Any]:
    text = resources.files("civicspace").joinpath("schemas", name).read_text("utf-8")
    loaded: Mapping[str, Any] = json.loads(text)
    return loaded


def _resolve(schema: Mapping[str, Any], file: str) -> tuple[Mapping[str, Any], str]:
    """Follow ``$ref`` to the schema it names; the file it is in."""
    while "$ref" in schema:
        target, _, pointer = schema["$ref"].partition("#")
        file = target or file
        found: Any = _schema_file(file)
        for part in pointer.strip("/").split("/") if pointer.strip("/") else ():
            found = found[part]
        schema = found
    return schema, file


def _constraints(schema: Mapping[str, Any], file: str) -> tuple[dict[str, Any], str]:
    """The limits a member's schema states, directly or through its ``$ref``; its item schema."""
    found = {keyword: schema[keyword] for keyword in _KEYWORDS if keyword in schema}
    resolved, file = _resolve(schema, file)
    for keyword in _KEYWORDS:
        if keyword in resolved:
            found.setdefault(keyword, resolved[keyword])
    return found, file


def _model_classes_in(hint: Any) -> list[type[Any]]:
    """The attrs classes a field's type names: ``tuple[Event, ...]``, ``Person | None``."""
    return [cls for cls in classes_in(hint) if attrs.has(cls)]


def _walk(
    cls: type[Any], schema: Mapping[str, Any], file: str, found: dict[type[Any], list[Limit]]
) -> None:
    """Record the limits of ``cls`` described by ``schema``, and of the classes it holds."""
    if cls in found:
        return
    schema, file = _resolve(schema, file)
    properties = schema.get("properties")
    if not isinstance(properties, Mapping):
        return  # a value with a JSON form of its own (a term, a date), or alternatives
    limits = found[cls] = []
    required = set(schema.get("required", ()))
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        member = properties.get(field.name)
        if member is None:
            continue
        stated, member_file = _constraints(member, file)
        resolved, _ = _resolve(member, file)
        for keyword, value in stated.items():
            limits.append(Limit(field.name, keyword, value, required=field.name in required))
        item_schema = resolved.get("items")
        if isinstance(item_schema, Mapping):
            item_limits, _ = _constraints(item_schema, member_file)
            for keyword, value in item_limits.items():
                limits.append(Limit(field.name, keyword, value, items=True))
            for inner in _model_classes_in(hints[field.name]):
                _walk(inner, item_schema, member_file, found)
        else:
            for inner in _model_classes_in(hints[field.name]):
                _walk(inner, member, file, found)


@functools.cache
def _all_limits() -> Mapping[type[Any], tuple[Limit, ...]]:
    from .records import RECORD_TYPES

    found: dict[type[Any], list[Limit]] = {}
    for name, cls in RECORD_TYPES.items():
        _walk(cls, _schema_file(f"{name}.json"), f"{name}.json", found)
    return types.MappingProxyType({cls: tuple(limits) for cls, limits in found.items()})


def limits_of(cls: type[Any]) -> tuple[Limit, ...]:
    """The limits the schemas set on the fields of a model class (none for other classes)."""
    return _all_limits().get(cls, ())


# -- Generated checks ------------------------------------------------------------------------------

_MESSAGES = {
    "maxLength": (
        "len({v}) > {limit}",
        "has {{len({v}):,}} characters; at most {limit:,} are allowed",
    ),
    "minLength": ("len({v}) < {limit}", "has {{len({v}):,}} characters; at least {limit:,} needed"),
    "maxItems": ("len({v}) > {limit}", "has {{len({v}):,}} items; at most {limit:,} are allowed"),
    "minItems": ("len({v}) < {limit}", "has {{len({v}):,}} items; at least {limit:,} are needed"),
    "minimum": ("{v} < {limit}", "is {{{v}}}; the minimum is {limit}"),
    "maximum": ("{v} > {limit}", "is {{{v}}}; the maximum is {limit}"),
}
_APPLIES = {
    "maxLength": "isinstance({v}, str)",
    "minLength": "isinstance({v}, str)",
    "maxItems": "isinstance({v}, tuple)",
    "minItems": "isinstance({v}, tuple)",
    "minimum": "isinstance({v}, int | float) and not isinstance({v}, bool)",
    "maximum": "isinstance({v}, int | float) and not isinstance({v}, bool)",
}


def _check_lines(limit: Limit) -> list[str]:
    test, message = _MESSAGES[limit.keyword]
    where = limit.field
    if limit.items:
        v, indent = "item", "        "
        lines = [f"    for index, item in enumerate(self.{limit.field}):\n"]
        where = f"{limit.field}[{{index}}]"
    else:
        v, indent = f"self.{limit.field}", "    "
        lines = []
    applies = _APPLIES[limit.keyword].format(v=v)
    if limit.keyword == "minItems" and not limit.required:
        applies += f" and len({v}) > 0"  # an empty optional array is an absent member
    condition = test.format(v=v, limit=limit.value)
    text = message.format(v=v, limit=limit.value)
    lines += [
        f"{indent}if {applies} and {condition}:\n",
        f'{indent}    raise FieldValueError(f"{where} {text}", field={limit.field!r})\n',
    ]
    return lines


def _generated_check(cls: type[Any], limits: tuple[Limit, ...]) -> Callable[[Any], None]:
    name = f"check_limits_{cls.__name__}"
    lines = [f"def {name}(self):\n"]
    for limit in limits:
        lines += _check_lines(limit)
    source = "".join(lines)
    filename = f"<civicspace generated {name} {cls.__module__}.{cls.__qualname__}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace: dict[str, Any] = {"FieldValueError": FieldValueError}
    exec(compile(source, filename, "exec"), namespace)
    check: Callable[[Any], None] = namespace[name]
    return check


# Each class's ``__init__`` as attrs wrote it, before the limit checks were installed over it.
_UNCHECKED: dict[type[Any], Callable[..., None]] = {}


def unchecked_init(cls: type[Any]) -> Callable[..., None] | None:
    """The ``__init__`` attrs wrote for ``cls``, without the generated limit checks.

    For building objects from a value its schema has proved: every limit these checks hold is
    one the schema states, so the schema has held it already.  ``None`` for a class the checks
    were not installed on.
    """
    return _UNCHECKED.get(cls)


def _install(cls: type[Any]) -> None:
    if cls in _UNCHECKED:  # met again under another name (``Person = CasePerson``)
        return
    original = cls.__init__
    _UNCHECKED[cls] = original

    def first_init(self: Any, *args: Any, **kwargs: Any) -> None:
        limits = limits_of(cls)
        if not limits:
            cls.__init__ = original
        else:
            check = _generated_check(cls, limits)

            @functools.wraps(original)
            def checked_init(self: Any, *args: Any, **kwargs: Any) -> None:
                original(self, *args, **kwargs)
                check(self)

            cls.__init__ = checked_init
        cls.__init__(self, *args, **kwargs)

    functools.update_wrapper(first_init, original)
    cls.__init__ = first_init


def enforce_schema_limits(modules: Iterable[types.ModuleType]) -> None:
    """Make every attrs class defined in ``modules`` check its schema limits when built."""
    for module in modules:
        for value in list(vars(module).values()):
            if isinstance(value, type) and attrs.has(value) and value.__module__ == module.__name__:
                _install(value)
