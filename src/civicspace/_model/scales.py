"""Rating scales: how a monitor turns a 0-100 score into a category.

The bands are data (``civicspace/data/scales/*.json``, records of type
``"scale"``), each citing where the monitor published it; no threshold is
written in code.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from ..errors import FieldValueError, ScoreOutsideBandsError
from .common import Source, check_text
from .records import record_type

__all__ = [
    "RatingScale",
    "ScaleDirection",
    "ScoreBand",
    "ScoreComparison",
    "ScoreOutsideBandsError",
    "compare_scores",
]


class ScaleDirection(enum.Enum):
    """Which end of a scale's scores is the more open or free."""

    HIGHER_IS_MORE_OPEN = "higher_is_more_open"
    LOWER_IS_MORE_OPEN = "lower_is_more_open"


def _check_bounds(
    instance: ScoreBand, attribute: attrs.Attribute[Any], value: float | None
) -> None:
    if (value is None) != (instance.minimum is None):
        raise FieldValueError(
            "a band states both minimum and maximum, or neither", field=attribute.name
        )


@attrs.frozen(kw_only=True)
class ScoreBand:
    """One category of a scale and, where published, the scores it covers.

    Attributes:
        category: The category's identifier, lower case with underscores
            (``"partly_free"``).
        label: The category as the monitor prints it (``"Partly Free"``).
        minimum: The lowest score of the band, inclusive; ``None`` when the
            monitor publishes no score band for the category.
        maximum: The highest score of the band, inclusive; ``None`` likewise.
        source: Where the monitor published the category and its band.

    """

    category: str
    label: str = attrs.field(validator=check_text)
    minimum: float | None = None
    maximum: float | None = attrs.field(default=None, validator=_check_bounds)
    source: Source

    @property
    def stated(self) -> bool:
        """Whether the monitor published this band's scores."""
        return self.minimum is not None

    def covers(self, score: float) -> bool:
        """Whether ``score`` lies within the band, bounds included."""
        return (
            self.minimum is not None
            and self.maximum is not None
            and self.minimum <= score <= self.maximum
        )


@record_type("scale")
@attrs.frozen(kw_only=True)
class RatingScale:
    """A monitor's categories over a score range (record type ``"scale"``).

    Bands are listed from the most open category to the most closed.  Where
    two published bands share a bound (RSF's 85 ends "satisfactory" and starts
    "good"), a score on the bound belongs to the more open band.

    Attributes:
        id: A stable identifier, such as ``"civicus-monitor"``.
        name: The index as its publisher names it.
        publisher: Who publishes it.
        direction: Which end of the scores is the more open.
        minimum: The lowest score the scale gives.
        maximum: The highest score the scale gives.
        bands: The categories, most open first.

    """

    id: str
    name: str = attrs.field(validator=check_text)
    publisher: str = attrs.field(validator=check_text)
    direction: ScaleDirection
    minimum: float
    maximum: float
    bands: tuple[ScoreBand, ...]

    @property
    def stated(self) -> bool:
        """Whether every band of the scale has published scores."""
        return all(band.stated for band in self.bands)

    def band(self, score: float) -> ScoreBand:
        """The band a score falls in.

        Raises:
            ScoreOutsideBandsError: when the score is outside the scale's
                range, between two bands, or the bands are not published.

        """
        if not self.minimum <= score <= self.maximum:
            raise ScoreOutsideBandsError(
                f"{score} is outside the {self.name} range {self.minimum} to {self.maximum}"
            )
        if not self.stated:
            raise ScoreOutsideBandsError(f"{self.name} publishes no score bands for its categories")
        for band in self.bands:
            if band.covers(score):
                return band
        raise ScoreOutsideBandsError(f"{score} falls between the published bands of {self.name}")

    def category(self, score: float) -> str:
        """The category a score falls in; see :meth:`band`."""
        return self.band(score).category


@attrs.frozen
class ScoreComparison:
    """Whether two scores on two scales can be compared, and if so how.

    Attributes:
        meaningful: Whether the comparison means anything.
        reason: Why it is, or why not, in a sentence.
        difference: When meaningful, how many points the first score is
            more open than the second (negative: less open); else ``None``.

    """

    meaningful: bool
    reason: str
    difference: float | None = None


def compare_scores(
    first: RatingScale, first_score: float, second: RatingScale, second_score: float
) -> ScoreComparison:
    """Compare scores from two scales, only where that is meaningful.

    It is meaningful when both scales run over the same range in the same
    direction and both publish bands for every category; the answer is then
    the difference in points toward the open end.  Otherwise the result says
    why not, and gives no number.  Each score must lie within its scale.
    """
    for scale, score in ((first, first_score), (second, second_score)):
        if not scale.minimum <= score <= scale.maximum:
            raise ScoreOutsideBandsError(
                f"{score} is outside the {scale.name} range {scale.minimum} to {scale.maximum}"
            )
    for scale in (first, second):
        if not scale.stated:
            return ScoreComparison(False, f"{scale.name} publishes no score bands")
    if first.direction is not second.direction:
        return ScoreComparison(False, f"{first.name} and {second.name} run in opposite directions")
    if (first.minimum, first.maximum) != (second.minimum, second.maximum):
        return ScoreComparison(False, f"{first.name} and {second.name} use different ranges")
    sign = 1 if first.direction is ScaleDirection.HIGHER_IS_MORE_OPEN else -1
    return ScoreComparison(
        True,
        f"both run from {first.minimum} to {first.maximum} in the same direction "
        "with published bands",
        sign * (first_score - second_score),
    )
