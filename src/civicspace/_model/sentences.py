"""What laws threaten and what courts hand down: statutory penalties and sentences.

A :class:`StatutoryPenalty` is the punishment a law states for an offence
("up to five years – rising to ten years if deemed to impact national
security"); a :class:`Sentence` is what a court imposed on one person.  The
pure functions here answer the questions reports ask of them: how long is
left to serve, when is the release date, does a sentence exceed what the law
allows, what do several sentences come to served together or one after
another, and what do many sentences add up to.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Iterator
from typing import Any, Final

import attrs

from ..errors import FieldValueError, SentenceError
from .custody import CustodyPeriod, days_in_custody, term_release_date
from .money import Money, ReportedAmount, total_by_currency
from .terms import LIFE, IncomparableTermsError, Life, Term, TermRange
from .values import LawVersion, PartialDate, Source, check_id, check_optional_bool, check_text

__all__ = [
    "REMAINDER",
    "AggravatedPenalty",
    "AppealOutcome",
    "PenaltyComparison",
    "Remainder",
    "Sentence",
    "SentenceError",
    "SentenceTotals",
    "StatutoryPenalty",
    "account_totals",
    "compare_with_penalty",
    "sentence_release_date",
    "served_concurrently",
    "served_consecutively",
    "time_to_serve",
]

_PENALTY_FIELDS: Final = ("minimum_term", "maximum_term", "minimum_fine", "maximum_fine")


class Remainder(enum.Enum):
    """The suspended part of a sentence stated as "the remainder" after time served.

    Its only member is :data:`REMAINDER`; its JSON form is ``"remainder"``.
    "sentenced him to two years in prison, with the remainder of his
    sentence suspended due to time served in pre-trial detention" is a
    :class:`Sentence` with ``term=Term(years=2)`` and
    ``suspended=REMAINDER``: nothing is left to serve beyond the custody
    already served, whatever its length.
    """

    REMAINDER = "remainder"

    def __str__(self) -> str:
        """``"remainder"``."""
        return self.value

    def __repr__(self) -> str:
        """``REMAINDER``."""
        return "REMAINDER"


REMAINDER: Final = Remainder.REMAINDER
"""The part of a term not covered by time served, suspended; see :class:`Remainder`."""


class AppealOutcome(enum.Enum):
    """What an appeal court did with a sentence.  The JSON form is the value."""

    UPHELD = "upheld"
    """Confirmed as imposed ("His sentence was upheld ... by the Court of Appeal")."""
    REDUCED = "reduced"
    """Made lighter."""
    INCREASED = "increased"
    """Made heavier."""
    QUASHED = "quashed"
    """Set aside."""


def _optional(
    *classes: type[Any], words: str
) -> Any:  # an attrs validator; Any keeps attrs.field's overloads simple
    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, classes):
            raise FieldValueError(
                f"{attribute.name} must be {words}, not {value!r}", field=attribute.name
            )

    return validate


def _tuple_of(cls: type[Any]) -> Any:
    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple) or not all(isinstance(item, cls) for item in value):
            raise FieldValueError(
                f"{attribute.name} must be a tuple of {cls.__name__}", field=attribute.name
            )

    return validate


def _check_states_a_maximum(instance: Any, _: attrs.Attribute[Any], value: object) -> None:
    if instance.maximum_term is None and value is None:
        raise FieldValueError(
            "a penalty states a maximum term, a maximum fine or both", field="maximum_term"
        )


def _check_states_a_change(instance: Any, _: attrs.Attribute[Any], value: object) -> None:
    if value is None and all(getattr(instance, name) is None for name in _PENALTY_FIELDS[:3]):
        raise FieldValueError(
            "an aggravated penalty states at least one of "
            "minimum_term, maximum_term, minimum_fine and maximum_fine",
            field="maximum_term",
        )


def _check_equivalent(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if instance.maximum_fine is None:
        raise FieldValueError(
            "an equivalent needs the maximum fine it renders", field=attribute.name
        )


def _check_approximate(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and instance.maximum_fine_equivalent is None:
        raise FieldValueError("only an equivalent can be approximate", field=attribute.name)


_TERM = _optional(Term, words="a Term")
_TERM_OR_LIFE = _optional(Term, Life, words="a Term or LIFE")
_MONEY = _optional(Money, words="Money")
_REPORTED = _optional(ReportedAmount, words="a ReportedAmount")


@attrs.frozen(kw_only=True)
class AggravatedPenalty:
    """A heavier penalty a law states for an aggravating circumstance.

    "up to five years – rising to ten years if deemed to impact national
    security" has the variant
    ``AggravatedPenalty(condition="if deemed to impact national security",
    maximum_term=Term(years=10))``.  A variant states what changes, at
    least one of the four bounds; what it leaves out is as in the base
    penalty (:meth:`StatutoryPenalty.applying` gives the penalty in full).

    Attributes:
        condition: The circumstance, in the law's or the source's words.
        minimum_term: The least term, where it changes.
        maximum_term: The greatest term, or :data:`~civicspace.sentences.LIFE`, where it changes.
        minimum_fine: The least fine, where it changes.
        maximum_fine: The greatest fine, where it changes.

    """

    condition: str = attrs.field(validator=check_text)
    minimum_term: Term | None = attrs.field(default=None, validator=_TERM)
    maximum_term: Term | Life | None = attrs.field(default=None, validator=_TERM_OR_LIFE)
    minimum_fine: Money | None = attrs.field(default=None, validator=_MONEY)
    maximum_fine: Money | None = attrs.field(
        default=None, validator=[_MONEY, _check_states_a_change]
    )


@attrs.frozen(kw_only=True)
class StatutoryPenalty:
    """The punishment a law states for an offence: terms and fines, with aggravated variants.

    "prison sentences of up to five years – rising to ten years if deemed to
    'impact national security' – and fines of up to 5,000,000 riels" is
    ``StatutoryPenalty(maximum_term=Term(years=5),
    maximum_fine=Money(5000000, "KHR"), aggravated=(AggravatedPenalty(
    condition="if deemed to impact national security",
    maximum_term=Term(years=10)),))``.

    A penalty threatens only what it states: it states a maximum term
    (:data:`~civicspace.sentences.LIFE` for life imprisonment), a maximum fine or both,
    and a minimum where the law gives one.  Fines are in the law's own
    currency; an equivalent a report adds ("about $1,250 USD") is not part
    of the law.  The cross-field rules (``penalty.*`` codes) check that each
    minimum, in the base penalty and with each variant applied, does not
    exceed its maximum.

    Attributes:
        minimum_term: The least term, where stated.
        maximum_term: The greatest term, or :data:`~civicspace.sentences.LIFE`.
        minimum_fine: The least fine, where stated.
        maximum_fine: The greatest fine.
        maximum_fine_equivalent: The equivalent of the maximum fine in
            another currency that a report adds ("fines of up to 5,000,000
            riels (about $1,250 USD)"); kept for the record, never part of
            the law and never used to convert.
        equivalent_approximate: ``True`` when the report marks the equivalent
            as approximate ("about"), ``False`` when it stresses it is exact,
            ``None`` when it says neither or gives no equivalent.
        aggravated: Heavier variants for aggravating circumstances, in the
            order the law gives them.
        version: Which version of the instrument states the penalty
            (:attr:`~civicspace.laws.LawVersion.DRAFT` when a report describes the
            draft), when the source says.

    """

    minimum_term: Term | None = attrs.field(default=None, validator=_TERM)
    maximum_term: Term | Life | None = attrs.field(default=None, validator=_TERM_OR_LIFE)
    minimum_fine: Money | None = attrs.field(default=None, validator=_MONEY)
    maximum_fine: Money | None = attrs.field(
        default=None, validator=[_MONEY, _check_states_a_maximum]
    )
    maximum_fine_equivalent: Money | None = attrs.field(
        default=None, validator=[_MONEY, _check_equivalent]
    )
    equivalent_approximate: bool | None = attrs.field(
        default=None, validator=[check_optional_bool, _check_approximate]
    )
    aggravated: tuple[AggravatedPenalty, ...] = attrs.field(
        default=(), validator=_tuple_of(AggravatedPenalty)
    )
    version: LawVersion | None = None

    def applying(self, variant: AggravatedPenalty) -> StatutoryPenalty:
        """The penalty in full when ``variant``'s condition holds, without variants.

        Each bound the variant states replaces the base penalty's; the rest
        are the base penalty's.  ``variant`` need not be one of
        :attr:`aggravated`.
        """
        stated = {
            name: getattr(variant, name)
            for name in _PENALTY_FIELDS
            if getattr(variant, name) is not None
        }
        if "maximum_fine" in stated:  # the reported equivalent was of the base fine
            stated.update(maximum_fine_equivalent=None, equivalent_approximate=None)
        return attrs.evolve(self, aggravated=(), **stated)

    def levels(self) -> tuple[StatutoryPenalty, ...]:
        """The base penalty without variants, then each variant applied, in order."""
        return (
            attrs.evolve(self, aggravated=()),
            *(self.applying(variant) for variant in self.aggravated),
        )


def _check_suspended(instance: Sentence, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, Term | Remainder):
        raise FieldValueError(
            f"suspended must be a Term or REMAINDER, not {value!r}", field=attribute.name
        )
    if instance.term is None:
        raise FieldValueError(
            "a suspended part needs the custodial term it is part of", field=attribute.name
        )


def _check_states_a_penalty(instance: Sentence, _: attrs.Attribute[Any], value: object) -> None:
    if value is None and instance.term is None and instance.fine is None:
        raise FieldValueError(
            "a sentence states a custodial term, a fine, compensation or more", field="term"
        )


@attrs.frozen(kw_only=True)
class Sentence:
    """What a court imposed on one person.

    "Thun Ratha was handed 20 months in jail and a fine of 4 million riel
    (USD 1,000)" is ``Sentence(person="thun-ratha", term=Term(months=20),
    fine=ReportedAmount(amount=Money(4000000, "KHR"),
    equivalent=Money(1000, "USD")))``.  A sentence states a custodial term,
    a fine, compensation or more.  Sentences are embedded in case records;
    ``person`` is the id of a person in the enclosing record.

    Attributes:
        person: The id of the person sentenced.
        term: The custodial term imposed, suspended part included: a
            :class:`~civicspace.sentences.Term`, :data:`~civicspace.sentences.LIFE`, or a
            :class:`~civicspace.sentences.TermRange` when the source gives only a range.
        suspended: The part of the term suspended: a term, or
            :data:`REMAINDER` for "the remainder ... suspended due to time
            served".  Needs ``term``; must not be longer than it (rule
            ``sentence.suspended_exceeds_term``).
        fine: The fine, as reported.
        compensation: Compensation or damages the person was ordered to pay.
        in_absentia: ``True`` when tried or sentenced in absentia, ``False``
            when the source says the person was present; ``None`` when it
            says neither.
        imposed_on: The date the sentence was imposed, to the precision known.
        court: The court that imposed it.
        appeal_outcome: What an appeal court did with it, where known.
        custody_credited: Custody to be deducted from the term (pre-trial
            detention, say), as :class:`~civicspace.cases.CustodyPeriod` values.
        sources: Where the sentence was reported.

    """

    person: str = attrs.field(validator=check_id)
    term: Term | TermRange | Life | None = attrs.field(
        default=None, validator=_optional(Term, TermRange, Life, words="a Term, TermRange or LIFE")
    )
    suspended: Term | Remainder | None = attrs.field(default=None, validator=_check_suspended)
    fine: ReportedAmount | None = attrs.field(default=None, validator=_REPORTED)
    compensation: ReportedAmount | None = attrs.field(
        default=None, validator=[_REPORTED, _check_states_a_penalty]
    )
    in_absentia: bool | None = attrs.field(default=None, validator=check_optional_bool)
    imposed_on: PartialDate | None = attrs.field(
        default=None, validator=_optional(PartialDate, words="a PartialDate")
    )
    court: str | None = attrs.field(default=None, validator=check_text)
    appeal_outcome: AppealOutcome | None = attrs.field(
        default=None, validator=_optional(AppealOutcome, words="an AppealOutcome")
    )
    custody_credited: tuple[CustodyPeriod, ...] = attrs.field(
        default=(), validator=_tuple_of(CustodyPeriod)
    )
    sources: tuple[Source, ...] = attrs.field(default=(), validator=_tuple_of(Source))


# -- Time to serve and release -------------------------------------------------------------------


def _term_served(sentence: Sentence) -> Term | None:
    """The finite term left after the suspended part; ``None`` when nothing is to be served."""
    term, suspended = sentence.term, sentence.suspended
    if term is None or suspended is REMAINDER:
        return None
    if isinstance(term, Life):
        raise SentenceError("life imprisonment has no release date")
    if isinstance(term, TermRange):
        raise SentenceError(
            f"the sentence gives the range {term.minimum} to {term.maximum}, "
            "so it has no single release date; ask for each end with a Sentence of that term"
        )
    if isinstance(suspended, Term):
        return term - suspended
    return term


def time_to_serve(sentence: Sentence, start: datetime.date | PartialDate | None = None) -> int:
    """Count the days left to serve from ``start``, after the suspended part and credit.

    ``start`` is the day the person begins serving the sentence; by default
    the day it was imposed (:attr:`~Sentence.imposed_on`), when that is
    known to the day.  The term to serve is :attr:`~Sentence.term` less
    :attr:`~Sentence.suspended` (subtracted as :meth:`Term.__sub__
    <civicspace.sentences.Term.__sub__>` does); from ``start`` it ends on
    :func:`~civicspace.sentences.add_term`'s date, moved earlier by the days in
    :attr:`~Sentence.custody_credited` before ``start`` (overlaps counted
    once, open periods up to ``start``), but never before ``start``.  A
    sentence without a custodial term, and one whose remainder is suspended
    (:data:`REMAINDER`), leaves 0 days.  More credit never leaves more days.

    Raises:
        SentenceError: for life imprisonment and for a range of terms, and
            when ``start`` is not a :class:`datetime.date` or, left out, the
            sentence's ``imposed_on`` is not a day.
        IncomparableTermsError: when the suspended part cannot be taken from
            the term without a calendar (``P1M`` less ``P10D``).
        TermError: when the end falls after 9999-12-31.

    """
    day = _start_day(sentence, start)
    return (sentence_release_date(sentence, day) - day).days


def _start_day(sentence: Sentence, start: object) -> datetime.date:
    """``start`` checked to be a day, or the sentence's own date when that is a day."""
    if start is None:
        imposed = sentence.imposed_on
        if imposed is None or imposed.earliest != imposed.latest:
            given = "no imposed_on" if imposed is None else f"imposed_on {imposed}, not a day"
            raise SentenceError(
                f"the sentence has {given}; pass start=datetime.date(...), "
                "the day the person began serving it"
            )
        return imposed.earliest
    if isinstance(start, PartialDate):
        if start.earliest == start.latest:
            return start.earliest
        raise SentenceError(
            f"start must be a day; {start} is only known to the {start.precision.value}: "
            "pass start=datetime.date(...) for the day you mean"
        )
    if not isinstance(start, datetime.date) or isinstance(start, datetime.datetime):
        raise SentenceError(
            f"start must be a datetime.date (or a PartialDate known to the day), not {start!r}"
        )
    return start


def sentence_release_date(
    sentence: Sentence, start: datetime.date | PartialDate | None = None
) -> datetime.date:
    """Return the first day out for a sentence begun on ``start``; see :func:`time_to_serve`.

    ``start`` defaults to the sentence's :attr:`~Sentence.imposed_on` where
    that is known to the day; a :class:`~civicspace.PartialDate` known to
    the day is taken as that day.  The answer is always a
    :class:`datetime.date`: ``start`` itself when nothing is left to serve.

    Raises:
        SentenceError: for life imprisonment and for a range of terms, and
            when ``start`` is not a day (a string, a month, a datetime) or,
            left out, the sentence's ``imposed_on`` is not a day.
        IncomparableTermsError: when the suspended part cannot be taken from
            the term without a calendar.
        TermError: when the end falls after 9999-12-31.

    """
    day = _start_day(sentence, start)
    term = _term_served(sentence)
    if term is None:
        return day
    credit = days_in_custody(sentence.custody_credited, until=day)
    return term_release_date(day, term, credit)


# -- Against the statutory penalty ---------------------------------------------------------------


def _and(*answers: bool | None) -> bool | None:
    if False in answers:
        return False
    if None in answers:
        return None
    return True


def _certainly(compare: Any) -> bool | None:
    try:
        return bool(compare())
    except IncomparableTermsError:
        return None


def _term_within(term: Term | TermRange | Life | None, maximum: Term | Life | None) -> bool | None:
    if term is None:
        return True
    if maximum is None:
        return False
    if isinstance(maximum, Life):
        return True
    if isinstance(term, Life):
        return False
    low, high = (term.minimum, term.maximum) if isinstance(term, TermRange) else (term, term)
    if _certainly(lambda: high <= maximum):
        return True
    if _certainly(lambda: low > maximum):
        return False
    return None


def _fine_within(fine: ReportedAmount | None, maximum: Money | None) -> bool | None:
    if fine is None:
        return True
    if maximum is None:
        return False
    if fine.amount.currency != maximum.currency:
        return None
    return fine.amount.amount <= maximum.amount


def _within(sentence: Sentence, level: StatutoryPenalty) -> bool | None:
    return _and(
        _term_within(sentence.term, level.maximum_term),
        _fine_within(sentence.fine, level.maximum_fine),
    )


@attrs.frozen(kw_only=True)
class PenaltyComparison:
    """How a sentence stands against a statutory penalty; see :func:`compare_with_penalty`.

    Each answer is ``True`` (the sentence is within that penalty's maxima),
    ``False`` (it exceeds them) or ``None`` (what is stated cannot tell).

    Attributes:
        penalty: The penalty compared with.
        within_base: The answer for the base penalty.
        within_variants: The answers for each aggravated variant applied
            (:meth:`StatutoryPenalty.applying`), in the penalty's order.

    """

    penalty: StatutoryPenalty
    within_base: bool | None
    within_variants: tuple[bool | None, ...] = ()

    @property
    def applies(self) -> StatutoryPenalty | AggravatedPenalty | None:
        """The first of the base penalty and its variants the sentence is certainly within.

        The base penalty when it is within it; else the first variant it is
        within ("up to ten years if deemed to impact national security");
        ``None`` when there is none.
        """
        if self.within_base:
            return self.penalty
        for variant, within in zip(self.penalty.aggravated, self.within_variants, strict=True):
            if within:
                return variant
        return None

    @property
    def exceeds_all(self) -> bool | None:
        """Whether the sentence exceeds the base penalty and every variant; ``None`` if unsure."""
        answers = (self.within_base, *self.within_variants)
        if True in answers:
            return False
        if None in answers:
            return None
        return True


def compare_with_penalty(sentence: Sentence, penalty: StatutoryPenalty) -> PenaltyComparison:
    """Say whether ``sentence`` stays within the maxima of ``penalty`` and of each variant.

    The rules:

    - The term compared is the term imposed, suspended part included.  A
      range is within a maximum when its maximum is, and exceeds it when its
      minimum does; otherwise the answer is ``None``.  So is the answer when
      the comparison depends on the calendar (``P1M`` against ``P30D``).
    - :data:`~civicspace.sentences.LIFE` is within only a maximum of life.
    - A penalty threatens only what it states: a custodial term exceeds a
      penalty that states no maximum term, and a fine one that states no
      maximum fine.
    - A fine is compared in the penalty's currency; in another currency
      the answer is ``None`` (amounts are never converted).  Compensation is
      not a penalty and is not compared.
    - The answer for a level is ``False`` if the term or the fine exceeds
      it, else ``None`` if either cannot be told, else ``True``.
    """
    return PenaltyComparison(
        penalty=penalty,
        within_base=_within(sentence, penalty),
        within_variants=tuple(
            _within(sentence, penalty.applying(variant)) for variant in penalty.aggravated
        ),
    )


# -- Combining terms -----------------------------------------------------------------------------

_CustodialTerm = Term | TermRange | Life


def _terms_of(items: Iterable[_CustodialTerm | Sentence]) -> Iterator[_CustodialTerm]:
    for index, item in enumerate(items):
        if isinstance(item, Sentence):
            if item.term is not None:
                yield item.term
        elif isinstance(item, Term | TermRange | Life):
            yield item
        else:
            raise SentenceError(
                f"item {index} is not a Term, TermRange, LIFE or Sentence but {type(item).__name__}"
            )


def _ends(term: Term | TermRange) -> tuple[Term, Term]:
    return (term.minimum, term.maximum) if isinstance(term, TermRange) else (term, term)


def _combined(low: Term, high: Term, any_range: bool, how: str) -> Term | TermRange:
    if not any_range:
        return low
    try:
        return TermRange(minimum=low, maximum=high)
    except FieldValueError:
        raise IncomparableTermsError(
            f"served {how}, the minimum {low} and maximum {high} do not make a range "
            "from every start date"
        ) from None


def served_consecutively(items: Iterable[_CustodialTerm | Sentence]) -> _CustodialTerm:
    """The term served when terms run one after another: their sum.

    Items are terms, ranges, :data:`~civicspace.sentences.LIFE` or sentences (whose
    :attr:`~Sentence.term` is used; sentences without one are skipped).
    Terms add component by component (``P18M`` then ``P2Y`` is ``P2Y18M``);
    if any item is a range the result is the range of the sums of the
    minimums and of the maximums; any :data:`~civicspace.sentences.LIFE` makes the
    result LIFE.  Nothing gives ``P0D``.  Suspended parts and credit are not
    taken off.

    Raises:
        SentenceError: for an item of another type.
        IncomparableTermsError: when the summed ends of ranges no longer make
            a range from every start date.

    """
    low, high = Term(), Term()
    any_range = False
    for term in list(_terms_of(items)):
        if isinstance(term, Life):
            return LIFE
        any_range = any_range or isinstance(term, TermRange)
        term_low, term_high = _ends(term)
        low, high = low + term_low, high + term_high
    return _combined(low, high, any_range, "consecutively")


def _longer(current: Term | None, term: Term) -> Term:
    if current is None:
        return term
    if term == current:
        return current
    return term if term >= current else current  # raises when the calendar decides


def served_concurrently(items: Iterable[_CustodialTerm | Sentence]) -> _CustodialTerm:
    """The term served when terms run at the same time: the longest.

    Takes what :func:`served_consecutively` takes.  Of terms that are equal
    (``P18M`` and ``P1Y6M``) the first is kept.  If any item is a range the
    result is the range from the longest minimum to the longest maximum;
    any :data:`~civicspace.sentences.LIFE` makes the result LIFE.  Nothing gives
    ``P0D``.

    Raises:
        SentenceError: for an item of another type.
        IncomparableTermsError: when which term is longest depends on the
            start date (``P1M`` and ``P30D``).

    """
    low: Term | None = None
    high: Term | None = None
    any_range = False
    for term in list(_terms_of(items)):
        if isinstance(term, Life):
            return LIFE
        any_range = any_range or isinstance(term, TermRange)
        term_low, term_high = _ends(term)
        low, high = _longer(low, term_low), _longer(high, term_high)
    if low is None or high is None:
        return Term()
    return _combined(low, high, any_range, "concurrently")


# -- Totals --------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class SentenceTotals:
    """What many sentences add up to, for lines such as "sentenced to a combined 98 months".

    See :func:`account_totals` and :func:`~civicspace.analysis.ruling_totals` for how
    each figure is counted.

    Attributes:
        sentences: How many sentences were counted (by
            :func:`~civicspace.analysis.ruling_totals`: how many rulings).
        with_term: How many of them state a custodial term (life included).
        life: How many are life imprisonment; never added into the terms.
        term_minimum: The finite terms added up, ranges at their minimum.
        term_maximum: The finite terms added up, ranges at their maximum.
        fines: The fines added up, one :class:`~civicspace.sentences.Money` per
            currency, sorted by currency code (by
            :func:`~civicspace.analysis.ruling_totals`: each ruling's least account).
        compensation: The compensation added up in the same way.
        fines_maximum: As :attr:`fines`, each ruling's greatest account;
            equal to :attr:`fines` when no accounts disagree.
        compensation_maximum: As :attr:`compensation`, each ruling's
            greatest account.

    """

    sentences: int
    with_term: int
    life: int
    term_minimum: Term
    term_maximum: Term
    fines: tuple[Money, ...] = ()
    compensation: tuple[Money, ...] = ()
    fines_maximum: tuple[Money, ...] = ()
    compensation_maximum: tuple[Money, ...] = ()

    @property
    def minimum_months(self) -> int:
        """:attr:`term_minimum` in months (years count twelve).

        Raises:
            TermError: when a term has days, whose length in months depends
                on the calendar.

        """
        return self.term_minimum.total_months

    @property
    def maximum_months(self) -> int:
        """:attr:`term_maximum` in months; raises like :attr:`minimum_months`."""
        return self.term_maximum.total_months


def account_totals(sentences: Iterable[Sentence]) -> SentenceTotals:
    """Add up sentences taking each account as given: terms, life sentences, fines, compensation.

    Every sentence given counts as a ruling of
    its own, so two accounts of one ruling that disagree ("18 to 20 months"
    in one article, "18 months" in another) are both added: over the
    sentences of a collection, use :func:`~civicspace.analysis.ruling_totals`, which
    counts each ruling once, as a range over its accounts.

    The rules, so that nothing is guessed:

    - Terms are added as imposed, suspended parts included and credit not
      taken off.  A range adds its minimum to :attr:`~SentenceTotals.term_minimum`
      and its maximum to :attr:`~SentenceTotals.term_maximum`; a finite term
      adds to both, so the two are equal when no sentence gives a range.
    - Life sentences are counted in :attr:`~SentenceTotals.life`, never
      turned into months.
    - Terms with days are kept in days: months are asked for through
      :attr:`~SentenceTotals.minimum_months`, which refuses a total with days.
    - Fines and compensation are added per currency, exactly; reported
      equivalents are not used.
    - Every sentence given counts, whatever its appeal outcome: filter first
      (leaving out quashed sentences, say) if that is what the line means.

    Raises:
        SentenceError: when an item is not a :class:`Sentence`.

    """
    counted = with_term = life = 0
    low, high = Term(), Term()
    fines: list[Money] = []
    compensation: list[Money] = []
    for index, sentence in enumerate(sentences):
        if not isinstance(sentence, Sentence):
            raise SentenceError(f"item {index} is not a Sentence but {type(sentence).__name__}")
        counted += 1
        term = sentence.term
        if term is not None:
            with_term += 1
            if isinstance(term, Life):
                life += 1
            else:
                term_low, term_high = _ends(term)
                low, high = low + term_low, high + term_high
        if sentence.fine is not None:
            fines.append(sentence.fine.amount)
        if sentence.compensation is not None:
            compensation.append(sentence.compensation.amount)
    return SentenceTotals(
        sentences=counted,
        with_term=with_term,
        life=life,
        term_minimum=low,
        term_maximum=high,
        fines=tuple(total_by_currency(fines).values()),
        compensation=tuple(total_by_currency(compensation).values()),
        fines_maximum=tuple(total_by_currency(fines).values()),
        compensation_maximum=tuple(total_by_currency(compensation).values()),
    )
