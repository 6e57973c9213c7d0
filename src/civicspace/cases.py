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
    DayCount,
    TimelineStep,
    arrest_to_verdict,
    case_statuses,
    person_status,
    pretrial_detention,
    timeline,
)
from ._model.custody import CustodyKind, CustodyPeriod, days_in_custody
from ._model.events import (
    Actor,
    ActorKind,
    CountQualifier,
    CustodyEffect,
    CustodyStatus,
    Event,
    EventKind,
    LegalOutcome,
    PersonStatus,
    event_kinds,
)
from ._model.standing import (
    Standing,
    StatusStep,
    custody_on,
    outcome_on,
    standing_on,
    status_history,
)
from ._util.public import publish as _publish

__all__ = [
    "Actor",
    "ActorKind",
    "Case",
    "Charge",
    "CountQualifier",
    "CustodyEffect",
    "CustodyKind",
    "CustodyPeriod",
    "CustodyStatus",
    "DayCount",
    "Event",
    "EventKind",
    "LegalOutcome",
    "PersonStatus",
    "Standing",
    "StatusStep",
    "TimelineStep",
    "arrest_to_verdict",
    "case_statuses",
    "custody_on",
    "days_in_custody",
    "event_kinds",
    "outcome_on",
    "person_status",
    "pretrial_detention",
    "standing_on",
    "status_history",
    "timeline",
]

_publish(globals(), __all__, __name__)
