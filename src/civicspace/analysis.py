"""Questions over many records: counts, co-signing, consistency, summaries.

Counts across cases, statements joined and co-signed, conflicting accounts
and totals of rulings, summaries, and the values derived from a reading.
"""

from ._analysis.across_cases import (
    cases_of,
    count_by_article,
    count_by_country,
    count_by_custody,
    count_by_offence,
    count_by_outcome,
    count_by_role,
    count_by_status,
)
from ._analysis.across_statements import (
    CoSigning,
    OrganisationGroup,
    co_signatories,
    organisation_groups,
    statements_concerning,
    statements_joined,
)
from ._analysis.consistency import (
    ConflictingAccounts,
    ImpliedRate,
    conflicts,
    implied_exchange_rates,
    ruling_totals,
)
from ._analysis.derived import derived_values, without_derived
from ._analysis.summary import CollectionSummary, summarise
from ._util.public import publish as _publish

__all__ = [
    "CoSigning",
    "CollectionSummary",
    "ConflictingAccounts",
    "ImpliedRate",
    "OrganisationGroup",
    "cases_of",
    "co_signatories",
    "conflicts",
    "count_by_article",
    "count_by_country",
    "count_by_custody",
    "count_by_offence",
    "count_by_outcome",
    "count_by_role",
    "count_by_status",
    "derived_values",
    "implied_exchange_rates",
    "organisation_groups",
    "ruling_totals",
    "statements_concerning",
    "statements_joined",
    "summarise",
    "without_derived",
]

_publish(globals(), __all__, __name__)
