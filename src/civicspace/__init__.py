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
<CivicusRating.REPRESSED: 'repressed'>
>>> for issue in civicspace.validate(
...     '{"type": "rating", "country": "KHM\\n", "rating": "represed", "as_of": "2022"}'
... ):
...     print(issue.path, issue.code)
$.country schema.enum
$.rating schema.enum
"""

import typing as _typing

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
from ._analysis.summary import CollectionSummary, summarise
from ._api import RecordReport, dump, load, record_types, validate, validate_records
from ._model.cases import (
    Case,
    Charge,
    DayCount,
    TimelineStep,
    UnknownPersonError,
    arrest_to_verdict,
    case_statuses,
    person_status,
    pretrial_detention,
    timeline,
)
from ._model.citations import Citation, canonical_article_number, is_article_number, parse_citation
from ._model.collection import Collection, PersonInCase, SentenceInCase, UnknownRecordError
from ._model.countries import (
    MemberList,
    NotACountryError,
    Place,
    PlaceKind,
    UnreadMember,
    country_code,
    is_un_member_state,
    lookup_place,
    parse_members,
    place_of,
    un_member_states,
)
from ._model.custody import (
    CustodyError,
    CustodyKind,
    CustodyPeriod,
    days_in_custody,
    term_release_date,
)
from ._model.elections import Contest, Election, PartyResult, seat_share
from ._model.events import (
    CustodyEffect,
    CustodyStatus,
    Event,
    EventKind,
    LegalOutcome,
    PersonStatus,
    event_kinds,
)
from ._model.laws import (
    AmbiguousInstrumentError,
    Article,
    CriticisedFeature,
    Feature,
    Freedom,
    InstrumentMatch,
    InstrumentNotFoundError,
    InstrumentResolutionError,
    Law,
    LawKind,
    LawReference,
    LawStatus,
    StatusChange,
    StatutoryMaximum,
    UnknownLawError,
    article_exists,
    count_references_by_article,
    count_references_by_article_and_key,
    in_force_on,
    law_id,
    law_status_on,
    laws_in_force,
    resolve_citation,
    resolve_instrument,
    statutory_maximum,
)
from ._model.money import (
    CurrencyMismatchError,
    Money,
    MoneyError,
    ReportedAmount,
    total_by_currency,
)
from ._model.people import (
    Affiliation,
    CaseOrganisation,
    CasePerson,
    Identifier,
    OrganisationKind,
    OrganisationRecord,
    OtherName,
    PersonRecord,
    Role,
)
from ._model.ratings import (
    ChangeDirection,
    CivicusRating,
    CountryRating,
    DatedRatingChange,
    RatingChange,
    RatingHistory,
    rating_change,
)
from ._model.scales import (
    RatingScale,
    ScaleDirection,
    ScoreBand,
    ScoreComparison,
    ScoreOutsideBandsError,
    compare_scores,
)
from ._model.sentences import (
    REMAINDER,
    AggravatedPenalty,
    AppealOutcome,
    PenaltyComparison,
    Remainder,
    Sentence,
    SentenceError,
    SentenceTotals,
    StatutoryPenalty,
    account_totals,
    compare_with_penalty,
    sentence_release_date,
    served_concurrently,
    served_consecutively,
    time_to_serve,
)
from ._model.sessions import (
    COUNCIL_SEATS,
    AgendaItem,
    AgendaItemKind,
    CouncilChange,
    CouncilRatings,
    Demand,
    IncompleteSessionError,
    Session,
    SessionDemand,
    SessionItem,
    SideEvent,
    Speaker,
    agenda_concerning,
    council_change,
    council_ratings,
    demands_about,
    sessions_concerning,
)
from ._model.signatories import (
    MatchRule,
    OrganisationMatch,
    Signatory,
    match_organisations,
    normalise_organisation_name,
    parse_signatories,
)
from ._model.standing import (
    Standing,
    StatusStep,
    custody_on,
    outcome_on,
    standing_on,
    status_history,
)
from ._model.statements import Concern, Deliverer, Statement, StatementDemand, StatementKind
from ._model.terms import LIFE, IncomparableTermsError, Life, Term, TermError, TermRange, add_term
from ._model.values import DatePrecision, InvalidDateError, PartialDate, Source, country_name
from ._pipeline.codes import ISSUE_CODES
from ._pipeline.parse import parse_json
from ._pipeline.resources import rating_scales
from ._pipeline.schemas import UnknownSchemaError, schema, schema_names
from ._readers.prose import StatedTerm, parse_money, parse_rating_phrase, parse_term
from ._version import __version__
from .errors import CivicspaceError, FieldValueError, Issue, ParseError, ValidationError

__all__ = [
    "COUNCIL_SEATS",
    "ISSUE_CODES",
    "LIFE",
    "REMAINDER",
    "Affiliation",
    "AgendaItem",
    "AgendaItemKind",
    "AggravatedPenalty",
    "AmbiguousInstrumentError",
    "AppealOutcome",
    "Article",
    "Case",
    "CaseOrganisation",
    "CasePerson",
    "ChangeDirection",
    "Charge",
    "Citation",
    "CivicspaceError",
    "CivicusRating",
    "CoSigning",
    "Collection",
    "CollectionSummary",
    "Concern",
    "ConflictingAccounts",
    "Contest",
    "CouncilChange",
    "CouncilRatings",
    "CountryRating",
    "CriticisedFeature",
    "CurrencyMismatchError",
    "CustodyEffect",
    "CustodyError",
    "CustodyKind",
    "CustodyPeriod",
    "CustodyStatus",
    "DatePrecision",
    "DatedRatingChange",
    "DayCount",
    "Deliverer",
    "Demand",
    "Election",
    "Event",
    "EventKind",
    "Feature",
    "FieldValueError",
    "Freedom",
    "Identifier",
    "ImpliedRate",
    "IncomparableTermsError",
    "IncompleteSessionError",
    "InstrumentMatch",
    "InstrumentNotFoundError",
    "InstrumentResolutionError",
    "InvalidDateError",
    "Issue",
    "Law",
    "LawKind",
    "LawReference",
    "LawStatus",
    "LegalOutcome",
    "Life",
    "MatchRule",
    "MemberList",
    "Money",
    "MoneyError",
    "NotACountryError",
    "OrganisationGroup",
    "OrganisationKind",
    "OrganisationMatch",
    "OrganisationRecord",
    "OtherName",
    "ParseError",
    "PartialDate",
    "PartyResult",
    "PenaltyComparison",
    "PersonInCase",
    "PersonRecord",
    "PersonStatus",
    "Place",
    "PlaceKind",
    "RatingChange",
    "RatingHistory",
    "RatingScale",
    "RecordReport",
    "Remainder",
    "ReportedAmount",
    "Role",
    "ScaleDirection",
    "ScoreBand",
    "ScoreComparison",
    "ScoreOutsideBandsError",
    "Sentence",
    "SentenceError",
    "SentenceInCase",
    "SentenceTotals",
    "Session",
    "SessionDemand",
    "SessionItem",
    "SideEvent",
    "Signatory",
    "Source",
    "Speaker",
    "Standing",
    "StatedTerm",
    "Statement",
    "StatementDemand",
    "StatementKind",
    "StatusChange",
    "StatusStep",
    "StatutoryMaximum",
    "StatutoryPenalty",
    "Term",
    "TermError",
    "TermRange",
    "TimelineStep",
    "UnknownLawError",
    "UnknownPersonError",
    "UnknownRecordError",
    "UnknownSchemaError",
    "UnreadMember",
    "ValidationError",
    "__version__",
    "account_totals",
    "add_term",
    "agenda_concerning",
    "arrest_to_verdict",
    "article_exists",
    "canonical_article_number",
    "case_statuses",
    "cases_of",
    "co_signatories",
    "compare_scores",
    "compare_with_penalty",
    "conflicts",
    "council_change",
    "council_ratings",
    "count_by_article",
    "count_by_country",
    "count_by_custody",
    "count_by_offence",
    "count_by_outcome",
    "count_by_role",
    "count_by_status",
    "count_references_by_article",
    "count_references_by_article_and_key",
    "country_code",
    "country_name",
    "custody_on",
    "days_in_custody",
    "demands_about",
    "dump",
    "event_kinds",
    "implied_exchange_rates",
    "in_force_on",
    "is_article_number",
    "is_un_member_state",
    "law_id",
    "law_status_on",
    "laws_in_force",
    "load",
    "lookup_place",
    "match_organisations",
    "normalise_organisation_name",
    "organisation_groups",
    "outcome_on",
    "parse_citation",
    "parse_json",
    "parse_members",
    "parse_money",
    "parse_rating_phrase",
    "parse_signatories",
    "parse_term",
    "person_status",
    "place_of",
    "pretrial_detention",
    "rating_change",
    "rating_scales",
    "record_types",
    "resolve_citation",
    "resolve_instrument",
    "ruling_totals",
    "schema",
    "schema_names",
    "seat_share",
    "sentence_release_date",
    "served_concurrently",
    "served_consecutively",
    "sessions_concerning",
    "standing_on",
    "statements_concerning",
    "statements_joined",
    "status_history",
    "statutory_maximum",
    "summarise",
    "term_release_date",
    "time_to_serve",
    "timeline",
    "total_by_currency",
    "un_member_states",
    "validate",
    "validate_records",
]

from ._util.public import publish as _publish
from ._util.renamed import RENAMED as _RENAMED

_publish(globals(), __all__, __name__)

if not _typing.TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        """Serve a renamed public name for one more minor release, with a DeprecationWarning."""
        renamed = _RENAMED.get(name)
        if renamed is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        deprecation, instead = renamed
        deprecation.warn()
        return globals()[instead]
