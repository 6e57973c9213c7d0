"""References between records: what each record type refers to, by type and id."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from .._model.cases import Case
from .._model.elections import Election
from .._model.people import PersonRecord
from .._model.statements import Statement


@attrs.frozen
class Reference:
    """A record's reference to another record, by record type and id.

    Attributes:
        path: Where the reference stands, relative to the referring record
            (``$.charges[0].law``).
        record_type: The record type referred to (``"law"``, ``"case"``, ...).
        id: The id referred to.
    """

    path: str
    record_type: str
    id: str


ReferenceFinder = Callable[[Any], Iterable[Reference]]


_FINDERS: dict[type[Any], list[ReferenceFinder]] = {}


def register_references(cls: type[Any]) -> Callable[[ReferenceFinder], ReferenceFinder]:
    """Register a function listing the references that records of ``cls`` make."""

    def register(finder: ReferenceFinder) -> ReferenceFinder:
        _FINDERS.setdefault(cls, []).append(finder)
        return finder

    return register


def references(record: Any) -> Iterator[Reference]:
    """Every reference that ``record`` makes to other records."""
    for finder in _FINDERS.get(type(record), ()):
        yield from finder(record)


@register_references(Case)
def _case_references(case: Case) -> Iterator[Reference]:
    """Each law a charge cites."""
    for index, charge in enumerate(case.charges):
        for inner, citation in enumerate(charge.citations):
            yield Reference(f"$.charges[{index}].citations[{inner}].law", "law", citation.law)


@register_references(PersonRecord)
def _person_references(person: PersonRecord) -> Iterator[Reference]:
    """Each organisation a standalone person is affiliated to."""
    for index, affiliation in enumerate(person.affiliations):
        yield Reference(
            f"$.affiliations[{index}].organisation", "organisation", affiliation.organisation
        )


@register_references(Statement)
def _statement_references(statement: Statement) -> Iterator[Reference]:
    """Each signatory's organisation, the deliverer's person, and what each demand concerns."""
    for index, signatory in enumerate(statement.signatories):
        if signatory.id is not None:
            yield Reference(f"$.signatories[{index}].id", "organisation", signatory.id)
    deliverer = statement.delivered_by
    if deliverer is not None and deliverer.person is not None:
        yield Reference("$.delivered_by.person", "person", deliverer.person)
    for index, demand in enumerate(statement.demands):
        for inner, concern in enumerate(demand.concerns):
            where = f"$.demands[{index}].concerns[{inner}]"
            for kind in ("case", "law", "person"):
                target = getattr(concern, kind)
                if target is not None:
                    yield Reference(f"{where}.{kind}", kind, target)


@register_references(Election)
def _election_references(election: Election) -> Iterator[Reference]:
    """Each result's organisation, where it gives one."""
    for index, contest in enumerate(election.contests):
        for inner, result in enumerate(contest.results):
            if result.organisation is not None:
                where = f"$.contests[{index}].results[{inner}].organisation"
                yield Reference(where, "organisation", result.organisation)
