"""Elections: contests, seats and the results of the parties that stood."""

from ._model.elections import Contest, Election, ElectionFigure, FigureUnit, PartyResult, seat_share
from ._util.public import publish as _publish

__all__ = [
    "Contest",
    "Election",
    "ElectionFigure",
    "FigureUnit",
    "PartyResult",
    "seat_share",
]

_publish(globals(), __all__, __name__)
