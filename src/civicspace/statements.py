"""Joint statements: dated texts by several organisations, with signatories and demands.

A :class:`Statement` names its signatories (:class:`Signatory`), its
demands and the cases and laws it concerns.
"""

from ._model.signatories import Signatory
from ._model.statements import Concern, Deliverer, Statement, StatementDemand, StatementKind
from ._util.public import publish as _publish

__all__ = [
    "Concern",
    "Deliverer",
    "Signatory",
    "Statement",
    "StatementDemand",
    "StatementKind",
]

_publish(globals(), __all__, __name__)
