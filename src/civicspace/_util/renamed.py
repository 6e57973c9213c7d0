"""Public names renamed for clarity, each kept for one minor release as a deprecated alias.

Each rename is a line of ``_RENAMES``, made into a
:class:`~civicspace._util.deprecation.Deprecation`; ``civicspace.__getattr__``
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

#: Old public name → (the public name that replaces it, what else to say).
_RENAMES: Final = {
    "status_on": ("law_status_on", ""),
    "release_date": ("term_release_date", ""),
    "count_article_citations": ("count_references_by_article", ""),
    "count_article_citations_by": ("count_references_by_article_and_key", ""),
    "sentence_totals": ("account_totals", " (civicspace.ruling_totals counts each ruling once)"),
    "Rating": ("CivicusRating", ""),
    "Person": ("CasePerson", ""),
    "Organisation": ("CaseOrganisation", ""),
}

RENAMED: Final[Mapping[str, tuple[Deprecation, str]]] = MappingProxyType(
    {
        old: (
            Deprecation(
                name=f"civicspace.{old}",
                since=_SINCE,
                removed_in=_REMOVED_IN,
                instead=f"civicspace.{new}{note}",
            ),
            new,
        )
        for old, (new, note) in _RENAMES.items()
    }
)
"""Old public name → (its deprecation, the public name that replaces it)."""
