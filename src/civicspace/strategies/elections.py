"""Strategies for elections and their results (election.json)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs
from hypothesis import strategies as st

from .._model.elections import (
    MAX_SEATS,
    MAX_SHARE_DECIMALS,
    Contest,
    Election,
    ElectionFigure,
    FigureUnit,
    PartyResult,
    seat_share,
)
from .._model.events import CountQualifier
from .._model.signatories import Signatory, match_organisations
from ._common import (
    _optional,
    _record_strategy,
    _shared,
    _some,
    countries,
    identifiers,
    partial_dates,
    sources,
    texts,
)
from .sentences import amounts

__all__ = ["contests", "election_figures", "elections", "party_results", "shares"]


def shares() -> st.SearchStrategy[Decimal]:
    """Percentages from 0 to 100 with up to four decimals, as results state them (``80.7``)."""
    return st.integers(0, MAX_SHARE_DECIMALS).flatmap(
        lambda decimals: st.integers(0, 100 * 10**decimals).map(
            lambda units: Decimal(units).scaleb(-decimals)
        )
    )


def party_results() -> st.SearchStrategy[PartyResult]:
    """Results of any party or group, with any seats and, now and then, any share.

    Alone, a result has no total to agree with; :func:`contests` draws
    results whose seats and shares fit their contest.
    """
    return st.builds(
        PartyResult,
        party=_shared(texts),
        acronym=st.none() | texts(12),
        organisation=_optional(identifiers),
        group=st.none() | st.booleans(),
        seats=st.integers(0, MAX_SEATS),
        share=_optional(shares),
    )


def _as_signatory(result: PartyResult) -> Signatory:
    return Signatory(id=result.organisation, name=result.party, acronym=result.acronym)


def _distinct_results(listed: Sequence[PartyResult]) -> tuple[PartyResult, ...]:
    """``listed`` without each result that is the same party as one kept before it."""
    kept: list[PartyResult] = []
    for result in listed:
        if not any(match_organisations(_as_signatory(e), _as_signatory(result)).same for e in kept):
            kept.append(result)
    return tuple(kept)


def contests() -> st.SearchStrategy[Contest]:
    """Contests that pass every ``election.*`` check.

    No party is listed twice (by :func:`civicspace.people.match_organisations`),
    the seats add up to the total or less, and a share, when drawn, is
    :func:`civicspace.elections.seat_share` of the seats to 0 to 4 decimals.
    """

    @st.composite
    def build(draw: st.DrawFn) -> Contest:
        total = draw(st.integers(1, 50) | st.integers(1, MAX_SEATS))
        listed = _distinct_results(draw(st.lists(_shared(party_results), max_size=4)))
        results, remaining = [], total
        for result in listed:
            seats = draw(st.integers(0, remaining))
            remaining -= seats
            decimals = draw(st.none() | st.integers(0, MAX_SHARE_DECIMALS))
            share = None if decimals is None else seat_share(seats, total, decimals)
            results.append(attrs.evolve(result, seats=seats, share=share))
        return Contest(contested=draw(_shared(texts)), total=total, results=tuple(results))

    return build()


def election_figures() -> st.SearchStrategy[ElectionFigure]:
    """Numbers stated about an election: counts or shares, with or without a previous value."""
    return st.builds(
        ElectionFigure,
        measure=texts(),
        party=st.none() | texts(),
        value=amounts(),
        unit=st.sampled_from(FigureUnit),
        qualifier=st.none() | st.sampled_from(CountQualifier),
        previous=st.none() | amounts(),
        as_written=st.none() | texts(),
        sources=_some(sources, 2),
    )


@_record_strategy(Election)
def elections() -> st.SearchStrategy[Election]:
    """Elections that pass every ``election.*`` check (see :func:`contests`)."""
    return st.builds(
        Election,
        id=_shared(identifiers),
        country=_shared(countries),
        date=_shared(partial_dates),
        title=_shared(texts),
        contests=st.lists(contests(), min_size=1, max_size=3).map(tuple),
        figures=st.lists(election_figures(), max_size=2).map(tuple),
        sources=_some(sources, 2),
    )
