"""The rule of the marks of derived values, on every record type that carries them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from .._model.cases import Case
from .._model.common import member_steps
from .._model.laws import Law
from .._model.ratings import CountryRating
from .._model.sessions import Session
from .._model.statements import Statement
from .._util.echo import quoted
from .engine import Finding, check

_CODE = "derived.unknown_member"
_MEANING = "A mark of a derived value names a member the record does not have, or leaves unset."


def _holds(record: Any, member: str) -> bool:
    """Whether ``member`` names a value ``record`` has (set, and not an empty sequence)."""
    value = record
    for step in member_steps(member):
        if isinstance(step, int):
            if not isinstance(value, tuple) or step >= len(value):
                return False
            value = value[step]
        elif attrs.has(type(value)) and step in attrs.fields_dict(type(value)):
            value = getattr(value, step)
        else:
            return False
    return value is not None and value != ()


def unknown_members(record: Any) -> Iterator[Finding]:
    """Each mark of a derived value names a member the record has."""
    for index, derivation in enumerate(record.derived):
        if derivation.member == "derived" or not _holds(record, derivation.member):
            yield (
                f"$.derived[{index}].member",
                f"{quoted(derivation.member)} names no value of this record",
            )


for _cls in (CountryRating, Case, Law, Statement, Session):
    check(_cls, _CODE, _MEANING)(unknown_members)
