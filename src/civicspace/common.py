"""Values every record type shares: partial dates, sources, derivation marks.

A partial date keeps the precision the source gives; a source names the
published text and quotes it; a derivation marks a value that rests on a
reading rather than a quote.
"""

from ._model.common import DatePrecision, Derivation, DerivationKind, PartialDate, Source
from ._util.public import publish as _publish

__all__ = [
    "DatePrecision",
    "Derivation",
    "DerivationKind",
    "PartialDate",
    "Source",
]

_publish(globals(), __all__, __name__)
