"""Strategies by record type: any record, or its JSON document."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from .._api import dump
from .._model.records import RECORD_TYPES
from ._common import _RECORD_STRATEGIES

__all__ = ["documents", "records"]


def records(record_type: str) -> st.SearchStrategy[Any]:
    """Model objects of a record type (``"rating"``, ``"scale"``, ...)."""
    if record_type not in RECORD_TYPES:
        raise ValueError(
            f"{record_type!r} is not a record type; the types are {', '.join(RECORD_TYPES)}"
        )
    return _RECORD_STRATEGIES[RECORD_TYPES[record_type]]()


def documents(record_type: str) -> st.SearchStrategy[Any]:
    """Valid JSON documents (parsed: dicts) of a record type."""
    return records(record_type).map(dump)
