"""Strategies for people and organisations (person.json, organisation.json)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from .._model.people import (
    Affiliation,
    Age,
    CaseOrganisation,
    CasePerson,
    Gender,
    Identifier,
    OrganisationKind,
    OrganisationRecord,
    OtherName,
    PersonRecord,
    Role,
)
from ._common import (
    _optional,
    _optional_tuple,
    _record_strategy,
    _schema,
    _shared,
    _some,
    countries,
    identifiers,
    partial_dates,
    sources,
    texts,
)

__all__ = [
    "affiliations",
    "ages",
    "organisation_records",
    "organisations",
    "other_names",
    "people",
    "person_identifiers",
    "person_records",
]


def other_names() -> st.SearchStrategy[OtherName]:
    """Other names of people and organisations, with or without a note."""
    return st.builds(OtherName, name=_shared(texts), note=st.none() | texts(20))


def person_identifiers() -> st.SearchStrategy[Identifier]:
    """Identifiers of people in other systems (Popolo's identifiers)."""
    return st.builds(Identifier, scheme=texts(20), identifier=texts(20))


def affiliations(
    organisation_ids: Sequence[str] | None = None,
) -> st.SearchStrategy[Affiliation]:
    """Affiliations to one of ``organisation_ids``, or to any id when it is ``None``."""
    if organisation_ids is None:
        ids = _shared(identifiers)
    else:
        ids = st.sampled_from(tuple(organisation_ids))
    return st.builds(Affiliation, organisation=ids, role=st.none() | texts(20))


def ages() -> st.SearchStrategy[Age]:
    """Ages as sources report them, in whole years within the schema's bounds, dated or not."""
    years = _schema("person")["$defs"]["age"]["properties"]["years"]
    return st.builds(
        Age, years=st.integers(years["minimum"], years["maximum"]), on=_optional(partial_dates)
    )


def _person_fields(organisation_ids: Sequence[str] | None) -> st.SearchStrategy[dict[str, Any]]:
    tied = (
        st.just(())
        if organisation_ids is not None and not organisation_ids
        else _optional_tuple(affiliations(organisation_ids), max_size=2)
    )
    return st.fixed_dictionaries(
        {
            "id": _shared(identifiers),
            "name": _shared(texts),
            "other_names": _some(other_names, 2),
            "identifiers": _some(person_identifiers, 2),
            "roles": st.lists(st.sampled_from(Role), max_size=3, unique=True).map(tuple),
            "nationalities": _optional_tuple(countries(), max_size=2),
            "gender": st.none() | st.sampled_from(Gender),
            "age": _optional(ages),
            "affiliations": tied,
            "sources": _some(sources, 2),
        }
    )


def _unaffiliated_people() -> st.SearchStrategy[CasePerson]:
    """People affiliated to no organisation: ``people(())``, argument-free for sharing."""
    return people(())


def people(organisation_ids: Sequence[str] | None = None) -> st.SearchStrategy[CasePerson]:
    """People as cases embed them, affiliated to some of ``organisation_ids``.

    ``None`` affiliates them to any ids, an empty sequence to none.
    """
    return _person_fields(organisation_ids).map(lambda fields: CasePerson(**fields))


@_record_strategy(PersonRecord)
def person_records(
    organisation_ids: Sequence[str] | None = None,
) -> st.SearchStrategy[PersonRecord]:
    """Standalone person records, affiliated as :func:`people` are."""
    return _person_fields(organisation_ids).map(lambda fields: PersonRecord(**fields))


def _organisation_fields() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "id": _shared(identifiers),
            "name": _shared(texts),
            "acronym": st.none() | texts(12),
            "other_names": _some(other_names, 2),
            "country": _optional(countries),
            "kind": st.none() | st.sampled_from(OrganisationKind),
            "sources": _some(sources, 2),
        }
    )


def organisations() -> st.SearchStrategy[CaseOrganisation]:
    """Organisations as cases embed them."""
    return _organisation_fields().map(lambda fields: CaseOrganisation(**fields))


@_record_strategy(OrganisationRecord)
def organisation_records() -> st.SearchStrategy[OrganisationRecord]:
    """Standalone organisation records."""
    return _organisation_fields().map(lambda fields: OrganisationRecord(**fields))
