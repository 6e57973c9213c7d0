"""Collections: many records of several types in one document, referring to each other.

A collection (record type ``"collection"``) is the unit of exchange between
a partner and a platform: the ratings, scales, laws, cases, people,
organisations, statements, sessions and elections of one submission, with
ids that records use to refer to each other.  Its integrity rules (ids unique per
kind, every reference resolving) are rules in :mod:`civicspace._rules.collection`.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from ..errors import CivicspaceError, UnknownRecordError
from .cases import Case
from .elections import Election
from .laws import Law
from .people import CasePerson, OrganisationRecord, PersonRecord
from .ratings import CountryRating
from .records import record_type, record_type_of
from .scales import RatingScale
from .sentences import Sentence
from .sessions import Session
from .statements import Statement

__all__ = [
    "Collection",
    "PersonInCase",
    "SentenceInCase",
    "UnknownRecordError",
    "member_types",
]


@attrs.frozen(kw_only=True)
class PersonInCase:
    """A person of a case, with the case: see :meth:`Collection.people_in_cases`.

    Attributes:
        person: The person, as the case names them.
        case: The case.

    """

    person: CasePerson
    case: Case


@attrs.frozen(kw_only=True)
class SentenceInCase:
    """A sentence with the person it was imposed on and its case: see :meth:`Collection.sentences`.

    Attributes:
        sentence: The sentence.
        person: The person of the case it names.
        case: The case.

    """

    sentence: Sentence
    person: CasePerson
    case: Case


@record_type("collection")
@attrs.frozen(kw_only=True)
class Collection:
    """Records of several kinds together (record type ``"collection"``).

    Each member holds the records of one type, in the order given.  A type
    with no records is an empty tuple (and is left out of the JSON).
    :attr:`people` holds the standalone person records only; the people
    cases name are in the cases, and :meth:`people_in_cases` lists them.
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

    @classmethod
    def of(cls, records: Iterable[Any]) -> Collection:
        """A collection of ``records`` of any record type, each in its member, in the order given.

        A collection among them gives its records, in its member order.

        Raises:
            CivicspaceError: when a record is of no type a collection holds.

        """
        holds = {record_type: member for member, record_type in member_types().items()}
        members: dict[str, list[Any]] = {}
        for record in records:
            if isinstance(record, Collection):
                for name, item in record.members():
                    members.setdefault(name, []).append(item)
                continue
            member = holds.get(record_type_of(type(record)) or "")
            if member is None:
                raise CivicspaceError(
                    f"a collection holds no {type(record).__name__}; "
                    f"it holds {', '.join(sorted(holds))} records"
                )
            members.setdefault(member, []).append(record)
        return cls(**{name: tuple(items) for name, items in members.items()})

    def members(self) -> Iterator[tuple[str, Any]]:
        """Every record with its collection member name, in document order."""
        for field in attrs.fields(type(self)):
            for record in getattr(self, field.name):
                yield field.name, record

    def record(self, record_id: str, record_type: str | None = None) -> Any:
        """The first record with that id, of the record type ``record_type`` if given (``"case"``).

        Ids are unique per record type, not across types (rule
        ``collection.duplicate_id``), so a law and a case may share one:
        give ``record_type`` to choose.  Without it, the first record in member
        order wins.

        Raises:
            UnknownRecordError: when no record (of that record type) has the id,
                or ``record_type`` is not a record type a collection holds.

        """
        types = set(member_types().values())
        if record_type is not None and record_type not in types:
            raise UnknownRecordError(
                f"{record_type!r} is not a record type a collection holds; "
                f"the types are {', '.join(sorted(types))}"
            )
        for member, record in self.members():
            if (record_type is None or member_types()[member] == record_type) and getattr(
                record, "id", None
            ) == record_id:
                return record
        where = "" if record_type is None else f" of type {record_type!r}"
        raise UnknownRecordError(f"the collection has no record{where} with id {record_id!r}")

    def people_in_cases(self) -> tuple[PersonInCase, ...]:
        """Every person every case names, with the case, in case order.

        A person in two cases appears twice, once with each case (the
        rule ``collection.conflicting_person`` keeps the id one person).
        """
        return tuple(
            PersonInCase(person=person, case=case) for case in self.cases for person in case.people
        )

    def sentences(self) -> tuple[SentenceInCase, ...]:
        """Every sentence of every case, with the person it names and the case, in case order.

        Accounts of one ruling are listed as the case lists them (see
        :func:`~civicspace.analysis.conflicts` and :func:`~civicspace.analysis.ruling_totals`).

        Raises:
            UnknownPersonError: when a sentence names a person its case lacks
                (a collection that :func:`~civicspace.validate` has passed never does).

        """
        return tuple(
            SentenceInCase(sentence=sentence, person=case.person(sentence.person), case=case)
            for case in self.cases
            for sentence in case.sentences
        )


@functools.cache
def member_types() -> Mapping[str, str]:
    """Each collection member's name → the record type it holds (``"ratings"`` → ``"rating"``).

    >>> member_types()["cases"]
    'case'
    """
    hints = typing.get_type_hints(Collection)
    members = {}
    for field in attrs.fields(Collection):
        tag = record_type_of(typing.get_args(hints[field.name])[0])
        assert tag is not None, f"Collection.{field.name} must hold a record type"
        members[field.name] = tag
    return members
