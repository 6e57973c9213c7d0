"""Strategies for laws, their articles and their status over time (law.json)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from .._model.articles import LawReference
from .._model.common import LawVersion, PartialDate
from .._model.laws import (
    ENACTED_STATUSES,
    Article,
    CriticisedFeature,
    Feature,
    Freedom,
    Law,
    LawKind,
    LawStatus,
    StatusChange,
    law_id,
)
from ._common import (
    _marking,
    _optional_tuple,
    _record_strategy,
    countries,
    identifiers,
    partial_dates,
    sources,
    texts,
)
from .sentences import (
    statutory_penalties,
)

__all__ = [
    "article_numbers",
    "criticised_features",
    "freedoms",
    "law_articles",
    "law_references",
    "laws",
    "status_changes",
]


def article_numbers() -> st.SearchStrategy[str]:
    """Article numbers: ``"494"``, ``"13 bis"``, ``"3.1"``, ``"12a"``, ``"IV"``."""
    return st.one_of(
        st.builds(
            lambda number, suffix: f"{number}{suffix}",
            st.integers(1, 2000),
            st.sampled_from(["", "", " bis", " ter", "-quater", "a", ".1"]),
        ),
        st.sampled_from(["I", "IV", "XII", "1.2.3"]),
    )


def freedoms() -> st.SearchStrategy[Freedom]:
    """The civic freedoms a provision may restrict."""
    return st.sampled_from(Freedom)


def status_changes() -> st.SearchStrategy[StatusChange]:
    """Entries of a status history."""
    return st.builds(
        StatusChange,
        status=st.sampled_from(LawStatus),
        date=partial_dates(),
        sources=_optional_tuple(sources(), max_size=2),
    )


def law_articles() -> st.SearchStrategy[Article]:
    """Articles, with up to two statutory penalties each."""
    return st.builds(
        Article,
        number=article_numbers(),
        heading=st.none() | texts(),
        penalties=_optional_tuple(statutory_penalties(), max_size=2),
        restricts=st.lists(freedoms(), max_size=3, unique=True).map(tuple),
        version=st.none() | st.sampled_from(LawVersion),
        sources=_optional_tuple(sources(), max_size=2),
    )


def criticised_features() -> st.SearchStrategy[Feature]:
    """Criticised features with their sources; a feature of kind ``other`` has a note."""
    return st.builds(
        lambda feature, note, restricts, found, version: Feature(
            feature=feature,
            note=note[1] if feature is CriticisedFeature.OTHER else note[0],
            restricts=restricts,
            version=version,
            sources=found,
        ),
        st.sampled_from(CriticisedFeature),
        st.tuples(st.none() | texts(), texts()),
        st.lists(freedoms(), max_size=3, unique=True).map(tuple),
        st.lists(sources(), min_size=1, max_size=2).map(tuple),
        st.none() | st.sampled_from(LawVersion),
    )


def law_references() -> st.SearchStrategy[LawReference]:
    """References to a law id and, sometimes, some of its articles."""
    return st.builds(
        LawReference,
        law=identifiers(),
        articles=_optional_tuple(article_numbers()),
        as_written=st.none() | texts(),
    )


#: What a draft law's history may say: anything but that it was enacted.
_DRAFT_STATUSES = tuple(status for status in LawStatus if status not in ENACTED_STATUSES)


@_record_strategy(Law)
def laws() -> st.SearchStrategy[Law]:
    """Laws that pass every ``law.*`` rule.

    Ids are ELI-style (:func:`civicspace.laws.law_id`); the history is in date
    order with one entry a date; article numbers are unique; a draft law has
    no enacted status.
    """
    names = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 -]{0,20}", fullmatch=True)
    histories = st.lists(
        st.tuples(
            partial_dates(), st.integers(0, len(LawStatus) - 1), _optional_tuple(sources(), 1)
        ),
        max_size=3,
        unique_by=lambda entry: entry[0],
    )

    def history(kind: LawKind, entries: list[tuple[PartialDate, int, Any]]) -> tuple[Any, ...]:
        statuses = _DRAFT_STATUSES if kind is LawKind.DRAFT_LAW else tuple(LawStatus)
        return tuple(
            StatusChange(status=statuses[pick % len(statuses)], date=date, sources=found)
            for date, pick, found in sorted(entries, key=lambda entry: entry[0])
        )

    built = st.builds(
        lambda jurisdiction, kind, name, year, entries, **rest: Law(
            id=law_id(jurisdiction, kind, name, year),
            jurisdiction=jurisdiction,
            kind=kind,
            status=history(kind, entries),
            **rest,
        ),
        countries(),
        st.sampled_from(LawKind),
        names,
        st.none() | st.integers(1900, 2100),
        histories,
        titles=st.lists(texts(), min_size=1, max_size=2).map(tuple),
        short_names=_optional_tuple(texts(12), max_size=1),
        articles=st.lists(law_articles(), max_size=2, unique_by=lambda article: article.key).map(
            tuple
        ),
        penalties=_optional_tuple(statutory_penalties(), max_size=1),
        features=_optional_tuple(criticised_features(), max_size=1),
        sources=_optional_tuple(sources(), max_size=1),
    )
    return _marking(built, ("jurisdiction", "titles[0]"))
