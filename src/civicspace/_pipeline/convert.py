"""The one strict cattrs converter between JSON values and the model classes.

Structuring refuses what the schemas refuse: a bool is not a number, a
number is not a string, ``"18"`` is not 18, 18.5 is not a whole number
(18.0 is, as JSON Schema counts it), a string is not a list, and an enum
value must be one of its members, checked per enum.  Records carry their
``type`` tag in JSON.  Unstructuring leaves out optional fields that are
unset (``None`` or an empty tuple), so ``unstructure(structure(x)) == x``
for every document the schemas accept.

Every hook is registered here, in :func:`make_converter`; the model modules
hold no (un)structuring code.
"""

from __future__ import annotations

import datetime
import enum
import functools
import math
import re
import types
import typing
import weakref
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from .._model.common import PartialDate
from .._model.money import DECIMAL_TEXT
from .._model.records import record_type_of
from .._model.sentences import REMAINDER, Remainder
from .._model.terms import LIFE, Life, Term, TermRange
from .._util.echo import echo, quoted

if typing.TYPE_CHECKING:  # cattrs is imported when the converter is first used
    import cattrs

__all__ = ["converter", "field_by_field"]

T = TypeVar("T")


def _type_name(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _expected(what: str, value: object) -> TypeError:
    return TypeError(f"expected {what}, got {_type_name(value)}")


def _structure_str(value: object, cls: type[Any]) -> str:
    if cls is not str and _is_enum(cls):  # a str-valued enum: check it against its members
        structured: str = _enum_hook(cls)(value, cls)
        return structured
    if not isinstance(value, str):
        raise _expected("a string", value)
    return value


def _structure_int(value: object, cls: type[Any]) -> int:
    if cls is not int and _is_enum(cls):  # an int-valued enum: check it against its members
        structured: int = _enum_hook(cls)(value, cls)
        return structured
    if type(value) is int:
        return value
    if type(value) is float and value.is_integer():
        return int(value)
    raise _expected("a whole number", value)


def _structure_float(value: object, _: type[Any]) -> float:
    # ``float`` fields accept JSON integers as they are, so 25 stays 25.
    if type(value) is int or (type(value) is float and math.isfinite(value)):
        return value
    raise _expected("a finite number", value)


def _structure_bool(value: object, _: type[Any]) -> bool:
    if type(value) is not bool:
        raise _expected("true or false", value)
    return value


def _structure_partial_date(value: object, _: type[Any]) -> PartialDate:
    if not isinstance(value, str):
        raise _expected("a date string", value)
    return PartialDate.parse(value)


def _is_enum(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, enum.Enum)


def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, type[Any]], Any]:
    hook = _ENUM_HOOKS.get(cls)
    if hook is None:
        hook = _ENUM_HOOKS[cls] = _make_enum_hook(cls)
    return hook


_ENUM_HOOKS: dict[type[enum.Enum], Callable[[object, type[Any]], Any]] = {}


def _make_enum_hook(cls: type[enum.Enum]) -> Callable[[object, type[Any]], Any]:
    members = {member.value: member for member in cls}
    allowed = ", ".join(repr(value) for value in members)

    def structure(value: object, _: type[Any]) -> Any:
        # Exact types only: True must not pass for 1, nor a str subclass for a str.
        if type(value) in {type(key) for key in members}:
            member = members.get(value)
            if member is not None:
                return member
        shown = quoted(value) if isinstance(value, str) else echo(value)
        raise ValueError(f"{shown} is not one of {allowed}")

    return structure


def _is_homogeneous_tuple(cls: Any) -> bool:
    args = typing.get_args(cls)
    return typing.get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(
    converter: cattrs.Converter,
) -> Callable[[Any], Callable[[object, Any], tuple[Any, ...]]]:
    from cattrs.errors import IterableValidationError, IterableValidationNote

    def factory(cls: Any) -> Callable[[object, Any], tuple[Any, ...]]:
        item_type = typing.get_args(cls)[0]
        structure_item = converter.get_structure_hook(item_type)

        def structure(value: object, _: Any) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise _expected("an array", value)
            items = []
            errors = []
            for index, item in enumerate(value):
                try:
                    items.append(structure_item(item, item_type))
                except Exception as error:
                    error.__notes__ = [
                        *getattr(error, "__notes__", []),
                        IterableValidationNote(
                            f"Structuring {cls} @ index {index}", index, item_type
                        ),
                    ]
                    errors.append(error)
            if errors:
                raise IterableValidationError(f"While structuring {cls!r}", errors, cls)
            return tuple(items)

        return structure

    return factory


def _unstructure_tuple_hook(
    converter: cattrs.Converter,
) -> Callable[[Any], Callable[[Any], list[Any]]]:
    def factory(cls: Any) -> Callable[[Any], list[Any]]:
        unstructure_item = converter.get_unstructure_hook(typing.get_args(cls)[0])

        def unstructure(value: tuple[Any, ...]) -> list[Any]:
            return [unstructure_item(item) for item in value]

        return unstructure

    return factory


# Every hook the attrs factories below made: a class the converter serves with one of them is
# (un)structured field by field, as :func:`field_by_field` tells; a value type with a hook of its
# own (a date, a term) never reaches the factories.  cattrs may call a factory more than once for
# a class (a nested lookup skips its cache), so each hook is kept, weakly, not one per class.
_FIELD_BY_FIELD: weakref.WeakSet[Callable[..., Any]] = weakref.WeakSet()


def field_by_field(converter: cattrs.Converter, cls: Any) -> bool:
    """Whether ``converter`` structures and unstructures ``cls`` member by member.

    True for an attrs class the converter serves with its generic hooks for
    attrs classes (an object in JSON, one member per field); false for a
    value type with hooks of its own (a date or a term, a string in JSON) and
    for anything that is not an attrs class.
    """
    if not (isinstance(cls, type) and attrs.has(cls)):
        return False
    structure = converter.get_structure_hook(cls)  # made, and recorded, on first use
    unstructure = converter.get_unstructure_hook(cls)
    return structure in _FIELD_BY_FIELD and unstructure in _FIELD_BY_FIELD


def _attrs_hooks(converter: cattrs.Converter) -> None:
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

    def structure_factory(cls: type[Any]) -> Callable[[object, type[Any]], Any]:
        inner = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)
        tag = record_type_of(cls)

        def structure(value: object, _: type[Any]) -> Any:
            if not isinstance(value, dict):
                raise _expected("an object", value)
            if tag is not None:
                if value.get("type") != tag:
                    raise ValueError(f"expected a record of type {tag!r}")
                value = {key: item for key, item in value.items() if key != "type"}
            return inner(value, cls)

        _FIELD_BY_FIELD.add(structure)
        return structure

    def unstructure_factory(cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
        overrides: dict[str, Any] = {
            field.name: override(omit_if_default=True)
            for field in attrs.fields(cls)
            if field.default is None or field.default == ()
        }
        inner = make_dict_unstructure_fn(cls, converter, **overrides)
        tag = record_type_of(cls)
        if tag is None:
            _FIELD_BY_FIELD.add(inner)
            return inner

        def unstructure(value: Any) -> dict[str, Any]:
            return {"type": tag, **inner(value)}

        _FIELD_BY_FIELD.add(unstructure)
        return unstructure

    converter.register_structure_hook_factory(attrs.has, structure_factory)
    converter.register_unstructure_hook_factory(attrs.has, unstructure_factory)


# -- Terms, money and custody (sentence.json) ----------------------------------------------------

_TERM_CLASSES: frozenset[type[Any]] = frozenset({Term, TermRange, Life, Remainder})
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_TERM_MAX_LENGTH = 32  # as sentence.json#/$defs/term has it


def _structure_term(value: object, _: type[Any]) -> Term:
    if not isinstance(value, str):
        raise _expected("a term such as 'P18M'", value)
    if len(value) > _TERM_MAX_LENGTH:
        raise ValueError(f"a term is at most {_TERM_MAX_LENGTH} characters long")
    term = Term.parse(value)
    if str(term) != value:
        raise ValueError(
            f"{quoted(value)} is not written the one way the schema allows: write {term}"
        )
    return term


def _structure_decimal(value: object, _: type[Any]) -> Decimal:
    if not isinstance(value, str):
        raise _expected("an amount written as a string such as '4000000'", value)
    if DECIMAL_TEXT.fullmatch(value) is None:
        raise ValueError(
            f"{value[:40]!r} is not a decimal amount such as '4000000' or '1250.50' "
            "(digits and one optional point; no sign, exponent, spaces or separators)"
        )
    return Decimal(value)


def _unstructure_decimal(value: Decimal) -> str:
    return format(value, "f")  # never an exponent: Decimal("1E+3") is "1000"


def _structure_day(value: object, _: type[Any]) -> datetime.date:
    if not isinstance(value, str):
        raise _expected("a date string", value)
    if _DAY.fullmatch(value) is None:
        raise ValueError(f"{value[:40]!r} is not a date of the form YYYY-MM-DD")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{quoted(value)} is not a calendar date") from None


def _is_term_union(cls: Any) -> bool:
    if typing.get_origin(cls) not in (typing.Union, types.UnionType):
        return False
    members = set(typing.get_args(cls)) - {type(None)}
    return bool(members) and members <= _TERM_CLASSES


def _term_union_hook(
    converter: cattrs.Converter,
) -> Callable[[Any], Callable[[object, Any], Term | TermRange | Life | Remainder]]:
    def factory(cls: Any) -> Callable[[object, Any], Term | TermRange | Life | Remainder]:
        members = set(typing.get_args(cls))
        words = [
            word
            for member, word in (
                (Term, "a term such as 'P18M'"),
                (Life, "'life'"),
                (Remainder, "'remainder'"),
                (TermRange, "a range such as {'minimum': 'P18M', 'maximum': 'P20M'}"),
            )
            if member in members
        ]
        expected = " or ".join(words)

        def structure(value: object, _: Any) -> Term | TermRange | Life | Remainder:
            if Life in members and type(value) is str and value == LIFE.value:
                return LIFE
            if Remainder in members and type(value) is str and value == REMAINDER.value:
                return REMAINDER
            if Term in members and isinstance(value, str):
                return _structure_term(value, Term)
            if TermRange in members and isinstance(value, dict):
                structured: TermRange = converter.structure(value, TermRange)
                return structured
            raise _expected(expected, value)

        return structure

    return factory


def _sentence_hooks(converter: cattrs.Converter) -> None:
    converter.register_structure_hook(Term, _structure_term)
    converter.register_unstructure_hook(Term, str)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Decimal, _unstructure_decimal)
    converter.register_structure_hook(datetime.date, _structure_day)
    converter.register_structure_hook_factory(_is_term_union, _term_union_hook(converter))
    converter.register_unstructure_hook_func(_is_term_union, converter.unstructure)


def make_converter() -> cattrs.Converter:
    """Build the strict converter; :data:`converter` is the one instance used."""
    import cattrs

    converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    # Registered by class, so they also receive str- and int-valued enums,
    # which they hand to the enum's own hook.
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(PartialDate, _structure_partial_date)
    converter.register_unstructure_hook(PartialDate, str)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    converter.register_structure_hook_factory(_is_enum, _enum_hook)
    converter.register_unstructure_hook_func(_is_enum, lambda member: member.value)
    # A str-valued enum (StrEnum) would otherwise be caught by cattrs' hook for str and
    # dumped as the member itself, which the strict enum hooks refuse when read back.
    converter.register_unstructure_hook(enum.StrEnum, lambda member: member.value)
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook(converter))
    converter.register_unstructure_hook_factory(
        _is_homogeneous_tuple, _unstructure_tuple_hook(converter)
    )
    _attrs_hooks(converter)
    _sentence_hooks(converter)
    return converter


#: The converter every part of civicspace uses, built (and cattrs imported) on first use, so
#: that ``import civicspace`` does without cattrs.
converter: cattrs.Converter


def __getattr__(name: str) -> Any:
    if name == "converter":
        built = globals()["converter"] = _built_converter()
        return built
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.cache
def _built_converter() -> cattrs.Converter:
    return make_converter()
