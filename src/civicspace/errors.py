"""Exceptions and the issue record that every check in the library reports.

Everything the library raises derives from :class:`CivicspaceError`.  Problems
found in submitted data are not raised one at a time: they are collected as
:class:`Issue` values, each with a JSON path, a stable code and a message, and
:func:`civicspace.load` raises them all at once in a :class:`ValidationError`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from ._model.countries import Place

__all__ = [
    "AmbiguousInstrumentError",
    "CivicspaceError",
    "CurrencyMismatchError",
    "CustodyError",
    "FieldValueError",
    "IncomparableTermsError",
    "IncompleteSessionError",
    "InstrumentNotFoundError",
    "InstrumentResolutionError",
    "InvalidDateError",
    "Issue",
    "MissingExtraError",
    "MoneyError",
    "NotACountryError",
    "ParseError",
    "ScoreOutsideBandsError",
    "SentenceError",
    "TablesError",
    "TermError",
    "UnknownDatasetError",
    "UnknownLawError",
    "UnknownPersonError",
    "UnknownRecordError",
    "UnknownSchemaError",
    "ValidationError",
]


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
    for programs, so issues compare equal without them; ``instance`` is the
    value itself as JSON data; ``steps`` gives the path as keys and indices
    (whole keys: give them as ``steps=`` when the path cuts one), and
    ``civicspace.dump(issue)`` the JSON form of it all, bounded as messages are.
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
    _steps: tuple[str | int, ...] | None = attrs.field(default=None, repr=False, kw_only=True)

    @property
    def steps(self) -> tuple[str | int, ...]:
        """The path as keys and indices from the root: ``("sources", 0, "url")``.

        The keys are the real ones, whole, even where :attr:`path` shows a
        long key cut (two members whose names begin alike stay apart here).
        """
        if self._steps is not None:
            return self._steps
        from ._pipeline.json_paths import path_steps

        return path_steps(self.path)

    @property
    def instance(self) -> Any:
        """The offending value itself, as JSON data, when :attr:`value` shows it whole.

        ``"repressd"`` where :attr:`value` holds the JSON text
        ``'"repressd"'``: read once, never parsed twice.  ``None`` when there
        is no value, when it was cut (a long string or a large object), or
        when it is no JSON value (``NaN``).
        """
        return _whole_value(self.value)[1]

    def __str__(self) -> str:
        """Render as ``[line L, column C: ]path: message [code]``."""
        where = ""
        if self.line is not None:
            where = f"line {self.line}, " if self.column is not None else f"line {self.line}: "
        if self.column is not None:
            where += f"column {self.column}: "
        return f"{where}{self.path}: {self.message} [{self.code}]"


def _whole_value(text: str | None) -> tuple[bool, Any]:
    """Whether ``text`` is the whole JSON text of a value, and that value."""
    if text is None:
        return False, None
    import json

    try:
        return True, json.loads(text, parse_constant=_refuse)
    except ValueError:  # cut ("xx…" (900 characters)), or not JSON (NaN)
        return False, None


def _refuse(name: str) -> Any:
    raise ValueError(name)


class ValidationError(CivicspaceError, ValueError):
    """Submitted data is not valid; :attr:`issues` lists every problem found.

    Attributes:
        issues: Every problem found, in document order, never empty.
        record_type: The record type that was being read (``"rating"``, ...), or
            ``None`` when the document's type could not be told.
        record_id: The ``id`` of the record, when it has one.

    """

    issues: tuple[Issue, ...]
    record_type: str | None
    record_id: str | None

    def __init__(
        self,
        issues: Iterable[Issue],
        *,
        record_type: str | None = None,
        record_id: str | None = None,
    ) -> None:
        self.issues = tuple(issues)
        self.record_type = record_type
        self.record_id = record_id
        super().__init__(self._summary())

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle with the keyword arguments, so errors cross process boundaries."""
        return (
            functools.partial(type(self), record_type=self.record_type, record_id=self.record_id),
            (self.issues,),
        )

    def _summary(self) -> str:
        what = f"{self.record_type} record" if self.record_type else "document"
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


class InstrumentResolutionError(CivicspaceError, LookupError):
    """A name as written does not name exactly one law record.

    Attributes:
        written: The name as given.
        candidates: The ids of the laws it could name; empty when none.

    """

    written: str
    candidates: tuple[str, ...]

    def __init__(self, message: str, *, written: str, candidates: Iterable[str] = ()) -> None:
        self.written = written
        self.candidates = tuple(candidates)
        super().__init__(message)


class InstrumentNotFoundError(InstrumentResolutionError):
    """No law record has a title or short name that the written name matches."""


class AmbiguousInstrumentError(InstrumentResolutionError):
    """The written name matches more than one law record; :attr:`candidates` lists them."""


class UnknownLawError(CivicspaceError, LookupError):
    """A reference names a law id that none of the given laws has."""


class UnknownDatasetError(CivicspaceError, LookupError):
    """No dataset of that name ships with civicspace.

    Attributes:
        name: The name asked for.

    """

    def __init__(self, name: str, *, known: tuple[str, ...] = ()) -> None:
        self.name = name
        super().__init__(f"no dataset named {name!r}; the datasets are: {', '.join(known)}")


class IncompleteSessionError(CivicspaceError, ValueError):
    """A session lacks what a question needs: its members, or a date to ask on."""


class SentenceError(CivicspaceError, ValueError):
    """A question about a sentence has no single answer from what it states.

    A sentence given as a range ("18 to 20 months") has no single release
    date; life imprisonment has none at all.  The message says which.
    """


class InvalidDateError(CivicspaceError, ValueError):
    """A date's parts do not name a day, month or year of the calendar."""


class NotACountryError(ParseError):
    """A name read as a place that is not a country: a region of one, or a territory.

    :func:`country_code` raises it for regions with no ISO 3166-1 code
    (Tibet, Xinjiang); :func:`parse_members` reports it for any place that is
    not a UN member state.  The suggestions hold the name of the country the
    place belongs to, where known.

    Attributes:
        place: What the name does denote.

    """

    place: Place

    def __init__(
        self, message: str, *, text: str, place: Place, suggestions: tuple[str, ...] = ()
    ) -> None:
        self.place = place
        super().__init__(message, text=text, suggestions=suggestions)


class CustodyError(CivicspaceError, ValueError):
    """Days in custody or a release date cannot be computed from what was given."""


class ScoreOutsideBandsError(CivicspaceError, ValueError):
    """A score falls in no band of a scale (outside its range, or between bands)."""


class TermError(CivicspaceError, ValueError):
    """An operation on terms has no correct answer (see the message for why)."""


class IncomparableTermsError(TermError):
    """Whether one term is longer than another depends on the start date.

    ``P1M`` against ``P30D`` is the classic case: one month is 28 to 31 days.
    Compare end dates from a stated start with :meth:`Term.compare_from`.
    """


class UnknownPersonError(CivicspaceError, LookupError):
    """A function was asked about a person id that the case does not have."""


class MoneyError(CivicspaceError, ValueError):
    """An operation on money was given something it cannot work with."""


class CurrencyMismatchError(MoneyError):
    """Two amounts in different currencies were added or compared.

    Attributes:
        currencies: The two ISO 4217 codes, in the order of the operands.

    """

    currencies: tuple[str, str]

    def __init__(self, operation: str, left: str, right: str) -> None:
        self.currencies = (left, right)
        super().__init__(
            f"cannot {operation} {left} and {right}: amounts in different currencies "
            "are never converted"
        )


class UnknownSchemaError(CivicspaceError, LookupError):
    """No shipped schema has that name."""


class MissingExtraError(CivicspaceError, ImportError):
    """An optional extra that a function needs is not installed; the message names it."""


class TablesError(CivicspaceError, ValueError):
    """A collection holds a value that no table column can hold exactly.

    Attributes:
        path: Where the value stands in the collection document.

    """

    def __init__(self, message: str, *, path: str) -> None:
        self.path = path
        super().__init__(f"{path}: {message}")


class UnknownRecordError(CivicspaceError, LookupError):
    """A collection was asked for a record id (of a record type) that it does not hold."""
