r"""civicspace: civic-space monitoring data as typed, validated, immutable objects.

Ratings, cases, sentences, laws and joint statements, as published by the
CIVICUS Monitor and its partners, each with a published JSON Schema
(``civicspace/schemas``), a frozen attrs class and strict conversion between
the two.

>>> import civicspace
>>> record = civicspace.load(
...     {"type": "rating", "country": "KHM", "rating": "repressed", "as_of": "2022-12"}
... )
>>> record.rating
<Rating.REPRESSED: 'repressed'>
>>> for issue in civicspace.validate(
...     '{"type": "rating", "country": "KHM\\n", "rating": "represed", "as_of": "2022"}'
... ):
...     print(issue.path, issue.code)
$.country schema.max_length
$.country schema.enum
$.rating schema.enum
"""

from ._api import dump, load, record_types, validate
from ._codes import ISSUE_CODES
from ._data import rating_scales
from ._errors import CivicspaceError, FieldValueError, Issue, ParseError, ValidationError
from ._parse import parse_json
from ._ratings import (
    ChangeDirection,
    CountryRating,
    DatedRatingChange,
    Rating,
    RatingChange,
    RatingHistory,
    rating_change,
)
from ._scales import (
    RatingScale,
    ScaleDirection,
    ScoreBand,
    ScoreComparison,
    ScoreOutsideBandsError,
    compare_scores,
)
from ._schemas import UnknownSchemaError, schema, schema_names
from ._values import DatePrecision, InvalidDateError, PartialDate, Source, country_name
from ._version import __version__

__all__ = [
    "ISSUE_CODES",
    "ChangeDirection",
    "CivicspaceError",
    "CountryRating",
    "DatePrecision",
    "DatedRatingChange",
    "FieldValueError",
    "InvalidDateError",
    "Issue",
    "ParseError",
    "PartialDate",
    "Rating",
    "RatingChange",
    "RatingHistory",
    "RatingScale",
    "ScaleDirection",
    "ScoreBand",
    "ScoreComparison",
    "ScoreOutsideBandsError",
    "Source",
    "UnknownSchemaError",
    "ValidationError",
    "__version__",
    "compare_scores",
    "country_name",
    "dump",
    "load",
    "parse_json",
    "rating_change",
    "rating_scales",
    "record_types",
    "schema",
    "schema_names",
    "validate",
]
