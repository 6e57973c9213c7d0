"""The rules of a rating scale: ranges and bands in order."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from .._model.scales import RatingScale, ScaleDirection
from .._util.echo import cut, quoted
from .engine import Finding, _repeats, check


@check(
    RatingScale,
    "scale.range_empty",
    "A scale's minimum is not below its maximum.",
)
def range_not_empty(scale: RatingScale) -> Iterator[Finding]:
    """A scale's minimum lies below its maximum."""
    if scale.minimum >= scale.maximum:
        yield "$.maximum", f"the maximum {scale.maximum} is not above the minimum {scale.minimum}"


@check(
    RatingScale,
    "scale.band_inverted",
    "A band's minimum is above its maximum.",
)
def bands_not_inverted(scale: RatingScale) -> Iterator[Finding]:
    """A band's minimum is not above its maximum."""
    for index, band in enumerate(scale.bands):
        if band.minimum is not None and band.maximum is not None and band.minimum > band.maximum:
            yield (
                f"$.bands[{index}].maximum",
                f"the maximum {band.maximum} is below the minimum {band.minimum}",
            )


@check(
    RatingScale,
    "scale.band_outside_range",
    "A band's scores reach outside the scale's range.",
)
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


@check(
    RatingScale,
    "scale.bands_overlap",
    "Two bands cover the same scores, or are not listed from most open to most closed.",
)
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
                f"{cut(less_open.label)} ({less_open.minimum} to {less_open.maximum}) overlaps "
                f"or is not less open than {cut(more_open.label)} "
                f"({more_open.minimum} to {more_open.maximum})",
            )


@check(
    RatingScale,
    "scale.category_repeated",
    "Two bands of one scale have the same category.",
)
def categories_unique(scale: RatingScale) -> Iterator[Finding]:
    """No two bands of a scale share a category."""
    for index, first in _repeats(band.category for band in scale.bands):
        yield (
            f"$.bands[{index}].category",
            f"{quoted(scale.bands[index].category)} is already the category of band {first}",
        )
