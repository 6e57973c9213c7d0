"""Strategies for ratings and rating scales (rating.json, scale.json)."""

from __future__ import annotations

import itertools

from hypothesis import strategies as st

from .._model.common import Source
from .._model.ratings import CivicusRating, CountryRating
from .._model.scales import RatingScale, ScaleDirection, ScoreBand
from .._pipeline.resources import rating_scales as shipped_rating_scales
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

__all__ = ["country_ratings", "rating_scales", "ratings", "score_bands"]


def ratings() -> st.SearchStrategy[CivicusRating]:
    """The five CIVICUS categories."""
    return st.sampled_from(CivicusRating)


def _score_in(minimum: float, maximum: float) -> st.SearchStrategy[float]:
    whole = st.integers(int(-(-minimum // 1)), int(maximum // 1))
    fractional = st.floats(minimum, maximum, allow_nan=False, allow_infinity=False)
    return st.one_of(whole, fractional)


@_record_strategy(CountryRating)
def country_ratings() -> st.SearchStrategy[CountryRating]:
    """Country ratings; a score, when drawn, lies in its category's CIVICUS band."""
    bands = {band.category: band for band in shipped_rating_scales()["civicus-monitor"].bands}

    def with_score(rating: CivicusRating) -> st.SearchStrategy[tuple[CivicusRating, float | None]]:
        band = bands[rating.value]
        assert band.minimum is not None and band.maximum is not None
        return st.tuples(st.just(rating), st.none() | _score_in(band.minimum, band.maximum))

    rated = st.builds(
        lambda rating_and_score, country, as_of, watchlist, sources: CountryRating(
            country=country,
            rating=rating_and_score[0],
            as_of=as_of,
            watchlist=watchlist,
            score=rating_and_score[1],
            sources=sources,
        ),
        st.one_of([with_score(rating) for rating in CivicusRating]),
        countries(),
        partial_dates(),
        st.none() | st.booleans(),
        _optional_tuple(sources()),
    )
    return _marking(rated, ("as_of", "country"))


_CATEGORY = st.from_regex(r"[a-z][a-z0-9_]{0,11}", fullmatch=True)


def score_bands(stated: bool = True) -> st.SearchStrategy[ScoreBand]:
    """Bands over 0-100, with published bounds unless ``stated`` is false."""
    bounds = (
        st.tuples(_score_in(0, 100), _score_in(0, 100)).map(sorted)
        if stated
        else st.just([None, None])
    )
    return st.builds(
        lambda category, label, pair, source: ScoreBand(
            category=category, label=label, minimum=pair[0], maximum=pair[1], source=source
        ),
        _CATEGORY,
        texts(),
        bounds,
        sources(),
    )


@_record_strategy(RatingScale)
def rating_scales() -> st.SearchStrategy[RatingScale]:
    """Scales over 0-100 whose bands are in order and do not overlap."""

    def build(
        direction: ScaleDirection,
        cuts: list[int],
        categories: list[str],
        labels: list[str],
        source: Source,
        stated: bool,
        scale_id: str,
    ) -> RatingScale:
        edges = [0, *sorted(set(cuts)), 100]
        spans = list(itertools.pairwise(edges))
        if direction is ScaleDirection.HIGHER_IS_MORE_OPEN:
            spans.reverse()
        bands = tuple(
            ScoreBand(
                category=category,
                label=label,
                minimum=low if stated else None,
                maximum=high if stated else None,
                source=source,
            )
            for (low, high), category, label in zip(spans, categories, labels, strict=False)
        )
        return RatingScale(
            id=scale_id,
            name="Generated scale",
            publisher="civicspace strategies",
            direction=direction,
            minimum=0,
            maximum=100,
            bands=bands,
        )

    cuts = st.lists(st.integers(1, 99), min_size=1, max_size=5, unique=True)
    return cuts.flatmap(
        lambda chosen: st.builds(
            build,
            st.sampled_from(ScaleDirection),
            st.just(chosen),
            st.lists(_CATEGORY, min_size=len(chosen) + 1, max_size=len(chosen) + 1, unique=True),
            st.lists(texts(), min_size=len(chosen) + 1, max_size=len(chosen) + 1),
            sources(),
            st.booleans(),
            identifiers(),
        )
    )
