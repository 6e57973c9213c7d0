"""Countries and places: ISO 3166 codes and names, UN membership, places named in texts."""

from ._model.common import country_name
from ._model.countries import (
    Place,
    PlaceKind,
    country_code,
    is_un_member_state,
    lookup_place,
    place_of,
    un_member_states,
)
from ._util.public import publish as _publish

__all__ = [
    "Place",
    "PlaceKind",
    "country_code",
    "country_name",
    "is_un_member_state",
    "lookup_place",
    "place_of",
    "un_member_states",
]

_publish(globals(), __all__, __name__)
