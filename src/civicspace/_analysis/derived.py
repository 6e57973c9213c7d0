"""Derived values: include them, or leave them out of what a program counts.

A record marks each value that rests on a reading rather than a quote in its
``derived`` member (:class:`~civicspace.common.Derivation`).  :func:`without_derived`
returns the records with every marked value taken out, so that any count
(:func:`~civicspace.analysis.summarise`, :func:`~civicspace.analysis.conflicts`, a table) can be
made of what the texts state alone.
"""

from __future__ import annotations

from typing import Any, TypeVar, overload

import attrs

from .._model.cases import Case
from .._model.collection import Collection
from .._model.common import Derivation, DerivationKind, member_steps
from ..errors import CivicspaceError

__all__ = ["derived_values", "without_derived"]

R = TypeVar("R")

_DROP: Any = object()  # the value, the item or the record cannot stand without the derived value


def _steps_of(derived: tuple[Derivation, ...]) -> list[tuple[str | int, ...]]:
    return [member_steps(derivation.member) for derivation in derived]


def _default_of(field: attrs.Attribute[Any]) -> Any:
    default = field.default
    if default is attrs.NOTHING:
        return _DROP
    factory = getattr(default, "factory", None)
    return default if factory is None else factory()


def _pruned(obj: Any, paths: list[tuple[str | int, ...]]) -> Any:
    """``obj`` with the members at ``paths`` unset or removed, or ``_DROP``."""
    if not paths or not attrs.has(type(obj)):
        return obj
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(obj)):
        mine = [path[1:] for path in paths if path[0] == field.name]
        if not mine:
            continue
        value = getattr(obj, field.name)
        if () in mine:
            replacement = _default_of(field)
        elif isinstance(value, tuple):
            items = []
            for index, item in enumerate(value):
                inner = [path[1:] for path in mine if path[0] == index]
                kept = _DROP if () in inner else _pruned(item, inner)
                if kept is not _DROP:
                    items.append(kept)
            replacement = tuple(items)
            if not replacement and _default_of(field) is _DROP:
                replacement = _DROP
        else:
            replacement = _pruned(value, mine)
            if replacement is _DROP:
                replacement = _default_of(field)
        if replacement is _DROP:
            return _DROP
        changes[field.name] = replacement
    try:
        return attrs.evolve(obj, **changes)
    except (CivicspaceError, ValueError, TypeError):
        return _DROP


def _without_unknown_people(case: Case) -> Case:
    """The case without references to people it no longer has.

    Its events, charges and sentences lose them; an event that then concerns
    nobody goes too.
    """
    known = {person.id for person in case.people}
    events = []
    for event in case.events:
        people = tuple(person for person in event.people if person in known)
        if people or event.people_count is not None or event.organisations:
            events.append(event if people == event.people else attrs.evolve(event, people=people))
    charges = tuple(
        charge
        if set(charge.people) <= known
        else attrs.evolve(charge, people=tuple(p for p in charge.people if p in known))
        for charge in case.charges
    )
    sentences = tuple(sentence for sentence in case.sentences if sentence.person in known)
    return attrs.evolve(case, events=tuple(events), charges=charges, sentences=sentences)


def _record_without_derived(record: Any, kinds: frozenset[DerivationKind] | None) -> Any:
    derived: tuple[Derivation, ...] = getattr(record, "derived", ())
    chosen = tuple(d for d in derived if kinds is None or d.how in kinds)
    if not chosen:
        return record
    kept = tuple(d for d in derived if d not in chosen)
    pruned = _pruned(attrs.evolve(record, derived=()), _steps_of(chosen))
    if pruned is _DROP:
        return _DROP
    if isinstance(pruned, Case):
        pruned = _without_unknown_people(pruned)
    # The marks left point at members whose indexes may have moved: keep them only when
    # nothing was taken out of a sequence.
    return attrs.evolve(pruned, derived=kept if _same_shape(record, pruned) else ())


def _same_shape(before: Any, after: Any) -> bool:
    if isinstance(before, tuple):
        return (
            isinstance(after, tuple)
            and len(before) == len(after)
            and all(_same_shape(b, a) for b, a in zip(before, after, strict=True))
        )
    if attrs.has(type(before)) and type(before) is type(after):
        return all(
            _same_shape(getattr(before, field.name), getattr(after, field.name))
            for field in attrs.fields(type(before))
            if field.name != "derived"
        )
    return True


@overload
def without_derived(
    records: Collection, *, kinds: frozenset[DerivationKind] | None = None
) -> Collection: ...


@overload
def without_derived(records: R, *, kinds: frozenset[DerivationKind] | None = None) -> R | None: ...


def without_derived(records: Any, *, kinds: frozenset[DerivationKind] | None = None) -> Any:
    """The records with every derived value taken out: what the texts state alone.

    ``records`` is a :class:`~civicspace.Collection` or one record (a case,
    a rating, a law, a statement, a session).  Each value a record marks in
    its ``derived`` member is taken out: an optional member is left unset
    (an inferred event date, a counted ``people_count``), an item of a
    sequence is removed (a person merged from two spellings, with the
    case's references to them), and a record that cannot stand without
    the value (a rating whose date is inferred, a case whose country is)
    is left out of the collection, so that a count made of the result
    counts stated facts only.  References from other records to a record
    left out are not followed.

    Args:
        records: A collection or one record.
        kinds: Take out only the values derived in these ways; ``None``
            (the default) takes out every derived value.

    Returns:
        The records without the derived values; for one record that
        cannot stand without them, ``None``.

    """
    chosen = None if kinds is None else frozenset(kinds)
    if isinstance(records, Collection):
        changes = {}
        for field in attrs.fields(Collection):
            kept = [
                _record_without_derived(record, chosen) for record in getattr(records, field.name)
            ]
            changes[field.name] = tuple(record for record in kept if record is not _DROP)
        return attrs.evolve(records, **changes)
    pruned = _record_without_derived(records, chosen)
    return None if pruned is _DROP else pruned


def derived_values(records: Collection | Any) -> tuple[tuple[str, Derivation], ...]:
    """Every derivation in ``records``, with the path of the value it marks, in document order.

    Paths are from the root: ``$.cases[6].events[0].date`` in a collection,
    ``$.events[0].date`` for one record.
    """
    found: list[tuple[str, Derivation]] = []
    if isinstance(records, Collection):
        for field in attrs.fields(Collection):
            for index, record in enumerate(getattr(records, field.name)):
                where = f"$.{field.name}[{index}]"
                found.extend(
                    (f"{where}.{derivation.member}", derivation)
                    for derivation in getattr(record, "derived", ())
                )
    else:
        found.extend(
            (f"$.{derivation.member}", derivation) for derivation in getattr(records, "derived", ())
        )
    return tuple(found)
