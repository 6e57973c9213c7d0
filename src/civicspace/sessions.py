"""Sessions of the UN Human Rights Council, and the Council's membership.

The agenda items, speakers, demands and side events of a session that
concern a country, and the ratings of the Council's members.
"""

from ._model.sessions import (
    COUNCIL_SEATS,
    AgendaItem,
    AgendaItemKind,
    CouncilChange,
    CouncilRatings,
    Demand,
    PrintedMember,
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
from ._util.public import publish as _publish

__all__ = [
    "COUNCIL_SEATS",
    "AgendaItem",
    "AgendaItemKind",
    "CouncilChange",
    "CouncilRatings",
    "Demand",
    "PrintedMember",
    "Session",
    "SessionDemand",
    "SessionItem",
    "SideEvent",
    "Speaker",
    "agenda_concerning",
    "council_change",
    "council_ratings",
    "demands_about",
    "sessions_concerning",
]

_publish(globals(), __all__, __name__)
