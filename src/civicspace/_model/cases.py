"""Cases: what happened to people for exercising civic freedoms, and what it adds up to.

A :class:`Case` (record type ``"case"``) is self-contained: it embeds the
people and organisations involved, the events in the order they happened,
the charges with the laws they cite, and the sentences imposed.  A person's
status is derived from the events (:func:`person_status`), never stored; so
are the days they spent in pre-trial detention (:func:`pretrial_detention`)
and the time from their arrest to the verdict (:func:`arrest_to_verdict`).

Dates are often partial ("in May 2021"): the figures here are given as
bounds (:class:`DayCount`), equal when every date involved is known to the
day, and nothing is guessed.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator

import attrs

from ..errors import UnknownPersonError
from .articles import LawReference
from .common import (
    Derivation,
    PartialDate,
    Source,
    check_country,
    check_id,
    check_optional_id,
    check_text,
)
from .custody import CustodyKind, CustodyPeriod, days_in_custody
from .events import CustodyEffect, Event, EventKind, LegalOutcome, PersonStatus
from .penalties import StatutoryPenalty
from .people import CaseOrganisation, CasePerson, check_ids
from .records import record_type
from .sentences import Sentence

__all__ = [
    "Case",
    "Charge",
    "ChargeVerdicts",
    "DayCount",
    "TimelineStep",
    "UnknownPersonError",
    "arrest_to_verdict",
    "case_statuses",
    "charges_of",
    "person_status",
    "pretrial_detention",
    "standing_charges_of",
    "timeline",
]


@attrs.frozen(kw_only=True)
class Charge:
    """An offence some people of a case are charged with (``case.json#/$defs/charge``).

    "charged with 'incitement to commit a felony or cause social unrest'
    (articles 494 and 495 of the Cambodian Criminal Code)" is
    ``Charge(id="incitement", offence="incitement to commit a felony or
    cause social unrest", citations=(LawReference(law="khm/code/2009/criminal-code",
    articles=("494", "495")),), people=(...))``.

    Attributes:
        id: Unique among the charges of the case; events refer to it.
        offence: The offence as reported.
        citations: The laws and articles it cites, each a
            :class:`~civicspace.laws.LawReference` to a law record by id.
        people: The ids of the people of the case charged with it whom the source
            names; ``()`` when it names none (the charge event then counts them:
            "four Mother Nature activists were charged").
        date: When they were charged, to the precision known.
        penalty: The most the charge carries, as the source states it
            without naming the law ("could face up to 30 years in prison if
            convicted"); a penalty a named law states belongs to the law.
        replaces: The id of an earlier charge of the case that this one
            replaces: the charge reclassified or requalified, amended or
            substituted ("reclassified from a misdemeanour to a felony").
            The earlier charge no longer stands: a verdict on this one
            decides the person's outcome (:class:`ChargeVerdicts`); it is
            kept for the record.
        sources: Where the charge was reported.

    """

    id: str = attrs.field(validator=check_id)
    offence: str = attrs.field(validator=check_text)
    citations: tuple[LawReference, ...] = ()
    people: tuple[str, ...] = attrs.field(default=(), validator=check_ids)
    date: PartialDate | None = None
    penalty: StatutoryPenalty | None = None
    replaces: str | None = attrs.field(default=None, validator=check_optional_id)
    sources: tuple[Source, ...] = ()


@record_type("case")
@attrs.frozen(kw_only=True)
class Case:
    """What happened to people or organisations for exercising civic freedoms (record ``"case"``).

    A case is self-contained, so that a partner can submit one alone: the
    events, charges and sentences name people and charges of the case by
    id, and events and people name its organisations (rule ``case.unresolved_reference``;
    ids are unique per kind within the case, rule ``case.duplicate_id``).
    Events are listed in the order they happened.

    Attributes:
        id: A stable identifier: ``"mother-nature-2020"``.
        country: Where it happened, as an ISO 3166-1 alpha-3 code.
        title: A short title.
        summary: What happened, in a few sentences.
        people: The people it concerns; ``()`` for a case about organisations
            only (a party dissolved, a union harassed).  A case concerns
            people, organisations or both (rule ``case.concerns_nobody``).
        organisations: The organisations they belong to or that are involved;
            events name those they concern.
        events: What happened, in order.
        charges: The charges brought.
        sentences: The sentences imposed; each names a person of the case.
        sources: Where the case was reported.
        derived: The values that rest on a reading rather than a quote, each
            marked with how it was derived (:class:`~civicspace.common.Derivation`).

    """

    id: str = attrs.field(validator=check_id)
    country: str = attrs.field(validator=check_country)
    title: str = attrs.field(validator=check_text)
    summary: str | None = attrs.field(default=None, validator=check_text)
    people: tuple[CasePerson, ...] = ()
    organisations: tuple[CaseOrganisation, ...] = ()
    events: tuple[Event, ...] = ()
    charges: tuple[Charge, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    sources: tuple[Source, ...] = ()
    derived: tuple[Derivation, ...] = ()

    def person(self, person_id: str) -> CasePerson:
        """The first person of the case with that id.

        Raises:
            UnknownPersonError: when no person of the case has it.

        """
        for person in self.people:
            if person.id == person_id:
                return person
        raise UnknownPersonError(f"case {self.id!r} has no person with id {person_id!r}")

    def events_of(self, person_id: str) -> tuple[Event, ...]:
        """The events that name the person, in order."""
        return tuple(event for event in self.events if person_id in event.people)


# -- Walking a person's events --------------------------------------------------------------------

_CONVICTIONS = (LegalOutcome.CONVICTED, LegalOutcome.CONVICTED_IN_ABSENTIA)


class ChargeVerdicts:
    """One person's outcomes charge by charge, as the verdicts that name charges decide them.

    A court may convict a person on one charge and acquit them on another
    in one case.  An event whose kind leaves a legal outcome other than
    ``charged`` (a conviction, an acquittal, charges dropped, a pardon) and
    that names some of the person's charges (:attr:`Charge.people` lists
    them) decides those charges.  An acquittal, charges dropped or a pardon
    on some charges then leaves the person **convicted** when another charge
    of theirs ended in a conviction, and **charged** when another is still
    undecided: its own effects (``released``) do not apply.
    :meth:`overall` says when that is so.  A charge that another replaces
    (:attr:`Charge.replaces`: reclassified, amended) no longer stands and is
    not among the person's charges here.
    """

    __slots__ = ("_charges", "_decided")

    def __init__(self, charges: frozenset[str]) -> None:
        self._charges = charges
        self._decided: dict[str, LegalOutcome] = {}

    def overall(self, event: Event, kind: EventKind) -> LegalOutcome | None:
        """Record what ``event`` decides; the person's outcome when other charges override it.

        ``None`` when the event's own effects apply (it names none of the
        person's charges, it is a conviction, or no other charge stands).
        """
        outcome = kind.outcome_after(event.in_absentia)
        if outcome is None or outcome is LegalOutcome.CHARGED or not event.charges:
            return None
        named = [charge for charge in event.charges if charge in self._charges]
        if not named:
            return None
        for charge in named:
            self._decided.pop(charge, None)
            self._decided[charge] = outcome
        if outcome in _CONVICTIONS:
            return None
        standing = [decided for decided in self._decided.values() if decided in _CONVICTIONS]
        if standing:
            return standing[-1]
        if any(charge not in self._decided for charge in self._charges):
            return LegalOutcome.CHARGED
        return None


def charges_of(case: Case, person_id: str) -> frozenset[str]:
    """The ids of the case's charges that name the person."""
    return frozenset(charge.id for charge in case.charges if person_id in charge.people)


def standing_charges_of(case: Case, person_id: str) -> frozenset[str]:
    """The ids of the case's charges that name the person, less those another charge replaces.

    A charge reclassified ("the charge was requalified as a felony") is a
    charge whose :attr:`Charge.replaces` names the earlier one: only the
    new one stands, so a verdict on it decides the person's outcome
    (:class:`ChargeVerdicts`) although the earlier one never had a verdict.
    """
    replaced = {charge.replaces for charge in case.charges if charge.replaces is not None}
    return charges_of(case, person_id) - replaced


@attrs.frozen
class TimelineStep:
    """One event of a person's timeline, as :func:`timeline` walks it.

    Attributes:
        index: The event's position in :attr:`Case.events`.
        event: The event.
        kind: Its vocabulary entry.
        held_before: Whether the person was in custody just before it.
        held_since: The index of the event that began that custody, if held.
        held_after: Whether the person is in custody just after it.

    """

    index: int
    event: Event
    kind: EventKind
    held_before: bool
    held_since: int | None
    held_after: bool


def timeline(case: Case, person_id: str) -> Iterator[TimelineStep]:
    """Walk the events that name a person, in order, tracking custody.

    Custody begins at an event whose kind's ``custody`` is ``begins`` (an
    arrest, pre-trial detention) when the person is not already held, and
    ends at one whose kind's ``custody`` is ``ends`` (bail, release,
    acquittal, ...) when they are.  Nothing else changes it: a sentence whose
    remainder is suspended after time served does not, here; for custody
    as well as legal outcome over time, see :func:`~civicspace.cases.status_history`.
    An event that was only scheduled (:attr:`Event.scheduled <civicspace.Event.scheduled>`)
    is not in the timeline: it is not known to have happened.  An acquittal
    (or charges dropped) on some charges does not end custody while another
    charge of the person stands (:class:`ChargeVerdicts`).
    """
    held_since: int | None = None
    verdicts = ChargeVerdicts(standing_charges_of(case, person_id))
    for index, event in enumerate(case.events):
        if person_id not in event.people or event.scheduled:
            continue
        kind = event.kind_info
        before = held_since
        overridden = verdicts.overall(event, kind) is not None
        if overridden:
            pass
        elif kind.custody is CustodyEffect.BEGINS and held_since is None:
            held_since = index
        elif kind.custody is CustodyEffect.ENDS:
            held_since = None
        yield TimelineStep(index, event, kind, before is not None, before, held_since is not None)


@attrs.frozen
class Stay:
    """A spell in custody in a person's timeline: the events that begin and end it.

    Attributes:
        begin: The index of the event that began it.
        end: The index of the event that ended it; ``None`` if no event did.

    """

    begin: int
    end: int | None


def stays(case: Case, person_id: str) -> tuple[Stay, ...]:
    """The person's spells in custody, in order, as :func:`timeline` finds them."""
    return stays_in(timeline(case, person_id))


def stays_in(steps: Iterable[TimelineStep]) -> tuple[Stay, ...]:
    """The spells in custody in a person's :func:`timeline` steps, in order."""
    found: list[Stay] = []
    begin: int | None = None
    for step in steps:
        if step.held_after and not step.held_before:
            begin = step.index
        elif step.held_before and not step.held_after:
            assert step.held_since is not None
            found.append(Stay(step.held_since, step.index))
            begin = None
    if begin is not None:
        found.append(Stay(begin, None))
    return tuple(found)


def _known(case: Case, person_id: str) -> None:
    case.person(person_id)  # raises UnknownPersonError for a person the case lacks


def person_status(case: Case, person_id: str) -> PersonStatus:
    """The person's status in the case, derived from its events.

    The events that name the person are read in the order listed; the
    status is the one left by the last event whose kind changes it
    (``status`` in ``data/event_kinds.json``, or ``status_in_absentia`` for
    an event in absentia).  With no such event it is
    :attr:`PersonStatus.UNKNOWN`.  An arrest leaves ``detained``, bail
    ``on_bail``, a conviction ``convicted`` (in absentia:
    ``convicted_in_absentia``), a release ``released``, and so on.

    A verdict on some of the person's charges changes nothing while
    another charge stands (:class:`ChargeVerdicts`): convicted of one charge
    and acquitted of another, the person stays ``convicted``.  One status
    per person: a conviction followed by a release leaves ``released``.
    :func:`~civicspace.cases.status_history`, :func:`~civicspace.cases.standing_on` and
    :func:`~civicspace.cases.custody_on` keep the legal outcome and custody apart,
    on any date.

    Raises:
        UnknownPersonError: when the case has no person with that id.

    """
    _known(case, person_id)
    status = PersonStatus.UNKNOWN
    verdicts = ChargeVerdicts(standing_charges_of(case, person_id))
    for step in timeline(case, person_id):
        if verdicts.overall(step.event, step.kind) is not None:
            continue  # another charge stands: this verdict changes nothing
        after = step.kind.status_after(step.event.in_absentia)
        if after is not None:
            status = after
    return status


def case_statuses(case: Case) -> dict[str, PersonStatus]:
    """Every person's status in the case (see :func:`person_status`), by id, in the case's order."""
    return {person.id: person_status(case, person.id) for person in case.people}


# -- Derived figures -----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class DayCount:
    """A number of days known within bounds, because dates are often partial.

    Arrested "in July 2019" and bailed "on November 28, 2019": between 120
    and 150 days.  The bounds are equal when every date involved is known to
    the day.

    Attributes:
        minimum: The fewest days the dates allow.
        maximum: The most days the dates allow; ``None`` when some period
            could not be bounded (see :attr:`skipped`).
        skipped: The JSON paths (``$.events[3]``) of the events that began
            a period that could not be bounded: an undated event at either
            end, or custody still open when no end date was given.  Their
            days are in neither bound.

    """

    minimum: int
    maximum: int | None
    skipped: tuple[str, ...] = ()

    @property
    def exact(self) -> int | None:
        """The number of days, when the bounds agree and nothing was skipped; else ``None``."""
        if self.maximum == self.minimum and not self.skipped:
            return self.minimum
        return None


def _span(start: datetime.date, end: datetime.date) -> CustodyPeriod:
    return CustodyPeriod(start, max(start, end), kind=CustodyKind.PRE_TRIAL)


def _convicted_before(steps: Iterable[TimelineStep]) -> int | None:
    """The index of the person's first verdict that convicts them, from their timeline steps."""
    for step in steps:
        if step.kind.verdict and step.kind.outcome_after(step.event.in_absentia) in _CONVICTIONS:
            return step.index
    return None


def pretrial_detention(
    case: Case, person_id: str, *, until: datetime.date | None = None
) -> DayCount:
    """The days the person spent in pre-trial detention in the case, within bounds.

    Pre-trial detention is custody (as :func:`timeline` tracks it) before
    a verdict (an event whose kind is a ``verdict``: conviction, sentence,
    acquittal): a spell in custody ends at the event that ends it or at the
    first verdict after it began, whichever comes first.  Spells that begin
    after the person's first conviction are not counted; a spell that begins
    after an acquittal (re-arrested on new charges, even the same day)
    counts again, up to its own verdict.  Each spell runs
    from the day it begins to the day before it ends (the day of release or
    verdict is not counted, as in :func:`~civicspace.cases.days_in_custody`).

    Partial dates are never guessed: the fewest days count each spell from
    the last day its first date may be to the first day its end may be; the
    most days, from the first to the last.  A spell with an undated event
    at either end, or still open when ``until`` is not given, is skipped and
    named in :attr:`DayCount.skipped` (and then ``maximum`` is ``None``).
    An open spell counts up to ``until`` (not included) when given.
    Overlapping spells are counted once.

    Raises:
        UnknownPersonError: when the case has no person with that id.

    """
    _known(case, person_id)
    steps = list(timeline(case, person_id))
    convicted = _convicted_before(steps)
    verdicts = [step.index for step in steps if step.kind.verdict]
    fewest: list[CustodyPeriod] = []
    most: list[CustodyPeriod] = []
    skipped: list[str] = []
    for stay in stays_in(steps):
        if convicted is not None and stay.begin > convicted:
            continue
        verdict = next((index for index in verdicts if index > stay.begin), None)
        end = (
            stay.end
            if verdict is None or (stay.end is not None and stay.end < verdict)
            else verdict
        )
        began = case.events[stay.begin].date
        ended = None if end is None else case.events[end].date
        if began is None or (end is not None and ended is None) or (end is None and until is None):
            skipped.append(f"$.events[{stay.begin}]")
            continue
        low_end = until if ended is None else ended.earliest
        high_end = until if ended is None else ended.latest
        assert low_end is not None and high_end is not None
        fewest.append(_span(began.latest, low_end))
        most.append(_span(began.earliest, high_end))
    return DayCount(
        minimum=days_in_custody(fewest),
        maximum=None if skipped else days_in_custody(most),
        skipped=tuple(skipped),
    )


def arrest_to_verdict(case: Case, person_id: str) -> DayCount | None:
    """The days from the person's first arrest in the case to the first verdict after it.

    The arrest is the first event naming the person that puts them in
    custody (an arrest or pre-trial detention); the verdict, the first
    event listed after it whose kind is a ``verdict`` (conviction, sentence,
    acquittal).  The bounds run from the latest day the arrest may be to the
    earliest the verdict may be, and from the earliest to the latest (never
    below 0).  ``None`` when there is no such arrest or no verdict after it;
    when either is undated, the bounds are 0 and ``None`` and the arrest is
    in :attr:`DayCount.skipped`.

    Raises:
        UnknownPersonError: when the case has no person with that id.

    """
    _known(case, person_id)
    steps = list(timeline(case, person_id))
    arrest = next((step for step in steps if step.kind.custody is CustodyEffect.BEGINS), None)
    if arrest is None:
        return None
    verdict = next((s for s in steps if s.index > arrest.index and s.kind.verdict), None)
    if verdict is None:
        return None
    began, decided = arrest.event.date, verdict.event.date
    if began is None or decided is None:
        return DayCount(minimum=0, maximum=None, skipped=(f"$.events[{arrest.index}]",))
    fewest = max(0, (decided.earliest - began.latest).days)
    most = max(fewest, (decided.latest - began.earliest).days)
    return DayCount(minimum=fewest, maximum=most)
