"""Strategies by record type: any record, or its JSON document."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from .._api import dump
from .._model.records import RECORD_TYPES
from ._common import _RECORD_STRATEGIES

__all__ = ["documents", "records"]


def records(kind: str) -> st.SearchStrategy[Any]:
    """Model objects of a record type (``"rating"``, ``"scale"``, ...)."""
    if kind not in RECORD_TYPES:
        raise ValueError(f"{kind!r} is not a record type; the types are {', '.join(RECORD_TYPES)}")
    return _RECORD_STRATEGIES[RECORD_TYPES[kind]]()


def documents(kind: str) -> st.SearchStrategy[Any]:
    """Valid JSON documents (parsed: dicts) of a record type."""
    return records(kind).map(dump)
