"""Strategies for joint statements and their signatories (statement.json)."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

from .._model.people import OrganisationKind
from .._model.signatories import Signatory, match_organisations
from .._model.statements import Concern, Deliverer, Statement, StatementDemand, StatementKind
from ._common import (
    _marking,
    _optional,
    _optional_tuple,
    _record_strategy,
    _shared,
    _some,
    countries,
    identifiers,
    partial_dates,
    sources,
    texts,
)

__all__ = ["concerns", "deliverers", "signatories", "statement_demands", "statements"]


def signatories() -> st.SearchStrategy[Signatory]:
    """Signatories, with or without an organisation id, acronym, qualifier, country and kind."""
    return st.builds(
        Signatory,
        id=_optional(identifiers),
        name=_shared(texts),
        acronym=st.none() | texts(12),
        qualifier=st.none() | texts(),
        country=_optional(countries),
        kind=st.none() | st.sampled_from(OrganisationKind),
    )


def concerns() -> st.SearchStrategy[Concern]:
    """What demands concern: a case, a law or a person id, now and then several."""
    ids = _shared(identifiers)
    maybe = _optional(identifiers)
    return st.one_of(
        st.builds(Concern, case=ids, law=maybe, person=maybe),
        st.builds(Concern, law=ids, person=maybe),
        st.builds(Concern, person=ids),
    )


def statement_demands() -> st.SearchStrategy[StatementDemand]:
    """Demands of statements, concerning any ids or none."""
    return st.builds(
        StatementDemand,
        text=_shared(texts),
        addressee=_optional(texts),
        concerns=_some(concerns, 2),
    )


def deliverers() -> st.SearchStrategy[Deliverer]:
    """Who delivered an oral statement, with or without a person id and a role."""
    return st.builds(
        Deliverer, name=_shared(texts), person=_optional(identifiers), role=st.none() | texts(20)
    )


def _distinct_signatories(listed: Sequence[Signatory]) -> tuple[Signatory, ...]:
    """``listed`` without each signatory that is the same organisation as one kept before it."""
    kept: list[Signatory] = []
    for signatory in listed:
        if not any(match_organisations(earlier, signatory).same for earlier in kept):
            kept.append(signatory)
    return tuple(kept)


def _declared_count(listed: Sequence[Signatory]) -> st.SearchStrategy[int | None]:
    if listed:
        return st.sampled_from((None, len(listed)))
    return st.none() | st.integers(1, 100_000)


@_record_strategy(Statement)
def statements() -> st.SearchStrategy[Statement]:
    """Statements that pass every ``statement.*`` check.

    No organisation is listed twice (by :func:`civicspace.people.match_organisations`),
    and a declared count is the number listed, or anything when none are.
    """

    @st.composite
    def build(draw: st.DrawFn) -> Statement:
        listed = _distinct_signatories(draw(st.lists(_shared(signatories), max_size=4)))
        return Statement(
            id=draw(_shared(identifiers)),
            kind=draw(st.sampled_from(StatementKind)),
            title=draw(_shared(texts)),
            date=draw(_optional(partial_dates)),
            venue=draw(st.none() | texts()),
            session=draw(st.none() | st.integers(1, 999)),
            delivered_by=draw(_optional(deliverers)),
            addressees=draw(_optional_tuple(_shared(texts), max_size=2)),
            signatory_count=draw(_declared_count(listed)),
            signatories=listed,
            demands=draw(_some(statement_demands, 2)),
            sources=draw(_some(sources, 2)),
        )

    return _marking(build(), ("title", "kind"))
