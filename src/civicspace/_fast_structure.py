"""A fast structuring path for records the schema has proven valid (#9).

The strict converter (:mod:`civicspace._convert`) checks every value's
JSON type, every object's members and every enum value before it builds an
object, and wraps each step to report paths.  Once a record parsed from
JSON text has passed its schema, those checks are proven; what the schema
cannot express still has to run: the model classes' own validators (a
range's minimum not above its maximum, an id's country, ...), the parsing of
value types (a date's calendar validity, a term's one spelling) and the
attrs converters.

:func:`structure_proven` builds the frozen objects with one function per
attrs class, generated from the class's fields and type hints (so a new
field or a new record kind needs nothing here).  Each generated function
calls the class itself, so every attrs validator runs; value types with a
hook of their own (dates, terms, amounts, unions of terms) go through the
converter's hook for them.  Only the converter's checks of JSON types,
members and enum spellings are left out, and those the schema proved.

Whenever the fast path raises anything, the strict converter structures the
record again and its issues are the ones reported: the fast path changes
speed, never a verdict, a path or a code.
"""

from __future__ import annotations

import enum
import threading
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

from ._convert import converter, record_type_of
from ._errors import Issue
from ._structure import structure_record

__all__ = ["builder", "is_generic_attrs_class", "optional_of", "structure_proven"]

Build = Callable[[Any], Any]

_BUILDERS: dict[Any, Build] = {}  # per class or type hint: bounded by the model's classes
_PENDING: dict[Any, Build] = {}  # classes being generated, seen only by their thread
_GENERATING = threading.RLock()


def structure_proven(cls: type[Any], value: Any) -> tuple[Any, list[Issue]]:
    """Structure ``value``, parsed from JSON text and valid against its schema, into ``cls``.

    The object, or ``None`` and the issues, exactly as
    :func:`~civicspace._structure.structure_record` gives them: anything the
    fast path cannot build is structured again by the strict converter.
    """
    try:
        return builder(cls)(value), []
    except Exception:
        return structure_record(cls, value)


def builder(hint: Any) -> Build:
    """The function that builds a value of type ``hint`` from its schema-valid JSON value."""
    found = _BUILDERS.get(hint)
    if found is None:
        with _GENERATING:  # one thread generates; the others wait for its functions
            found = _BUILDERS.get(hint) or _PENDING.get(hint)
            if found is None:
                found = _BUILDERS[hint] = _make_builder(hint)
    return found


def _identity(value: Any) -> Any:
    return value


def _whole(value: Any) -> int:
    # JSON Schema counts 18.0 as an integer, and the strict converter makes it 18.
    return value if type(value) is int else int(value)


# A float goes through the converter's hook, which refuses infinity (json.loads reads 1e400 so).
_PLAIN: dict[Any, Build] = {str: _identity, bool: _identity, int: _whole}


def _generic_attrs_code() -> Any:
    """The code of the converter's hook for attrs classes, shared by every class it serves."""

    @attrs.frozen
    class Probe:
        value: str

    return getattr(converter.get_structure_hook(Probe), "__code__", None)


_GENERIC_ATTRS_CODE = _generic_attrs_code()


def is_generic_attrs_class(hint: Any) -> bool:
    """Whether ``hint`` is an attrs class the converter handles field by field.

    A class with a hook of its own (a value type with a string JSON form,
    such as a date or a term) is not.
    """
    if not (isinstance(hint, type) and attrs.has(hint)):
        return False
    hook = converter.get_structure_hook(hint)
    return getattr(hook, "__code__", None) is _GENERIC_ATTRS_CODE


def _make_builder(hint: Any) -> Build:
    plain = _PLAIN.get(hint)
    if plain is not None:
        return plain
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _enum_builder(hint)
    item = _tuple_item(hint)
    if item is not None:
        return _tuple_builder(builder(item))
    optional = optional_of(hint)
    if optional is not None:
        inner = builder(optional)
        return lambda value: None if value is None else inner(value)
    if is_generic_attrs_class(hint):
        # A class that holds itself, at any depth, finds its builder when it runs.
        _PENDING[hint] = lambda value: _BUILDERS[hint](value)
        try:
            return _attrs_builder(hint)
        finally:
            del _PENDING[hint]
    hook = converter.get_structure_hook(hint)  # a value type with a hook of its own
    return lambda value: hook(value, hint)


def optional_of(hint: Any) -> Any:
    """``X`` for a hint ``X | None``; ``None`` for any other hint."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and len(args) == 2:
        if args[1] is type(None):
            return args[0]
        if args[0] is type(None):
            return args[1]
    return None


def _enum_builder(cls: type[enum.Enum]) -> Build:
    members = {member.value: member for member in cls}
    kinds = frozenset(type(value) for value in members)

    def build(value: Any) -> Any:
        if type(value) not in kinds:  # exact types, as the strict hook: 1.0 is not 1
            raise TypeError(f"{value!r} is not a value of {cls.__name__}")
        return members[value]

    return build


def _tuple_item(hint: Any) -> Any:
    """``X`` for a hint ``tuple[X, ...]``; ``None`` for any other hint."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return args[0]
    return None


def _tuple_builder(item: Build) -> Build:
    if item is _identity:
        return tuple
    return lambda value: tuple([item(each) for each in value])


def _attrs_builder(cls: type[Any]) -> Build:
    """One function, generated from the fields of ``cls``, that calls ``cls`` with them.

    A required member is read with ``value[name]``; an optional one falls
    back to the field's default when absent (a factory default is left to
    the class).  The record ``type`` tag is not read: the schema proved it.
    A member the class does not have raises, leaving the issue to the
    strict converter.
    """
    hints = typing.get_type_hints(cls)
    known = {field.name for field in attrs.fields(cls) if field.init}
    if record_type_of(cls) is not None:
        known.add("type")
    # The schemas forbid other members; checked again (cheaply) so that a schema that did
    # not would still leave the refusal, and its issue, to the strict converter.
    namespace: dict[str, Any] = {"cls": cls, "known": frozenset(known)}
    arguments: list[str] = []
    factories: list[str] = []
    for index, field in enumerate(attrs.fields(cls)):
        if not field.init:
            continue
        hint = hints[field.name]
        key = repr(field.name)
        inner = optional_of(hint)
        if inner is not None and field.default is None:  # absent or null: None
            build = builder(inner)
            if build is _identity:
                arguments.append(f"{field.alias}=value.get({key})")
            else:
                namespace[f"b{index}"] = build
                arguments.append(
                    f"{field.alias}=None if (v{index} := value.get({key})) is None "
                    f"else b{index}(v{index})"
                )
            continue
        build = builder(hint)
        item = _tuple_item(hint)
        if build is _identity:
            read = f"value[{key}]"
        elif item is not None and builder(item) is not _identity:  # inlined: one call less
            namespace[f"b{index}"] = builder(item)
            read = f"tuple([b{index}(each) for each in value[{key}]])"
        else:
            namespace[f"b{index}"] = build
            read = f"b{index}(value[{key}])"
        if field.default is attrs.NOTHING:
            arguments.append(f"{field.alias}={read}")
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            factories.append(f"    if {key} in value:\n        extra[{field.alias!r}] = {read}\n")
        else:
            namespace[f"d{index}"] = field.default
            arguments.append(f"{field.alias}={read} if {key} in value else d{index}")
    lines = [f"def build_{cls.__name__}(value):\n"]
    lines.append("    if not known.issuperset(value):\n        raise KeyError(value)\n")
    if factories:
        lines.append("    extra = {}\n")
        lines.extend(factories)
        arguments.append("**extra")
    lines.append(f"    return cls({', '.join(arguments)})\n")
    code = "".join(lines)
    exec(compile(code, f"<civicspace fast structure {cls.__qualname__}>", "exec"), namespace)
    built: Build = namespace[f"build_{cls.__name__}"]
    return built
