"""Public classes that say where users import them from.

A class defined in a private module reports that module in tracebacks,
reprs and the docs (``civicspace._model.cases.Case``).  :func:`publish` sets
``__module__`` of each public class to the public module that exports it,
after resolving its string annotations in the module that wrote them, so
that :func:`typing.get_type_hints` and :func:`attrs.resolve_types` keep
working.  Pickle finds a class by ``__module__`` and ``__qualname__``, so a
published class must be exported under its own name.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ..errors import CivicspaceError

__all__ = ["publish"]


def publish(namespace: Mapping[str, Any], names: Iterable[str], module: str) -> None:
    """Make each class in ``names`` of ``namespace`` report ``module`` as its ``__module__``.

    Only classes defined in a private module of the package (``civicspace._...``)
    change; others are left as they are (``civicspace.errors.ParseError``
    already names a public module).

    Raises:
        CivicspaceError: when a class is exported under another name than
            its own, which pickle could not find.

    """
    private = f"{module.partition('.')[0]}._"
    for name in names:
        cls = namespace[name]
        if not isinstance(cls, type) or not cls.__module__.startswith(private):
            continue
        if cls.__qualname__ != name:
            raise CivicspaceError(f"{module}.{name} is the class {cls.__qualname__}")
        own = inspect.get_annotations(cls)
        if any(isinstance(value, str) for value in own.values()):
            cls.__annotations__ = inspect.get_annotations(cls, eval_str=True)
            if attrs.has(cls):
                attrs.resolve_types(cls)
        cls.__module__ = module
