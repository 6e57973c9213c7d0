"""Questions over many records: across cases, across statements, consistency, summaries."""

from .across_cases import (
    cases_of,
    count_by_article,
    count_by_country,
    count_by_custody,
    count_by_offence,
    count_by_outcome,
    count_by_role,
    count_by_status,
)
from .across_statements import (
    CoSigning,
    OrganisationGroup,
    co_signatories,
    organisation_groups,
    statements_concerning,
    statements_joined,
)
from .consistency import (
    ConflictingAccounts,
    ImpliedRate,
    conflicts,
    implied_exchange_rates,
    ruling_totals,
)
from .derived import derived_values, without_derived
from .summary import CollectionSummary, summarise

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
