"""Reading type hints: the classes a field's annotation names."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from typing import Any

__all__ = ["classes_in"]


def classes_in(annotation: Any) -> Iterator[type[Any]]:
    """Every class a type hint names, at any depth: ``Term | TermRange | None`` names three."""
    if isinstance(annotation, type):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from classes_in(argument)
