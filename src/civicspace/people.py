"""People and organisations: records, the ones a case embeds, names and identifiers.

The person and organisation records, the people and organisations embedded
in a case, their other names, identifiers and roles, and the matching of
organisation names across records.
"""

from ._model.people import (
    Affiliation,
    Age,
    CaseOrganisation,
    CasePerson,
    Gender,
    Identifier,
    OrganisationKind,
    OrganisationRecord,
    OtherName,
    PersonRecord,
    Role,
)
from ._model.signatories import (
    MatchRule,
    OrganisationMatch,
    match_organisations,
    normalise_organisation_name,
)
from ._util.public import publish as _publish

__all__ = [
    "Affiliation",
    "Age",
    "CaseOrganisation",
    "CasePerson",
    "Gender",
    "Identifier",
    "MatchRule",
    "OrganisationKind",
    "OrganisationMatch",
    "OrganisationRecord",
    "OtherName",
    "PersonRecord",
    "Role",
    "match_organisations",
    "normalise_organisation_name",
]

_publish(globals(), __all__, __name__)
