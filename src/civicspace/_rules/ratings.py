"""The rules of a country rating."""

from __future__ import annotations

from collections.abc import Iterator

from .._model.ratings import CountryRating
from .._pipeline.resources import rating_scales
from .._util.echo import cut
from .engine import Finding, check


@check(
    CountryRating,
    "rating.score_outside_band",
    "A rating's score falls outside the CIVICUS band of its category.",
)
def score_within_rating_band(record: CountryRating) -> Iterator[Finding]:
    """A rating's score lies in the CIVICUS band of its category."""
    if record.score is None:
        return
    scale = rating_scales()["civicus-monitor"]
    band = next(band for band in scale.bands if band.category == record.rating.value)
    if not band.covers(record.score):
        yield (
            "$.score",
            f"a score of {record.score} is outside the {cut(band.label)} band "
            f"({band.minimum} to {band.maximum}) of the {cut(scale.name)}",
        )
