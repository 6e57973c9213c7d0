"""Moving data to and from other tools of the field: Popolo and Uwazi.

:func:`to_popolo` writes a collection as a Popolo 1.0.1 bundle (persons,
organizations, memberships, areas, events), valid under Popolo's own
schemas; :func:`from_popolo` reads a Popolo bundle, EveryPolitician's among
them, into person and organisation records.  :func:`to_uwazi` (and
:func:`write_uwazi`) writes a collection as the CSV files Uwazi imports:
template descriptions, thesauri, and one entity file per template;
:func:`from_uwazi` reads those files, and those Uwazi's own export writes,
back into a collection.  None of them needs an extra.
"""

from ._interop.popolo import PopoloReading, from_popolo, to_popolo
from ._interop.uwazi import UwaziExport, to_uwazi, write_uwazi
from ._interop.uwazi_read import UwaziIssue, UwaziReading, from_uwazi
from ._util.public import publish as _publish

__all__ = [
    "PopoloReading",
    "UwaziExport",
    "UwaziIssue",
    "UwaziReading",
    "from_popolo",
    "from_uwazi",
    "to_popolo",
    "to_uwazi",
    "write_uwazi",
]

_publish(globals(), __all__, __name__)
