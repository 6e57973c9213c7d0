"""Collections: many records of several kinds in one document, referring to each other.

A collection (record type ``"collection"``) is the unit of exchange between
a partner and a platform: the ratings, scales, laws, cases, people,
organisations, statements, sessions and elections of one submission, with
ids that records use to refer to each other.  Its integrity rules (ids unique per
kind, every reference resolving) are checks in :mod:`civicspace._checks`.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from .cases import Case
from .elections import Election
from .laws import Law
from .people import OrganisationRecord, PersonRecord
from .ratings import CountryRating
from .records import record_type, record_type_of
from .scales import RatingScale
from .sessions import Session
from .statements import Statement

__all__ = ["Collection", "collection_members"]


@record_type("collection")
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


@functools.cache
def collection_members() -> Mapping[str, str]:
    """Collection member name → the record type it holds (``"ratings"`` → ``"rating"``)."""
    hints = typing.get_type_hints(Collection)
    members = {}
    for field in attrs.fields(Collection):
        tag = record_type_of(typing.get_args(hints[field.name])[0])
        assert tag is not None, f"Collection.{field.name} must hold a record type"
        members[field.name] = tag
    return members
