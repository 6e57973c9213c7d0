"""Semantic checks: the fourth step of the data flow, rules across fields.

Each rule is one named function registered with :func:`check` under its
issue code; it receives a structured record and yields ``(path, message)``
for each breach.  :func:`check_record` runs every rule of a record's class.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from ._codes import ISSUE_CODES
from ._data import rating_scales
from ._errors import Issue
from ._ratings import CountryRating
from ._scales import RatingScale, ScaleDirection

__all__ = ["check", "check_record", "checks_of"]

R = TypeVar("R")
Finding = tuple[str, str]
Rule = Callable[[Any], Iterator[Finding]]

_RULES: dict[type[Any], list[tuple[str, Rule]]] = {}


def check(cls: type[R], code: str) -> Callable[[Callable[[R], Iterator[Finding]]], Rule]:
    """Register a rule for records of ``cls`` that reports under ``code``."""
    if code not in ISSUE_CODES:
        raise LookupError(f"{code} is not in ISSUE_CODES")

    def register(rule: Callable[[R], Iterator[Finding]]) -> Rule:
        _RULES.setdefault(cls, []).append((code, rule))
        return rule

    return register


def checks_of(cls: type[Any]) -> tuple[tuple[str, Rule], ...]:
    """The rules registered for ``cls``, as ``(code, rule)`` pairs."""
    return tuple(_RULES.get(cls, ()))


def check_record(record: Any, path: str = "$") -> list[Issue]:
    """Run every rule of the record's class; the issues found, in rule order."""
    return [
        Issue(path + where.removeprefix("$"), code, message)
        for code, rule in checks_of(type(record))
        for where, message in rule(record)
    ]


@check(CountryRating, "rating.score_outside_band")
def score_within_rating_band(record: CountryRating) -> Iterator[Finding]:
    """A rating's score lies in the CIVICUS band of its category."""
    if record.score is None:
        return
    scale = rating_scales()["civicus-monitor"]
    band = next(band for band in scale.bands if band.category == record.rating.value)
    if not band.covers(record.score):
        yield (
            "$.score",
            f"a score of {record.score} is outside the {band.label} band "
            f"({band.minimum} to {band.maximum}) of the {scale.name}",
        )


@check(RatingScale, "scale.range_empty")
def range_not_empty(scale: RatingScale) -> Iterator[Finding]:
    """A scale's minimum lies below its maximum."""
    if scale.minimum >= scale.maximum:
        yield "$.maximum", f"the maximum {scale.maximum} is not above the minimum {scale.minimum}"


@check(RatingScale, "scale.band_inverted")
def bands_not_inverted(scale: RatingScale) -> Iterator[Finding]:
    """A band's minimum is not above its maximum."""
    for index, band in enumerate(scale.bands):
        if band.minimum is not None and band.maximum is not None and band.minimum > band.maximum:
            yield (
                f"$.bands[{index}].maximum",
                f"the maximum {band.maximum} is below the minimum {band.minimum}",
            )


@check(RatingScale, "scale.band_outside_range")
def bands_within_range(scale: RatingScale) -> Iterator[Finding]:
    """Every published band lies within the scale's range."""
    for index, band in enumerate(scale.bands):
        for name in ("minimum", "maximum"):
            bound = getattr(band, name)
            if bound is not None and not scale.minimum <= bound <= scale.maximum:
                yield (
                    f"$.bands[{index}].{name}",
                    f"{bound} is outside the scale's range {scale.minimum} to {scale.maximum}",
                )


@check(RatingScale, "scale.bands_overlap")
def bands_in_order(scale: RatingScale) -> Iterator[Finding]:
    """Published bands run from most open to most closed and overlap at most at a bound."""
    stated = [(index, band) for index, band in enumerate(scale.bands) if band.stated]
    higher_is_open = scale.direction is ScaleDirection.HIGHER_IS_MORE_OPEN
    for (_, more_open), (index, less_open) in itertools.pairwise(stated):
        assert more_open.minimum is not None and more_open.maximum is not None
        assert less_open.minimum is not None and less_open.maximum is not None
        if higher_is_open:
            in_order = less_open.maximum <= more_open.minimum
        else:
            in_order = less_open.minimum >= more_open.maximum
        if not in_order:
            yield (
                f"$.bands[{index}]",
                f"{less_open.label} ({less_open.minimum} to {less_open.maximum}) overlaps "
                f"or is not less open than {more_open.label} "
                f"({more_open.minimum} to {more_open.maximum})",
            )


@check(RatingScale, "scale.category_repeated")
def categories_unique(scale: RatingScale) -> Iterator[Finding]:
    """No two bands of a scale share a category."""
    seen: dict[str, int] = {}
    for index, band in enumerate(scale.bands):
        if band.category in seen:
            yield (
                f"$.bands[{index}].category",
                f"{band.category!r} is already the category of band {seen[band.category]}",
            )
        seen.setdefault(band.category, index)
