"""Collections: many records of every type in one document, and lookups across them."""

from ._model.collection import Collection, PersonInCase, SentenceInCase, member_types
from ._util.public import publish as _publish

__all__ = [
    "Collection",
    "PersonInCase",
    "SentenceInCase",
    "member_types",
]

_publish(globals(), __all__, __name__)
