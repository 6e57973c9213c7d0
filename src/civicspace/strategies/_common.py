"""Strategies shared by every record type: countries, texts, URLs, dates, sources, ids."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from .._model.common import Derivation, DerivationKind, PartialDate, Source
from .._pipeline.schemas import schema

F = TypeVar("F", bound=Callable[[], st.SearchStrategy[Any]])

__all__ = ["countries", "derivations", "identifiers", "partial_dates", "sources", "texts", "urls"]


@functools.cache
def _schema(name: str) -> dict[str, Any]:
    """A shipped schema, read once: the values and bounds the strategies draw from."""
    return schema(name)


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


def identifiers() -> st.SearchStrategy[str]:
    """Record ids: lower-case ASCII letters and digits with ``._:/-`` inside."""
    return st.from_regex(r"[a-z0-9]([a-z0-9._:/-]{0,30}[a-z0-9])?", fullmatch=True)


@functools.cache
def _shared(factory: Callable[[], st.SearchStrategy[Any]]) -> st.SearchStrategy[Any]:
    """One instance of an argument-free strategy, so Hypothesis validates it once, not per draw."""
    return factory()


@functools.cache
def _optional(factory: Callable[[], st.SearchStrategy[Any]]) -> st.SearchStrategy[Any]:
    """``None`` or a value of an argument-free strategy, one instance for all draws."""
    return st.none() | _shared(factory)


@functools.cache
def _some(factory: Callable[[], st.SearchStrategy[Any]], max_size: int) -> st.SearchStrategy[Any]:
    """Tuples of up to ``max_size`` values of an argument-free strategy, one instance."""
    return _optional_tuple(_shared(factory), max_size=max_size)


@functools.cache
def _subsets(size: int, min_size: int) -> st.SearchStrategy[tuple[int, ...]]:
    """Distinct indices below ``size``, at least ``min_size`` and at most three."""
    return st.lists(
        st.integers(0, size - 1), min_size=min_size, max_size=min(3, size), unique=True
    ).map(tuple)


def _ids_from(names: Sequence[str] | None, *, min_size: int) -> st.SearchStrategy[tuple[str, ...]]:
    """Up to three distinct ids: any ids when ``names`` is ``None``, else some of ``names``."""
    if names is None:
        return st.lists(_shared(identifiers), min_size=min_size, max_size=3, unique=True).map(tuple)
    if not names:
        return st.just(())
    chosen = tuple(names)
    return _subsets(len(chosen), min_size).map(lambda indices: tuple(chosen[i] for i in indices))


@functools.cache
def _index(size: int) -> st.SearchStrategy[int]:
    return st.integers(0, size - 1)


def derivations(
    members: Sequence[str] = ("as_of", "events[0].date", "people[2]"),
) -> st.SearchStrategy[Derivation]:
    """Marks of derived values, each naming one of ``members``."""
    return st.builds(
        Derivation,
        member=st.sampled_from(members),
        how=st.sampled_from(DerivationKind),
        note=st.none() | texts(),
        sources=_optional_tuple(sources(), max_size=1),
    )


def _marking(records: st.SearchStrategy[Any], members: Sequence[str]) -> st.SearchStrategy[Any]:
    """``records`` with marks of derived values on ``members``, which every record has."""
    return st.builds(
        lambda record, derived: attrs.evolve(record, derived=derived),
        records,
        _optional_tuple(derivations(members), max_size=2),
    )


#: Record class → the function drawing its records, filled by :func:`_record_strategy`.
_RECORD_STRATEGIES: dict[type[Any], Callable[[], st.SearchStrategy[Any]]] = {}


def _record_strategy(cls: type[Any]) -> Callable[[F], F]:
    """Register the decorated function as the strategy of the record class ``cls``."""

    def register(function: F) -> F:
        _RECORD_STRATEGIES[cls] = function
        return function

    return register
