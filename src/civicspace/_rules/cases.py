"""The cross-field rules of a case, each yielding ``(path, message)`` for every breach.

:mod:`civicspace._rules.engine` registers each under its ``case.*`` code.  Paths
are relative to the case (``$.events[2].date``).  Dates are compared with
:meth:`PartialDate.before <civicspace.PartialDate.before>`, so a rule fires
only when the dates' precision shows the breach ("2021-05" is not before
"2021-05-05"): no false alarms from partial dates.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from .._model.cases import (
    Case,
    ChargeVerdicts,
    Stay,
    TimelineStep,
    standing_charges_of,
    stays_in,
    timeline,
)
from .._model.events import CustodyEffect, Event, event_kinds
from .._model.sentences import NonCustodialKind, Sentence
from .._model.terms import IncomparableTermsError, Life, Term, TermRange
from .._util.echo import quoted
from .._util.memo import per_run
from .engine import Finding, check

__all__ = [
    "charges_replacing_themselves",
    "concerns_nobody",
    "duplicate_ids",
    "fine_given_twice",
    "in_absentia_misplaced",
    "in_absentia_while_detained",
    "release_before_detention",
    "release_while_not_detained",
    "sentence_duplicate_ids",
    "sentence_relations_invalid",
    "sentence_unknown_references",
    "unresolved_references",
    "verdict_before_arrest",
]


@per_run
def _walks(case: Case) -> dict[str, tuple[tuple[TimelineStep, ...], tuple[Stay, ...]]]:
    """Every person's :func:`timeline` and :func:`stays`, by id, from one walk of the events.

    The same steps :func:`timeline` gives for each person of the case, found
    in one pass over the events for them all rather than one pass per person.
    """
    steps: dict[str, list[TimelineStep]] = {person.id: [] for person in case.people}
    held: dict[str, int | None] = dict.fromkeys(steps)
    verdicts: dict[str, ChargeVerdicts] = {}
    begins, ends = CustodyEffect.BEGINS, CustodyEffect.ENDS
    for index, event in enumerate(case.events):
        named = event.people
        if not named or event.scheduled:
            continue
        kind = event.kind_info
        custody = kind.custody
        for person in dict.fromkeys(named) if len(named) > 1 else named:
            found = steps.get(person)
            if found is None:
                continue
            before = held[person]
            if event.charges and kind.outcome is not None:
                tracker = verdicts.get(person)
                if tracker is None:
                    tracker = verdicts[person] = ChargeVerdicts(standing_charges_of(case, person))
                overridden = tracker.overall(event, kind) is not None
            else:
                overridden = False
            if overridden:
                after: int | None = before
            elif custody is begins and before is None:
                after = index
            elif custody is ends:
                after = None
            else:
                after = before
            held[person] = after
            found.append(
                TimelineStep(index, event, kind, before is not None, before, after is not None)
            )
    # Tuples from lists: a tuple built from a generator bypasses the tuple free list, which then
    # grows (up to its limit) with the number of records streamed.
    return {person: (tuple(found), stays_in(found)) for person, found in steps.items()}


def _stays(case: Case, person_id: str) -> tuple[Stay, ...]:
    """:func:`stays`, found once for every person in a run of the checks."""
    walk = _walks(case).get(person_id)
    return stays_in(timeline(case, person_id)) if walk is None else walk[1]


def duplicate_ids(case: Case) -> Iterator[Finding]:
    """Ids are unique within a case, per kind: people, organisations and charges."""
    for member, noun in (
        ("people", "person"),
        ("organisations", "organisation"),
        ("charges", "charge"),
    ):
        first: dict[str, int] = {}
        for index, item in enumerate(getattr(case, member)):
            seen = first.setdefault(item.id, index)
            if seen != index:
                yield (
                    f"$.{member}[{index}].id",
                    f"the {noun} id {quoted(item.id)} is already used at $.{member}[{seen}]",
                )


def unresolved_references(case: Case) -> Iterator[Finding]:
    """Every person, organisation and charge that the case's records name is one of the case's.

    Events name people, organisations and charges, charges name people,
    sentences name a person, and people's affiliations name organisations.
    """
    people = {person.id for person in case.people}
    organisations = {organisation.id for organisation in case.organisations}
    charges = {charge.id for charge in case.charges}

    def missing(noun: str, member: str, name: str) -> str:
        return f"no {noun} with id {quoted(name)} in this case's {member}"

    for index, person in enumerate(case.people):
        for inner, affiliation in enumerate(person.affiliations):
            if affiliation.organisation not in organisations:
                yield (
                    f"$.people[{index}].affiliations[{inner}].organisation",
                    missing("organisation", "organisations", affiliation.organisation),
                )
    for index, event in enumerate(case.events):
        for inner, name in enumerate(event.people):
            if name not in people:
                yield f"$.events[{index}].people[{inner}]", missing("person", "people", name)
        for inner, name in enumerate(event.organisations):
            if name not in organisations:
                yield (
                    f"$.events[{index}].organisations[{inner}]",
                    missing("organisation", "organisations", name),
                )
        for inner, name in enumerate(event.charges):
            if name not in charges:
                yield f"$.events[{index}].charges[{inner}]", missing("charge", "charges", name)
    for index, charge in enumerate(case.charges):
        for inner, name in enumerate(charge.people):
            if name not in people:
                yield f"$.charges[{index}].people[{inner}]", missing("person", "people", name)
        if charge.replaces is not None and charge.replaces not in charges:
            yield f"$.charges[{index}].replaces", missing("charge", "charges", charge.replaces)
    for index, sentence in enumerate(case.sentences):
        if sentence.person not in people:
            yield (
                f"$.sentences[{index}].person",
                missing("person", "people", sentence.person),
            )


def charges_replacing_themselves(case: Case) -> Iterator[Finding]:
    """A charge replaces another charge, never itself, nor through a chain that comes back to it."""
    replaces = {charge.id: charge.replaces for charge in case.charges}
    for index, charge in enumerate(case.charges):
        seen = {charge.id}
        step = charge.replaces
        while step is not None and step not in seen:
            seen.add(step)
            step = replaces.get(step)
        if step is not None:
            yield (
                f"$.charges[{index}].replaces",
                f"the charge {quoted(charge.id)} replaces itself through the charges it replaces; "
                "name the earlier charge it reclassifies",
            )


def concerns_nobody(case: Case) -> Iterator[Finding]:
    """A case concerns someone: a person, an organisation, or people or a subject of its events."""
    unnamed = any(event.people_count or event.subject for event in case.events)
    if not case.people and not case.organisations and not unnamed:
        yield "$", "the case lists no people and no organisations; give whom it concerns"


def _words(kind: str) -> str:
    return kind.replace("_", " ")


def verdict_before_arrest(case: Case) -> Iterator[Finding]:
    """A verdict (conviction, sentence, acquittal) is not dated before the arrest it follows.

    The arrest it follows is the last dated event naming the same person,
    listed above the verdict, that puts them in custody (an arrest or
    pre-trial detention); an undated one in between does not hide it.
    Reported once per pair of events, at the verdict's date.
    """
    reported: set[tuple[int, int]] = set()
    for steps, _ in _walks(case).values():
        arrest: int | None = None
        for step in steps:
            if step.kind.verdict and arrest is not None and (step.index, arrest) not in reported:
                arrested, decided = case.events[arrest].date, step.event.date
                if arrested is not None and decided is not None and decided.before(arrested):
                    reported.add((step.index, arrest))
                    yield (
                        f"$.events[{step.index}].date",
                        f"the {_words(step.event.kind)} on {decided} is dated before the "
                        f"{_words(case.events[arrest].kind)} it follows, on {arrested} "
                        f"($.events[{arrest}])",
                    )
            # An undated detention listed in between says nothing of when custody
            # began: the verdict still follows the last dated one.
            if step.kind.custody is CustodyEffect.BEGINS and step.event.date is not None:
                arrest = step.index


def release_before_detention(case: Case) -> Iterator[Finding]:
    """An event that ends someone's custody (bail, release, ...) is not dated before it began.

    Reported once per pair of events, at the date of the event that ends
    the custody.
    """
    reported: set[tuple[int, int]] = set()
    for _, spells in _walks(case).values():
        for stay in spells:
            if stay.end is None or (stay.end, stay.begin) in reported:
                continue
            began, ended = case.events[stay.begin].date, case.events[stay.end].date
            if began is not None and ended is not None and ended.before(began):
                reported.add((stay.end, stay.begin))
                yield (
                    f"$.events[{stay.end}].date",
                    f"the {_words(case.events[stay.end].kind)} on {ended} is dated before the "
                    f"{_words(case.events[stay.begin].kind)} it ends, on {began} "
                    f"($.events[{stay.begin}])",
                )


def release_while_not_detained(case: Case) -> Iterator[Finding]:
    """A bail or release (a kind with ``requires_custody``) concerns no one known to be free.

    A person is known to be free when an event listed above ended their
    custody (a bail, a release, an acquittal) and none put them back: bailed
    twice, say.  A bail or release with no custody listed above at all is
    not reported: sources often report a release on bail without the arrest
    before it, and that is a gap in the record, not a contradiction.
    """
    for person_id, (steps, _) in _walks(case).items():
        ended: int | None = None
        for step in steps:
            if step.kind.requires_custody and not step.held_before and ended is not None:
                where = step.event.people.index(person_id)
                yield (
                    f"$.events[{step.index}].people[{where}]",
                    f"{quoted(person_id)} cannot be released here ({_words(step.event.kind)}): "
                    f"their custody ended at $.events[{ended}] and no event since puts them "
                    "back in custody",
                )
            if step.held_before and not step.held_after:
                ended = step.index


def in_absentia_while_detained(case: Case) -> Iterator[Finding]:
    """What happens in absentia happens to someone not in custody at the time.

    An event in absentia is checked against the custody the events listed
    above it put the person in.  A sentence in absentia is checked by date:
    it is reported when its date is certainly after a spell in custody began
    and certainly before it ended (or no event ended it).
    """
    for person_id, (steps, _) in _walks(case).items():
        for step in steps:
            if step.event.in_absentia and step.held_before:
                yield (
                    f"$.events[{step.index}].in_absentia",
                    f"{quoted(person_id)} is in custody here (since $.events[{step.held_since}]), "
                    f"so the {_words(step.event.kind)} cannot be in absentia",
                )
    for index, sentence in enumerate(case.sentences):
        imposed = sentence.imposed_on
        if not sentence.in_absentia or imposed is None:
            continue
        for stay in _stays(case, sentence.person):
            began = case.events[stay.begin].date
            ended = None if stay.end is None else case.events[stay.end].date
            if began is None or not began.before(imposed):
                continue
            if stay.end is None or (ended is not None and imposed.before(ended)):
                until = "with no release listed" if stay.end is None else f"until {ended}"
                yield (
                    f"$.sentences[{index}].in_absentia",
                    f"{quoted(sentence.person)} was in custody from {began} "
                    f"($.events[{stay.begin}]) "
                    f"{until}, so the sentence of {imposed} cannot be in absentia",
                )
                break


def in_absentia_misplaced(case: Case) -> Iterator[Finding]:
    """Only events of a kind that can happen in the person's absence say ``in_absentia``."""
    kinds = event_kinds()
    for index, event in enumerate(case.events):
        if event.in_absentia is not None and not kinds[event.kind].in_absentia:
            allowed = ", ".join(name for name, kind in kinds.items() if kind.in_absentia)
            yield (
                f"$.events[{index}].in_absentia",
                f"an event of kind {quoted(event.kind)} does not happen in absentia; "
                f"only these kinds say in_absentia: {allowed}",
            )


@check(
    Event,
    "event.people_count_mismatch",
    "An event lists more people than the number the source states it concerned.",
)
def people_count_matches(event: Event) -> Iterator[Finding]:
    """An event lists no more people than the source counts; the others are unnamed."""
    if event.people_count is not None and event.people_count < len(event.people):
        listed = len(event.people)
        yield (
            "$.people_count",
            f"the source says {event.people_count} people and the event lists {listed}",
        )


@functools.cache
def _detail_kinds() -> dict[str, tuple[str, ...]]:
    """Each event member that only some kinds carry, with those kinds, in the vocabulary's order."""
    found: dict[str, list[str]] = {}
    for name, info in event_kinds().items():
        for member in info.details:
            found.setdefault(member, []).append(name)
    return {member: tuple(kinds) for member, kinds in found.items()}


@check(
    Event,
    "event.concerns_nobody",
    "An event names no people (by id or by count), no organisations of its case and no subject.",
)
def concerns_somebody(event: Event) -> Iterator[Finding]:
    """An event concerns someone: people (named or counted), organisations, or a subject."""
    if (
        not event.people
        and event.people_count is None
        and not event.organisations
        and event.subject is None
    ):
        yield (
            "$",
            "the event names no people, no organisations and no subject; give whom it concerns",
        )


@check(
    Event,
    "event.detail_misplaced",
    (
        "An event gives a member that only some kinds carry (a designation, a term_after or "
        "reduced_by, lashes) though its kind does not, or gives both term_after and reduced_by."
    ),
)
def details_fit_the_kind(event: Event) -> Iterator[Finding]:
    """Each detail of an event is one its kind carries (``details`` in ``data/event_kinds.json``).

    A designation only on a kind that imposes or lifts one; a term change only on one that
    changes a term (a commutation, a reduction), and then as term_after or reduced_by, not both;
    lashes only on a corporal punishment carried out.
    """
    carried = event.kind_info.details
    for member, kinds in _detail_kinds().items():
        if member not in carried and getattr(event, member) is not None:
            yield (
                f"$.{member}",
                f"an event of kind {event.kind!r} carries no {member}; only these kinds do: "
                f"{', '.join(kinds)}",
            )
    if event.term_after is not None and event.reduced_by is not None:
        yield (
            "$.reduced_by",
            "give the term after the change (term_after) or the reduction (reduced_by), not both",
        )


@check(
    Sentence,
    "sentence.suspended_exceeds_term",
    "A sentence's suspended part is longer than its term, from some start dates or all.",
)
def suspended_within_term(sentence: Sentence) -> Iterator[Finding]:
    """A suspended part is no longer than the term (a range's maximum) from any start date."""
    term, suspended = sentence.term, sentence.suspended
    if not isinstance(suspended, Term) or term is None or isinstance(term, Life):
        return
    longest = term.maximum if isinstance(term, TermRange) else term
    try:
        if not suspended <= longest:
            yield "$.suspended", f"the suspended part {suspended} is longer than the term {term}"
    except IncomparableTermsError:
        yield (
            "$.suspended",
            (f"the suspended part {suspended} ends after the term {term} from some start dates"),
        )


check(
    Case,
    "case.charge_replaces_itself",
    "A charge's replaces names the charge itself, or a chain of replacements comes back to it.",
)(charges_replacing_themselves)


check(
    Case,
    "case.concerns_nobody",
    "A case lists neither people nor organisations, and none of its events counts unnamed people.",
)(concerns_nobody)


check(
    Case,
    "case.duplicate_id",
    "Two people, two organisations or two charges of one case have the same id.",
)(duplicate_ids)


check(
    Case,
    "case.in_absentia_misplaced",
    "An event says in_absentia though its kind cannot happen in absentia (an arrest, say).",
)(in_absentia_misplaced)


check(
    Case,
    "case.in_absentia_while_detained",
    "An event or sentence in absentia concerns someone in custody at the time.",
)(in_absentia_while_detained)


check(
    Case,
    "case.release_before_detention",
    "A bail, release or other end of custody is dated before the custody it ends began.",
)(release_before_detention)


check(
    Case,
    "case.release_while_not_detained",
    "A bail or release concerns someone whose custody an event listed above ended.",
)(release_while_not_detained)


check(
    Case,
    "case.unresolved_reference",
    (
        "An event, charge, sentence or affiliation names a person, charge or organisation that "
        "the case does not have (a charge's replaces included)."
    ),
)(unresolved_references)


check(
    Case,
    "case.verdict_before_arrest",
    "A conviction, sentence or acquittal is dated before the arrest or detention it follows.",
)(verdict_before_arrest)


# -- How sentences refer to each other, and what one sentence states ------------------------------


def _sentence_ids(case: Case) -> dict[str, int]:
    """The first position of each sentence id of the case."""
    first: dict[str, int] = {}
    for index, sentence in enumerate(case.sentences):
        if sentence.id is not None:
            first.setdefault(sentence.id, index)
    return first


def _references(sentence: Sentence) -> Iterator[tuple[str, str]]:
    """Each id a sentence refers to, with the path of the reference within the sentence."""
    for inner, name in enumerate(sentence.includes):
        yield f"includes[{inner}]", name
    if sentence.follows is not None:
        yield "follows", sentence.follows
    if sentence.concurrent_with is not None:
        yield "concurrent_with", sentence.concurrent_with


def sentence_duplicate_ids(case: Case) -> Iterator[Finding]:
    """Each sentence id is used once among the case's sentences."""
    first = _sentence_ids(case)
    for index, sentence in enumerate(case.sentences):
        if sentence.id is not None and first[sentence.id] != index:
            yield (
                f"$.sentences[{index}].id",
                f"the sentence id {quoted(sentence.id)} is already used at "
                f"$.sentences[{first[sentence.id]}]",
            )


def sentence_unknown_references(case: Case) -> Iterator[Finding]:
    """Every sentence id that sentences and events name is one of the case's.

    A sentence's includes, follows and concurrent_with, and an event's sentences.
    """
    first = _sentence_ids(case)
    for index, sentence in enumerate(case.sentences):
        for member, name in _references(sentence):
            if name not in first:
                yield (
                    f"$.sentences[{index}].{member}",
                    f"no sentence with id {quoted(name)} in this case's sentences",
                )
    for index, event in enumerate(case.events):
        for inner, name in enumerate(event.sentences):
            if name not in first:
                yield (
                    f"$.events[{index}].sentences[{inner}]",
                    f"no sentence with id {quoted(name)} in this case's sentences",
                )


def _follows_cycle(case: Case, first: dict[str, int], start: int) -> bool:
    """Whether the chain of follows from the sentence at ``start`` comes back to it."""
    seen = {start}
    current = case.sentences[start]
    while current.follows is not None and current.follows in first:
        position = first[current.follows]
        if position == start:
            return True
        if position in seen:
            return False  # a cycle further on, reported from a sentence in it
        seen.add(position)
        current = case.sentences[position]
    return False


def _imposed_after(sentence: Sentence, other: Sentence) -> bool:
    """Whether ``sentence`` was certainly imposed after ``other``, by their dates."""
    if sentence.imposed_on is None or other.imposed_on is None:
        return False
    return other.imposed_on.before(sentence.imposed_on) is True


def _includes_reach(case: Case, first: dict[str, int], start: str, target: str) -> bool:
    """Whether the sentence ``start`` includes ``target``, directly or through others."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        name = todo.pop()
        if name in seen or name not in first:
            continue
        seen.add(name)
        included = case.sentences[first[name]].includes
        if target in included:
            return True
        todo.extend(included)
    return False


def sentence_relations_invalid(case: Case) -> Iterator[Finding]:
    """Includes and follows relate a sentence to other sentences of the same person, soundly.

    A sentence includes, follows or runs concurrently with only sentences of
    its own person, never itself; it includes none imposed after it (by
    dates that tell); it does not follow, nor run concurrently with, a
    sentence another includes; it does not both follow one and run
    concurrently with one (the combined
    sentence stands for it); no chain of follows comes back to where it
    began; no chain of includes comes back to where it began.
    """
    first = _sentence_ids(case)
    included: dict[str, int] = {}
    for index, sentence in enumerate(case.sentences):
        for name in sentence.includes:
            included.setdefault(name, index)
    for index, sentence in enumerate(case.sentences):
        for member, name in _references(sentence):
            target = first.get(name)
            if target is None:
                continue  # case.sentence_unknown_reference
            other = case.sentences[target]
            path = f"$.sentences[{index}].{member}"
            if target == index:
                yield path, f"the sentence {quoted(name)} refers to itself"
            elif other.person != sentence.person:
                yield (
                    path,
                    f"the sentence {quoted(name)} is of {quoted(other.person)}, not of "
                    f"{quoted(sentence.person)}: a sentence relates only to the same person's",
                )
            elif member in ("follows", "concurrent_with") and name in included:
                yield (
                    path,
                    f"the sentence {quoted(name)} is included in $.sentences[{included[name]}]; "
                    "follow that sentence, which stands for it",
                )
            elif (
                member.startswith("includes")
                and sentence.id is not None
                and _includes_reach(case, first, name, sentence.id)
            ):
                yield (
                    path,
                    f"the sentence {quoted(name)} includes {quoted(sentence.id)}, directly or "
                    "through others: sentences cannot include one another in a cycle",
                )
            elif member.startswith("includes") and _imposed_after(other, sentence):
                yield (
                    path,
                    f"the sentence {quoted(name)} was imposed on {other.imposed_on}, after this "
                    f"one ({sentence.imposed_on}): a sentence includes only earlier ones",
                )
        if sentence.follows is not None and sentence.concurrent_with is not None:
            yield (
                f"$.sentences[{index}].concurrent_with",
                "a term runs after another (follows) or concurrently with one, not both",
            )
        if sentence.follows is not None and _follows_cycle(case, first, index):
            yield (
                f"$.sentences[{index}].follows",
                "the sentences follow one another in a cycle: one of them must begin first",
            )


@check(
    Sentence,
    "sentence.fine_given_twice",
    "A sentence gives a fine with its amount and also a fine without one (non_custodial fine).",
)
def fine_given_twice(sentence: Sentence) -> Iterator[Finding]:
    """A fine with its amount is the sentence's fine; the fine kind is for one without an amount."""
    if sentence.fine is None:
        return
    for inner, penalty in enumerate(sentence.non_custodial):
        if penalty.kind is NonCustodialKind.FINE:
            yield (
                f"$.non_custodial[{inner}]",
                "the sentence gives its fine with an amount: a non-custodial fine is for a fine "
                "the source names without one; leave this out (a second fine of unstated amount "
                "is a sentence of its own)",
            )


check(
    Case,
    "case.sentence_duplicate_id",
    "Two sentences of one case have the same id.",
)(sentence_duplicate_ids)


check(
    Case,
    "case.sentence_unknown_reference",
    (
        "A sentence includes, follows or runs concurrently with, or an event names, an id no "
        "sentence of the case has."
    ),
)(sentence_unknown_references)


check(
    Case,
    "case.sentence_relation_invalid",
    (
        "A sentence includes, follows or runs concurrently with itself or another person's "
        "sentence, includes a later one, follows (or runs concurrently with) a sentence another "
        "includes, both follows and runs concurrently, the sentences follow one another in a "
        "cycle, or two include each other."
    ),
)(sentence_relations_invalid)
