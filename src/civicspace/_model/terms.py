"""Custodial terms ("18 months", "two years", life) and their calendar arithmetic.

A :class:`Term` is a length of time as a court states it: years, months and
days.  Months and years are calendar units, so a term has no fixed number of
days; everything here follows from that.  Terms add and multiply component by
component, compare where the calendar cannot change the answer, and turn into
end dates with :func:`add_term`.  :data:`LIFE` is life imprisonment.
"""

from __future__ import annotations

import calendar
import datetime
import enum
import functools
import itertools
import operator
import re
from collections.abc import Callable, Iterable
from typing import Any, Final, NamedTuple, NoReturn, overload

import attrs

from .._util.patterns import LazyPattern
from ..errors import FieldValueError, IncomparableTermsError, ParseError, TermError

__all__ = [
    "LIFE",
    "IncomparableTermsError",
    "Life",
    "Term",
    "TermError",
    "TermRange",
    "add_term",
]

_TERM = LazyPattern(r"P(?:([0-9]+)Y)?(?:([0-9]+)M)?(?:([0-9]+)D)?", re.ASCII)
_WEEKS = LazyPattern(r"P([0-9]+)W", re.ASCII)
_TIME_PART = LazyPattern(r"P[0-9YMDW.,]*T[0-9HMS.,]*", re.ASCII)
_FRACTION = LazyPattern(r"P[0-9YMDW]*[.,][0-9YMDW.,]*", re.ASCII)

# The Gregorian calendar repeats every 400 years: 4800 months, 146097 days.
_CYCLE_MONTHS: Final = 4800
_CYCLE_DAYS: Final = 146097


def _check_component(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int:
        raise FieldValueError(
            f"{attribute.name} must be a whole number, not {type(value).__name__} {value!r}",
            field=attribute.name,
        )
    if value < 0:
        raise FieldValueError(
            f"{attribute.name} must be zero or more, not {value}", field=attribute.name
        )


def _check_multiplier(count: object) -> int:
    if type(count) is not int or count < 0:
        raise TermError(f"a term can only be multiplied by a whole number 0 or more, not {count!r}")
    return count


@attrs.frozen(kw_only=True, eq=False)
class Term:
    """A finite custodial term in years, months and days, as a court states it.

    The components are kept as given, so ``str(Term(months=18))`` is ``"P18M"``
    and ``str(Term(years=1, months=6))`` is ``"P1Y6M"``; the JSON form is that
    ISO 8601 duration string.

    **Equality** is by value: a year is twelve months, so
    ``Term(months=18) == Term(years=1, months=6)`` and the two hash alike.
    Days are never converted to months: ``Term(months=1) != Term(days=30)``.

    **Ordering** (``<``, ``<=``, ``>``, ``>=``) answers exactly when the
    answer is the same from every start date of the proleptic Gregorian
    calendar, with end dates as :func:`add_term` computes them.  Otherwise it
    raises :class:`IncomparableTermsError` rather than guess.  So terms of
    months and years alone compare by total months, terms of days alone by
    days, ``P1M > P27D`` and ``P1Y > P360D`` are answered, ``P1M < P30D`` is
    refused, and ``P1M <= P31D`` is ``True`` while ``P1M < P31D`` is refused
    (the two end together from 31-day months).  Every finite term is less
    than :data:`LIFE`.

    **Arithmetic**: ``a + b`` adds component by component; ``term * n`` and
    ``n * term`` repeat a term for a whole number ``n >= 0``; ``a - b`` is
    described at :meth:`__sub__`.  Sum terms with ``sum(terms, Term())``.

    Attributes:
        years: Whole years, zero or more.
        months: Whole months, zero or more (may exceed 11: ``P18M``).
        days: Whole days, zero or more.

    """

    years: int = attrs.field(default=0, validator=_check_component)
    months: int = attrs.field(default=0, validator=_check_component)
    days: int = attrs.field(default=0, validator=_check_component)

    @classmethod
    def parse(cls, text: str) -> Term:
        """Read an ISO 8601 duration of years, months and days: ``P18M``, ``P1Y6M``, ``P0D``.

        Components are whole numbers of ASCII digits in the order Y, M, D;
        zero components and leading zeros are read (``P0Y6M`` and ``P06M``
        both read as ``P6M``), so ``str(Term.parse(s)) == s`` holds for
        canonical text only.  Refused: weeks (``P2W``,
        because courts state terms in years, months and days, and the
        library keeps the unit the source used: write ``P14D``), a time part
        (``PT1H``), fractions (``P1.5M``), signs, lower case, surrounding
        whitespace and ``P`` alone.

        Raises:
            ParseError: for any other text, with :attr:`~ParseError.text` set
                to the text as given.

        """
        if not isinstance(text, str):
            raise ParseError(
                f"a term is written as a string such as 'P18M', not {type(text).__name__}",
                text=str(text),
            )
        match = _TERM.fullmatch(text)
        if match is not None and any(part is not None for part in match.groups()):
            try:
                years, months, days = (int(part or 0) for part in match.groups())
            except ValueError:  # more digits than int() reads
                raise ParseError(f"{text[:40]!r}... has too many digits", text=text) from None
            return cls(years=years, months=months, days=days)
        raise _term_parse_error(text)

    @property
    def total_months(self) -> int:
        """Years and months as months: 18 for both ``P18M`` and ``P1Y6M``.

        Raises:
            TermError: when the term has days, whose length in months depends
                on the calendar.

        """
        if self.days:
            raise TermError(f"{self} has days, so its length in months depends on the calendar")
        return self._month_count

    @property
    def _month_count(self) -> int:
        return self.years * 12 + self.months

    def total_days_from(self, start: datetime.date) -> int:
        """Count the days from ``start`` to the term's end, as :func:`add_term` computes it.

        Raises:
            TermError: when the end date is after 9999-12-31.

        """
        return (add_term(start, self) - start).days

    def compare_from(self, start: datetime.date, other: Term | Life) -> int:
        """Compare end dates from ``start``: -1 if this term ends first, 0 if together, 1 if later.

        Unlike the operators, this always answers, because the start date is
        stated.  :data:`LIFE` never ends, so every term compares -1 to it.

        Raises:
            TermError: when an end date is after 9999-12-31.

        """
        if isinstance(other, Life):
            return -1
        if not isinstance(other, Term):
            raise TermError(f"a term can only be compared with a term or LIFE, not {other!r}")
        mine, theirs = add_term(start, self), add_term(start, other)
        return (mine > theirs) - (mine < theirs)

    def __str__(self) -> str:
        """Give the ISO 8601 form as given: ``P18M``, ``P1Y6M``, ``P0D`` for zero."""
        parts = [
            f"{value}{unit}"
            for value, unit in ((self.years, "Y"), (self.months, "M"), (self.days, "D"))
            if value
        ]
        return "P" + ("".join(parts) or "0D")

    def __eq__(self, other: object) -> bool:
        """Equal by value: total months and days (``P1Y6M == P18M``)."""
        if isinstance(other, Term):
            return self._key == other._key
        if isinstance(other, Life):
            return False
        return NotImplemented

    def __hash__(self) -> int:
        """Hash consistent with ``==``: of total months and days."""
        return hash(self._key)

    @property
    def _key(self) -> tuple[int, int]:
        return (self._month_count, self.days)

    def __lt__(self, other: Term | Life) -> bool:
        """See the class docstring for when an answer is given."""
        if isinstance(other, Life):
            return True
        if not isinstance(other, Term):
            return NotImplemented
        low, high = _difference_bounds(self, other)
        return _decide(self, "<", other, low, high, yes=high < 0, no=low >= 0)

    def __le__(self, other: Term | Life) -> bool:
        """See the class docstring for when an answer is given."""
        if isinstance(other, Life):
            return True
        if not isinstance(other, Term):
            return NotImplemented
        low, high = _difference_bounds(self, other)
        return _decide(self, "<=", other, low, high, yes=high <= 0, no=low > 0)

    def __gt__(self, other: Term | Life) -> bool:
        """See the class docstring for when an answer is given."""
        if isinstance(other, Life):
            return False
        if not isinstance(other, Term):
            return NotImplemented
        low, high = _difference_bounds(self, other)
        return _decide(self, ">", other, low, high, yes=low > 0, no=high <= 0)

    def __ge__(self, other: Term | Life) -> bool:
        """See the class docstring for when an answer is given."""
        if isinstance(other, Life):
            return False
        if not isinstance(other, Term):
            return NotImplemented
        low, high = _difference_bounds(self, other)
        return _decide(self, ">=", other, low, high, yes=low >= 0, no=high < 0)

    @overload
    def __add__(self, other: Term) -> Term: ...
    @overload
    def __add__(self, other: Life) -> Life: ...
    def __add__(self, other: Term | Life) -> Term | Life:
        """Add component by component (``P1Y + P6M == P1Y6M``); ``term + LIFE`` is LIFE."""
        if isinstance(other, Life):
            return other
        if not isinstance(other, Term):
            return NotImplemented
        return Term(
            years=self.years + other.years,
            months=self.months + other.months,
            days=self.days + other.days,
        )

    def __sub__(self, other: Term | Life) -> Term:
        """Subtract ``other``, never going below zero (``P0D``).

        The rule, with months counting years as twelve:

        1. If ``other`` has no more months and no more days than this term,
           months and days are subtracted separately.  Components are
           subtracted one by one when none would go negative
           (``P1Y8M - P6M == P1Y2M``); otherwise the months are given as
           months only (``P2Y - P6M == P18M``).  So ``(a + b) - b == a``.
        2. Else, if ``other`` is at least as long as this term from every
           start date (``other >= self`` answers ``True``), the result is
           ``P0D``.  ``term - LIFE`` is ``P0D``.
        3. Else the difference depends on the calendar (``P1M - P10D`` is 18
           to 21 days) and :class:`IncomparableTermsError` is raised.
        """
        if isinstance(other, Life):
            return Term()
        if not isinstance(other, Term):
            return NotImplemented
        (my_months, my_days), (their_months, their_days) = self._key, other._key
        if their_months <= my_months and their_days <= my_days:
            if other.years <= self.years and other.months <= self.months:
                return Term(
                    years=self.years - other.years,
                    months=self.months - other.months,
                    days=my_days - their_days,
                )
            return Term(months=my_months - their_months, days=my_days - their_days)
        low, _ = _difference_bounds(other, self)
        if low >= 0:
            return Term()
        raise IncomparableTermsError(
            f"{self} - {other} depends on the calendar: a month is 28 to 31 days; "
            "subtract end dates from a stated start instead"
        )

    def __mul__(self, count: int) -> Term:
        """Repeat the term ``count`` times (a whole number 0 or more): ``P6M * 3 == P18M``.

        Raises:
            TermError: when ``count`` is not a whole number (bools and
                floats are refused) or is negative.

        """
        count = _check_multiplier(count)
        return Term(years=self.years * count, months=self.months * count, days=self.days * count)

    def __rmul__(self, count: int) -> Term:
        """``n * term``, the same as ``term * n``."""
        return self.__mul__(count)


def _is_term_text(text: str) -> bool:
    match = _TERM.fullmatch(text)
    return match is not None and any(part is not None for part in match.groups())


def _term_parse_error(text: str) -> ParseError:
    stripped = text.strip()
    upper = stripped.upper()
    suggestions: list[str] = []
    weeks = _WEEKS.fullmatch(upper)
    if weeks is not None:
        reason = "weeks are not accepted, because terms are stated in years, months and days"
        if len(weeks.group(1)) < 10:
            suggestions.append(f"P{int(weeks.group(1)) * 7}D")
    elif upper.startswith(("-P", "+P")):
        reason = "a term cannot carry a sign"
    elif _TIME_PART.fullmatch(upper):
        reason = "a term has no time part (hours, minutes or seconds)"
    elif _FRACTION.fullmatch(upper):
        reason = "components must be whole numbers"
    elif upper == "P":
        reason = "'P' alone has no components; zero is 'P0D'"
    elif stripped != text:
        reason = "there is whitespace around it"
    elif text != upper and _is_term_text(upper):
        reason = "the letters must be upper case"
    else:
        reason = "it is not an ISO 8601 duration of whole years, months and days, in that order"
    if not suggestions and upper != text and _is_term_text(upper):
        suggestions.append(upper)
    return ParseError(
        f"{text!r} is not a term: {reason}; write terms like 'P18M', 'P1Y6M' or 'P0D'",
        text=text,
        suggestions=suggestions,
    )


def _decide(a: Term, op: str, b: Term, low: int, high: int, *, yes: bool, no: bool) -> bool:
    if yes:
        return True
    if no:
        return False
    raise IncomparableTermsError(
        f"whether {a} {op} {b} depends on the start date: {a} ends between "
        f"{_days_phrase(low)} and {_days_phrase(high)} {b}; "
        "compare end dates from a stated start with Term.compare_from"
    )


def _days_phrase(days: int) -> str:
    if days == 0:
        return "together with"
    unit = "day" if abs(days) == 1 else "days"
    return f"{abs(days)} {unit} {'after' if days > 0 else 'before'}"


def _difference_bounds(a: Term, b: Term) -> tuple[int, int]:
    """Least and greatest ``days(a) - days(b)`` over every start date.

    ``days(t)`` is the number of days from a start date to ``add_term(start, t)``.
    """
    (a_months, a_days), (b_months, b_days) = a._key, b._key
    days = a_days - b_days
    if a_months == b_months:
        return days, days
    if a_months < b_months:
        low, high = _difference_bounds(b, a)
        return -high, -low
    # Quick bounds: k months span 28k to 31k days between first days of months,
    # and clamping a day of month to a shorter month moves either end by at most 3 days.
    span = a_months - b_months
    low, high = 28 * span - 3 + days, 31 * span + 3 + days
    if low > 0 or high < 0:
        return low, high
    a_cycles, a_rest = divmod(a_months, _CYCLE_MONTHS)
    b_cycles, b_rest = divmod(b_months, _CYCLE_MONTHS)
    low, high = _cycle_bounds(a_rest, b_rest)
    shift = (a_cycles - b_cycles) * _CYCLE_DAYS + days
    return low + shift, high + shift


def _clamp_shift_table(pick: Callable[[Iterable[int]], int]) -> tuple[int, ...]:
    """``pick`` of ``min(d, len_a) - min(d, len_b)`` over the days ``d`` a start month has.

    Indexed by ``16 * start + 4 * a + b``, each the month length minus 28.
    Days 1 to 28 all behave like day 28, so only 28 to the month's end are tried.
    """
    return tuple(
        pick(min(day, 28 + a) - min(day, 28 + b) for day in range(28, 29 + start))
        for start in range(4)
        for a in range(4)
        for b in range(4)
    )


class _CalendarTables(NamedTuple):
    """Tables over two 400-year cycles (2000-01 to 2799-12), built on first use."""

    days_before: tuple[int, ...]  # days before each month
    shift_low: tuple[int, ...]
    shift_high: tuple[int, ...]
    key_start: tuple[int, ...]
    key_a: tuple[int, ...]
    key_b: tuple[int, ...]


@functools.cache
def _calendar_tables() -> _CalendarTables:
    lengths = tuple(
        calendar.monthrange(2000 + index // 12, index % 12 + 1)[1]
        for index in range(2 * _CYCLE_MONTHS)
    )
    return _CalendarTables(
        days_before=(0, *itertools.accumulate(lengths)),
        shift_low=_clamp_shift_table(min),
        shift_high=_clamp_shift_table(max),
        key_start=tuple(16 * (length - 28) for length in lengths),
        key_a=tuple(4 * (length - 28) for length in lengths),
        key_b=tuple(length - 28 for length in lengths),
    )


@functools.lru_cache(maxsize=1024)
def _cycle_bounds(a_months: int, b_months: int) -> tuple[int, int]:
    """Exact least and greatest ``span(a_months) - span(b_months)`` over one 400-year cycle.

    ``span(m)`` is the number of days from a start date to that date plus
    ``m`` months, with the day of month clamped to the end month's length.
    From a start in cycle month ``i`` on day ``d`` the difference is
    ``before[i+a] - before[i+b] + min(d, len[i+a]) - min(d, len[i+b])``.
    """
    tables = _calendar_tables()
    count, before = _CYCLE_MONTHS, tables.days_before
    a_stop, b_stop = a_months + count, b_months + count
    bases = list(map(operator.sub, before[a_months:a_stop], before[b_months:b_stop]))
    keys = list(
        map(
            operator.add,
            map(operator.add, tables.key_start[:count], tables.key_a[a_months:a_stop]),
            tables.key_b[b_months:b_stop],
        )
    )
    low = min(map(operator.add, bases, map(tables.shift_low.__getitem__, keys)))
    high = max(map(operator.add, bases, map(tables.shift_high.__getitem__, keys)))
    return low, high


class Life(enum.Enum):
    """Life imprisonment: a term with no end.  Its only member is :data:`LIFE`.

    Its JSON form is the string ``"life"`` (``Life("life") is LIFE``).  It is
    longer than every finite :class:`Term`, absorbs addition
    (``LIFE + term == LIFE``) and multiplication by a whole number ``n >= 1``
    (``LIFE * 0`` is ``P0D``, the empty sum).  It has no end date and cannot
    be subtracted from.
    """

    LIFE = "life"

    def __str__(self) -> str:
        """``"life"``."""
        return self.value

    def __repr__(self) -> str:
        """``LIFE``."""
        return "LIFE"

    def __lt__(self, other: Term | Life) -> bool:
        """Never shorter than anything."""
        if not isinstance(other, (Term, Life)):
            return NotImplemented
        return False

    def __le__(self, other: Term | Life) -> bool:
        """Only as long as itself."""
        if not isinstance(other, (Term, Life)):
            return NotImplemented
        return isinstance(other, Life)

    def __gt__(self, other: Term | Life) -> bool:
        """Longer than every finite term."""
        if not isinstance(other, (Term, Life)):
            return NotImplemented
        return isinstance(other, Term)

    def __ge__(self, other: Term | Life) -> bool:
        """At least as long as every term."""
        if not isinstance(other, (Term, Life)):
            return NotImplemented
        return True

    def __add__(self, other: Term | Life) -> Life:
        """``LIFE + term`` is LIFE."""
        if not isinstance(other, (Term, Life)):
            return NotImplemented
        return self

    def __radd__(self, other: Term | Life) -> Life:
        """``term + LIFE`` is LIFE."""
        return self.__add__(other)

    def __sub__(self, other: object) -> NoReturn:
        """Refused: life has no length to subtract from.

        Raises:
            TermError: always.

        """
        raise TermError("life imprisonment has no fixed length to subtract from")

    def __mul__(self, count: int) -> Life | Term:
        """``LIFE * n`` is LIFE for ``n >= 1`` and ``P0D`` for ``n == 0``.

        Raises:
            TermError: when ``count`` is not a whole number 0 or more.

        """
        return self if _check_multiplier(count) else Term()

    def __rmul__(self, count: int) -> Life | Term:
        """``n * LIFE``, the same as ``LIFE * n``."""
        return self.__mul__(count)


LIFE: Final = Life.LIFE
"""Life imprisonment, the one member of :class:`Life`."""


def _check_term(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Term):
        raise FieldValueError(
            f"{attribute.name} must be a Term, not {value!r}", field=attribute.name
        )


def _check_minimum_not_above_maximum(
    instance: TermRange, _: attrs.Attribute[Any], value: Term
) -> None:
    low, high = _difference_bounds(instance.minimum, value)
    if high > 0:
        when = "always" if low > 0 else "from some start dates"
        raise FieldValueError(
            f"the minimum {instance.minimum} {when} ends after the maximum {value}; "
            "a range's minimum must end no later than its maximum from every start date",
            field="maximum",
        )


@attrs.frozen(kw_only=True)
class TermRange:
    """A range of terms as a sentence or a statute gives it: "18 to 20 months".

    The minimum must end no later than the maximum from every start date
    (``minimum <= maximum`` must be ``True``; see :class:`Term`), so
    ``P1M/P30D`` is refused.  The ends may be equal.  Equality is by value
    of both ends.

    ``str()`` gives ``"P18M/P20M"``, and :meth:`parse` reads it back.  Note
    that this is not an ISO 8601 time interval (those join dates or a date
    and a duration); the suggested JSON form is an object
    ``{"minimum": "P18M", "maximum": "P20M"}``.

    Attributes:
        minimum: The shortest term.
        maximum: The longest term.

    """

    minimum: Term = attrs.field(validator=_check_term)
    maximum: Term = attrs.field(validator=[_check_term, _check_minimum_not_above_maximum])

    @classmethod
    def parse(cls, text: str) -> TermRange:
        """Read ``"P18M/P20M"``: two terms (see :meth:`Term.parse`) joined by one ``/``.

        Raises:
            ParseError: when either term cannot be read, there is not exactly
                one ``/``, or the minimum ends after the maximum.

        """
        if not isinstance(text, str) or text.count("/") != 1:
            raise ParseError(
                f"{text!r} is not a term range such as 'P18M/P20M' (two terms joined by '/')",
                text=str(text),
            )
        first, second = text.split("/")
        try:
            return cls(minimum=Term.parse(first), maximum=Term.parse(second))
        except (ParseError, FieldValueError) as error:
            raise ParseError(f"{text!r} is not a term range: {error}", text=text) from None

    def __str__(self) -> str:
        """``minimum/maximum``, as in ``P18M/P20M``."""
        return f"{self.minimum}/{self.maximum}"


def add_term(start_date: datetime.date, term: Term) -> datetime.date:
    """Return the day a term starting on ``start_date`` ends: the first day after it.

    The years and months are added first, together, as a number of months;
    a day of month the end month lacks becomes its last day
    (2023-01-31 + P1M = 2023-02-28; 2024-01-31 + P1M = 2024-02-29;
    2024-02-29 + P1Y = 2025-02-28).  Then the days are added.  Adding years
    and months together (as ``java.time.Period`` and ``dateutil`` do) makes
    equal terms end on the same date: 2024-02-29 + P1Y1M = 2025-03-29, the
    same as + P13M.

    Raises:
        TermError: for :data:`LIFE` (no end date), a value that is not a
            term or a date, and an end date after 9999-12-31.

    """
    if isinstance(term, Life):
        raise TermError("life imprisonment has no end date")
    if not isinstance(term, Term):
        raise TermError(f"add_term needs a Term, not {term!r}")
    if not isinstance(start_date, datetime.date) or isinstance(start_date, datetime.datetime):
        raise TermError(f"add_term needs a datetime.date, not {start_date!r}")
    year, month = divmod(start_date.year * 12 + start_date.month - 1 + term._month_count, 12)
    month += 1
    if year > datetime.MAXYEAR:
        raise TermError(f"{start_date} + {term} ends after 9999-12-31")
    end = datetime.date(year, month, min(start_date.day, calendar.monthrange(year, month)[1]))
    try:
        return end + datetime.timedelta(days=term.days)
    except OverflowError:
        raise TermError(f"{start_date} + {term} ends after 9999-12-31") from None
