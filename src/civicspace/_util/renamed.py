"""Public names renamed for clarity, each kept for one minor release as a deprecated alias.

Each rename is a module-level :class:`~civicspace._util.deprecation.Deprecation`
whose ``instead`` names the new public name; ``civicspace.__getattr__``
serves the old name, warning where it is used.  The old names are not in
``civicspace.__all__``, so ``from civicspace import *`` never warns.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from .deprecation import Deprecation

__all__ = ["RENAMED"]

_SINCE, _REMOVED_IN = "0.1", "0.2"

STATUS_ON: Final = Deprecation(
    name="civicspace.status_on",
    since=_SINCE,
    removed_in=_REMOVED_IN,
    instead="civicspace.law_status_on",
)
RELEASE_DATE: Final = Deprecation(
    name="civicspace.release_date",
    since=_SINCE,
    removed_in=_REMOVED_IN,
    instead="civicspace.term_release_date",
)
COUNT_ARTICLE_CITATIONS: Final = Deprecation(
    name="civicspace.count_article_citations",
    since=_SINCE,
    removed_in=_REMOVED_IN,
    instead="civicspace.count_references_by_article",
)
COUNT_ARTICLE_CITATIONS_BY: Final = Deprecation(
    name="civicspace.count_article_citations_by",
    since=_SINCE,
    removed_in=_REMOVED_IN,
    instead="civicspace.count_references_by_article_and_key",
)
SENTENCE_TOTALS: Final = Deprecation(
    name="civicspace.sentence_totals",
    since=_SINCE,
    removed_in=_REMOVED_IN,
    instead="civicspace.account_totals (civicspace.ruling_totals counts each ruling once)",
)
RATING: Final = Deprecation(
    name="civicspace.Rating",
    since=_SINCE,
    removed_in=_REMOVED_IN,
    instead="civicspace.CivicusRating",
)
PERSON: Final = Deprecation(
    name="civicspace.Person",
    since=_SINCE,
    removed_in=_REMOVED_IN,
    instead="civicspace.CasePerson",
)
ORGANISATION: Final = Deprecation(
    name="civicspace.Organisation",
    since=_SINCE,
    removed_in=_REMOVED_IN,
    instead="civicspace.CaseOrganisation",
)

RENAMED: Final[Mapping[str, tuple[Deprecation, str]]] = MappingProxyType(
    {
        deprecation.name.removeprefix("civicspace."): (
            deprecation,
            (deprecation.instead or "").removeprefix("civicspace.").split(" ", 1)[0],
        )
        for deprecation in (
            STATUS_ON,
            RELEASE_DATE,
            COUNT_ARTICLE_CITATIONS,
            COUNT_ARTICLE_CITATIONS_BY,
            SENTENCE_TOTALS,
            RATING,
            PERSON,
            ORGANISATION,
        )
    }
)
"""Old public name → (its deprecation, the public name that replaces it)."""
