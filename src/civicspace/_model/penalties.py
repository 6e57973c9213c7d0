"""What laws threaten: statutory penalties, and sentences set against them.

A :class:`StatutoryPenalty` is the punishment a law states for an offence
("up to five years – rising to ten years if deemed to impact national
security").  The pure functions here answer the questions reports ask of
it: does a sentence exceed what the law allows
(:func:`compare_with_penalty`), and what is the most the law allows for a
charge citing some of its articles (:func:`statutory_maximum`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

import attrs

from ..errors import FieldValueError, UnknownLawError
from .articles import LawReference
from .common import LawVersion, check_optional_bool, check_text, check_tuple_of
from .money import Money, ReportedAmount
from .sentences import Sentence, _optional, check_only_true
from .terms import IncomparableTermsError, Life, Term, TermRange

if TYPE_CHECKING:  # laws imports this module for its penalties
    from .laws import Law

__all__ = [
    "AggravatedPenalty",
    "PenaltyComparison",
    "StatutoryMaximum",
    "StatutoryPenalty",
    "compare_with_penalty",
    "statutory_maximum",
]

_PENALTY_FIELDS: Final = ("minimum_term", "maximum_term", "minimum_fine", "maximum_fine", "death")


def _check_states_a_maximum(instance: Any, _: attrs.Attribute[Any], value: object) -> None:
    if value is None and instance.maximum_term is None and instance.maximum_fine is None:
        raise FieldValueError(
            "a penalty states a maximum term, a maximum fine, the death penalty or more",
            field="maximum_term",
        )


def _check_states_a_change(instance: Any, _: attrs.Attribute[Any], value: object) -> None:
    if value is None and all(getattr(instance, name) is None for name in _PENALTY_FIELDS[:4]):
        raise FieldValueError(
            "an aggravated penalty states at least one of "
            "minimum_term, maximum_term, minimum_fine, maximum_fine and death",
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
        death: ``True`` when the circumstance brings the death penalty.

    """

    condition: str = attrs.field(validator=check_text)
    minimum_term: Term | None = attrs.field(default=None, validator=_TERM)
    maximum_term: Term | Life | None = attrs.field(default=None, validator=_TERM_OR_LIFE)
    minimum_fine: Money | None = attrs.field(default=None, validator=_MONEY)
    maximum_fine: Money | None = attrs.field(default=None, validator=_MONEY)
    death: bool | None = attrs.field(
        default=None, validator=[check_only_true, _check_states_a_change]
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
    (:data:`~civicspace.sentences.LIFE` for life imprisonment), a maximum fine, the
    death penalty, or more, and a minimum where the law gives one.  Fines are in the law's own
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
        death: ``True`` when the law provides the death penalty ("punishable
            by death"); a death sentence is within only such a penalty.

    """

    minimum_term: Term | None = attrs.field(default=None, validator=_TERM)
    maximum_term: Term | Life | None = attrs.field(default=None, validator=_TERM_OR_LIFE)
    minimum_fine: Money | None = attrs.field(default=None, validator=_MONEY)
    maximum_fine: Money | None = attrs.field(default=None, validator=_MONEY)
    maximum_fine_equivalent: Money | None = attrs.field(
        default=None, validator=[_MONEY, _check_equivalent]
    )
    equivalent_approximate: bool | None = attrs.field(
        default=None, validator=[check_optional_bool, _check_approximate]
    )
    aggravated: tuple[AggravatedPenalty, ...] = attrs.field(
        default=(), validator=check_tuple_of(AggravatedPenalty)
    )
    version: LawVersion | None = None
    death: bool | None = attrs.field(
        default=None, validator=[check_only_true, _check_states_a_maximum]
    )

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
        bool(level.death) if sentence.death else True,
        None if sentence.lashes is not None else True,
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
    - :data:`~civicspace.sentences.LIFE` (aggravated or not) is within only a maximum
      of life.
    - A death sentence is within only a penalty that provides death.
    - Lashes cannot be told: the contract states no statutory number of
      lashes, so a sentence with lashes is never certainly within.
    - Non-custodial and additional penalties are not compared.
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


# -- The most the law allows for a charge --------------------------------------------------------


@attrs.frozen
class StatutoryMaximum:
    """The most the law allows for a charge, and what that rests on; see :func:`statutory_maximum`.

    Attributes:
        reference: The reference it was worked out for.
        penalty: The greatest maximum term and the greatest maximum fine of
            the penalties used, and every aggravated variant of theirs with
            the maxima it has over its own penalty stated in full; no
            minimum.  ``None`` when the law record states no penalty that
            applies.  Compare a sentence with it by
            :func:`civicspace.sentences.compare_with_penalty`.
        articles: The cited articles whose own penalties were used.
        from_instrument: Whether the instrument's own penalties were used
            (see :func:`statutory_maximum`).
        without_penalty: Cited articles the law has that state no penalty.
        missing: Cited articles the law record does not have.

    """

    reference: LawReference
    penalty: StatutoryPenalty | None
    articles: tuple[str, ...] = ()
    from_instrument: bool = False
    without_penalty: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()


def _greatest_term(terms: Iterable[Term | Life | None]) -> Term | Life | None:
    greatest: Term | Life | None = None
    for term in terms:
        if term is not None and (greatest is None or term > greatest):
            greatest = term
    return greatest


def _greatest_fine(fines: Iterable[Money | None]) -> Money | None:
    greatest: Money | None = None
    for fine in fines:
        if fine is not None and (greatest is None or fine > greatest):
            greatest = fine
    return greatest


def _restated(penalty: StatutoryPenalty, variant: AggravatedPenalty) -> AggravatedPenalty:
    """``variant`` with its maxima stated in full, as they are with ``penalty`` as its base."""
    applied = penalty.applying(variant)
    return AggravatedPenalty(
        condition=variant.condition,
        maximum_term=applied.maximum_term,
        maximum_fine=applied.maximum_fine,
        death=applied.death,
    )


def _combine(penalties: list[StatutoryPenalty]) -> StatutoryPenalty | None:
    if not penalties:
        return None
    variants: list[AggravatedPenalty] = []
    for penalty in penalties:
        for variant in penalty.aggravated:
            restated = _restated(penalty, variant)
            if restated not in variants:
                variants.append(restated)
    return StatutoryPenalty(
        maximum_term=_greatest_term(penalty.maximum_term for penalty in penalties),
        maximum_fine=_greatest_fine(penalty.maximum_fine for penalty in penalties),
        aggravated=tuple(variants),
        death=True if any(penalty.death for penalty in penalties) else None,
    )


def statutory_maximum(laws: Iterable[Law], reference: LawReference) -> StatutoryMaximum:
    """The most the law allows for a charge citing ``reference``: the heaviest cited article.

    The penalties used are those of the cited articles.  When none of the
    cited articles states a penalty, or the reference cites the whole
    instrument, the instrument's own penalties are used (they are the most
    it provides for); a reference to the whole instrument also uses every
    article's penalties.  From the penalties used, the result takes the
    greatest maximum term and the greatest maximum fine (penalties for
    several articles are not added up: a court sentences within the
    heaviest), keeps every aggravated variant with its condition and the
    maxima it has over its own penalty, stated in full, and states no
    minimum.  Whether a sentence exceeds it is answered by
    :func:`civicspace.sentences.compare_with_penalty` given this penalty.

    Raises:
        UnknownLawError: when no law has the reference's id.
        IncomparableTermsError: when two maximum terms compare differently
            from different start dates (one month against 30 days).
        CurrencyMismatchError: when two maximum fines are in different
            currencies.

    """
    from .laws import laws_by_id  # laws imports this module for its penalties

    law = laws_by_id(laws).get(reference.law)
    if law is None:
        raise UnknownLawError(f"no law has the id {reference.law!r}")
    used: list[StatutoryPenalty] = []
    with_penalty: list[str] = []
    without: list[str] = []
    missing: list[str] = []
    for number in reference.articles:
        article = law.article(number)
        if article is None:
            missing.append(number)
        elif article.penalties:
            with_penalty.append(number)
            used.extend(article.penalties)
        else:
            without.append(number)
    from_instrument = not used and bool(law.penalties)
    if from_instrument:
        used.extend(law.penalties)
    if not reference.articles:
        from_instrument = bool(law.penalties)
        used = [*law.penalties]
        for article in law.articles:
            if article.penalties:
                with_penalty.append(article.number)
                used.extend(article.penalties)
    return StatutoryMaximum(
        reference=reference,
        penalty=_combine(used),
        articles=tuple(with_penalty),
        from_instrument=from_instrument,
        without_penalty=tuple(without),
        missing=tuple(missing),
    )
