"""Ratings: civic-space ratings of countries, the scales they use, and how they change.

The CIVICUS Monitor's five-step rating, other monitors' scales and score
bands (:func:`rating_scales`), and the comparison of ratings and scores.
"""

from ._model.ratings import (
    ChangeDirection,
    CivicusRating,
    CountryRating,
    DatedRatingChange,
    RatingChange,
    RatingHistory,
    rating_change,
)
from ._model.scales import RatingScale, ScaleDirection, ScoreBand, ScoreComparison, compare_scores
from ._pipeline.resources import rating_scales
from ._util.public import publish as _publish

__all__ = [
    "ChangeDirection",
    "CivicusRating",
    "CountryRating",
    "DatedRatingChange",
    "RatingChange",
    "RatingHistory",
    "RatingScale",
    "ScaleDirection",
    "ScoreBand",
    "ScoreComparison",
    "compare_scores",
    "rating_change",
    "rating_scales",
]

_publish(globals(), __all__, __name__)
