"""Strategies for terms, money, custody and sentences (sentence.json)."""

from __future__ import annotations

import datetime
import enum
import functools
from decimal import Decimal
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from .._model.common import LawVersion
from .._model.custody import CustodyKind, CustodyPeriod
from .._model.money import Money, ReportedAmount
from .._model.penalties import AggravatedPenalty, StatutoryPenalty
from .._model.sentences import (
    REMAINDER,
    AdditionalPenalty,
    AdditionalPenaltyKind,
    AppealOutcome,
    CourtKind,
    DetentionRegime,
    NonCustodialKind,
    NonCustodialPenalty,
    Proceedings,
    Remainder,
    Sentence,
)
from .._model.terms import LIFE, Life, Term, TermRange
from ._common import (
    _optional_tuple,
    _schema,
    identifiers,
    partial_dates,
    sources,
    texts,
)

__all__ = [
    "additional_penalties",
    "aggravated_penalties",
    "amounts",
    "currency_codes",
    "custodial_terms",
    "custody_dates",
    "custody_kinds",
    "custody_periods",
    "day_free_terms",
    "money",
    "month_free_terms",
    "non_custodial_penalties",
    "reported_amounts",
    "sentence_values",
    "sentences",
    "statutory_penalties",
    "term_ranges",
    "terms",
    "terms_or_life",
]


E = TypeVar("E", bound=enum.Enum)


def sentence_values(definition: str, cls: type[E]) -> st.SearchStrategy[E]:
    """Every value of the enum ``definition`` of ``sentence.json``'s ``$defs``, as a ``cls``.

    The values are read from the schema, so a value added there is drawn
    with no change here (``sentence_values("court_kind", CourtKind)``).
    """
    values = _schema("sentence")["$defs"][definition]["enum"]
    return st.sampled_from([cls(value) for value in values])


def _lashes() -> st.SearchStrategy[int]:
    member = _schema("sentence")["$defs"]["sentence"]["properties"]["lashes"]
    return st.integers(min_value=member["minimum"], max_value=member["maximum"])


def terms(
    *, max_years: int = 30, max_months: int = 40, max_days: int = 400
) -> st.SearchStrategy[Term]:
    """Finite terms with each component between 0 and its maximum, in any form.

    Zero components are common, so day-free and month-free terms are drawn
    often, as are all-zero terms.
    """

    def component(maximum: int) -> st.SearchStrategy[int]:
        return st.one_of(st.just(0), st.integers(min_value=0, max_value=maximum))

    return st.builds(
        Term,
        years=component(max_years),
        months=component(max_months),
        days=component(max_days),
    )


def day_free_terms(*, max_years: int = 30, max_months: int = 40) -> st.SearchStrategy[Term]:
    """Terms of years and months only (``days == 0``): these compare by total months."""
    return terms(max_years=max_years, max_months=max_months, max_days=0)


def month_free_terms(*, max_days: int = 20000) -> st.SearchStrategy[Term]:
    """Terms of days only: these compare by days."""
    return terms(max_years=0, max_months=0, max_days=max_days)


def terms_or_life() -> st.SearchStrategy[Term | Life]:
    """Finite terms, and :data:`~civicspace.sentences.LIFE` now and then."""
    return st.one_of(st.just(LIFE), terms())


def term_ranges() -> st.SearchStrategy[TermRange]:
    """Valid ranges: a day-free minimum and a maximum at least as long from every start."""
    return st.builds(
        lambda minimum, extra: TermRange(minimum=minimum, maximum=minimum + extra),
        day_free_terms(),
        st.one_of(day_free_terms(), month_free_terms(max_days=400)),
    )


@functools.cache
def _every_currency() -> tuple[str, ...]:
    import pycountry

    return tuple(sorted(currency.alpha_3 for currency in pycountry.currencies))


#: A few currencies seen in civic-space reporting, drawn often.
_COMMON_CURRENCIES = ("KHR", "USD", "EUR", "THB", "MMK", "VND")


def currency_codes() -> st.SearchStrategy[str]:
    """ISO 4217 alphabetic codes: common ones, or any that pycountry knows."""
    return st.one_of(st.sampled_from(_COMMON_CURRENCIES), st.sampled_from(_every_currency()))


def amounts(*, max_value: int = 10**15, max_places: int = 4) -> st.SearchStrategy[Decimal]:
    """Decimal amounts from 0 to ``max_value`` with 0 to ``max_places`` places, as drawn.

    ``Decimal("1000")`` and ``Decimal("1000.00")`` are both drawn, so the
    difference between value and form gets exercised.
    """
    return st.builds(
        lambda units, places: Decimal(units % (max_value * 10**places + 1)).scaleb(-places),
        st.integers(min_value=0, max_value=max_value * 10**max_places),
        st.integers(min_value=0, max_value=max_places),
    )


def money(currency: str | None = None) -> st.SearchStrategy[Money]:
    """Money in ``currency``, or in any currency when it is ``None``."""
    codes = currency_codes() if currency is None else st.just(currency)
    return st.builds(Money, amounts(), codes)


def reported_amounts() -> st.SearchStrategy[ReportedAmount]:
    """Reported amounts, with or without an equivalent in another currency."""

    @st.composite
    def build(draw: st.DrawFn) -> ReportedAmount:
        approximate = draw(st.none() | st.booleans())
        if draw(st.booleans()):
            return ReportedAmount(amount=draw(money()), approximate=approximate)
        positive = amounts().filter(bool)
        code, other = draw(st.lists(currency_codes(), min_size=2, max_size=2, unique=True))
        return ReportedAmount(
            amount=Money(draw(positive), code),
            equivalent=Money(draw(positive), other),
            approximate=approximate,
        )

    return build()


def custody_dates() -> st.SearchStrategy[datetime.date]:
    """Days from 1990 to 2040, a range with room for any term the tests add."""
    return st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2040, 12, 31))


def custody_kinds() -> st.SearchStrategy[CustodyKind]:
    """Any kind of custody."""
    return st.sampled_from(CustodyKind)


def custody_periods(*, open_periods: bool = True) -> st.SearchStrategy[CustodyPeriod]:
    """Periods of up to about three years, empty ones included; open ones if ``open_periods``."""

    @st.composite
    def build(draw: st.DrawFn) -> CustodyPeriod:
        start = draw(custody_dates())
        if open_periods and draw(st.integers(min_value=0, max_value=9)) == 0:
            end = None
        else:
            end = start + datetime.timedelta(days=draw(st.integers(min_value=0, max_value=1100)))
        return CustodyPeriod(start, end, kind=draw(st.none() | custody_kinds()))

    return build()


def _bounds(draw: st.DrawFn) -> dict[str, Any]:
    """Minimum and maximum term and fine, each minimum within its maximum, a maximum stated.

    Now and then the death penalty too, or alone.
    """
    stated = draw(st.sampled_from(["term", "fine", "both", "death"]))
    bounds: dict[str, Any] = {}
    if stated == "death" or draw(st.integers(0, 7)) == 0:
        bounds["death"] = True
    if stated == "death":
        return bounds
    if stated != "fine":
        maximum = draw(terms_or_life())
        bounds["maximum_term"] = maximum
        if draw(st.booleans()):
            if isinstance(maximum, Life):
                bounds["minimum_term"] = draw(terms())
            else:
                bounds["minimum_term"] = draw(_part_of(maximum))
    if stated != "term":
        highest = draw(money())
        bounds["maximum_fine"] = highest
        if draw(st.booleans()):
            lowest = min(draw(amounts()), highest.amount)
            bounds["minimum_fine"] = Money(lowest, highest.currency)
    return bounds


def aggravated_penalties() -> st.SearchStrategy[AggravatedPenalty]:
    """Aggravated variants: a condition and a valid penalty of their own."""

    @st.composite
    def build(draw: st.DrawFn) -> AggravatedPenalty:
        return AggravatedPenalty(condition=draw(texts()), **_bounds(draw))

    return build()


def _heavier(draw: st.DrawFn, base: StatutoryPenalty) -> AggravatedPenalty:
    """A variant that raises a maximum of ``base`` and may set minimums within the result."""
    stated: dict[str, Any] = {}
    raise_term = base.maximum_fine is None or draw(st.booleans())
    if raise_term:
        if isinstance(base.maximum_term, Life):
            stated["maximum_term"] = LIFE  # nothing is heavier: restate it
        elif base.maximum_term is None:
            # Never below the base's minimum, which the variant inherits.
            floor = base.minimum_term or Term()
            stated["maximum_term"] = draw(st.just(LIFE) | terms().map(floor.__add__))
        else:
            stated["maximum_term"] = draw(st.just(LIFE) | terms().map(base.maximum_term.__add__))
    if not raise_term or draw(st.booleans()):
        if base.maximum_fine is None:
            stated["maximum_fine"] = draw(money())
        else:
            extra = Money(draw(amounts()), base.maximum_fine.currency)
            stated["maximum_fine"] = base.maximum_fine + extra
    level = base.applying(AggravatedPenalty(condition="-", **stated))
    if isinstance(level.maximum_term, Term) and draw(st.booleans()):
        stated["minimum_term"] = draw(_part_of(level.maximum_term))
    if level.maximum_fine is not None and draw(st.booleans()):
        lowest = min(draw(amounts()), level.maximum_fine.amount)
        stated["minimum_fine"] = Money(lowest, level.maximum_fine.currency)
    return AggravatedPenalty(condition=draw(texts()), **stated)


def statutory_penalties() -> st.SearchStrategy[StatutoryPenalty]:
    """Statutory penalties that pass every ``penalty.*`` rule, with up to two heavier variants."""

    @st.composite
    def build(draw: st.DrawFn) -> StatutoryPenalty:
        bounds = _bounds(draw)
        highest = bounds.get("maximum_fine")
        if highest is not None and draw(st.booleans()):
            equivalent = draw(money().filter(lambda other: other.currency != highest.currency))
            bounds.update(
                maximum_fine_equivalent=equivalent,
                equivalent_approximate=draw(st.none() | st.booleans()),
            )
        base = StatutoryPenalty(**bounds, version=draw(st.none() | st.sampled_from(LawVersion)))
        count = draw(st.integers(0, 2))
        return attrs.evolve(base, aggravated=tuple(_heavier(draw, base) for _ in range(count)))

    return build()


def custodial_terms() -> st.SearchStrategy[Term | TermRange | Life]:
    """What a sentence's ``term`` holds: terms, ranges, and now and then LIFE."""
    return st.one_of(terms(), term_ranges(), st.just(LIFE))


def _part_of(term: Term) -> st.SearchStrategy[Term]:
    """Terms with no more months and no more days than ``term``: never longer from any start."""
    return st.builds(
        lambda months, days: Term(months=months, days=days),
        st.integers(0, term.years * 12 + term.months),
        st.integers(0, term.days),
    )


def non_custodial_penalties() -> st.SearchStrategy[NonCustodialPenalty]:
    """Non-custodial penalties of every kind the schema names, with or without a term."""
    return st.builds(
        NonCustodialPenalty,
        kind=sentence_values("non_custodial_kind", NonCustodialKind),
        term=st.none() | terms(),
        as_printed=st.none() | texts(),
    )


def additional_penalties() -> st.SearchStrategy[AdditionalPenalty]:
    """Additional penalties of every kind the schema names, with a term, LIFE or none."""
    return st.builds(
        AdditionalPenalty,
        kind=sentence_values("additional_penalty_kind", AdditionalPenaltyKind),
        term=st.none() | terms_or_life(),
        as_printed=st.none() | texts(),
    )


def sentences() -> st.SearchStrategy[Sentence]:
    """Sentences that pass every ``sentence.*`` rule; the person is any valid id."""

    @st.composite
    def build(draw: st.DrawFn) -> Sentence:
        term = draw(st.none() | custodial_terms())
        death = draw(st.none() | st.just(True))
        lashes = draw(st.none() | _lashes())
        non_custodial = draw(_optional_tuple(non_custodial_penalties(), max_size=2))
        fine = draw(st.none() | reported_amounts())
        if fine is not None:  # a fine with its amount is never also named without it
            non_custodial = tuple(p for p in non_custodial if p.kind is not NonCustodialKind.FINE)
        compensation = draw(st.none() | reported_amounts())
        additional = draw(_optional_tuple(additional_penalties(), max_size=2))
        stated = (term, death, lashes, fine, compensation)
        if all(value is None for value in stated) and not (non_custodial or additional):
            term = draw(custodial_terms())
        suspended: Term | Remainder | None = None
        if term is not None and draw(st.booleans()):
            if draw(st.booleans()):
                suspended = REMAINDER
            elif isinstance(term, Life):
                suspended = draw(terms())
            else:
                suspended = draw(_part_of(term.maximum if isinstance(term, TermRange) else term))
        with_term = term is not None
        return Sentence(
            id=draw(st.none() | identifiers()),
            person=draw(identifiers()),
            term=term,
            aggravated_life=draw(st.none() | st.booleans()) if isinstance(term, Life) else None,
            suspended=suspended,
            regime=draw(st.none() | sentence_values("detention_regime", DetentionRegime))
            if with_term
            else None,
            regime_as_printed=draw(st.none() | texts()) if with_term else None,
            death=death,
            lashes=lashes,
            non_custodial=non_custodial,
            fine=fine,
            compensation=compensation,
            additional_penalties=additional,
            in_absentia=draw(st.none() | st.booleans()),
            imposed_on=draw(st.none() | partial_dates()),
            court=draw(st.none() | texts()),
            court_kind=draw(st.none() | sentence_values("court_kind", CourtKind)),
            proceedings=draw(st.none() | sentence_values("proceedings", Proceedings)),
            appeal_outcome=draw(st.none() | st.sampled_from(AppealOutcome)),
            custody_credited=draw(_optional_tuple(custody_periods())),
            counted_from=draw(st.none() | partial_dates()) if with_term else None,
            sources=draw(_optional_tuple(sources(), max_size=2)),
        )

    return build()
