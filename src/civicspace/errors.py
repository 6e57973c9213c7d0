"""Exceptions and the issue record that every check in the library reports.

Everything the library raises derives from :class:`CivicspaceError`.  Problems
found in submitted data are not raised one at a time: they are collected as
:class:`Issue` values, each with a JSON path, a stable code and a message, and
:func:`civicspace.load` raises them all at once in a :class:`ValidationError`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

__all__ = ["CivicspaceError", "FieldValueError", "Issue", "ParseError", "ValidationError"]


class CivicspaceError(Exception):
    """Base class of every exception that civicspace raises on purpose."""


@attrs.frozen
class Issue:
    """One problem found in submitted data.

    Attributes:
        path: Where the problem is, as a JSON path from the document root,
            for example ``$.sources[0].url``.  ``$`` is the whole document.
        code: A stable, machine-readable code such as ``schema.required``
            or ``rating.score_outside_band``.  Codes never change meaning
            between releases; :data:`civicspace.ISSUE_CODES` lists them all.
        message: A sentence a person can act on.
        schema: Where the rule that failed is written, as a schema ``$id``
            with a JSON pointer (``https://.../common.json#/$defs/country``),
            when a schema rule failed; otherwise ``None``.
        line: The line of the input the problem is on, counting from 1,
            when it is known (malformed JSON, a JSON Lines record).
        column: The column on that line, counting from 1, when known.
        value: The offending value as JSON text, cut to 80 characters (an
            ellipsis ends a cut one), when the issue is about one value.
        expected: What would have been accepted, as JSON-ready data, when
            known: the allowed values (a list), a limit (a number), a
            pattern, a format or type names.
        suggestion: A value that may have been meant (``"arrest"`` for
            ``"arest"``, ``"2021-03-12"`` for ``"12 March 2021"``), when one
            is close; never applied for you.

    ``value``, ``expected`` and ``suggestion`` restate facts of the message
    for programs, so issues compare equal without them; ``steps`` gives
    the path as keys and indices, and ``civicspace.dump(issue)`` the JSON
    form of it all.
    """

    path: str
    code: str
    message: str
    schema: str | None = None
    line: int | None = None
    column: int | None = None
    value: str | None = attrs.field(default=None, eq=False)
    expected: Any = attrs.field(default=None, eq=False, repr=False)
    suggestion: str | None = attrs.field(default=None, eq=False)

    @property
    def steps(self) -> tuple[str | int, ...]:
        """The path as keys and indices from the root: ``("sources", 0, "url")``."""
        from ._pipeline.paths import path_steps

        return path_steps(self.path)

    def __str__(self) -> str:
        """Render as ``[line L, column C: ]path: message [code]``."""
        where = ""
        if self.line is not None:
            where = f"line {self.line}, " if self.column is not None else f"line {self.line}: "
        if self.column is not None:
            where += f"column {self.column}: "
        return f"{where}{self.path}: {self.message} [{self.code}]"


class ValidationError(CivicspaceError, ValueError):
    """Submitted data is not valid; :attr:`issues` lists every problem found.

    Attributes:
        issues: Every problem found, in document order, never empty.
        kind: The record type that was being read (``"rating"``, ...), or
            ``None`` when the document's type could not be told.
        record_id: The ``id`` of the record, when it has one.

    """

    issues: tuple[Issue, ...]
    kind: str | None
    record_id: str | None

    def __init__(
        self,
        issues: Iterable[Issue],
        *,
        kind: str | None = None,
        record_id: str | None = None,
    ) -> None:
        self.issues = tuple(issues)
        self.kind = kind
        self.record_id = record_id
        super().__init__(self._summary())

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle with the keyword arguments, so errors cross process boundaries."""
        return (
            functools.partial(type(self), kind=self.kind, record_id=self.record_id),
            (self.issues,),
        )

    def _summary(self) -> str:
        what = f"{self.kind} record" if self.kind else "document"
        if self.record_id is not None:
            what += f" {self.record_id!r}"
        count = len(self.issues)
        lines = [f"invalid {what}: {count} issue{'s' if count != 1 else ''}"]
        lines.extend(f"  {issue}" for issue in self.issues)
        return "\n".join(lines)


class FieldValueError(CivicspaceError, ValueError):
    """A model field was given a value it cannot hold.

    Raised by the model classes' own checks, so an invalid object can never
    be built.  When it happens while loading JSON, the field becomes part of
    the issue's path.

    Attributes:
        field: The name of the field.

    """

    field: str

    def __init__(self, message: str, *, field: str) -> None:
        self.field = field
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle with the keyword arguments, so errors cross process boundaries."""
        return (functools.partial(type(self), field=self.field), self.args)


class ParseError(CivicspaceError, ValueError):
    """A piece of published text could not be read into a value.

    Attributes:
        text: The text that was not understood, exactly as given.
        suggestions: Close readings the library knows of, best first; empty
            when it has none.  The library never picks one for you.

    """

    text: str
    suggestions: tuple[str, ...]

    def __init__(self, message: str, *, text: str, suggestions: Sequence[str] = ()) -> None:
        self.text = text
        self.suggestions = tuple(suggestions)
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle with the keyword arguments, so errors cross process boundaries."""
        return (
            functools.partial(type(self), text=self.text, suggestions=self.suggestions),
            self.args,
        )
