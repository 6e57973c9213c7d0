"""What courts hand down: sentences, and the arithmetic of terms.

A :class:`Sentence` is what a court imposed on one person.  The pure
functions here answer the questions reports ask of sentences: how long is
left to serve, when is the release date, what do several sentences come to
served together or one after another, and what do many sentences add up to.
What laws threaten, and whether a sentence exceeds it, is in
:mod:`civicspace._model.penalties`.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final

import attrs

from ..errors import FieldValueError, SentenceError
from .common import (
    PartialDate,
    Source,
    check_id,
    check_optional_bool,
    check_optional_int,
    check_text,
    check_tuple_of,
)
from .custody import CustodyPeriod, days_in_custody, term_release_date
from .money import Money, ReportedAmount, total_by_currency
from .terms import LIFE, IncomparableTermsError, Life, Term, TermRange

__all__ = [
    "REMAINDER",
    "AdditionalPenalty",
    "AdditionalPenaltyKind",
    "AppealOutcome",
    "CourtKind",
    "DetentionRegime",
    "NonCustodialKind",
    "NonCustodialPenalty",
    "Proceedings",
    "Remainder",
    "Sentence",
    "SentenceError",
    "SentenceTotals",
    "account_totals",
    "included_positions",
    "sentence_release_date",
    "sentence_release_window",
    "served_concurrently",
    "served_consecutively",
    "time_to_serve",
]


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


# The meaning of each value below is written once, in the schema's description of its enum
# (``civicspace schema sentence``); tests/test_agreement.py proves the values agree.


class DetentionRegime(enum.StrEnum):
    """The regime or kind of place a custodial term is served in, where the sentence states it.

    "ten years in a reinforced-regime colony" is
    ``REINFORCED_REGIME_COLONY``.  Each value is described in the schema
    (``$defs/detention_regime`` of ``sentence.json``).  The JSON form is the value.
    """

    COLONY_SETTLEMENT = "colony_settlement"
    GENERAL_REGIME_COLONY = "general_regime_colony"
    REINFORCED_REGIME_COLONY = "reinforced_regime_colony"
    STRICT_REGIME_COLONY = "strict_regime_colony"
    SPECIAL_REGIME_COLONY = "special_regime_colony"
    PRISON = "prison"
    MILITARY_PRISON = "military_prison"
    LABOUR_CAMP = "labour_camp"
    OTHER = "other"


class NonCustodialKind(enum.StrEnum):
    """A main penalty served without custody: probation, restricted freedom, corrective labour ...

    ``FINE`` is a fine the source names without its amount ("sentenced to
    three years and a fine"); a fine with an amount is :attr:`Sentence.fine`.
    Each value is described in the schema (``$defs/non_custodial_kind`` of
    ``sentence.json``).  The JSON form is the value.
    """

    PROBATION = "probation"
    RESTRICTED_FREEDOM = "restricted_freedom"
    CORRECTIVE_LABOUR = "corrective_labour"
    COMPULSORY_LABOUR = "compulsory_labour"
    COMMUNITY_SERVICE = "community_service"
    FINE = "fine"
    OTHER = "other"


class AdditionalPenaltyKind(enum.StrEnum):
    """A penalty beside the main one: a travel ban, deprivation of political rights ...

    ``RESTRICTED_FREEDOM`` and ``PROBATION`` are those penalties served after
    a custodial term ("one and a half years of restriction of freedom");
    imposed as the main penalty, they are :class:`NonCustodialKind` values.
    Each value is described in the schema (``$defs/additional_penalty_kind``
    of ``sentence.json``).  The JSON form is the value.
    """

    TRAVEL_BAN = "travel_ban"
    PROFESSION_BAN = "profession_ban"
    ACTIVITY_BAN = "activity_ban"
    DEPRIVATION_OF_POLITICAL_RIGHTS = "deprivation_of_political_rights"
    PUBLIC_OFFICE_BAN = "public_office_ban"
    CONFISCATION_OF_PROPERTY = "confiscation_of_property"
    DEPRIVATION_OF_NATIONALITY = "deprivation_of_nationality"
    INTERNAL_EXILE = "internal_exile"
    EXPULSION = "expulsion"
    RESTRICTED_FREEDOM = "restricted_freedom"
    PROBATION = "probation"
    SUPERVISION = "supervision"
    OTHER = "other"


class Proceedings(enum.StrEnum):
    """Whether a person was sentenced in criminal or administrative proceedings.

    "15 days of administrative arrest" is ``ADMINISTRATIVE``.  Each value is
    described in the schema (``$defs/proceedings`` of ``sentence.json``).
    The JSON form is the value.
    """

    CRIMINAL = "criminal"
    ADMINISTRATIVE = "administrative"


class CourtKind(enum.StrEnum):
    """What kind of court imposed a sentence: ordinary, military, revolutionary ...

    Each value is described in the schema (``$defs/court_kind`` of
    ``sentence.json``).  The JSON form is the value.
    """

    ORDINARY = "ordinary"
    MILITARY = "military"
    REVOLUTIONARY = "revolutionary"
    STATE_SECURITY = "state_security"
    COUNTER_TERRORISM = "counter_terrorism"
    SPECIAL = "special"
    OTHER = "other"


def _optional(
    *classes: type[Any], words: str
) -> Any:  # an attrs validator; Any keeps attrs.field's overloads simple
    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, classes):
            raise FieldValueError(
                f"{attribute.name} must be {words}, not {value!r}", field=attribute.name
            )

    return validate


_REPORTED = _optional(ReportedAmount, words="a ReportedAmount")


def _kind(cls: type[enum.Enum]) -> Any:
    def validate(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, cls):
            raise FieldValueError(
                f"{attribute.name} must be a {cls.__name__}, not {value!r}", field=attribute.name
            )

    return validate


def check_only_true(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Attrs validator: ``value`` is ``True`` or ``None`` (a flag whose JSON form is ``true``)."""
    if value is not None and value is not True:
        raise FieldValueError(
            f"{attribute.name} must be True or None, not {value!r}", field=attribute.name
        )


@attrs.frozen(kw_only=True)
class NonCustodialPenalty:
    """A main penalty served without custody: "two years of restricted freedom".

    ``NonCustodialPenalty(kind=NonCustodialKind.RESTRICTED_FREEDOM,
    term=Term(years=2))``.  It adds nothing to time in custody.

    Attributes:
        kind: Which penalty.
        term: How long, where stated.
        as_printed: The penalty in the source's words.

    """

    kind: NonCustodialKind = attrs.field(validator=_kind(NonCustodialKind))
    term: Term | None = attrs.field(default=None, validator=_optional(Term, words="a Term"))
    as_printed: str | None = attrs.field(default=None, validator=check_text)


@attrs.frozen(kw_only=True)
class AdditionalPenalty:
    """A penalty beside the main one: "a 10-year travel ban", "deprived of political rights".

    ``AdditionalPenalty(kind=AdditionalPenaltyKind.TRAVEL_BAN,
    term=Term(years=10))``.  It adds nothing to time in custody.

    Attributes:
        kind: Which penalty.
        term: How long, where it has a term: a :class:`~civicspace.sentences.Term` or
            :data:`~civicspace.sentences.LIFE` ("deprived of political rights for life").
        as_printed: The penalty in the source's words.

    """

    kind: AdditionalPenaltyKind = attrs.field(validator=_kind(AdditionalPenaltyKind))
    term: Term | Life | None = attrs.field(
        default=None, validator=_optional(Term, Life, words="a Term or LIFE")
    )
    as_printed: str | None = attrs.field(default=None, validator=check_text)


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


_PENALTY_MEMBERS: Final = (
    "term", "death", "lashes", "non_custodial", "fine", "compensation", "additional_penalties"
)  # fmt: skip


def _check_states_a_penalty(instance: Sentence, _: attrs.Attribute[Any], value: object) -> None:
    if all(getattr(instance, name) in (None, ()) for name in _PENALTY_MEMBERS):
        raise FieldValueError(
            "a sentence states a custodial term, the death penalty, lashes, a non-custodial "
            "penalty, a fine, compensation, an additional penalty or more",
            field="term",
        )


def _check_needs_term(instance: Sentence, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and instance.term is None:
        raise FieldValueError(
            f"{attribute.name} needs the custodial term it describes", field=attribute.name
        )


def _check_aggravated_life(
    instance: Sentence, attribute: attrs.Attribute[Any], value: object
) -> None:
    check_optional_bool(instance, attribute, value)
    if value is not None and not isinstance(instance.term, Life):
        raise FieldValueError(
            "aggravated_life says whether a life term is aggravated; it needs term LIFE",
            field=attribute.name,
        )


def _optional_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_id(instance, attribute, value)


def _ids(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        raise FieldValueError(f"{attribute.name} must be a tuple of ids", field=attribute.name)
    for item in value:
        check_id(instance, attribute, item)


@attrs.frozen(kw_only=True)
class Sentence:
    """What a court imposed on one person.

    "Thun Ratha was handed 20 months in jail and a fine of 4 million riel
    (USD 1,000)" is ``Sentence(person="thun-ratha", term=Term(months=20),
    fine=ReportedAmount(amount=Money(4000000, "KHR"),
    equivalent=Money(1000, "USD")))``.  A sentence states a custodial term,
    the death penalty, lashes, a non-custodial penalty, a fine,
    compensation, an additional penalty or more.  Sentences are embedded in
    case records; ``person`` is the id of a person in the enclosing record.

    "sentenced to 10 years in prison and 1,000 lashes ... and a 10-year
    travel ban" is ``Sentence(person="raif-badawi", term=Term(years=10),
    lashes=1000, additional_penalties=(AdditionalPenalty(
    kind=AdditionalPenaltyKind.TRAVEL_BAN, term=Term(years=10)),))``.

    Attributes:
        id: An id for the sentence, unique among the case's sentences, for
            other sentences to refer to (:attr:`includes`, :attr:`follows`).
        person: The id of the person sentenced.
        term: The custodial term imposed, suspended part included: a
            :class:`~civicspace.sentences.Term`, :data:`~civicspace.sentences.LIFE`, or a
            :class:`~civicspace.sentences.TermRange` when the source gives only a range.
            Administrative arrest ("15 days of administrative arrest") is a
            custodial term too, with ``proceedings`` administrative.
        aggravated_life: Only with ``term=LIFE``: ``True`` for life without
            parole or "with no possibility of release", ``False`` when the
            source says release is possible, ``None`` when it says neither.
            Aggravated life counts as life everywhere.
        suspended: The part of the term suspended: a term, or
            :data:`REMAINDER` for "the remainder ... suspended due to time
            served".  Needs ``term``; must not be longer than it (rule
            ``sentence.suspended_exceeds_term``).
        regime: The regime or place of detention the term is served in,
            where stated ("a strict-regime colony").  Needs ``term``.
        regime_as_printed: The regime in the source's words.  Needs ``term``.
        death: ``True`` when the court imposed the death penalty.  What later
            happens to it is recorded by events and ``appeal_outcome``.  A
            death sentence has no release date and adds no months to totals.
        lashes: The number of lashes imposed, corporal punishment.  Lashes
            add nothing to time in custody.
        non_custodial: Main penalties served without custody (restricted
            freedom, corrective labour ...).
        fine: The fine, as reported.
        compensation: Compensation or damages the person was ordered to pay.
        additional_penalties: Penalties beside the main one (a travel ban,
            deprivation of political rights ...).
        in_absentia: ``True`` when tried or sentenced in absentia, ``False``
            when the source says the person was present; ``None`` when it
            says neither.
        imposed_on: The date the sentence was imposed, to the precision known.
        court: The court that imposed it.
        court_kind: What kind of court it is, where the source says.
        proceedings: Whether the proceedings were criminal or
            administrative, where the source says.
        appeal_outcome: What an appeal court did with it, where known.
        custody_credited: Custody to be deducted from the term (pre-trial
            detention, say), as :class:`~civicspace.cases.CustodyPeriod` values.
        counted_from: The day, month or year the term is counted from, where
            the source says it runs from before the sentence ("counted from
            his arrest in March 2021"): the custody since then is credited.
            Known only to the month or year, the release is known to a
            window (:func:`sentence_release_window`).
        includes: The ids of earlier sentences of the person that this one
            absorbs: a combined sentence ("19 years in total"), or a real term
            replacing a revoked suspended sentence.  An included sentence no
            longer counts on its own (:func:`account_totals`,
            :func:`~civicspace.cases.term_release_on`).
        follows: The id of the person's sentence after which this term is
            served, consecutively: it begins when that one ends
            (:func:`sentence_release_date` with ``among``).  Needs ``term``.
        concurrent_with: The id of the person's sentence with which this
            term runs concurrently, where the source says so: each runs from
            its own date, and totals count them as the longest
            (:func:`account_totals`).  Needs ``term``; not with ``follows``.
        sources: Where the sentence was reported.

    """

    id: str | None = attrs.field(default=None, validator=_optional_id)
    person: str = attrs.field(validator=check_id)
    term: Term | TermRange | Life | None = attrs.field(
        default=None, validator=_optional(Term, TermRange, Life, words="a Term, TermRange or LIFE")
    )
    aggravated_life: bool | None = attrs.field(default=None, validator=_check_aggravated_life)
    suspended: Term | Remainder | None = attrs.field(default=None, validator=_check_suspended)
    regime: DetentionRegime | None = attrs.field(
        default=None,
        validator=[_optional(DetentionRegime, words="a DetentionRegime"), _check_needs_term],
    )
    regime_as_printed: str | None = attrs.field(
        default=None, validator=[check_text, _check_needs_term]
    )
    death: bool | None = attrs.field(default=None, validator=check_only_true)
    lashes: int | None = attrs.field(default=None, validator=check_optional_int)
    non_custodial: tuple[NonCustodialPenalty, ...] = attrs.field(
        default=(), validator=check_tuple_of(NonCustodialPenalty)
    )
    fine: ReportedAmount | None = attrs.field(default=None, validator=_REPORTED)
    compensation: ReportedAmount | None = attrs.field(default=None, validator=_REPORTED)
    additional_penalties: tuple[AdditionalPenalty, ...] = attrs.field(
        default=(), validator=[check_tuple_of(AdditionalPenalty), _check_states_a_penalty]
    )
    in_absentia: bool | None = attrs.field(default=None, validator=check_optional_bool)
    imposed_on: PartialDate | None = attrs.field(
        default=None, validator=_optional(PartialDate, words="a PartialDate")
    )
    court: str | None = attrs.field(default=None, validator=check_text)
    court_kind: CourtKind | None = attrs.field(
        default=None, validator=_optional(CourtKind, words="a CourtKind")
    )
    proceedings: Proceedings | None = attrs.field(
        default=None, validator=_optional(Proceedings, words="a Proceedings")
    )
    appeal_outcome: AppealOutcome | None = attrs.field(
        default=None, validator=_optional(AppealOutcome, words="an AppealOutcome")
    )
    custody_credited: tuple[CustodyPeriod, ...] = attrs.field(
        default=(), validator=check_tuple_of(CustodyPeriod)
    )
    counted_from: PartialDate | None = attrs.field(
        default=None, validator=_optional(PartialDate, words="a PartialDate")
    )
    includes: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    follows: str | None = attrs.field(default=None, validator=[_optional_id, _check_needs_term])
    concurrent_with: str | None = attrs.field(
        default=None, validator=[_optional_id, _check_needs_term]
    )
    sources: tuple[Source, ...] = attrs.field(default=(), validator=check_tuple_of(Source))


# -- Time to serve and release -------------------------------------------------------------------


def _term_served(sentence: Sentence) -> Term | None:
    """The finite term left after the suspended part; ``None`` when nothing is to be served."""
    if sentence.death:
        raise SentenceError(
            "a death sentence has no release date; what became of it (commuted, quashed, "
            "carried out) is recorded by events and appeal_outcome"
        )
    term, suspended = sentence.term, sentence.suspended
    if term is None or suspended is REMAINDER:
        return None
    if isinstance(term, Life):
        kind = "aggravated life imprisonment" if sentence.aggravated_life else "life imprisonment"
        raise SentenceError(f"{kind} has no release date")
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
    the day the term is counted from (:attr:`~Sentence.counted_from`), or
    else the day it was imposed (:attr:`~Sentence.imposed_on`), when that is
    known to the day.  The term to serve is :attr:`~Sentence.term` less
    :attr:`~Sentence.suspended` (subtracted as :meth:`Term.__sub__
    <civicspace.sentences.Term.__sub__>` does); from ``start`` it ends on
    :func:`~civicspace.sentences.add_term`'s date, moved earlier by the days in
    :attr:`~Sentence.custody_credited` before ``start`` (overlaps counted
    once, open periods up to ``start``), but never before ``start``.  A
    sentence without a custodial term (lashes, a non-custodial or additional
    penalty alone), and one whose remainder is suspended
    (:data:`REMAINDER`), leaves 0 days.  More credit never leaves more days.
    A term that :attr:`~Sentence.follows` another begins when that one ends:
    pass that day as ``start``.

    Raises:
        SentenceError: for a death sentence, life imprisonment and a range of terms, and
            when ``start`` is not a :class:`datetime.date` or, left out, the
            sentence's ``imposed_on`` is not a day.
        IncomparableTermsError: when the suspended part cannot be taken from
            the term without a calendar (``P1M`` less ``P10D``).
        TermError: when the end falls after 9999-12-31.

    """
    day = _start_day(sentence, start)
    return (sentence_release_date(sentence, day) - day).days


def _own_start(sentence: Sentence) -> tuple[str, PartialDate | None]:
    """Where the term runs from by the sentence's own dates: counted_from, else imposed_on."""
    if sentence.counted_from is not None:
        return "counted_from", sentence.counted_from
    return "imposed_on", sentence.imposed_on


def _start_day(sentence: Sentence, start: object) -> datetime.date:
    """``start`` checked to be a day, or the sentence's own start when that is a day."""
    if start is None:
        member, imposed = _own_start(sentence)
        if imposed is None or imposed.earliest != imposed.latest:
            given = f"no {member}" if imposed is None else f"{member} {imposed}, not a day"
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


def _release_from(sentence: Sentence, term: Term | None, day: datetime.date) -> datetime.date:
    """The first day out for ``term`` (the part to serve) begun on ``day``, less credit."""
    if term is None:
        return day
    credit = days_in_custody(sentence.custody_credited, until=day)
    return term_release_date(day, term, credit)


def _followed(sentence: Sentence, among: Sequence[Sentence]) -> Sentence:
    """The sentence of ``among`` that ``sentence`` follows (same person, that id)."""
    for other in among:
        if other.id == sentence.follows and other.person == sentence.person:
            return other
    raise SentenceError(
        f"the sentence follows {sentence.follows!r}, which is not among the sentences given "
        f"for {sentence.person!r}; pass among=(...) with it, or start=datetime.date(...)"
    )


def _window(
    sentence: Sentence,
    among: Sequence[Sentence],
    seen: frozenset[int],
    not_before: datetime.date | None = None,
) -> tuple[datetime.date, datetime.date]:
    """The first and the last possible first day out, from the dates the sentences give."""
    if id(sentence) in seen:
        raise SentenceError(
            f"the sentences follow one another in a cycle through {sentence.follows!r}"
        )
    term = _term_served(sentence)
    member, imposed = _own_start(sentence)
    own = None if imposed is None else (imposed.earliest, imposed.latest)
    if own is not None and not_before is not None and member == "imposed_on":
        own = (max(own[0], min(not_before, own[1])), own[1])
    if sentence.follows is not None:
        before = _window(_followed(sentence, among), among, seen | {id(sentence)})
        starts = before if own is None else (max(before[0], own[0]), max(before[1], own[1]))
    elif own is None:
        raise SentenceError(
            "the sentence has no imposed_on; pass start=datetime.date(...), "
            "the day the person began serving it"
        )
    else:
        starts = own
    first, last = (_release_from(sentence, term, day) for day in starts)
    return min(first, last), max(first, last)


def sentence_release_window(
    sentence: Sentence,
    *,
    among: Sequence[Sentence] = (),
    not_before: datetime.date | None = None,
) -> tuple[datetime.date, datetime.date]:
    """The first and the last day on which the person may be out, when the date is partial.

    "sentenced in March 2022 to 15 days" is out between 16 March and 15
    April 2022: the term served from the first and from the last possible
    day of :attr:`~Sentence.imposed_on`, or of :attr:`~Sentence.counted_from`
    where given ("two years counted from his arrest in March 2021": out
    between 1 and 31 March 2023), less the suspended part and the custody
    credited, as :func:`sentence_release_date` counts them.  Known
    to the day, the two are that day.  A sentence that
    :attr:`~Sentence.follows` another begins when the other's term ends
    (its window, from ``among``, the person's other sentences), or on its
    own date if later.  ``not_before`` narrows a partial ``imposed_on``: a day the
    sentence is known not to have been imposed before (arrested on 12 June,
    sentenced "in June" after it); it never moves a date known to the day.

    Raises:
        SentenceError: for a death sentence, life imprisonment and a range
            of terms; when the sentence has no ``imposed_on`` and follows no
            other; when it follows a sentence not in ``among``, or the
            sentences follow one another in a cycle.
        IncomparableTermsError: when the suspended part cannot be taken from
            the term without a calendar.
        TermError: when the end falls after 9999-12-31.

    """
    if not isinstance(sentence, Sentence):
        raise SentenceError(f"sentence must be a Sentence, not {type(sentence).__name__}")
    if not_before is not None and (
        not isinstance(not_before, datetime.date) or isinstance(not_before, datetime.datetime)
    ):
        raise SentenceError(f"not_before must be a datetime.date, not {not_before!r}")
    return _window(sentence, tuple(among), frozenset(), not_before)


def sentence_release_date(
    sentence: Sentence,
    start: datetime.date | PartialDate | None = None,
    *,
    among: Sequence[Sentence] = (),
) -> datetime.date:
    """Return the first day out for a sentence begun on ``start``; see :func:`time_to_serve`.

    ``start`` defaults to the sentence's :attr:`~Sentence.counted_from`, or
    else its :attr:`~Sentence.imposed_on`, where that is known to the day;
    a :class:`~civicspace.PartialDate` known to the day is taken as that day.
    A sentence that :attr:`~Sentence.follows` another, served
    consecutively, begins by default on the day the other's term ends (the
    other found in ``among``, the person's sentences), or on its own date
    if that is later: "a further three years, to be served
    after the current term" ends three years after the current term does.
    The answer is always a :class:`datetime.date`: ``start`` itself when
    nothing is left to serve.

    Raises:
        SentenceError: for a death sentence, life imprisonment and a range of terms, and
            when ``start`` is not a day (a string, a month, a datetime) or,
            left out, the sentence's ``imposed_on`` (or the end of the term
            it follows) is not known to the day; when it follows a sentence
            not in ``among``.
        IncomparableTermsError: when the suspended part cannot be taken from
            the term without a calendar.
        TermError: when the end falls after 9999-12-31.

    """
    if start is None and isinstance(sentence, Sentence) and sentence.follows is not None:
        first, last = sentence_release_window(sentence, among=among)
        if first != last:
            raise SentenceError(
                f"the sentence follows {sentence.follows!r}, and its end is known only "
                f"to lie between {first} and {last}; pass start=datetime.date(...)"
            )
        return first
    day = _start_day(sentence, start)
    return _release_from(sentence, _term_served(sentence), day)


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
    :attr:`~Sentence.term` is used; sentences without one, such as a death
    sentence, lashes or a non-custodial penalty alone, are skipped).
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
        death: How many are death sentences; they add nothing to the terms
            and are not in :attr:`with_term` unless they also state a term.
        aggravated_life: How many of :attr:`life` are aggravated life
            (life without parole); they count in :attr:`life` too.
        lashes: The lashes added up (by :func:`~civicspace.analysis.ruling_totals`:
            each ruling's least account); lashes add nothing to the terms.
        unstated_fines: How many fines are named without their amount (a
            non-custodial penalty of kind ``fine``: "and a fine"); they are
            not in :attr:`fines` (by :func:`~civicspace.analysis.ruling_totals`:
            each ruling's least account that names any).

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
    death: int = 0
    aggravated_life: int = 0
    lashes: int = 0
    unstated_fines: int = 0

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
      turned into months; aggravated life counts as life, and in
      :attr:`~SentenceTotals.aggravated_life` too.
    - Death sentences are counted in :attr:`~SentenceTotals.death`, never
      turned into months; lashes are added up in
      :attr:`~SentenceTotals.lashes`, and add no months.  Non-custodial and
      additional penalties add nothing: they are not custody.
    - An administrative arrest is a custodial term like any other ("15
      days" adds ``P15D``).
    - Terms with days are kept in days: months are asked for through
      :attr:`~SentenceTotals.minimum_months`, which refuses a total with days.
    - Fines and compensation are added per currency, exactly; reported
      equivalents are not used.
    - Every sentence given counts, whatever its appeal outcome: filter first
      (leaving out quashed sentences, say) if that is what the line means.
    - A sentence that another sentence given includes (its id in the
      other's :attr:`~Sentence.includes`, the same person) is not counted:
      the combined sentence stands for it.  Ids are matched among the
      sentences given, so give those of one case.  A sentence that
      :attr:`~Sentence.follows` another adds up as any other; sentences
      that run concurrently (:attr:`~Sentence.concurrent_with`, the same
      person) add only the longest of their terms (each end of a range
      apart), and nothing beside a life sentence among them.
    - A fine named without its amount (a non-custodial penalty of kind
      ``fine``) counts in :attr:`~SentenceTotals.unstated_fines`.

    Raises:
        SentenceError: when an item is not a :class:`Sentence`.
        IncomparableTermsError: when which of two concurrent terms is longer
            depends on the calendar (``P1M`` and ``P30D``).

    """
    checked = []
    for index, sentence in enumerate(sentences):
        if not isinstance(sentence, Sentence):
            raise SentenceError(f"item {index} is not a Sentence but {type(sentence).__name__}")
        checked.append((sentence,))
    return rulings_totals(checked)


def _ends_of(accounts: Sequence[Sentence]) -> tuple[Term, Term] | None:
    """The shortest and the longest finite term the accounts give; ``None`` when none gives one."""
    ends = [
        end
        for account in accounts
        if account.term is not None and not isinstance(account.term, Life)
        for end in _ends(account.term)
    ]
    if not ends:
        return None
    low = high = ends[0]
    for end in ends[1:]:
        low = end if end < low else low
        high = end if end > high else high
    return low, high


def _payments(amounts: list[Money]) -> tuple[list[Money], list[Money]]:
    """Each currency's least and greatest amount over the accounts that state one."""
    by_currency: dict[str, list[Money]] = {}
    for amount in amounts:
        by_currency.setdefault(amount.currency, []).append(amount)
    return (
        [min(found) for found in by_currency.values()],
        [max(found) for found in by_currency.values()],
    )


def included_positions(rulings: Sequence[Sequence[Sentence]]) -> frozenset[int]:
    """The positions of the rulings that another ruling includes, by the ids its accounts give.

    A ruling is included when one of its accounts has an :attr:`~Sentence.id`
    that an account of another ruling, for the same person, lists in
    :attr:`~Sentence.includes`.  One account a ruling (a sequence of
    one-sentence sequences) asks the question of each sentence.
    """
    including: dict[tuple[str, str], set[int]] = {}
    for position, accounts in enumerate(rulings):
        for account in accounts:
            for name in account.includes:
                including.setdefault((account.person, name), set()).add(position)
    return frozenset(
        position
        for position, accounts in enumerate(rulings)
        if any(
            including.get((account.person, account.id), set()) - {position}
            for account in accounts
            if account.id is not None
        )
    )


def _concurrent_groups(rulings: Sequence[Sequence[Sentence]]) -> list[int]:
    """Each ruling's group: the rulings joined by concurrent_with (same person) share one."""
    parent = list(range(len(rulings)))

    def root(position: int) -> int:
        while parent[position] != position:
            parent[position] = parent[parent[position]]
            position = parent[position]
        return position

    named: dict[tuple[str, str], int] = {}
    for position, accounts in enumerate(rulings):
        for account in accounts:
            if account.id is not None:
                named.setdefault((account.person, account.id), position)
    for position, accounts in enumerate(rulings):
        for account in accounts:
            if account.concurrent_with is None:
                continue
            other = named.get((account.person, account.concurrent_with))
            if other is not None:
                parent[root(position)] = root(other)
    return [root(position) for position in range(len(rulings))]


def _unstated_fines(sentence: Sentence) -> int:
    return sum(penalty.kind is NonCustodialKind.FINE for penalty in sentence.non_custodial)


def rulings_totals(
    rulings: Iterable[Sequence[Sentence]], *, leave_out_included: bool = True
) -> SentenceTotals:
    """Add up rulings, each given as its accounts: the sentences that report it.

    A ruling counts once: with a term if any account gives one, life (or
    death) if any account says so, its shortest and longest account's terms
    to the two ends of the total, its least account of lashes, and each
    currency's least and greatest account of its fine and compensation.  One
    account a ruling (:func:`account_totals`) takes every account as given.
    A ruling another includes (:func:`included_positions`) is left out,
    unless ``leave_out_included`` is ``False`` (the caller has done so).  Rulings
    joined by :attr:`~Sentence.concurrent_with` add only their longest ends.
    """
    rulings = list(rulings)
    if leave_out_included:
        left_out = included_positions(rulings)
        rulings = [accounts for index, accounts in enumerate(rulings) if index not in left_out]
    group = _concurrent_groups(rulings)
    longest: dict[int, tuple[Term, Term] | None] = {}  # each group's longest ends; None: life
    counted = with_term = life = death = aggravated_life = lashes = unstated = 0
    low, high = Term(), Term()
    fines: list[Money] = []
    fines_most: list[Money] = []
    compensation: list[Money] = []
    compensation_most: list[Money] = []
    for position, accounts in enumerate(rulings):
        counted += 1
        with_term += any(account.term is not None for account in accounts)
        death += any(account.death for account in accounts)
        lashes += min((a.lashes for a in accounts if a.lashes is not None), default=0)
        unstated += min((n for n in map(_unstated_fines, accounts) if n), default=0)
        ends = _ends_of(accounts)
        if any(isinstance(account.term, Life) for account in accounts):
            life += 1
            aggravated_life += any(account.aggravated_life for account in accounts)
            longest[group[position]] = None
        elif ends is not None and group[position] not in longest:
            longest[group[position]] = ends
        elif ends is not None:
            before = longest[group[position]]
            if before is not None:
                longest[group[position]] = (
                    _longer(before[0], ends[0]),
                    _longer(before[1], ends[1]),
                )
        least, most = _payments([a.fine.amount for a in accounts if a.fine is not None])
        fines += least
        fines_most += most
        least, most = _payments(
            [a.compensation.amount for a in accounts if a.compensation is not None]
        )
        compensation += least
        compensation_most += most
    for ends in longest.values():
        if ends is not None:
            low, high = low + ends[0], high + ends[1]
    return SentenceTotals(
        sentences=counted,
        with_term=with_term,
        life=life,
        term_minimum=low,
        term_maximum=high,
        fines=tuple(total_by_currency(fines).values()),
        compensation=tuple(total_by_currency(compensation).values()),
        fines_maximum=tuple(total_by_currency(fines_most).values()),
        compensation_maximum=tuple(total_by_currency(compensation_most).values()),
        death=death,
        aggravated_life=aggravated_life,
        lashes=lashes,
        unstated_fines=unstated,
    )
