"""A fast unstructuring path for :func:`civicspace.dump`.

The converter's unstructure functions (:mod:`civicspace._pipeline.convert`) dispatch
on every value's type through cattrs.  :func:`unstructure` gives the very
same JSON-ready values with one function per record type, generated from
the fields and type hints of its class and the classes it holds (so a new
field or record kind needs nothing here), that writes the whole tree inline:
the record ``type`` tag first, then the fields in order, those
always written before the optional ones (default ``None`` or ``()``),
which are left out when they hold their default (as cattrs orders them),
strings and numbers as they are, tuples as lists, enums by their values,
nested model objects inline (one met again inside itself, or nested deeper
than :data:`_MAX_DEPTH`, by its own generated function), and every other
value (dates, terms, amounts) by the converter's own hook for its type.
One call per record instead of one per object (``benchmarks/README.md``
gives the measured effect).
"""

from __future__ import annotations

import enum
import itertools
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


# Past this depth of nested classes a class is written by a call of its own function.
_MAX_DEPTH = 10


class _Writer:
    """The code of one function that writes an attrs class and every object it holds, inline.

    Each class is written as its own function would write it (its fields
    in the order cattrs writes them, optional ones left out when they hold
    their default); a class met again inside itself, or nested too deep,
    through its own function.
    """

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {}
        self.lines: list[str] = []
        self.serial = itertools.count()
        self.inside: list[type[Any]] = []

    def fresh(self, prefix: str) -> str:
        return f"{prefix}{next(self.serial)}"

    def emit(self, indent: int, line: str) -> None:
        self.lines.append("    " * indent + line + "\n")

    def inlined(self, hint: Any) -> bool:
        return (
            is_generic_attrs_class(hint)
            and hint not in self.inside
            and len(self.inside) < _MAX_DEPTH
        )

    def expression(self, hint: Any, name: str) -> str | None:
        """An expression writing the value in the variable ``name``; ``None`` if statements must."""
        args = typing.get_args(hint)
        if typing.get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis:
            each = self.fresh("e")
            item = self.expression(args[0], each)
            if item is None:
                return None
            return f"list({name})" if item == each else f"[{item} for {each} in {name}]"
        if self.inlined(hint):
            return None
        if _is_value_enum(hint):
            return f"{name}._value_"  # what .value gives, without the descriptor's call
        write = dumper(hint)
        if write is _IDENTITY:
            return name
        function = self.fresh("w")
        self.namespace[function] = write
        return f"{function}({name})"

    def value(self, hint: Any, name: str, target: str, indent: int) -> None:
        """Statements writing the value in the variable ``name`` into the variable ``target``."""
        expression = self.expression(hint, name)
        if expression is not None:
            self.emit(indent, f"{target} = {expression}")
            return
        args = typing.get_args(hint)
        if typing.get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis:
            each, items, written = self.fresh("e"), self.fresh("l"), self.fresh("o")
            self.emit(indent, f"{items} = []")
            self.emit(indent, f"for {each} in {name}:")
            self.value(args[0], each, written, indent + 1)
            self.emit(indent + 1, f"{items}.append({written})")
            self.emit(indent, f"{target} = {items}")
            return
        self.attrs_class(hint, name, target, indent)

    def attrs_class(self, cls: type[Any], name: str, target: str, indent: int) -> None:
        hints = typing.get_type_hints(cls)
        tag = record_type_of(cls)
        fields = [field for field in attrs.fields(cls) if field.init]
        # As cattrs writes them: the fields always written first, then the optional ones.
        fields.sort(key=lambda field: field.default is None or field.default == ())
        self.inside.append(cls)
        # The leading fields always written, each as one expression: in the dict's literal.
        members = [f"'type': {tag!r}"] if tag is not None else []
        while fields and not (fields[0].default is None or fields[0].default == ()):
            expression = self.expression(hints[fields[0].name], f"{name}.{fields[0].name}")
            if expression is None:
                break
            members.append(f"{fields[0].name!r}: {expression}")
            fields.pop(0)
        self.emit(indent, f"{target} = {{{', '.join(members)}}}")
        for field in fields:
            hint = hints[field.name]
            key = repr(field.name)
            omitted = field.default is None or field.default == ()
            inner = optional_of(hint) if field.default is None else None
            local = self.fresh("v")
            self.emit(indent, f"{local} = {name}.{field.name}")
            body = indent
            if field.default is None and omitted:
                self.emit(indent, f"if {local} is not None:")
                body += 1
            elif omitted and typing.get_origin(hint) is tuple:  # a tuple: empty is false
                self.emit(indent, f"if {local}:")
                body += 1
            elif omitted:
                self.emit(indent, f"if {local} != ():")
                body += 1
            expression = self.expression(inner if inner is not None else hint, local)
            if expression is not None:
                self.emit(body, f"{target}[{key}] = {expression}")
            else:
                written = self.fresh("o")
                self.value(inner if inner is not None else hint, local, written, body)
                self.emit(body, f"{target}[{key}] = {written}")
        self.inside.pop()


def _attrs_dumper(cls: type[Any]) -> Dump:
    """One function, generated from ``cls`` and the classes it holds, that writes its dict.

    The whole tree inline (:class:`_Writer`): one call per record, not one per object.
    """
    writer = _Writer()
    name = f"dump_{cls.__name__}"
    writer.emit(0, f"def {name}(obj):")
    writer.attrs_class(cls, "obj", "out", 1)
    writer.emit(1, "return out")
    built: Dump = compile_generated("".join(writer.lines), name, writer.namespace)
    return built
