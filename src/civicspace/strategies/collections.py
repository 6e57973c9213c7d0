"""Strategies for collections: records of several types that refer to each other."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import attrs
from hypothesis import strategies as st

from .._analysis.consistency import implied_exchange_rates
from .._model.cases import Charge
from .._model.collection import Collection
from .._model.elections import Contest
from .._model.laws import article_exists, in_force_on
from .._model.statements import Concern, Statement
from ._common import (
    _optional_tuple,
    _record_strategy,
)
from .cases import (
    _BY_ID,
    _affiliated,
    cases,
)
from .elections import _distinct_results, elections
from .laws import (
    laws,
)
from .people import (
    organisation_records,
    person_records,
)
from .ratings import country_ratings, rating_scales
from .sessions import (
    sessions,
)
from .statements import (
    _distinct_signatories,
    statements,
)

__all__ = ["collections"]


@_record_strategy(Collection)
def collections() -> st.SearchStrategy[Collection]:
    """Collections of a few records of each kind, ids unique per kind.

    A person or organisation id has one name throughout (people and cases).
    """
    return (
        st.builds(
            _with_case_members,
            st.builds(
                Collection,
                ratings=_optional_tuple(country_ratings()),
                scales=st.lists(rating_scales(), max_size=2, unique_by=lambda scale: scale.id).map(
                    tuple
                ),
                laws=st.lists(laws(), max_size=2, unique_by=lambda law: law.id).map(tuple),
                sessions=st.lists(sessions(), max_size=1).map(tuple),
                statements=st.lists(statements(), max_size=2, unique_by=_BY_ID).map(tuple),
                elections=st.lists(elections(), max_size=2, unique_by=_BY_ID).map(tuple),
            ),
            _case_members(),
        )
        .map(lambda collection: _with_election_references(_with_statement_references(collection)))
        .filter(_exchange_rates_agree)
    )


def _exchange_rates_agree(collection: Collection) -> bool:
    # Equivalents are drawn independently; the rare draw with three of one
    # currency pair far apart breaks rule collection.exchange_rate_outlier.
    return not any(rate.outlier for rate in implied_exchange_rates(collection))


def _one_name_per_id(items: Sequence[Any], names: dict[str, str]) -> tuple[Any, ...]:
    """``items`` with each name replaced by the first name seen for its id."""
    return tuple(
        item
        if names.setdefault(item.id, item.name) == item.name
        else attrs.evolve(item, name=names[item.id])
        for item in items
    )


@functools.cache
def _member_parts() -> st.SearchStrategy[dict[str, Any]]:
    """The records of a collection's case members, drawn in one go, built once."""
    return st.fixed_dictionaries(
        {
            "organisations": st.lists(organisation_records(), max_size=2, unique_by=_BY_ID),
            "people": st.lists(person_records(()), max_size=2, unique_by=_BY_ID),
            "cases": st.lists(cases(), max_size=2, unique_by=_BY_ID),
        }
    )


def _case_members() -> st.SearchStrategy[dict[str, Any]]:
    """People, organisations and cases for a collection: one name per person or organisation id."""

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        parts = draw(_member_parts())
        bodies = parts["organisations"]
        persons = _affiliated(draw, parts["people"], bodies)
        person_names = {person.id: person.name for person in persons}
        body_names = {body.id: body.name for body in bodies}
        found = [
            attrs.evolve(
                case,
                people=_one_name_per_id(case.people, person_names),
                organisations=_one_name_per_id(case.organisations, body_names),
            )
            for case in parts["cases"]
        ]
        return {"people": tuple(persons), "organisations": tuple(bodies), "cases": tuple(found)}

    return build()


def _with_case_members(collection: Collection, members: dict[str, Any]) -> Collection:
    """``collection`` with ``members``; charges cite the collection's laws (none if it has none).

    A citation keeps only the articles its law lists (when the law lists any), and a
    charge citing a law that was certainly not in force on its date loses the date,
    so that drawn collections pass ``collection.article_missing`` and
    ``collection.law_not_in_force``.
    """
    laws = list(collection.laws)

    def cite(charge: Charge, index: int) -> Charge:
        if not laws:
            return attrs.evolve(charge, citations=())
        citations = []
        date = charge.date
        for inner, citation in enumerate(charge.citations):
            law = laws[(index + inner) % len(laws)]
            articles = citation.articles
            if law.articles:
                articles = tuple(number for number in articles if article_exists(law, number))
            citations.append(attrs.evolve(citation, law=law.id, articles=articles))
            if date is not None and not any(
                in_force_on(law, day) is not False for day in (date.earliest, date.latest)
            ):
                date = None
        return attrs.evolve(charge, citations=tuple(citations), date=date)

    cases_citing = tuple(
        attrs.evolve(case, charges=tuple(cite(charge, i) for i, charge in enumerate(case.charges)))
        for case in members["cases"]
    )
    return attrs.evolve(collection, **{**members, "cases": cases_citing})


def _with_statement_references(collection: Collection) -> Collection:
    """``collection`` with its statements' references pointed at its records, or dropped.

    Signatories lose their ids (two could otherwise be pointed at one
    organisation), and are then made distinct again.
    """
    known = {
        "case": [case.id for case in collection.cases],
        "law": [law.id for law in collection.laws],
        "person": [person.id for person in collection.people],
    }

    def pick(kind: str, target: str | None, index: int) -> str | None:
        ids = known[kind]
        return None if target is None or not ids else ids[index % len(ids)]

    def point(concern: Concern, index: int) -> Concern | None:
        fields = {kind: pick(kind, getattr(concern, kind), index) for kind in known}
        return Concern(**fields) if any(fields.values()) else None

    def resolved(statement: Statement) -> Statement:
        listed = _distinct_signatories([attrs.evolve(s, id=None) for s in statement.signatories])
        count = statement.signatory_count
        demands = tuple(
            attrs.evolve(
                demand,
                concerns=tuple(
                    concern
                    for concern in (point(item, i) for i, item in enumerate(demand.concerns))
                    if concern is not None
                ),
            )
            for demand in statement.demands
        )
        deliverer = statement.delivered_by
        if deliverer is not None:
            deliverer = attrs.evolve(deliverer, person=pick("person", deliverer.person, 0))
        return attrs.evolve(
            statement,
            signatories=listed,
            signatory_count=len(listed) if listed and count is not None else count,
            demands=demands,
            delivered_by=deliverer,
        )

    return attrs.evolve(collection, statements=tuple(resolved(s) for s in collection.statements))


def _with_election_references(collection: Collection) -> Collection:
    """``collection`` with its results' organisation ids pointed at its organisations, or dropped.

    A result keeps an id only when the collection has an organisation for
    it, one organisation per result of a contest; the results are then made
    distinct again.
    """
    ids = [organisation.id for organisation in collection.organisations]

    def resolved(contest: Contest) -> Contest:
        pointed = [
            attrs.evolve(
                result,
                organisation=(
                    ids[index] if result.organisation is not None and index < len(ids) else None
                ),
            )
            for index, result in enumerate(contest.results)
        ]
        return attrs.evolve(contest, results=_distinct_results(pointed))

    return attrs.evolve(
        collection,
        elections=tuple(
            attrs.evolve(election, contests=tuple(resolved(c) for c in election.contests))
            for election in collection.elections
        ),
    )
