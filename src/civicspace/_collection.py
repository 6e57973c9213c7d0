"""Collections: many records of several kinds in one document, referring to each other.

A collection (record type ``"collection"``) is the unit of exchange between
a partner and a platform: the ratings, scales, laws, cases, people,
organisations, statements, sessions and elections of one submission, with
ids that records use to refer to each other.  Its integrity rules (ids unique per
kind, every reference resolving) are checks in :mod:`civicspace._checks`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from ._cases import Case
from ._elections import Election
from ._laws import Law
from ._people import OrganisationRecord, PersonRecord
from ._ratings import CountryRating
from ._scales import RatingScale
from ._sessions import Session
from ._statements import Statement

__all__ = ["Collection", "Reference", "references", "register_references"]


@attrs.frozen(kw_only=True)
class Collection:
    """Records of several kinds together (record type ``"collection"``).

    Each member holds the records of one kind, in the order given.  A kind
    with no records is an empty tuple (and is left out of the JSON).
    """

    ratings: tuple[CountryRating, ...] = ()
    scales: tuple[RatingScale, ...] = ()
    laws: tuple[Law, ...] = ()
    people: tuple[PersonRecord, ...] = ()
    organisations: tuple[OrganisationRecord, ...] = ()
    cases: tuple[Case, ...] = ()
    sessions: tuple[Session, ...] = ()
    statements: tuple[Statement, ...] = ()
    elections: tuple[Election, ...] = ()

    def members(self) -> Iterator[tuple[str, Any]]:
        """Every record with its collection member name, in document order."""
        for field in attrs.fields(type(self)):
            for record in getattr(self, field.name):
                yield field.name, record


@attrs.frozen
class Reference:
    """A record's reference to another record, by kind and id.

    Attributes:
        path: Where the reference stands, relative to the referring record
            (``$.charges[0].law``).
        kind: The record type referred to (``"law"``, ``"case"``, ...).
        id: The id referred to.
    """

    path: str
    kind: str
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
