"""Strategies for cases: events, charges and the people they concern (case.json)."""

from __future__ import annotations

import datetime
import functools
import operator
from collections.abc import Sequence
from typing import Any

import attrs
from hypothesis import strategies as st

from .._model.cases import Case, Charge
from .._model.common import PartialDate
from .._model.events import (
    Actor,
    ActorKind,
    CountQualifier,
    CustodyEffect,
    Designation,
    DesignationCategory,
    Event,
    EventKind,
    event_kinds,
)
from .._model.people import Affiliation
from .._model.sentences import Sentence
from ._common import (
    _ids_from,
    _index,
    _marking,
    _optional,
    _optional_tuple,
    _record_strategy,
    _schema,
    _shared,
    _some,
    _subsets,
    countries,
    identifiers,
    partial_dates,
    sources,
    texts,
)
from .laws import (
    law_references,
)
from .people import (
    _unaffiliated_people,
    organisations,
    people,
)
from .sentences import (
    custodial_terms,
    custody_dates,
    reported_amounts,
    sentences,
    statutory_penalties,
    terms,
)

__all__ = ["actors", "cases", "charges", "designations", "event_kind_names", "events"]


def designations() -> st.SearchStrategy[Designation]:
    """Designations of every category; one of the category ``other`` always has a label."""

    @st.composite
    def build(draw: st.DrawFn) -> Designation:
        category = draw(st.sampled_from(DesignationCategory))
        label = draw(_shared(texts) if category is DesignationCategory.OTHER else _optional(texts))
        return Designation(category=category, label=label)

    return build()


def _detail_values(member: str) -> st.SearchStrategy[Any]:
    """Values of an event member that only some kinds carry (``details`` of the vocabulary)."""
    if member == "designation":
        return _shared(designations)
    if member == "term_after":
        return _shared(custodial_terms)
    if member == "reduced_by":
        return _shared(terms)
    if member == "fine":
        return _shared(reported_amounts)
    bounds = _schema("case")["$defs"]["event"]["properties"][member]
    return st.integers(min_value=bounds["minimum"], max_value=bounds["maximum"])


def _details(draw: st.DrawFn, kind: EventKind) -> dict[str, Any]:
    """At most one of the members only the kind carries (its ``details``).

    One at most: term_after or reduced_by, never both.
    """
    member = draw(st.sampled_from((*kind.details, None)))
    return {} if member is None else {member: draw(_detail_values(member))}


def event_kind_names() -> st.SearchStrategy[str]:
    """The kinds of the shipped event vocabulary (:func:`civicspace.cases.event_kinds`)."""
    return st.sampled_from(tuple(event_kinds()))


def events(
    person_ids: Sequence[str] | None = None,
    charge_ids: Sequence[str] | None = None,
    organisation_ids: Sequence[str] | None = None,
) -> st.SearchStrategy[Event]:
    """Events of any kind naming some of ``person_ids``, ``organisation_ids`` and ``charge_ids``.

    ``None`` allows any ids, an empty sequence none.  Every event names at
    least one person or organisation (rule ``event.concerns_nobody``), so
    ``person_ids`` and ``organisation_ids`` are not both empty.  Some events
    carry a ``demanded`` amount; ``in_absentia`` is set only on kinds that can
    happen in absentia.  The events of a valid case come from :func:`cases`,
    which also keeps custody and chronology consistent.
    """
    both_given = person_ids is not None and organisation_ids is not None
    if both_given and not person_ids and not organisation_ids:
        raise ValueError("an event names a person or an organisation: give ids of either")
    some_people = _ids_from(person_ids, min_size=0)
    some_bodies = _ids_from(organisation_ids, min_size=0)
    at_least_one = (
        _ids_from(person_ids, min_size=1)
        if person_ids is None or person_ids
        else _ids_from(organisation_ids, min_size=1)
    )
    concerning = _ids_from(charge_ids, min_size=0)

    @st.composite
    def build(draw: st.DrawFn) -> Event:
        kind = draw(_shared(event_kind_names))
        allowed = event_kinds()[kind].in_absentia
        named: tuple[str, ...] = draw(some_people)
        bodies: tuple[str, ...] = draw(some_bodies)
        if not named and not bodies:
            if person_ids is None or person_ids:
                named = draw(at_least_one)
            else:
                bodies = draw(at_least_one)
        counted = bool(named) and draw(st.booleans())
        return Event(
            kind=kind,
            date=draw(_optional(partial_dates)),
            people=named,
            people_count=len(named) + draw(st.integers(0, 2)) if counted else None,
            people_count_qualifier=draw(st.none() | st.sampled_from(CountQualifier))
            if counted
            else None,
            organisations=bodies,
            subject=draw(_optional(texts)),
            charges=draw(concerning),
            actor=draw(_optional(actors)),
            demanded=draw(_optional(reported_amounts)),
            in_absentia=draw(st.none() | st.booleans()) if allowed else None,
            **_details(draw, event_kinds()[kind]),
            scheduled=draw(st.sampled_from((None, None, False, True))),
            place=draw(_optional(texts)),
            note=draw(_optional(texts)),
            sources=draw(_some(sources, 1)),
        )

    return build()


def charges(person_ids: Sequence[str] | None = None) -> st.SearchStrategy[Charge]:
    """Charges against some of ``person_ids`` (any ids when ``None``), citing any laws.

    Some name no one: the source counts or describes the people charged
    without naming them.
    """
    return st.builds(
        Charge,
        id=_shared(identifiers),
        offence=_shared(texts),
        citations=_some(law_references, 2),
        people=_ids_from(person_ids, min_size=0),
        date=_optional(partial_dates),
        penalty=_optional(statutory_penalties),
        sources=_some(sources, 1),
    )


def _earlier_charge(draw: st.DrawFn, earlier: Sequence[Charge]) -> str | None:
    """Now and then the id of a charge listed above, which a charge replaces (reclassified)."""
    if not earlier or draw(st.integers(0, 3)) != 0:
        return None
    return earlier[draw(_index(len(earlier)))].id


def _as_partial(draw: st.DrawFn, day: datetime.date) -> PartialDate | None:
    precision = draw(st.integers(0, 3))
    if precision == 0:
        return None
    if precision == 1:
        return PartialDate(day.year)
    if precision == 2:
        return PartialDate(day.year, day.month)
    return PartialDate.from_date(day)


def _case_events(
    draw: st.DrawFn,
    days: list[datetime.date],
    person_ids: Sequence[str],
    charge_ids: Sequence[str],
    organisation_ids: Sequence[str] = (),
) -> tuple[tuple[Event, ...], set[str]]:
    """Events on ``days`` in date order with custody kept consistent; also the people ever held.

    Each day is cut to a random precision (or left out), so no event is
    certainly earlier than one listed above it.  A kind that needs custody
    names only people then held (an arrest is drawn instead when none is);
    ``in_absentia`` is true only when nobody named is held; a scheduled
    event changes nobody's custody.  Events name
    some of ``organisation_ids`` too, and at least one person or
    organisation; ``person_ids`` and ``organisation_ids`` are not both empty.
    """
    kinds = event_kinds()
    arrest = next(name for name, kind in kinds.items() if kind.custody is CustodyEffect.BEGINS)
    held: set[str] = set()
    ever_held: set[str] = set()
    found = []
    for day in sorted(days):
        name = draw(_shared(event_kind_names))
        eligible: Sequence[str] = person_ids
        if kinds[name].requires_custody:
            eligible = [p for p in person_ids if p in held]
        if not eligible and person_ids:
            name, eligible = arrest, person_ids
        kind = kinds[name]
        bodies: tuple[str, ...] = ()
        if organisation_ids:
            bodies = tuple(organisation_ids[i] for i in draw(_subsets(len(organisation_ids), 0)))
        named: tuple[str, ...] = ()
        if eligible:
            named = tuple(eligible[i] for i in draw(_subsets(len(eligible), 0 if bodies else 1)))
        if not named and not bodies:
            bodies = (organisation_ids[draw(_index(len(organisation_ids)))],)
        in_absentia = None
        if kind.in_absentia:
            in_absentia = draw(st.sampled_from((None, False, True)))
            if in_absentia and held.intersection(named):
                in_absentia = False
        scheduled = draw(st.sampled_from((None, None, None, False, True)))
        if scheduled:
            pass
        elif kind.custody is CustodyEffect.BEGINS:
            held.update(named)
            ever_held.update(named)
        elif kind.custody is CustodyEffect.ENDS:
            held.difference_update(named)
        concerning = () if not charge_ids else draw(_subsets(len(charge_ids), 0))
        found.append(
            Event(
                kind=name,
                date=_as_partial(draw, day),
                people=named,
                organisations=bodies,
                charges=tuple(charge_ids[i] for i in concerning),
                demanded=draw(_optional(reported_amounts)),
                in_absentia=in_absentia,
                **_details(draw, kind),
                scheduled=scheduled,
                place=draw(_optional(texts)),
                note=draw(_optional(texts)),
                sources=draw(_some(sources, 1)),
            )
        )
    return tuple(found), ever_held


def _affiliated(draw: st.DrawFn, persons: Sequence[Any], bodies: Sequence[Any]) -> list[Any]:
    """``persons`` affiliated to some of ``bodies`` (none when there are none)."""
    if not bodies:
        return list(persons)
    return [
        attrs.evolve(
            person,
            affiliations=tuple(
                Affiliation(organisation=bodies[i].id, role=draw(_optional(texts)))
                for i in draw(_subsets(len(bodies), 0))
            ),
        )
        for person in persons
    ]


_BY_ID = operator.attrgetter("id")


@functools.cache
def _case_parts() -> st.SearchStrategy[dict[str, Any]]:
    """Everything a case draws in one go, built once (Hypothesis validates it once)."""
    return st.fixed_dictionaries(
        {
            "id": identifiers(),
            "country": countries(),
            "title": texts(),
            "summary": st.none() | texts(200),
            "organisations": st.lists(organisations(), max_size=2, unique_by=_BY_ID),
            "people": st.lists(people(()), max_size=3, unique_by=_BY_ID),
            "charges": st.lists(charges(("placeholder",)), max_size=2, unique_by=_BY_ID),
            "sentences": st.lists(sentences(), max_size=2),
            "sources": _optional_tuple(sources(), max_size=2),
            "days": st.lists(custody_dates(), max_size=6),
        }
    )


@_record_strategy(Case)
def cases() -> st.SearchStrategy[Case]:
    """Cases that pass every ``case.*`` rule, by construction.

    Ids are unique per kind; events, charges, sentences and affiliations
    name only people, charges and organisations of the case; events are in
    date order with custody consistent (see :func:`events`); a sentence in
    absentia is only ever on someone never held in the case.  Some cases
    concern organisations only: they have no charges and no sentences.
    """

    @st.composite
    def build(draw: st.DrawFn) -> Case:
        parts = draw(_case_parts())
        bodies = parts["organisations"]
        persons = _affiliated(draw, parts["people"], bodies)
        if not persons and not bodies:
            persons = [draw(_shared(_unaffiliated_people))]
        person_ids = [person.id for person in persons]
        if not persons:
            parts = {**parts, "charges": [], "sentences": []}
        charged = [
            attrs.evolve(
                charge,
                people=tuple(person_ids[i] for i in draw(_subsets(len(persons), 0))),
                replaces=_earlier_charge(draw, parts["charges"][:index]),
            )
            for index, charge in enumerate(parts["charges"])
        ]
        happened, ever_held = _case_events(
            draw,
            parts["days"],
            person_ids,
            [charge.id for charge in charged],
            [body.id for body in bodies],
        )
        imposed = []
        for sentence in parts["sentences"]:
            person = person_ids[draw(_index(len(person_ids)))]
            absent = None if sentence.in_absentia and person in ever_held else sentence.in_absentia
            imposed.append(attrs.evolve(sentence, person=person, in_absentia=absent))
        imposed = _related_sentences(draw, imposed)
        named = list(dict.fromkeys(s.id for s in imposed if s.id is not None))
        if named:
            happened = tuple(
                attrs.evolve(
                    event, sentences=tuple(named[i] for i in draw(_subsets(len(named), 0)))
                )
                for event in happened
            )
        return Case(
            id=parts["id"],
            country=parts["country"],
            title=parts["title"],
            summary=parts["summary"],
            people=tuple(persons),
            organisations=tuple(bodies),
            events=happened,
            charges=tuple(charged),
            sentences=tuple(imposed),
            sources=parts["sources"],
        )

    return _marking(build(), ("country", "title"))


def _imposed_later(sentence: Sentence, other: Sentence) -> bool:
    """Whether ``sentence`` was certainly imposed after ``other``: it cannot be included then."""
    if sentence.imposed_on is None or other.imposed_on is None:
        return False
    return other.imposed_on.before(sentence.imposed_on) is True


def _related_sentences(draw: st.DrawFn, imposed: Sequence[Sentence]) -> list[Sentence]:
    """``imposed`` with ids unique in the case, now and then related to each other.

    A sentence may include, follow or run concurrently with an earlier sentence of the same
    person (never include one imposed after it); it never follows one
    another includes, so the relations pass every ``case.sentence_*`` rule.
    """
    found = [
        attrs.evolve(sentence, id=None if sentence.id is None else f"{sentence.id[:190]}-{index}")
        for index, sentence in enumerate(imposed)
    ]
    for index, sentence in enumerate(found):
        earlier = [
            i
            for i in range(index)
            if found[i].person == sentence.person and not _imposed_later(found[i], sentence)
        ]
        chosen = [i for i in earlier if draw(st.booleans())]
        if not chosen:
            continue
        named = []
        for i in chosen:
            if found[i].id is None:
                found[i] = attrs.evolve(found[i], id=f"sentence-{i}")
            named.append(str(found[i].id))
        found[index] = attrs.evolve(sentence, includes=tuple(named))
    included = {name for sentence in found for name in sentence.includes}
    for index, sentence in enumerate(found):
        if sentence.term is None or not draw(st.booleans()):
            continue
        earlier = [
            i
            for i in range(index)
            if found[i].person == sentence.person
            and (found[i].id is None or found[i].id not in included)
            and (found[i].id is None or found[i].id not in sentence.includes)
        ]
        if earlier:
            i = draw(st.sampled_from(earlier))
            if found[i].id is None:
                found[i] = attrs.evolve(found[i], id=f"sentence-{i}")
            if draw(st.booleans()):
                found[index] = attrs.evolve(sentence, follows=found[i].id)
            else:
                found[index] = attrs.evolve(sentence, concurrent_with=found[i].id)
    return found


def actors() -> st.SearchStrategy[Actor]:
    """Who carried out an event: a name and a kind of body."""
    return st.builds(Actor, name=texts(), kind=st.sampled_from(ActorKind))
