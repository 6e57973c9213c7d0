"""Cases: what happened to people and organisations, their events and charges, and status over time.

A :class:`Case` holds the people and organisations it concerns, its events
(kinds from a controlled vocabulary, :func:`event_kinds`), charges and
sentences.  A person's status is derived from the events, never stored:
:func:`status_history`, :func:`standing_on`, :func:`custody_on` and
:func:`outcome_on` answer it for any day.
"""

from ._model.cases import (
    Case,
    Charge,
    ChargeVerdicts,
    DayCount,
    TimelineStep,
    arrest_to_verdict,
    case_statuses,
    person_status,
    pretrial_detention,
    timeline,
)
from ._model.custody import CustodyKind, CustodyPeriod, custody_kind_codes, days_in_custody
from ._model.events import (
    Actor,
    ActorKind,
    CountQualifier,
    CustodyEffect,
    CustodyStatus,
    Designation,
    DesignationCategory,
    DesignationEffect,
    Event,
    EventKind,
    LegalOutcome,
    OrganisationStatus,
    PersonStatus,
    event_kinds,
)
from ._model.standing import (
    OrganisationStep,
    Standing,
    StatusStep,
    custody_on,
    designations_in_force,
    organisation_history,
    organisation_status_on,
    outcome_on,
    sentences_after_changes,
    standing_on,
    status_history,
    term_release_on,
)
from ._util.public import publish as _publish

__all__ = [
    "Actor",
    "ActorKind",
    "Case",
    "Charge",
    "ChargeVerdicts",
    "CountQualifier",
    "CustodyEffect",
    "CustodyKind",
    "CustodyPeriod",
    "CustodyStatus",
    "DayCount",
    "Designation",
    "DesignationCategory",
    "DesignationEffect",
    "Event",
    "EventKind",
    "LegalOutcome",
    "OrganisationStatus",
    "OrganisationStep",
    "PersonStatus",
    "Standing",
    "StatusStep",
    "TimelineStep",
    "arrest_to_verdict",
    "case_statuses",
    "custody_kind_codes",
    "custody_on",
    "days_in_custody",
    "designations_in_force",
    "event_kinds",
    "organisation_history",
    "organisation_status_on",
    "outcome_on",
    "person_status",
    "pretrial_detention",
    "sentences_after_changes",
    "standing_on",
    "status_history",
    "term_release_on",
    "timeline",
]

_publish(globals(), __all__, __name__)
