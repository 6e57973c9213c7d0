"""Elections: the official results of a vote, seat by seat and party by party.

An :class:`Election` (record type ``"election"``) is one vote in one
country on one date, "the elections for the commune and sangkat [...]
council held on 5 June 2022", and its results as published: for each thing
contested (:class:`Contest`: "council seats", "positions of commune chief")
the number there were, and for each party (:class:`PartyResult`) the seats
it won and, where the text states it, its share in per cent, kept as the
text writes it ("80.7").  The checks report results that add up to more
seats than there were (``election.seats_exceed_total``), a stated share
that the seats do not give (``election.share_mismatch``) and a party listed
twice in one contest (``election.party_repeated``); :func:`seat_share`
computes a share the way the check compares it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from ..errors import FieldValueError
from .common import (
    PartialDate,
    Source,
    check_country,
    check_id,
    check_optional_bool,
    check_optional_id,
    check_text,
)
from .events import CountQualifier
from .money import DECIMAL_TEXT
from .records import record_type

__all__ = [
    "MAX_SEATS",
    "MAX_SHARE_DECIMALS",
    "Contest",
    "Election",
    "ElectionFigure",
    "FigureUnit",
    "PartyResult",
    "seat_share",
]

MAX_SEATS = 1_000_000
"""The largest number of seats a contest may have, or a result may win (election.json says so)."""

MAX_SHARE_DECIMALS = 4
"""The most decimals a stated share may have (``"80.6746"``; election.json says so too)."""


def _check_count(minimum: int) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not int or not minimum <= value <= MAX_SEATS:
            raise FieldValueError(
                f"{value!r} is not a whole number from {minimum} to {MAX_SEATS}",
                field=attribute.name,
            )

    return check


def _check_not_empty(message: str) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not value:
            raise FieldValueError(message, field=attribute.name)

    return check


def _check_share(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if (
        type(value) is not Decimal
        or not value.is_finite()
        or value.is_signed()
        or not 0 <= value <= 100
        or _decimals(value) > MAX_SHARE_DECIMALS
    ):
        raise FieldValueError(
            f"{value!r} is not a percentage from 0 to 100 as a Decimal with at most "
            f"{MAX_SHARE_DECIMALS} decimals, such as Decimal('80.7')",
            field=attribute.name,
        )


def _decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # a finite Decimal's exponent is an int
    return max(0, -exponent)


def seat_share(seats: int, total: int, decimals: int) -> Decimal:
    """``100 * seats / total`` rounded half-even to ``decimals`` decimals, exactly.

    This is the share that the check ``election.share_mismatch`` expects a
    result to state with that many decimals: 9,376 of 11,622 seats is
    80.674...%, so ``seat_share(9376, 11622, 1) == Decimal("80.7")`` and
    ``seat_share(9376, 11622, 2) == Decimal("80.67")``.  A quotient exactly
    halfway rounds to the even last digit (``seat_share(1, 8, 1)`` is
    ``Decimal("12.5")``, ``seat_share(1, 16, 1)`` is ``Decimal("6.2")``).

    Raises:
        ValueError: when ``total`` is not positive or ``seats`` or
            ``decimals`` is negative.

    """
    if total <= 0 or seats < 0 or decimals < 0:
        raise ValueError(
            f"a share needs a positive total and no negative seats or decimals, "
            f"got seats={seats}, total={total}, decimals={decimals}"
        )
    # In whole numbers, so that the result is exact whatever the size and a tie is a tie.
    quotient, remainder = divmod(100 * seats * 10**decimals, total)
    if 2 * remainder > total or (2 * remainder == total and quotient % 2 == 1):
        quotient += 1
    return Decimal((0, tuple(int(digit) for digit in str(quotient)), -decimals))


@attrs.frozen(kw_only=True)
class PartyResult:
    """What one party, or a group of parties, won in one contest (``election.json#/$defs/result``).

    Attributes:
        party: The party's name as the text writes it ("Cambodian People’s
            Party"), or for a group, the words that stand for it ("other
            small parties").
        acronym: The acronym the text gives in parentheses ("CPP").
        organisation: The id of the party's organisation record, when the
            data links it to one; in a collection it must name one.
        group: ``True`` when the result stands for several parties together
            ("The remaining 48 council seats went to other small parties");
            ``None`` (or ``False``) for one party.
        seats: The seats or positions won: 0 to :data:`MAX_SEATS`.
        share: The share of the contest's total in per cent, exactly as the
            text states it: ``Decimal("80.7")`` for "(80.7 per cent)", the
            decimals kept ("80.70" states two).  From 0 to 100, at most
            :data:`MAX_SHARE_DECIMALS` decimals.  ``None`` when the text
            states none; never computed.

    """

    party: str = attrs.field(validator=check_text)
    acronym: str | None = attrs.field(default=None, validator=check_text)
    organisation: str | None = attrs.field(default=None, validator=check_optional_id)
    group: bool | None = attrs.field(default=None, validator=check_optional_bool)
    seats: int = attrs.field(validator=_check_count(0))
    share: Decimal | None = attrs.field(default=None, validator=_check_share)

    @property
    def share_decimals(self) -> int | None:
        """How many decimals the stated share has (1 for ``"80.7"``), or ``None`` without one."""
        return None if self.share is None else _decimals(self.share)


@attrs.frozen(kw_only=True)
class Contest:
    """One thing an election filled, and who won it (``election.json#/$defs/contest``).

    Attributes:
        contested: What was contested, in the text's words ("council seats",
            "positions of commune chief").
        total: How many there were: "of the 11,622 council seats" is 11,622.
        results: What each party, or group of parties, won, in the order
            the text gives them; ``()`` when the text gives the total only
            ("nearly all the 125 seats").  The seats add up to at most
            ``total`` (fewer when the text does not account for all).

    """

    contested: str = attrs.field(validator=check_text)
    total: int = attrs.field(validator=_check_count(1))
    results: tuple[PartyResult, ...] = ()

    @property
    def seats_listed(self) -> int:
        """The seats the results add up to."""
        return sum(result.seats for result in self.results)


_AMOUNT_MAX_LENGTH = 40  # as sentence.json#/$defs/amount has it


def _check_number(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None and attribute.name == "previous":
        return
    written = format(value, "f") if type(value) is Decimal and value.is_finite() else None
    if (
        written is None
        or len(written) > _AMOUNT_MAX_LENGTH
        or DECIMAL_TEXT.fullmatch(written) is None
    ):
        raise FieldValueError(
            f"{value!r} is not a non-negative number as a Decimal, such as Decimal('5300000')",
            field=attribute.name,
        )


class FigureUnit(enum.Enum):
    """What the number of an :class:`ElectionFigure` is."""

    COUNT = "count"
    """A number of things: votes, seats, observers."""
    PER_CENT = "per_cent"
    """A share of a whole, in per cent ("93 per cent", "one-fifth" is 20)."""


@attrs.frozen(kw_only=True)
class ElectionFigure:
    """A number a text states about an election beyond its contests' results.

    "its popular vote surged from 3.5 million to 5.3 million" is
    ``ElectionFigure(measure="popular vote", party="Cambodian People’s Party",
    value=Decimal("5300000"), unit=FigureUnit.COUNT, previous=Decimal("3500000"),
    as_written="from 3.5 million to 5.3 million")``.  Nothing is computed:
    each figure is one the text prints (``election.json#/$defs/figure``).

    Attributes:
        measure: What the number counts, in the text's words.
        party: The party it is about, as the text writes it, if one.
        value: The number.
        unit: A count, or a share in per cent.
        qualifier: How the text qualifies it ("over 3,000" is
            :attr:`~civicspace.cases.CountQualifier.MORE_THAN`); ``None`` when exact.
        previous: The number it changed from, when the text gives one.
        as_written: The words it was printed in ("one-fifth").
        sources: Where it was published.

    """

    measure: str = attrs.field(validator=check_text)
    party: str | None = attrs.field(default=None, validator=check_text)
    value: Decimal = attrs.field(validator=_check_number)
    unit: FigureUnit
    qualifier: CountQualifier | None = None
    previous: Decimal | None = attrs.field(default=None, validator=_check_number)
    as_written: str | None = attrs.field(default=None, validator=check_text)
    sources: tuple[Source, ...] = ()


@record_type("election")
@attrs.frozen(kw_only=True)
class Election:
    """The official results of one election (record type ``"election"``).

    Results are recorded as published, never completed: a contest whose
    results the text does not fully account for adds up to less than its
    total, and a share the text does not state is left out.  The checks
    (``civicspace.validate``) report a result, or all of a contest's results
    together, with more seats than the contest's total
    (``election.seats_exceed_total``), a stated share other than
    :func:`seat_share` of the seats to the decimals stated
    (``election.share_mismatch``), and one party listed twice in one
    contest, by :func:`civicspace.people.match_organisations`
    (``election.party_repeated``).  In a collection, every organisation id
    a result gives must name an organisation record.

    Attributes:
        id: The election's id, unique among the elections of a collection.
        country: Where it was held (ISO 3166-1 alpha-3).
        date: Polling day, to the precision the text gives ("2022-06-05").
        title: What the election was, in words ("Commune and sangkat
            council elections").
        contests: What was contested and the results of each; at least one.
        figures: Other numbers the text states about it (a party's popular
            vote, the observers accredited), each as printed.
        sources: Where the results were published.

    """

    id: str = attrs.field(validator=check_id)
    country: str = attrs.field(validator=check_country)
    date: PartialDate
    title: str = attrs.field(validator=check_text)
    contests: tuple[Contest, ...] = attrs.field(
        validator=_check_not_empty("an election lists at least one contest")
    )
    figures: tuple[ElectionFigure, ...] = ()
    sources: tuple[Source, ...] = ()
