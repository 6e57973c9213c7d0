"""Hypothesis strategies for every civicspace model class and record type.

For property tests of code that consumes civicspace data, downstream as well
as here.  Every object drawn is valid: it passes the model's own checks, and
its :func:`civicspace.dump` passes :func:`civicspace.validate`.  Requires
Hypothesis (``pip install civicspace[test]`` or ``pip install hypothesis``).

>>> from civicspace import strategies, validate
>>> from hypothesis import given
>>> @given(strategies.documents("rating"))
... def test_ratings_validate(document):
...     assert validate(document) == []
>>> test_ratings_validate()
"""

from __future__ import annotations

import datetime
import functools
import itertools
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from ._api import dump
from ._convert import RECORD_TYPES
from ._data import rating_scales as shipped_rating_scales
from ._ratings import CountryRating, Rating
from ._scales import RatingScale, ScaleDirection, ScoreBand
from ._values import PartialDate, Source

__all__ = [
    "countries",
    "country_ratings",
    "documents",
    "partial_dates",
    "rating_scales",
    "ratings",
    "records",
    "score_bands",
    "sources",
    "texts",
    "urls",
]


@functools.cache
def _country_codes() -> tuple[str, ...]:
    import pycountry

    return tuple(sorted(country.alpha_3 for country in pycountry.countries))


def countries() -> st.SearchStrategy[str]:
    """ISO 3166-1 alpha-3 country codes."""
    return st.sampled_from(_country_codes())


def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Non-blank text of any script (no surrogates, which JSON cannot carry)."""
    return st.text(st.characters(codec="utf-8"), min_size=1, max_size=max_size).filter(
        lambda text: text.strip() != ""
    )


def urls() -> st.SearchStrategy[str]:
    """Absolute http and https URLs."""
    name = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)
    segment = st.text(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._~-", max_size=10
    )
    return st.builds(
        lambda scheme, host, tld, path: f"{scheme}://{host}.{tld}/{'/'.join(path)}",
        st.sampled_from(["http", "https"]),
        name.filter(lambda host: host[0] != "-"),
        st.sampled_from(["org", "net", "com", "kh", "info"]),
        st.lists(segment, max_size=3),
    )


def partial_dates(
    min_value: datetime.date = datetime.date(1900, 1, 1),
    max_value: datetime.date = datetime.date(2100, 12, 31),
) -> st.SearchStrategy[PartialDate]:
    """Dates known to the year, the month or the day, within the bounds."""

    def cut(day: datetime.date, precision: int) -> PartialDate:
        if precision == 0:
            return PartialDate(day.year)
        if precision == 1:
            return PartialDate(day.year, day.month)
        return PartialDate.from_date(day)

    return st.builds(cut, st.dates(min_value=min_value, max_value=max_value), st.integers(0, 2))


def sources() -> st.SearchStrategy[Source]:
    """Sources with a URL, a title or both."""
    url_and_title = st.one_of(
        st.tuples(urls(), st.none() | texts()), st.tuples(st.none() | urls(), texts())
    )
    return st.builds(
        lambda where, publisher, date, quote: Source(
            url=where[0], title=where[1], publisher=publisher, date=date, quote=quote
        ),
        url_and_title,
        st.none() | texts(),
        st.none() | partial_dates(),
        st.none() | texts(200),
    )


def _optional_tuple(items: st.SearchStrategy[Any], max_size: int = 3) -> st.SearchStrategy[Any]:
    return st.lists(items, max_size=max_size).map(tuple)


def ratings() -> st.SearchStrategy[Rating]:
    """The five CIVICUS categories."""
    return st.sampled_from(Rating)


def _score_in(minimum: float, maximum: float) -> st.SearchStrategy[float]:
    whole = st.integers(int(-(-minimum // 1)), int(maximum // 1))
    fractional = st.floats(minimum, maximum, allow_nan=False, allow_infinity=False)
    return st.one_of(whole, fractional)


def country_ratings() -> st.SearchStrategy[CountryRating]:
    """Country ratings; a score, when drawn, lies in its category's CIVICUS band."""
    bands = {band.category: band for band in shipped_rating_scales()["civicus-monitor"].bands}

    def with_score(rating: Rating) -> st.SearchStrategy[tuple[Rating, float | None]]:
        band = bands[rating.value]
        assert band.minimum is not None and band.maximum is not None
        return st.tuples(st.just(rating), st.none() | _score_in(band.minimum, band.maximum))

    return st.builds(
        lambda rating_and_score, country, as_of, watchlist, sources: CountryRating(
            country=country,
            rating=rating_and_score[0],
            as_of=as_of,
            watchlist=watchlist,
            score=rating_and_score[1],
            sources=sources,
        ),
        st.one_of([with_score(rating) for rating in Rating]),
        countries(),
        partial_dates(),
        st.none() | st.booleans(),
        _optional_tuple(sources()),
    )


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


def rating_scales() -> st.SearchStrategy[RatingScale]:
    """Scales over 0-100 whose bands are in order and do not overlap."""

    def build(
        direction: ScaleDirection,
        cuts: list[int],
        categories: list[str],
        labels: list[str],
        source: Source,
        stated: bool,
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
            id="generated-scale",
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
        )
    )


_RECORDS: dict[str, Callable[[], st.SearchStrategy[Any]]] = {
    "rating": country_ratings,
    "scale": rating_scales,
}


def records(kind: str) -> st.SearchStrategy[Any]:
    """Model objects of a record type (``"rating"``, ``"scale"``, ...)."""
    if kind not in RECORD_TYPES:
        raise ValueError(f"{kind!r} is not a record type; the types are {', '.join(RECORD_TYPES)}")
    return _RECORDS[kind]()


def documents(kind: str) -> st.SearchStrategy[Any]:
    """Valid JSON documents (parsed: dicts) of a record type."""
    return records(kind).map(dump)
