"""Civic-space ratings: the CIVICUS scale, dated country ratings and their history."""

from __future__ import annotations

import datetime
import difflib
import enum
import itertools
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ..errors import FieldValueError, ParseError
from .common import Derivation, PartialDate, Source, check_country
from .records import record_type

__all__ = [
    "ChangeDirection",
    "CivicusRating",
    "CountryRating",
    "RatingChange",
    "RatingHistory",
    "rating_change",
]

# Quote marks and spaces that published text puts around a rating: ‘repressed’, "Closed".
_QUOTES = " \t\n\r'\"‘’“”`«»"


class CivicusRating(enum.Enum):
    """A rating on the CIVICUS Monitor's five-step civic-space scale.

    Members run from most open to most closed, and compare in that order:
    ``CivicusRating.OPEN < CivicusRating.CLOSED`` reads "open is less closed than closed".
    The JSON form is the lower-case value.
    """

    OPEN = "open"
    NARROWED = "narrowed"
    OBSTRUCTED = "obstructed"
    REPRESSED = "repressed"
    CLOSED = "closed"

    @property
    def rank(self) -> int:
        """Steps from ``open``: 0 for open up to 4 for closed."""
        return _RANKS[self]

    @classmethod
    def parse(cls, text: str) -> CivicusRating:
        """Read a rating as published: ``Repressed``, ``‘repressed’``, ``REPRESSED``.

        Case does not matter, and quote marks and spaces around the word are
        dropped.  Anything else is refused, with the closest ratings as
        suggestions.

        Raises:
            ParseError: when the text names no rating.

        """
        if isinstance(text, str):
            word = text.strip(_QUOTES).casefold()
            for member in cls:
                if member.value == word:
                    return member
        else:
            word = ""
        names = [member.value for member in cls]
        suggestions = difflib.get_close_matches(word, names, n=2, cutoff=0.6)
        hint = f"; did you mean {' or '.join(suggestions)}?" if suggestions else ""
        raise ParseError(
            f"{text!r} is not a CIVICUS rating (one of {', '.join(names)}){hint}",
            text=str(text),
            suggestions=suggestions,
        )

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, CivicusRating):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, CivicusRating):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, CivicusRating):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, CivicusRating):
            return NotImplemented
        return self.rank >= other.rank


_RANKS: Mapping[CivicusRating, int] = {member: rank for rank, member in enumerate(CivicusRating)}


def _check_score(_instance: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and not 0 <= value <= 100:
        raise FieldValueError(f"score {value} is outside 0 to 100", field=attribute.name)


@record_type("rating")
@attrs.frozen(kw_only=True)
class CountryRating:
    """A country's CIVICUS Monitor rating as of a date (record type ``"rating"``).

    Attributes:
        country: ISO 3166-1 alpha-3 code.
        rating: The category.
        as_of: When the rating was published or took effect, to the
            precision the source gives.
        watchlist: Whether the country was on the Monitor's watchlist; ``None``
            when the source does not say.
        score: The Monitor's 0-100 score, when published.
        sources: Where the rating was published.
        derived: The values that rest on a reading rather than a quote, each
            marked with how it was derived (:class:`~civicspace.common.Derivation`).

    """

    country: str = attrs.field(validator=check_country)
    rating: CivicusRating
    as_of: PartialDate
    watchlist: bool | None = None
    score: float | None = attrs.field(default=None, validator=_check_score)
    sources: tuple[Source, ...] = ()
    derived: tuple[Derivation, ...] = ()


class ChangeDirection(enum.StrEnum):
    """Which way a rating moved along the scale."""

    DOWNGRADE = "downgrade"
    """Toward closed."""
    UPGRADE = "upgrade"
    """Toward open."""
    UNCHANGED = "unchanged"
    """Same category."""


@attrs.frozen
class RatingChange:
    """How a rating moved between two readings; see :func:`rating_change`."""

    before: CivicusRating
    after: CivicusRating

    @property
    def steps(self) -> int:
        """How many categories apart the two ratings are, 0 to 4."""
        return abs(self.after.rank - self.before.rank)

    @property
    def direction(self) -> ChangeDirection:
        """``downgrade`` toward closed, ``upgrade`` toward open, or ``unchanged``."""
        if self.after > self.before:
            return ChangeDirection.DOWNGRADE
        if self.after < self.before:
            return ChangeDirection.UPGRADE
        return ChangeDirection.UNCHANGED


def _as_rating(value: CivicusRating | CountryRating) -> CivicusRating:
    return value.rating if isinstance(value, CountryRating) else value


def rating_change(
    before: CivicusRating | CountryRating, after: CivicusRating | CountryRating
) -> RatingChange:
    """Compare two ratings: the direction of the move and how many steps it took.

    Either argument may be a :class:`CivicusRating` or a :class:`CountryRating`.

    >>> change = rating_change(CivicusRating.OBSTRUCTED, CivicusRating.REPRESSED)
    >>> (change.direction, change.steps)
    (<ChangeDirection.DOWNGRADE: 'downgrade'>, 1)
    """
    return RatingChange(_as_rating(before), _as_rating(after))


@attrs.frozen
class DatedRatingChange:
    """A change between two consecutive ratings of one country."""

    previous: CountryRating
    current: CountryRating

    @property
    def change(self) -> RatingChange:
        """The move from :attr:`previous` to :attr:`current`."""
        return rating_change(self.previous, self.current)


def _as_day(value: datetime.date | PartialDate) -> datetime.date:
    return value.earliest if isinstance(value, PartialDate) else value


def _history_index(
    ratings: tuple[CountryRating, ...],
) -> dict[str, tuple[CountryRating, ...]]:
    by_country: dict[str, list[CountryRating]] = {}
    for record in sorted(ratings, key=lambda record: record.as_of):
        by_country.setdefault(record.country, []).append(record)
    return {country: tuple(records) for country, records in by_country.items()}


@attrs.frozen
class RatingHistory:
    """The ratings of many countries over time, for questions about dates.

    A rating takes effect on the first day its ``as_of`` date may be (a rating
    "as of June 2020" is in force from 1 June 2020) and stays in force until
    the country's next rating.  Two ratings of one country with the same
    ``as_of`` keep the order they were given in; the later one wins.
    """

    ratings: tuple[CountryRating, ...] = attrs.field(converter=tuple)
    _by_country: dict[str, tuple[CountryRating, ...]] = attrs.field(
        init=False, repr=False, eq=False
    )

    @_by_country.default
    def _index(self) -> dict[str, tuple[CountryRating, ...]]:
        return _history_index(self.ratings)

    @property
    def countries(self) -> frozenset[str]:
        """The countries with at least one rating."""
        return frozenset(self._by_country)

    def of(self, country: str) -> tuple[CountryRating, ...]:
        """A country's ratings, oldest first."""
        return self._by_country.get(country, ())

    def rating_on(self, country: str, day: datetime.date | PartialDate) -> CountryRating | None:
        """The rating in force for ``country`` on ``day``; ``None`` before the first.

        A partial ``day`` stands for its first day.
        """
        when = _as_day(day)
        current = None
        for record in self.of(country):
            if record.as_of.earliest > when:
                break
            current = record
        return current

    def changes(
        self,
        country: str,
        start: datetime.date | PartialDate | None = None,
        end: datetime.date | PartialDate | None = None,
    ) -> tuple[DatedRatingChange, ...]:
        """Changes of category that took effect after ``start`` and up to ``end``.

        Consecutive ratings in the same category are not changes.  Leaving
        out ``start`` or ``end`` leaves that side open.
        """
        first = None if start is None else _as_day(start)
        last = None if end is None else _as_day(end)
        records = self.of(country)
        found = []
        for previous, current in itertools.pairwise(records):
            took_effect = current.as_of.earliest
            if first is not None and took_effect <= first:
                continue
            if last is not None and took_effect > last:
                continue
            if previous.rating is not current.rating:
                found.append(DatedRatingChange(previous, current))
        return tuple(found)

    def count_by_rating(
        self, day: datetime.date | PartialDate, countries: Iterable[str] | None = None
    ) -> dict[CivicusRating, int]:
        """How many countries sat in each category on ``day``.

        Every category is a key, zero included, most open first: the table
        the Monitor's annual report prints.  ``countries`` limits the count
        to those countries (default: all rated ones), each counted once; a
        country with no rating in force on the day is not counted.
        """
        chosen = self.countries if countries is None else set(countries)
        counts = Counter(
            record.rating
            for record in (self.rating_on(country, day) for country in chosen)
            if record is not None
        )
        return {rating: counts[rating] for rating in CivicusRating}
