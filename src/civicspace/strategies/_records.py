"""Strategies by record type: any record, or its JSON document."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from .._api import dump
from .._model import (
    RECORD_TYPES,
)
from .cases import (
    cases,
)
from .collections import (
    collections,
)
from .elections import elections
from .laws import (
    laws,
)
from .people import (
    organisation_records,
    person_records,
)
from .ratings import country_ratings, rating_scales
from .sessions import (
    sessions,
)
from .statements import (
    statements,
)

__all__ = ["documents", "records"]


_RECORDS: dict[str, Callable[[], st.SearchStrategy[Any]]] = {
    "case": cases,
    "collection": collections,
    "election": elections,
    "law": laws,
    "organisation": organisation_records,
    "person": person_records,
    "rating": country_ratings,
    "scale": rating_scales,
    "session": sessions,
    "statement": statements,
}


def records(kind: str) -> st.SearchStrategy[Any]:
    """Model objects of a record type (``"rating"``, ``"scale"``, ...)."""
    if kind not in RECORD_TYPES:
        raise ValueError(f"{kind!r} is not a record type; the types are {', '.join(RECORD_TYPES)}")
    return _RECORDS[kind]()


def documents(kind: str) -> st.SearchStrategy[Any]:
    """Valid JSON documents (parsed: dicts) of a record type."""
    return records(kind).map(dump)
