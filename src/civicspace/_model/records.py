"""The record types: each model class that stands alone as a document, by its ``type``.

A record class registers itself with :func:`record_type`; the table of
record types (:data:`RECORD_TYPES`) is read from those registrations, so a
new record type is added where its class is written and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

__all__ = ["RECORD_TYPES", "record_type", "record_type_of"]

C = TypeVar("C", bound=type[Any])

_CLASSES: dict[str, type[Any]] = {}
_TYPES: dict[type[Any], str] = {}


def record_type(name: str) -> Callable[[C], C]:
    """Register the decorated class as the record type ``name`` (its schema is ``name.json``)."""

    def register(cls: C) -> C:
        if _CLASSES.setdefault(name, cls) is not cls:
            raise ValueError(f"record type {name!r} is registered twice")
        _TYPES[cls] = name
        return cls

    return register


def record_type_of(cls: type[Any]) -> str | None:
    """The record type of a record class, or ``None`` for a class that is not a record."""
    return _TYPES.get(cls)


class _RecordTypes(Mapping[str, type[Any]]):
    """Record type → model class, in alphabetical order of the types."""

    def __getitem__(self, name: str) -> type[Any]:
        return _CLASSES[name]

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(_CLASSES))

    def __len__(self) -> int:
        return len(_CLASSES)

    def __repr__(self) -> str:
        return f"RECORD_TYPES({dict(self)!r})"


#: Record type → model class; the type is also the name of the record's schema.
RECORD_TYPES: Mapping[str, type[Any]] = _RecordTypes()
