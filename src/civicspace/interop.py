"""Moving data to and from other tools of the field: Popolo and Uwazi.

:func:`to_popolo` writes a collection as a Popolo 1.0.1 bundle (persons,
organizations, memberships, areas, events), valid under Popolo's own
schemas; :func:`from_popolo` reads a Popolo bundle, EveryPolitician's among
them, into person and organisation records.  Neither needs an extra.
"""

from ._interop.popolo import PopoloReading, from_popolo, to_popolo
from ._util.public import publish as _publish

__all__ = [
    "PopoloReading",
    "from_popolo",
    "to_popolo",
]

_publish(globals(), __all__, __name__)
