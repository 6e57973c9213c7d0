"""A fast unstructuring path for :func:`civicspace.dump`.

The converter's unstructure functions (:mod:`civicspace._pipeline.convert`) dispatch
on every value's type through cattrs.  :func:`unstructure` gives the very
same JSON-ready values with one function per attrs class, generated from
its fields and type hints (so a new field or record kind needs nothing
here): the record ``type`` tag first, then the fields in order, those
always written before the optional ones (default ``None`` or ``()``),
which are left out when they hold their default (as cattrs orders them),
strings and numbers as they are, tuples as lists, nested model objects by
their own generated function, and every other value (dates, terms, amounts,
enums) by the converter's own hook for its type.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Callable
from typing import Any

import attrs
import cattrs.fns

from ..._model.records import record_type_of
from ..convert import converter
from .structure import GeneratedFunctions, compile_generated, is_generic_attrs_class, optional_of

__all__ = ["dumper", "unstructure"]

Dump = Callable[[Any], Any]


def unstructure(obj: Any) -> Any:
    """The JSON-ready value of a model object, as the converter gives it."""
    return dumper(type(obj))(obj)


def dumper(hint: Any) -> Dump:
    """The function that gives the JSON-ready value of a value of type ``hint``."""
    return _DUMPERS(hint)


_IDENTITY: Dump = cattrs.fns.identity


def _make_dumper(hint: Any) -> Dump:
    args = typing.get_args(hint)
    if typing.get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = dumper(args[0])
        if item is _IDENTITY:
            return list
        return lambda value: [item(each) for each in value]
    if is_generic_attrs_class(hint):
        return _DUMPERS.generating(hint, lambda: _attrs_dumper(hint))
    hook: Dump = converter.get_unstructure_hook(hint)
    return hook


_DUMPERS = GeneratedFunctions(_make_dumper)


def _is_value_enum(hint: Any) -> bool:
    """Whether ``hint`` is an enum the converter writes as its members' values."""
    if not (isinstance(hint, type) and issubclass(hint, enum.Enum)):
        return False
    hook = converter.get_unstructure_hook(hint)
    return all(type(hook(member)) is type(member.value) for member in hint) and all(
        hook(member) == member.value for member in hint
    )


def _expression(hint: Any, name: str, namespace: dict[str, Any]) -> str:
    """Code that writes the value in the variable ``name``, of type ``hint``."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _expression(args[0], f"{name}_", namespace)
        return f"list({name})" if item == f"{name}_" else f"[{item} for {name}_ in {name}]"
    if _is_value_enum(hint):
        return f"{name}.value"
    write = dumper(hint)
    if write is _IDENTITY:
        return name
    namespace[f"w_{name}"] = write
    return f"w_{name}({name})"


def _attrs_dumper(cls: type[Any]) -> Dump:
    """One function, generated from the fields of ``cls``, that writes its dict."""
    hints = typing.get_type_hints(cls)
    namespace: dict[str, Any] = {}
    tag = record_type_of(cls)
    lines = [f"def dump_{cls.__name__}(obj):\n"]
    lines.append(f"    out = {{'type': {tag!r}}}\n" if tag is not None else "    out = {}\n")
    fields = [field for field in attrs.fields(cls) if field.init]
    # As cattrs writes them: the fields always written first, then the optional ones.
    fields.sort(key=lambda field: field.default is None or field.default == ())
    for index, field in enumerate(fields):
        hint = hints[field.name]
        key = repr(field.name)
        omitted = field.default is None or field.default == ()
        inner = optional_of(hint) if field.default is None else None
        value = _expression(inner if inner is not None else hint, f"v{index}", namespace)
        lines.append(f"    v{index} = obj.{field.name}\n")
        if not omitted:
            lines.append(f"    out[{key}] = {value}\n")
        elif field.default is None:
            lines.append(f"    if v{index} is not None:\n        out[{key}] = {value}\n")
        else:
            lines.append(f"    if v{index} != ():\n        out[{key}] = {value}\n")
    lines.append("    return out\n")
    built: Dump = compile_generated("".join(lines), f"dump_{cls.__name__}", namespace)
    return built
