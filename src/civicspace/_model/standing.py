"""Status over time: a person's legal outcome and custody, each a fact of its own, on any date.

:func:`~civicspace.cases.person_status` gives one status per person, so a person
convicted and then released is either ``convicted`` or ``released``.  Here
the two are kept apart: the **legal outcome** (:class:`LegalOutcome`:
charged, convicted, acquitted, ...) and **custody** (:class:`CustodyStatus`:
detained, on bail, released, at large), each changed by the events whose
kind says so (``outcome`` and ``custody_status`` in ``data/event_kinds.json``).

Custody also ends without an event saying so: a person held when sentenced
to a term "with the remainder suspended due to time served" (a sentence of
the case for them, imposed on the day of the verdict, whose ``suspended`` is
:data:`~civicspace.sentences.REMAINDER` or the whole term) has nothing left to serve,
so they are released at the verdict.  That reading rests on the sentence,
not on a quoted release, and the step says so (:attr:`StatusStep.sentences`).

>>> import civicspace, datetime
>>> case = civicspace.Case(
...     id="c", country="KHM", title="A sentence served in pre-trial detention",
...     people=(civicspace.CasePerson(id="p", name="Sok"),),
...     events=(
...         civicspace.Event(kind="arrest", date=civicspace.PartialDate.parse("2021-03-12"),
...                          people=("p",)),
...         civicspace.Event(kind="sentence", date=civicspace.PartialDate.parse("2021-11-02"),
...                          people=("p",)),
...     ),
...     sentences=(civicspace.Sentence(person="p", term=civicspace.sentences.Term(months=18),
...         suspended=civicspace.sentences.REMAINDER,
...         imposed_on=civicspace.PartialDate.parse("2021-11-02")),),
... )
>>> history = civicspace.cases.status_history(case, "p")
>>> [(step.outcome.value, step.custody.value) for step in history]
[('unknown', 'detained'), ('convicted', 'released')]
>>> civicspace.cases.custody_on(case, "p", datetime.date(2021, 6, 1))
<CustodyStatus.DETAINED: 'detained'>
>>> civicspace.cases.custody_on(case, "p", datetime.date(2022, 1, 1))
<CustodyStatus.RELEASED: 'released'>
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import attrs

from .cases import Case
from .custody import CustodyError
from .events import CustodyStatus, Event, LegalOutcome
from .sentences import REMAINDER, Sentence
from .terms import Life
from .values import PartialDate

__all__ = [
    "Standing",
    "StatusStep",
    "custody_on",
    "outcome_on",
    "standing_on",
    "status_history",
]


@attrs.frozen(kw_only=True)
class StatusStep:
    """One event of a person's history that changed their legal outcome, their custody or both.

    Attributes:
        index: The event's position in :attr:`Case.events <civicspace.Case.events>`.
        event: The event.
        outcome: The person's legal outcome just after it.
        custody: The person's custody just after it.
        outcome_changed: Whether it changed the legal outcome.
        custody_changed: Whether it changed custody.
        sentences: The positions in :attr:`Case.sentences <civicspace.Case.sentences>`
            of the sentences whose suspended remainder ended custody at this
            event (a release read from the sentence, not stated by an
            event); ``()`` when an event's own kind decided.
        charges: The ids of the case's charges naming the person that the
            event concerns, when they made the person ``charged`` (an event
            of another kind that concerns their charges: a hearing, an
            appeal, an arrest on those charges); ``()`` otherwise.

    """

    index: int
    event: Event
    outcome: LegalOutcome
    custody: CustodyStatus
    outcome_changed: bool
    custody_changed: bool
    sentences: tuple[int, ...] = ()
    charges: tuple[str, ...] = ()

    @property
    def date(self) -> PartialDate | None:
        """The event's date, or ``None`` when undated."""
        return self.event.date


@attrs.frozen(kw_only=True)
class Standing:
    """A person's legal outcome and custody on a date; see :func:`standing_on`.

    Attributes:
        outcome: The legal outcome certainly in effect on the date.
        custody: The custody certainly in effect on the date.
        certain: ``False`` when an event that may or may not have happened
            by the date (its date is partial or missing and straddles it)
            would change either fact; the facts are then those of the
            events that certainly happened by the date.
        undecided: The positions in :attr:`Case.events
            <civicspace.Case.events>` of those events.

    """

    outcome: LegalOutcome
    custody: CustodyStatus
    certain: bool = True
    undecided: tuple[int, ...] = ()


def _nothing_left_to_serve(sentence: Sentence) -> bool:
    term, suspended = sentence.term, sentence.suspended
    if term is None or isinstance(term, Life):
        return False
    return suspended is REMAINDER or (suspended is not None and suspended == term)


def _suspended_rulings(case: Case, person_id: str, event: Event) -> tuple[int, ...]:
    """The sentences of the ruling at ``event`` when every one leaves nothing to serve."""
    ruling = tuple(
        index
        for index, sentence in enumerate(case.sentences)
        if sentence.person == person_id and sentence.imposed_on == event.date
    )
    if ruling and all(_nothing_left_to_serve(case.sentences[index]) for index in ruling):
        return ruling
    return ()


def _charges_of(case: Case, person_id: str) -> frozenset[str]:
    return frozenset(charge.id for charge in case.charges if person_id in charge.people)


def _steps(case: Case, person_id: str) -> Iterator[StatusStep]:
    case.person(person_id)  # raises UnknownPersonError for a person the case lacks
    outcome, custody = LegalOutcome.UNKNOWN, CustodyStatus.UNKNOWN
    for index, event in enumerate(case.events):
        if person_id not in event.people or event.scheduled:
            continue
        kind = event.kind_info
        new_outcome = kind.outcome_after(event.in_absentia) or outcome
        new_custody = kind.custody_status or custody
        charges: tuple[str, ...] = ()
        if new_outcome is LegalOutcome.UNKNOWN:
            charges = tuple(
                charge for charge in event.charges if charge in _charges_of(case, person_id)
            )
            if charges:
                new_outcome = LegalOutcome.CHARGED
        sentences: tuple[int, ...] = ()
        if (
            kind.verdict
            and new_custody is CustodyStatus.DETAINED
            and new_outcome in (LegalOutcome.CONVICTED, LegalOutcome.CONVICTED_IN_ABSENTIA)
        ):
            sentences = _suspended_rulings(case, person_id, event)
            if sentences:
                new_custody = CustodyStatus.RELEASED
        if new_outcome is not outcome or new_custody is not custody:
            yield StatusStep(
                index=index,
                event=event,
                outcome=new_outcome,
                custody=new_custody,
                outcome_changed=new_outcome is not outcome,
                custody_changed=new_custody is not custody,
                sentences=sentences,
                charges=charges,
            )
        outcome, custody = new_outcome, new_custody


def status_history(case: Case, person_id: str) -> tuple[StatusStep, ...]:
    """The events that changed the person's legal outcome or custody, in the case's order.

    Both facts start ``unknown``.  An event changes the legal outcome when
    its kind has an ``outcome`` (a charge: ``charged``; a conviction or a
    sentence: ``convicted``, or ``convicted_in_absentia`` for one in
    absentia; an acquittal, charges dropped, a pardon), and custody when its
    kind has a ``custody_status`` (an arrest: ``detained``; bail:
    ``on_bail``; a release: ``released``; a deportation or exile:
    ``at_large``).  A conviction or sentence of a person held ends their
    custody (``released``) when the case's sentences for them imposed on
    the verdict's date all leave nothing to serve: the remainder suspended
    after time served, or the whole term suspended.  An event of another
    kind that concerns charges of the case naming the person (a hearing or
    an appeal on those charges) shows they were charged by then: an outcome
    still ``unknown`` becomes ``charged`` (:attr:`StatusStep.charges` says
    which).  Events that change neither fact are left out, and so are
    events that were only scheduled (:attr:`Event.scheduled
    <civicspace.Event.scheduled>`): they are not known to have happened.

    Unlike :func:`~civicspace.cases.person_status`, nothing overwrites anything of
    the other kind: after a conviction and a release the person is
    ``convicted`` and ``released``.

    Raises:
        UnknownPersonError: when the case has no person with that id.

    """
    return tuple(_steps(case, person_id))


def _check_day(on: object) -> datetime.date:
    if not isinstance(on, datetime.date) or isinstance(on, datetime.datetime):
        raise CustodyError(
            f"on must be a datetime.date (not a datetime or a string), not {on!r}; "
            "for a partial date, pass the day you mean, such as PartialDate.earliest"
        )
    return on


def standing_on(case: Case, person_id: str, on: datetime.date) -> Standing:
    """The person's legal outcome and custody on the day ``on``, as the case's events tell.

    Events are listed in the order they happened, so an event happened by
    ``on`` when it, or any event listed after it, is dated no later than
    ``on`` (to its last possible day), and had not when it, or any event
    before it, is dated after ``on`` (from its first possible day).  An
    event on ``on`` itself has happened.  The facts are those left by the
    last event of :func:`status_history` that happened; an event that may
    or may not have happened (a partial or missing date that straddles
    ``on``) is not applied, and makes :attr:`Standing.certain` ``False``.

    Raises:
        UnknownPersonError: when the case has no person with that id.
        CustodyError: when ``on`` is not a :class:`datetime.date`.

    """
    day = _check_day(on)
    steps = status_history(case, person_id)
    dates = [event.date if event.happened else None for event in case.events]
    happened = [False] * len(dates)
    not_yet = [False] * len(dates)
    latest_by = False
    for index in reversed(range(len(dates))):
        date = dates[index]
        latest_by = latest_by or (date is not None and date.latest <= day)
        happened[index] = latest_by
    after = False
    for index, date in enumerate(dates):
        after = after or (date is not None and date.earliest > day)
        not_yet[index] = after
    outcome, custody = LegalOutcome.UNKNOWN, CustodyStatus.UNKNOWN
    undecided: list[int] = []
    for step in steps:
        if happened[step.index]:
            outcome, custody = step.outcome, step.custody
        elif not not_yet[step.index]:
            undecided.append(step.index)
    return Standing(
        outcome=outcome, custody=custody, certain=not undecided, undecided=tuple(undecided)
    )


def custody_on(case: Case, person_id: str, on: datetime.date) -> CustodyStatus:
    """The person's custody on the day ``on``: :attr:`Standing.custody` of :func:`standing_on`.

    Raises:
        UnknownPersonError: when the case has no person with that id.
        CustodyError: when ``on`` is not a :class:`datetime.date`.

    """
    return standing_on(case, person_id, on).custody


def outcome_on(case: Case, person_id: str, on: datetime.date) -> LegalOutcome:
    """The person's legal outcome on the day ``on``: :attr:`Standing.outcome` of that day.

    Raises:
        UnknownPersonError: when the case has no person with that id.
        CustodyError: when ``on`` is not a :class:`datetime.date`.

    """
    return standing_on(case, person_id, on).outcome
