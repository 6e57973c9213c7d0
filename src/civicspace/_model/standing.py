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
not on a quoted release, and the step says so (:attr:`StatusStep.sentences`);
it is not made when a later event says when the custody ended.
Likewise when a term runs out: a person held when sentenced to a finite term
is out on the day the term (less the custody credited, after any commutation
or reduction) is served, unless an event says otherwise first; that step is
marked as assumed (:attr:`StatusStep.assumed_on`).

Organisations have a status over time too (:func:`organisation_history`,
:func:`organisation_status_on`), and people and organisations alike carry
the designations a state puts on them (:func:`designations_in_force`).

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
from collections.abc import Iterable, Iterator

import attrs

from ..errors import IncomparableTermsError, SentenceError, TermError, UnknownPersonError
from .cases import Case, ChargeVerdicts, charges_of, standing_charges_of
from .common import PartialDate
from .custody import CustodyError, CustodyKind
from .events import (
    CustodyEffect,
    CustodyStatus,
    Designation,
    DesignationEffect,
    Event,
    LegalOutcome,
    OrganisationStatus,
)
from .sentences import REMAINDER, AppealOutcome, Sentence, sentence_release_window
from .terms import Life, Term, TermRange

__all__ = [
    "OrganisationStep",
    "Standing",
    "StatusStep",
    "custody_on",
    "designations_in_force",
    "organisation_history",
    "organisation_status_on",
    "outcome_on",
    "sentences_after_changes",
    "standing_on",
    "status_history",
    "term_release_on",
]


@attrs.frozen(kw_only=True)
class StatusStep:
    """One event of a person's history that changed their legal outcome, their custody or both.

    Attributes:
        index: The event's position in :attr:`Case.events <civicspace.Case.events>`.
        event: The event.  For an assumed release (:attr:`assumed_on` set),
            the verdict whose sentences ran out.
        outcome: The person's legal outcome just after it.
        custody: The person's custody just after it.
        outcome_changed: Whether it changed the legal outcome.
        custody_changed: Whether it changed custody, or the kind of custody
            (moved from a cell to house arrest).
        sentences: The positions in :attr:`Case.sentences <civicspace.Case.sentences>`
            of the sentences whose suspended remainder ended custody at this
            event, or whose term ran out (a release read from the sentence,
            not stated by an event); ``()`` when an event's own kind decided.
        charges: The ids of the case's charges naming the person that the
            event concerns, when they made the person ``charged`` (an event
            of another kind that concerns their charges: a hearing, an
            appeal, an arrest on those charges); ``()`` otherwise.
        custody_kind: The kind of custody the person is in just after it,
            where an event's kind says (house arrest); ``None`` otherwise.
        assumed_on: The day the person's sentences ran out, for a release
            assumed because the term was served (no event says so);
            ``None`` for a step an event decided.  When the verdict's date
            is partial ("in March 2022"), the first day they may have run out.
        assumed_until: For an assumed release whose day is known only to a
            window (the verdict's date is partial), the last day on which the
            sentences may have run out: out certainly from that day, perhaps
            from :attr:`assumed_on`; ``None`` when the day is known.

    """

    index: int
    event: Event
    outcome: LegalOutcome
    custody: CustodyStatus
    outcome_changed: bool
    custody_changed: bool
    sentences: tuple[int, ...] = ()
    charges: tuple[str, ...] = ()
    custody_kind: CustodyKind | None = None
    assumed_on: datetime.date | None = None
    assumed_until: datetime.date | None = None

    @property
    def date(self) -> PartialDate | None:
        """The event's date (the day the term ran out for an assumed release), or ``None``."""
        if self.assumed_on is not None:
            return PartialDate.from_date(self.assumed_on)
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
            <civicspace.Case.events>` of those events, and of a verdict
            whose assumed release (known only to a window,
            :attr:`StatusStep.assumed_until`) may or may not have come.
        custody_kind: The kind of custody on the date, where an event's kind
            says (house arrest); ``None`` otherwise.
        assumed: ``True`` when the custody rests on a release assumed
            because a term was served, not on an event.

    """

    outcome: LegalOutcome
    custody: CustodyStatus
    certain: bool = True
    undecided: tuple[int, ...] = ()
    custody_kind: CustodyKind | None = None
    assumed: bool = False


# -- Sentences as events change them --------------------------------------------------------------


def _changed_term(
    term: Term | TermRange | Life | None, event: Event
) -> Term | TermRange | Life | None:
    if event.term_after is not None:
        return event.term_after
    cut = event.reduced_by
    if cut is None:
        return term
    if isinstance(term, Term):
        return term - cut
    if isinstance(term, TermRange):
        try:
            return TermRange(minimum=term.minimum - cut, maximum=term.maximum - cut)
        except (TermError, ValueError):
            return term
    return term  # life, or no finite term: a reduction of it needs term_after


def _changed(sentence: Sentence, event: Event) -> Sentence:
    """``sentence`` as ``event`` (a commutation, a reduction) changes it.

    ``term_after`` replaces the death penalty as well as a term: a death
    sentence commuted to 20 years is a sentence of 20 years.  A reduction of
    a death sentence without ``term_after`` changes nothing.
    """
    if sentence.death and event.term_after is None:
        return sentence
    term = _changed_term(sentence.term, event)
    if term == sentence.term and not sentence.death:
        return sentence
    suspended = sentence.suspended
    if isinstance(suspended, Term):
        try:
            fits = isinstance(term, Term) and bool(suspended <= term)
        except IncomparableTermsError:
            fits = False
        suspended = suspended if fits else None
    return attrs.evolve(
        sentence,
        term=term,
        death=None,
        aggravated_life=sentence.aggravated_life if isinstance(term, Life) else None,
        suspended=suspended,
    )


def _may_precede(sentence: Sentence, event: Event) -> bool:
    imposed, date = sentence.imposed_on, event.date
    return imposed is None or date is None or imposed.earliest <= date.latest


def _apply_changes(
    case: Case, person_id: str, *, upto: int | None = None, on: datetime.date | None = None
) -> dict[int, Sentence]:
    """The person's standing sentences by position, after the changes of events before ``upto``."""
    current = {
        index: sentence
        for index, sentence in enumerate(case.sentences)
        if sentence.person == person_id and sentence.appeal_outcome is not AppealOutcome.QUASHED
    }
    current = _related(current, case, upto=upto, on=on)
    for index, event in enumerate(case.events):
        if upto is not None and index >= upto:
            break
        if event.scheduled or person_id not in event.people or not event.kind_info.changes_term:
            continue
        if on is not None and (event.date is None or event.date.latest > on):
            continue
        if event.sentences:
            targets = [i for i in current if current[i].id in event.sentences]
        else:
            last = next((i for i in reversed(current) if _may_precede(current[i], event)), None)
            targets = [] if last is None else [last]
        for target in targets:
            current[target] = _changed(current[target], event)
    return current


def _imposed_by(
    sentence: Sentence, case: Case, *, upto: int | None, on: datetime.date | None
) -> bool:
    """Whether ``sentence`` may have been imposed by the event before ``upto``, or by ``on``."""
    imposed = sentence.imposed_on
    if on is not None:
        return imposed is not None and imposed.latest <= on
    if upto is not None and upto > 0:
        return _may_precede(sentence, case.events[upto - 1])
    return True


def _related(
    current: dict[int, Sentence], case: Case, *, upto: int | None, on: datetime.date | None
) -> dict[int, Sentence]:
    """``current`` without the sentences another of them includes, once that one is imposed.

    A sentence that follows one no longer standing (quashed, included) runs
    from its own date: its ``follows`` is dropped.
    """
    included = {
        name
        for sentence in current.values()
        if sentence.includes and _imposed_by(sentence, case, upto=upto, on=on)
        for name in sentence.includes
    }
    kept = {
        index: sentence
        for index, sentence in current.items()
        if sentence.id is None or sentence.id not in included
    }
    ids = {sentence.id for sentence in kept.values() if sentence.id is not None}
    return {
        index: sentence
        if sentence.follows is None or sentence.follows in ids
        else attrs.evolve(sentence, follows=None)
        for index, sentence in kept.items()
    }


def sentences_after_changes(
    case: Case, person_id: str, on: datetime.date | None = None
) -> tuple[Sentence, ...]:
    """The person's sentences as they stand after commutations, reductions and appeals.

    Every sentence of the case for the person, in the case's order, except
    those an appeal quashed (``appeal_outcome`` ``quashed``: a quashed
    sentence no longer stands) and those another of them includes
    (:attr:`~civicspace.Sentence.includes`: a combined sentence, or a real
    term replacing a suspended one, stands for them; with ``on``, once it
    is imposed by then), each with its term as changed by the
    events of a kind that changes a term (a commutation, a sentence
    reduction) that name the person: ``term_after`` replaces the term,
    ``reduced_by`` shortens it ("reduced by six years": 33 years leave 27;
    a range loses it at both ends).  A change applies to the last of the
    person's sentences that may have been imposed by the change's date.  A
    death sentence, and life, are changed only by ``term_after``: a death
    sentence commuted to 20 years is a sentence of 20 years (``death`` no
    longer set).  A sentence that follows one no longer standing runs from
    its own date (its ``follows`` is left out).  With ``on``, only changes
    dated certainly by that day apply; scheduled events never do.  Pass the result to
    :func:`~civicspace.sentences.account_totals` for totals, and each sentence to
    :func:`~civicspace.sentences.sentence_release_date` for its release date; see
    also :func:`term_release_on`.

    Raises:
        UnknownPersonError: when the case has no person with that id.

    """
    case.person(person_id)
    if on is not None:
        _check_day(on)
    return tuple(_apply_changes(case, person_id, on=on).values())


def _custodial(sentences: Iterable[Sentence]) -> list[Sentence]:
    """The sentences that hold the person: a term or death (a fine alone holds no one)."""
    return [sentence for sentence in sentences if sentence.term is not None or sentence.death]


def _release_window(
    sentences: list[Sentence], among: list[Sentence], not_before: datetime.date | None = None
) -> tuple[datetime.date, datetime.date] | None:
    """The window in which a ruling's custodial sentences are all served: ``None`` unless finite.

    Sentences without custody (a fine, a non-custodial penalty) are left out;
    ``None`` when none is left, or one is death, life or a range, or its
    start cannot be told.  ``among`` are the person's standing sentences,
    for those a sentence follows; ``not_before`` the day the verdict
    happened no earlier than (the events listed before it).
    """
    sentences = _custodial(sentences)
    if not sentences or not all(
        isinstance(sentence.term, Term) and not sentence.death for sentence in sentences
    ):
        return None
    try:
        windows = [
            sentence_release_window(sentence, among=among, not_before=not_before)
            for sentence in sentences
        ]
    except (SentenceError, TermError, IncomparableTermsError):
        return None
    return max(first for first, _ in windows), max(last for _, last in windows)


def _release_day(sentences: list[Sentence], among: list[Sentence]) -> datetime.date | None:
    """The day a ruling's custodial sentences are all served: ``None`` unless known to the day."""
    window = _release_window(sentences, among)
    if window is None or window[0] != window[1]:
        return None
    return window[0]


def term_release_on(case: Case, person_id: str) -> datetime.date | None:
    """The day the person's last ruling is served, after changes; ``None`` when it cannot be told.

    The ruling is the sentences of :func:`sentences_after_changes` imposed
    on the date of the last of them.  The day is the
    latest :func:`~civicspace.sentences.sentence_release_date` among them: each term
    served from the day it was imposed (or, for a term that follows
    another, from the day that one ends), less its suspended part and the
    custody credited.  A ruling known only to the month gives no day.
    ``None`` when the person has no such ruling or a sentence of it has
    no finite term (life, a range; death has no release date), or a
    sentence without a day of imposition.

    Raises:
        UnknownPersonError: when the case has no person with that id.

    """
    case.person(person_id)
    standing = list(_apply_changes(case, person_id).values())
    dated = [sentence for sentence in standing if sentence.imposed_on is not None]
    if not dated:
        return None
    last = dated[-1].imposed_on
    ruling = [sentence for sentence in dated if sentence.imposed_on == last]
    return _release_day(ruling, standing)


# -- A person's status over time ------------------------------------------------------------------


def _nothing_left_to_serve(sentence: Sentence) -> bool:
    term, suspended = sentence.term, sentence.suspended
    if term is None or isinstance(term, Life) or sentence.death:
        return False
    return suspended is REMAINDER or (suspended is not None and suspended == term)


def _ruling(case: Case, person_id: str, index: int) -> dict[int, Sentence]:
    """The person's sentences imposed on the date of the event at ``index``, as changed by then."""
    event = case.events[index]
    return {
        position: sentence
        for position, sentence in _apply_changes(case, person_id, upto=index + 1).items()
        if sentence.imposed_on == event.date
    }


_CONVICTIONS = (LegalOutcome.CONVICTED, LegalOutcome.CONVICTED_IN_ABSENTIA)


@attrs.frozen
class _Pending:
    """A release assumed on ``day`` because the sentences of the verdict at ``verdict`` ran out."""

    day: datetime.date
    verdict: int
    sentences: tuple[int, ...]
    latest: datetime.date | None = None  # the window's last day, when the verdict's is partial


def _until(release: _Pending) -> datetime.date | None:
    """The last day of the release's window; ``None`` when it is known to the day."""
    latest = release.latest
    return latest if latest is not None and latest > release.day else None


def _pending(
    case: Case, person_id: str, verdict: int, upto: int, current: _Pending | None
) -> _Pending | None:
    """The release the verdict at ``verdict`` leads to, with the changes before ``upto``.

    A verdict with no sentence imposed on its date (a conviction whose
    sentence comes later, or on other charges) keeps ``current``.
    """
    date = case.events[verdict].date
    if date is None:
        return current
    standing = _apply_changes(case, person_id, upto=upto)
    ruling = {
        position: sentence for position, sentence in standing.items() if sentence.imposed_on == date
    }
    if not ruling:
        return current
    earlier = [
        event.date.earliest
        for event in case.events[:verdict]
        if event.date is not None and not event.scheduled
    ]
    window = _release_window(
        list(ruling.values()), list(standing.values()), max(earlier, default=None)
    )
    if window is None:
        return None
    first, last = window
    return _Pending(first, verdict, tuple(ruling), None if first == last else last)


def _held_until_said(case: Case, person_id: str) -> frozenset[int]:
    """The events after which a later event ends the person's custody, none beginning it first.

    After such an event the person was still held, whatever a sentence left
    to serve: the source says when the custody ended, so nothing is assumed.
    """
    found: set[int] = set()
    waiting: list[int] = []
    for index, event in enumerate(case.events):
        if person_id not in event.people or event.scheduled:
            continue
        effect = event.kind_info.custody
        if effect is CustodyEffect.ENDS:
            found.update(waiting)
        if effect is not None:
            waiting.clear()
        waiting.append(index)
    return frozenset(found)


def _steps(case: Case, person_id: str) -> Iterator[StatusStep]:
    case.person(person_id)  # raises UnknownPersonError for a person the case lacks
    held_until_said = _held_until_said(case, person_id)
    outcome, custody = LegalOutcome.UNKNOWN, CustodyStatus.UNKNOWN
    held_as: CustodyKind | None = None
    charged = charges_of(case, person_id)
    verdicts = ChargeVerdicts(standing_charges_of(case, person_id))
    pending: _Pending | None = None
    ruled_at: int | None = None  # the last verdict of a person held, whose ruling may run out

    def released(release: _Pending) -> StatusStep:
        return StatusStep(
            index=release.verdict,
            event=case.events[release.verdict],
            outcome=outcome,
            custody=CustodyStatus.RELEASED,
            outcome_changed=False,
            custody_changed=True,
            sentences=release.sentences,
            assumed_on=release.day,
            assumed_until=_until(release),
        )

    for index, event in enumerate(case.events):
        if person_id not in event.people or event.scheduled:
            continue
        if (
            pending is not None
            and event.date is not None
            and event.date.earliest >= pending.day
            and custody is CustodyStatus.DETAINED
        ):
            yield released(pending)
            custody, held_as, pending = CustodyStatus.RELEASED, None, None
        kind = event.kind_info
        overridden = verdicts.overall(event, kind)
        if overridden is not None:
            new_outcome, new_custody = overridden, custody
        else:
            new_outcome = kind.outcome_after(event.in_absentia) or outcome
            new_custody = kind.custody_status or custody
        if custody is CustodyStatus.DECEASED:
            new_custody = custody  # nothing changes custody after a death
        new_kind = held_as
        if new_custody is not CustodyStatus.DETAINED:
            new_kind = None
        elif (
            overridden is None
            and kind.custody_status is CustodyStatus.DETAINED
            and (kind.custody_kind is not None or custody is not CustodyStatus.DETAINED)
        ):
            new_kind = kind.custody_kind
        charges: tuple[str, ...] = ()
        if new_outcome is LegalOutcome.UNKNOWN:
            charges = tuple(charge for charge in event.charges if charge in charged)
            if charges:
                new_outcome = LegalOutcome.CHARGED
        sentences: tuple[int, ...] = ()
        if kind.verdict and new_custody is CustodyStatus.DETAINED and new_outcome in _CONVICTIONS:
            ruling = _ruling(case, person_id, index)
            held = _custodial(ruling.values())
            if index in held_until_said:
                pending, ruled_at = None, None  # an event below says when custody ended
            elif held and all(_nothing_left_to_serve(sentence) for sentence in held):
                sentences = tuple(ruling)
                new_custody, new_kind = CustodyStatus.RELEASED, None
            else:
                pending = _pending(case, person_id, index, index + 1, pending)
                ruled_at = index
        elif kind.changes_term and ruled_at is not None and new_custody is CustodyStatus.DETAINED:
            pending = _pending(case, person_id, ruled_at, index + 1, pending)
            if pending is not None and event.date is not None and pending.day < event.date.latest:
                # cut below the time served: out when the change is made, not before
                pending = attrs.evolve(pending, day=event.date.latest)
        if new_custody is not CustodyStatus.DETAINED:
            pending = None
        if new_outcome is not outcome or new_custody is not custody or new_kind is not held_as:
            yield StatusStep(
                index=index,
                event=event,
                outcome=new_outcome,
                custody=new_custody,
                outcome_changed=new_outcome is not outcome,
                custody_changed=new_custody is not custody or new_kind is not held_as,
                sentences=sentences,
                charges=charges,
                custody_kind=new_kind,
            )
        outcome, custody, held_as = new_outcome, new_custody, new_kind
    if pending is not None and custody is CustodyStatus.DETAINED:
        yield released(pending)


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
    which).  A verdict on some of the person's charges (an acquittal on one)
    changes nothing while another charge stands
    (:class:`~civicspace.cases.ChargeVerdicts`): convicted of one charge and
    acquitted of another, the person stays ``convicted`` and held.  Events
    that happen on the same day are taken in the order listed: an acquittal
    then a re-arrest leaves the person ``detained``.

    A conviction or sentence of a person held, whose sentences imposed on
    its date all have a finite term, leads to a release on
    the day the last of them is served (:func:`~civicspace.sentences.sentence_release_date`
    of each, after the commutations and reductions listed before then:
    :func:`sentences_after_changes`): 15 days of administrative arrest
    imposed on 1 March leave the person free on 16 March.  That step comes
    before the first event certainly dated on or after that day, or last;
    it has :attr:`StatusStep.assumed_on` set and names the sentences.  A
    commutation or reduction that leaves less than the time already served
    releases on its own date (its last possible day).  An
    event that ends custody first (a release, a pardon, a death) cancels
    it.  Life, a range of terms and sentences without a finite term (death)
    lead to no assumed release.  A sentence that follows another
    (:attr:`~civicspace.Sentence.follows`) runs out after that one's term
    (:func:`~civicspace.sentences.sentence_release_window`); sentences another
    includes no longer run out on their own once it is imposed.  A verdict
    known only to the month or year leads to a release known only to a
    window: :attr:`StatusStep.assumed_on` is its first day,
    :attr:`StatusStep.assumed_until` its last.

    Neither reading is made when the case says when the custody ended: if
    the next event below the verdict that begins or ends the person's
    custody ends it (a release, a house arrest lifted, a death), the person
    was held until then, whatever the sentence left to serve.  Alexei
    Navalny, under house arrest when given a suspended sentence on 30
    December 2014, stayed under house arrest until it was lifted in February
    2015.

    A person who died in custody or was executed is ``deceased`` in custody
    terms from then on; no later event changes that.  An event whose kind
    names a kind of custody (house arrest) sets :attr:`StatusStep.custody_kind`.

    Events that change neither fact are left out, and so are
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
    event on ``on`` itself has happened; so has an assumed release (the end
    of a term served) on or before ``on``, which makes
    :attr:`Standing.assumed` ``True``; one known only to a window
    (:attr:`StatusStep.assumed_until`) has happened from the window's last
    day, and inside the window may or may not have
    (:attr:`Standing.certain` ``False``, the verdict in
    :attr:`Standing.undecided`).  Scheduled events never happen.  The facts
    are those left by the last event of :func:`status_history` that
    happened; an event that may or may not have happened (a partial or missing date that straddles
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
    held_as: CustodyKind | None = None
    assumed = False
    undecided: list[int] = []
    for step in steps:
        if step.assumed_on is not None:
            if step.assumed_until is not None and step.assumed_on <= day < step.assumed_until:
                if step.index not in undecided:  # the term may or may not have run out by then
                    undecided.append(step.index)
            elif step.assumed_on <= day:
                outcome, custody, held_as, assumed = step.outcome, step.custody, None, True
        elif happened[step.index]:
            outcome, custody, held_as = step.outcome, step.custody, step.custody_kind
            assumed = assumed and not step.custody_changed
        elif not not_yet[step.index]:
            undecided.append(step.index)
    return Standing(
        outcome=outcome,
        custody=custody,
        certain=not undecided,
        undecided=tuple(undecided),
        custody_kind=held_as,
        assumed=assumed,
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


# -- Organisations and designations ---------------------------------------------------------------


@attrs.frozen(kw_only=True)
class OrganisationStep:
    """One event that changed an organisation's status or designations.

    See :func:`organisation_history`.

    Attributes:
        index: The event's position in :attr:`Case.events <civicspace.Case.events>`.
        event: The event.
        status: The organisation's status just after it.
        designations: The designations in force just after it, oldest first.

    """

    index: int
    event: Event
    status: OrganisationStatus
    designations: tuple[Designation, ...] = ()

    @property
    def date(self) -> PartialDate | None:
        """The event's date, or ``None`` when undated."""
        return self.event.date


def _designated(current: tuple[Designation, ...], event: Event) -> tuple[Designation, ...]:
    effect = event.kind_info.designation
    given = event.designation
    if effect is DesignationEffect.IMPOSES:
        if given is None or given in current:
            return current
        return (*current, given)
    if effect is DesignationEffect.LIFTS:
        if given is None:
            return ()
        return tuple(designation for designation in current if not given.covers(designation))
    return current


def _subject_events(case: Case, subject_id: str) -> Iterator[tuple[int, Event]]:
    """The events that happened naming ``subject_id``, a person or an organisation of the case."""
    people = {person.id for person in case.people}
    bodies = {body.id for body in case.organisations}
    if subject_id not in people and subject_id not in bodies:
        raise UnknownPersonError(
            f"case {case.id!r} has no person or organisation with id {subject_id!r}"
        )
    for index, event in enumerate(case.events):
        if event.scheduled:
            continue
        if (subject_id in bodies and subject_id in event.organisations) or (
            subject_id in people and subject_id in event.people
        ):
            yield index, event


def organisation_history(case: Case, organisation_id: str) -> tuple[OrganisationStep, ...]:
    """The events that changed an organisation's status or designations, in the case's order.

    The status starts ``unknown`` (operating, as far as the case reports)
    and an event that names the organisation changes it when its kind has
    an ``organisation_status`` (``data/event_kinds.json``): a suspension
    leaves ``suspended``, a liquidation ``liquidated``, a deregistration
    ``deregistered``, a dissolution ``dissolved``, a closure ``closed``, a
    reinstatement ``operating``.  A designation adds its
    :class:`~civicspace.cases.Designation` (once); a lifting removes those it
    covers (all when it gives none).  Scheduled events are left out.

    Raises:
        UnknownPersonError: when the case has no organisation with that id.

    """
    if organisation_id not in {body.id for body in case.organisations}:
        raise UnknownPersonError(
            f"case {case.id!r} has no organisation with id {organisation_id!r}"
        )
    status = OrganisationStatus.UNKNOWN
    designations: tuple[Designation, ...] = ()
    found: list[OrganisationStep] = []
    for index, event in _subject_events(case, organisation_id):
        new_status = event.kind_info.organisation_status or status
        new_designations = _designated(designations, event)
        if new_status is not status or new_designations != designations:
            found.append(
                OrganisationStep(
                    index=index, event=event, status=new_status, designations=new_designations
                )
            )
        status, designations = new_status, new_designations
    return tuple(found)


def _last_by(case: Case, indices: list[int], on: datetime.date) -> int | None:
    """The last of ``indices`` whose event certainly happened by ``on``, as for standing_on."""
    latest_by = -1
    for index, event in enumerate(case.events):
        if event.happened and event.date is not None and event.date.latest <= on:
            latest_by = index
    done = [index for index in indices if index <= latest_by]
    return done[-1] if done else None


def organisation_status_on(
    case: Case, organisation_id: str, on: datetime.date
) -> OrganisationStatus:
    """The organisation's status on the day ``on``; see :func:`organisation_history`.

    An event happened by ``on`` when it, or an event listed after it, is
    dated no later than ``on``, as for :func:`standing_on`.  Memorial,
    ordered liquidated by Russia's Supreme Court on 28 December 2021, is
    ``liquidated`` from that day.

    Raises:
        UnknownPersonError: when the case has no organisation with that id.
        CustodyError: when ``on`` is not a :class:`datetime.date`.

    """
    day = _check_day(on)
    steps = organisation_history(case, organisation_id)
    last = _last_by(case, [step.index for step in steps], day)
    if last is None:
        return OrganisationStatus.UNKNOWN
    return next(step.status for step in steps if step.index == last)


def designations_in_force(
    case: Case, subject_id: str, on: datetime.date
) -> tuple[Designation, ...]:
    """The designations of a person or organisation of the case in force on the day ``on``.

    A designation event naming them adds its designation; a lifting removes
    those it covers (all when it gives none), in the case's order; an event
    happened by ``on`` as for :func:`standing_on`.  ``subject_id`` is the id
    of a person or an organisation of the case.

    Raises:
        UnknownPersonError: when the case has no person or organisation with that id.
        CustodyError: when ``on`` is not a :class:`datetime.date`.

    """
    day = _check_day(on)
    current: tuple[Designation, ...] = ()
    changes = [
        (index, event)
        for index, event in _subject_events(case, subject_id)
        if event.kind_info.designation is not None
    ]
    last = _last_by(case, [index for index, _ in changes], day)
    for index, event in changes:
        if last is None or index > last:
            break
        current = _designated(current, event)
    return current
