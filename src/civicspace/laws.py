"""Laws: legal instruments, their articles, status over time, citations and penalties.

A :class:`Law` is an instrument of a jurisdiction (code, law, sub-decree,
decree, notice, draft) with its articles and status over time; charges cite
its articles, and :func:`statutory_maximum` says what a charge carries.
"""

from ._model.articles import LawReference, canonical_article_number, is_article_number
from ._model.citations import (
    Citation,
    InstrumentMatch,
    count_references_by_article,
    count_references_by_article_and_key,
    resolve_citation,
    resolve_instrument,
)
from ._model.common import LawVersion
from ._model.laws import (
    Article,
    CriticisedFeature,
    Feature,
    Freedom,
    Law,
    LawKind,
    LawStatus,
    StatusChange,
    article_exists,
    in_force_on,
    law_id,
    law_status_on,
    laws_in_force,
)
from ._model.penalties import StatutoryMaximum, statutory_maximum
from ._util.public import publish as _publish

__all__ = [
    "Article",
    "Citation",
    "CriticisedFeature",
    "Feature",
    "Freedom",
    "InstrumentMatch",
    "Law",
    "LawKind",
    "LawReference",
    "LawStatus",
    "LawVersion",
    "StatusChange",
    "StatutoryMaximum",
    "article_exists",
    "canonical_article_number",
    "count_references_by_article",
    "count_references_by_article_and_key",
    "in_force_on",
    "is_article_number",
    "law_id",
    "law_status_on",
    "laws_in_force",
    "resolve_citation",
    "resolve_instrument",
    "statutory_maximum",
]

_publish(globals(), __all__, __name__)
