"""Value types used by every record: partial dates, countries and sources."""

from __future__ import annotations

import calendar
import datetime
import enum
import re
from typing import Any

import attrs

from .._util.patterns import LazyPattern
from ..errors import FieldValueError, InvalidDateError, ParseError

__all__ = [
    "DatePrecision",
    "Derivation",
    "DerivationKind",
    "LawVersion",
    "PartialDate",
    "Source",
    "check_not_empty",
    "check_optional_bool",
    "check_optional_id",
    "country_name",
    "is_country_code",
]

_PARTIAL_DATE = LazyPattern(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)
_COUNTRY_CODE = LazyPattern(r"[A-Z]{3}", re.ASCII)
_ID = LazyPattern(r"[a-z0-9](?:[a-z0-9._:/-]*[a-z0-9])?", re.ASCII)
_ID_MAX_LENGTH = 200  # as common.json#/$defs/id has it
_HTTP_URL = LazyPattern(r"https?://[^\s/?#]+([/?#][^\s]*)?", re.ASCII)


class DatePrecision(enum.Enum):
    """How much of a :class:`PartialDate` is known."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


def _check_date_parts(instance: PartialDate, _: attrs.Attribute[Any], year: int) -> None:
    month, day = instance.month, instance.day
    if not 1 <= year <= 9999:
        raise InvalidDateError(f"year {year} is outside 1 to 9999")
    if month is None:
        if day is not None:
            raise InvalidDateError("a day needs a month")
        return
    if not 1 <= month <= 12:
        raise InvalidDateError(f"month {month} is outside 1 to 12")
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise InvalidDateError(f"{year:04d}-{month:02d} has no day {day}")


def _strict_int(value: object) -> int:
    if type(value) is not int:
        raise TypeError(f"expected an int, got {type(value).__name__}")
    return value


def _strict_optional_int(value: object) -> int | None:
    return None if value is None else _strict_int(value)


@attrs.frozen(order=False)
class PartialDate:
    """A calendar date known to the year, the month or the day.

    Published texts say "in May 2021" as often as "on 5 May 2021"; the
    precision is part of the fact and is kept, never guessed.  The JSON form
    is ``"2021"``, ``"2021-05"`` or ``"2021-05-05"``.

    Ordering is total and matches the order of the JSON strings: a date
    sorts by year, then month, then day, and a less precise date sorts before
    every more precise date inside it (``2021 < 2021-01 < 2021-01-01``).  Use
    it for sorting.  To ask whether one event certainly happened before
    another, use :meth:`before`, which answers ``None`` when the precision
    cannot tell.
    """

    year: int = attrs.field(converter=_strict_int, validator=_check_date_parts)
    month: int | None = attrs.field(default=None, converter=_strict_optional_int)
    day: int | None = attrs.field(default=None, converter=_strict_optional_int)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, nothing else.

        Raises:
            ParseError: for any other text, including a date that does not
                exist (``2020-02-30``) and surrounding whitespace.

        """
        match = _PARTIAL_DATE.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise ParseError(
                f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD", text=str(text)
            )
        year, month, day = (None if part is None else int(part) for part in match.groups())
        assert year is not None
        try:
            return cls(year, month, day)
        except InvalidDateError as error:
            raise ParseError(f"{text!r} is not a calendar date: {error}", text=text) from None

    @classmethod
    def from_date(cls, value: datetime.date) -> PartialDate:
        """Make a day-precision date from a :class:`datetime.date`."""
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> DatePrecision:
        """The finest part that is known."""
        if self.day is not None:
            return DatePrecision.DAY
        if self.month is not None:
            return DatePrecision.MONTH
        return DatePrecision.YEAR

    @property
    def earliest(self) -> datetime.date:
        """The first day this date may be."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> datetime.date:
        """The last day this date may be."""
        if self.month is None:
            return datetime.date(self.year, 12, 31)
        if self.day is None:
            return datetime.date(
                self.year, self.month, calendar.monthrange(self.year, self.month)[1]
            )
        return datetime.date(self.year, self.month, self.day)

    def contains(self, day: datetime.date) -> bool:
        """Whether ``day`` is one of the days this date may be."""
        return self.earliest <= day <= self.latest

    def before(self, other: PartialDate) -> bool | None:
        """Whether this date is certainly earlier than ``other``.

        ``True`` when every day this date may be comes before every day
        ``other`` may be; ``False`` when none does; ``None`` when the
        precision of the two cannot tell ("May 2021" against "5 May 2021").
        """
        if self.latest < other.earliest:
            return True
        if self.earliest >= other.latest:
            return False
        return None

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() >= other._key()

    def __str__(self) -> str:
        """The JSON form: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


def is_country_code(code: object) -> bool:
    """Whether ``code`` is an ISO 3166-1 alpha-3 code of a current country."""
    if not isinstance(code, str) or _COUNTRY_CODE.fullmatch(code) is None:
        return False
    import pycountry

    return pycountry.countries.get(alpha_3=code) is not None


def country_name(code: str) -> str:
    """The ISO 3166 English short name of a country, from its alpha-3 code.

    Raises:
        ParseError: when ``code`` is not a current ISO 3166-1 alpha-3 code.

    """
    if not is_country_code(code):
        raise ParseError(f"{code!r} is not an ISO 3166-1 alpha-3 country code", text=str(code))
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    assert country is not None
    return str(country.name)


def check_country(_instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """Attrs validator: ``value`` is an ISO 3166-1 alpha-3 code."""
    if not is_country_code(value):
        raise FieldValueError(
            f"{value!r} is not an ISO 3166-1 alpha-3 country code", field=attribute.name
        )


def check_id(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Attrs validator: ``value`` is a record id (``common.json#/$defs/id``)."""
    # _ID.compiled.fullmatch, not _ID.fullmatch: one call less on a path run for every id.
    if (
        not isinstance(value, str)
        or len(value) > _ID_MAX_LENGTH
        or _ID.compiled.fullmatch(value) is None
    ):
        raise FieldValueError(
            f"{value!r} is not an id (lower-case ASCII letters and digits, with "
            "'.', '_', ':', '/' and '-' inside)",
            field=attribute.name,
        )


def check_url(_instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """Attrs validator: ``value`` is an absolute http(s) URL without whitespace."""
    if value is not None and _HTTP_URL.fullmatch(value) is None:
        raise FieldValueError(
            f"{value!r} is not an absolute http or https URL", field=attribute.name
        )


def check_text(_instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """Attrs validator: ``value`` has something in it besides whitespace."""
    if value is not None and not value.strip():
        raise FieldValueError("this text is empty", field=attribute.name)


def _check_source(instance: Source, _: attrs.Attribute[Any], value: str | None) -> None:
    if instance.url is None and value is None:
        raise FieldValueError("a source needs a url or a title", field="title")


@attrs.frozen(kw_only=True)
class Source:
    """Where a fact was published.

    A source needs at least a ``url`` or a ``title`` (a printed report has no
    URL).  ``quote`` holds the sentence the fact rests on, word for word.
    """

    url: str | None = attrs.field(default=None, validator=check_url)
    title: str | None = attrs.field(default=None, validator=[check_text, _check_source])
    publisher: str | None = attrs.field(default=None, validator=check_text)
    date: PartialDate | None = None
    quote: str | None = attrs.field(default=None, validator=check_text)


class LawVersion(enum.Enum):
    """Which version of an instrument a text describes (``common.json#/$defs/law_version``).

    A draft may change before adoption: "the draft law bestows executive
    power to ban or restrict meetings" describes the draft, and the
    penalties an article on the draft reports are the draft's.
    """

    DRAFT = "draft"
    """The text as proposed, before adoption."""
    ADOPTED = "adopted"
    """The text as adopted."""


class DerivationKind(enum.Enum):
    """How a derived value was worked out from what the texts say (``derivation_kind``)."""

    INFERRED_DATE = "inferred_date"
    """A date, or part of it, worked out from other statements ("the fourth anniversary")."""
    INFERRED_YEAR = "inferred_year"
    """A day or month the text gives, with a year it does not."""
    INFERRED_COUNTRY = "inferred_country"
    """A country worked out from a place ("at the Thai border")."""
    IDENTITY_MERGE = "identity_merge"
    """Two spellings or mentions taken to be one person or organisation."""
    COUNTED = "counted"
    """A number counted where the text states none ("his wife and four sons" is 5)."""
    OTHER = "other"
    """Any other reading, explained in the note."""


# A member path relative to a record: "as_of", "events[0].date", "people[2]".
_MEMBER_STEP = r"[a-z][a-z0-9_]{0,49}(?:\[(?:0|[1-9][0-9]{0,3})\])?"
_MEMBER = LazyPattern(rf"{_MEMBER_STEP}(?:\.{_MEMBER_STEP}){{0,5}}", re.ASCII)
_MEMBER_MAX_LENGTH = 200  # as common.json#/$defs/derivation has it
_MEMBER_PART = LazyPattern(r"([a-z][a-z0-9_]*)(?:\[([0-9]+)\])?", re.ASCII)


def _check_member(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if (
        not isinstance(value, str)
        or len(value) > _MEMBER_MAX_LENGTH
        or _MEMBER.fullmatch(value) is None
    ):
        raise FieldValueError(
            f"{value!r} is not a member path such as 'as_of', 'events[0].date' or 'people[2]'",
            field=attribute.name,
        )


def member_steps(member: str) -> tuple[str | int, ...]:
    """The steps of a member path: ``"events[0].date"`` is ``("events", 0, "date")``."""
    steps: list[str | int] = []
    for part in member.split("."):
        match = _MEMBER_PART.fullmatch(part)
        if match is None:
            raise ValueError(f"{member!r} is not a member path")
        steps.append(match[1])
        if match[2] is not None:
            steps.append(int(match[2]))
    return tuple(steps)


@attrs.frozen(kw_only=True)
class Derivation:
    """A mark on a value of a record that rests on a reading rather than a quote.

    "In July 2019, a day prior to the third anniversary of Kem Ley’s death"
    dates an arrest 2019-07-09 only by a reading: the event keeps the date,
    and the case marks it ``Derivation(member="events[0].date",
    how=DerivationKind.INFERRED_DATE, note=..., sources=(...))``.  Programs
    include or exclude such values with :func:`~civicspace.analysis.without_derived`
    and the ``derived`` argument of :func:`~civicspace.analysis.summarise` and
    :func:`~civicspace.analysis.conflicts`.

    Attributes:
        member: The member holding the value, relative to the record:
            ``"as_of"``, ``"events[0].date"``, ``"people[2]"``.  It must name
            a member the record has (rule ``derived.unknown_member``).
        how: How it was derived.
        note: The reading, in words.
        sources: The quotes it was derived from.

    """

    member: str = attrs.field(validator=_check_member)
    how: DerivationKind
    note: str | None = attrs.field(default=None, validator=check_text)
    sources: tuple[Source, ...] = ()


def check_optional_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Attrs validator: ``value`` is ``None`` or an id (:func:`check_id`)."""
    if value is not None:
        check_id(instance, attribute, value)


def check_optional_bool(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Attrs validator: ``value`` is ``True``, ``False`` or ``None`` (never 0 or 1)."""
    if value is not None and type(value) is not bool:
        raise FieldValueError(
            f"{attribute.name} must be true, false or None, not {value!r}", field=attribute.name
        )


def check_optional_int(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Attrs validator: ``value`` is ``None`` or a whole number (never a bool or a float).

    Its bounds are the schema's, checked by the limits read from it.
    """
    if value is not None and type(value) is not int:
        raise FieldValueError(
            f"{attribute.name} must be a whole number, not {value!r}", field=attribute.name
        )


def check_tuple_of(cls: type[Any]) -> Any:  # an attrs validator; Any keeps attrs.field simple
    """Attrs validator factory: the value is a tuple whose items are all ``cls``."""

    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple) or not all(isinstance(item, cls) for item in value):
            raise FieldValueError(
                f"{attribute.name} must be a tuple of {cls.__name__}", field=attribute.name
            )

    return validate


def check_not_empty(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Attrs validator: the tuple ``value`` has at least one item."""
    if not value:
        raise FieldValueError(f"{attribute.name} needs at least one item", field=attribute.name)
