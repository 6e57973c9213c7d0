"""Sentences: what courts impose, and the arithmetic over it.

Terms (ISO 8601 durations, life, ranges), suspended parts, money in a
currency with its reported equivalent, statutory penalties and how a
sentence compares with them, time to serve, release dates and totals.
"""

from ._model.custody import term_release_date
from ._model.money import Money, ReportedAmount, total_by_currency
from ._model.penalties import (
    AggravatedPenalty,
    PenaltyComparison,
    StatutoryPenalty,
    compare_with_penalty,
)
from ._model.sentences import (
    REMAINDER,
    AdditionalPenalty,
    AdditionalPenaltyKind,
    AppealOutcome,
    CourtKind,
    DetentionRegime,
    NonCustodialKind,
    NonCustodialPenalty,
    Proceedings,
    Remainder,
    Sentence,
    SentenceTotals,
    account_totals,
    sentence_release_date,
    sentence_release_window,
    served_concurrently,
    served_consecutively,
    time_to_serve,
)
from ._model.terms import LIFE, Life, Term, TermRange, add_term
from ._util.public import publish as _publish

__all__ = [
    "LIFE",
    "REMAINDER",
    "AdditionalPenalty",
    "AdditionalPenaltyKind",
    "AggravatedPenalty",
    "AppealOutcome",
    "CourtKind",
    "DetentionRegime",
    "Life",
    "Money",
    "NonCustodialKind",
    "NonCustodialPenalty",
    "PenaltyComparison",
    "Proceedings",
    "Remainder",
    "ReportedAmount",
    "Sentence",
    "SentenceTotals",
    "StatutoryPenalty",
    "Term",
    "TermRange",
    "account_totals",
    "add_term",
    "compare_with_penalty",
    "sentence_release_date",
    "sentence_release_window",
    "served_concurrently",
    "served_consecutively",
    "term_release_date",
    "time_to_serve",
    "total_by_currency",
]

_publish(globals(), __all__, __name__)
