"""Structuring: the third step of the data flow, from JSON values to model objects.

The converter raises cattrs' exception groups; this module walks them into
:class:`Issue` values whose paths point at the field at fault.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from .._util.echo import cut, quoted
from ..errors import FieldValueError, Issue
from .convert import converter
from .json_paths import child_path

# The longest message a model check may give: longer ones echo input, and are cut.
_MESSAGE = 1000

__all__ = ["structure_issues", "structure_record"]


def structure_record(cls: type[Any], value: Any) -> tuple[Any, list[Issue]]:
    """Structure ``value`` into ``cls``: the object, or ``None`` and the issues."""
    try:
        return converter.structure(value, cls), []
    except Exception as error:
        return None, list(structure_issues(error, "$"))


def structure_issues(error: BaseException, path: str) -> Iterator[Issue]:
    """The issues a structuring error stands for, with their paths."""
    if isinstance(error, ClassValidationError):
        with_notes, without = error.group_exceptions()
        for inner, note in with_notes:
            yield from structure_issues(inner, child_path(path, note.name))
        for inner in without:
            yield from structure_issues(inner, path)
    elif isinstance(error, IterableValidationError):
        with_index, unindexed = error.group_exceptions()
        for item_error, index_note in with_index:
            yield from structure_issues(item_error, child_path(path, index_note.index))
        for item_error in unindexed:
            yield from structure_issues(item_error, path)
    elif isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields):
            yield Issue(
                child_path(path, key), "value.invalid", f"{quoted(key)} is not a member here"
            )
    elif isinstance(error, FieldValueError):
        yield Issue(child_path(path, error.field), "value.invalid", cut(str(error), _MESSAGE))
    elif isinstance(error, KeyError):
        yield Issue(path, "value.invalid", "this required member is missing")
    elif isinstance(error, BaseExceptionGroup):
        for member in error.exceptions:
            yield from structure_issues(member, path)
    else:
        yield Issue(path, "value.invalid", cut(str(error), _MESSAGE))
