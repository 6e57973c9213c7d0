"""The public entry points: :func:`validate`, :func:`load` and :func:`dump`.

Each runs the data flow in order (parse, schema validation, structuring,
semantic checks) and stops at the first step that finds a problem, reporting
every problem that step found.
"""

from __future__ import annotations

from typing import Any

import attrs

from ._checks import check_record
from ._convert import RECORD_TYPES, converter
from ._errors import CivicspaceError, Issue, ValidationError
from ._parse import parse_json
from ._schema_validation import schema_issues
from ._structure import structure_record

__all__ = ["dump", "load", "record_types", "validate"]

JSONText = str | bytes | bytearray


def record_types() -> tuple[str, ...]:
    """The record types civicspace reads, as their ``type`` tags."""
    return tuple(RECORD_TYPES)


def _kind_of(value: Any, kind: str | None) -> tuple[str | None, list[Issue]]:
    if kind is not None:
        if kind not in RECORD_TYPES:
            raise CivicspaceError(
                f"{kind!r} is not a record type; the types are {', '.join(RECORD_TYPES)}"
            )
        return kind, []
    if not isinstance(value, dict):
        return None, [Issue("$", "document.not_object", "a record must be a JSON object")]
    tag = value.get("type")
    if not isinstance(tag, str):
        return None, [
            Issue(
                "$.type",
                "document.type_missing",
                f"a record needs a string 'type', one of {', '.join(RECORD_TYPES)}",
            )
        ]
    if tag not in RECORD_TYPES:
        return None, [
            Issue(
                "$.type",
                "document.type_unknown",
                f"{tag!r} is not a record type; the types are {', '.join(RECORD_TYPES)}",
            )
        ]
    return tag, []


def _run(data: Any, kind: str | None) -> tuple[Any, str | None, list[Issue]]:
    if isinstance(data, str | bytes | bytearray):
        try:
            data = parse_json(data)
        except ValidationError as error:
            return None, None, list(error.issues)
    found_kind, issues = _kind_of(data, kind)
    if found_kind is None:
        return None, None, issues
    issues = schema_issues(found_kind, data)
    if issues:
        return None, found_kind, issues
    record, issues = structure_record(RECORD_TYPES[found_kind], data)
    if issues:
        return None, found_kind, issues
    return record, found_kind, check_record(record)


def validate(data: Any, *, kind: str | None = None) -> list[Issue]:
    """Every problem with a JSON document; an empty list means it is valid.

    Args:
        data: JSON text as ``str`` or UTF-8 ``bytes``, or an already parsed
            value (``dict``).  Text is parsed strictly: duplicate keys,
            ``NaN`` and malformed JSON are issues, not exceptions.
        kind: The record type to read it as; by default the document's
            ``type`` member says.

    Returns:
        The issues, each with a JSON path, a stable code and a message.
        Problems found by one step (parsing, the schema, the model's own
        checks, the cross-field rules) are all reported; later steps run only
        on a document that passed the earlier ones.

    Raises:
        CivicspaceError: only when ``kind`` names no record type.  Bad data
            never raises.

    """
    return _run(data, kind)[2]


def load(data: Any, *, kind: str | None = None) -> Any:
    """Validate a JSON document and return it as a model object.

    Takes what :func:`validate` takes.  A ``"rating"`` record loads as a
    :class:`~civicspace.CountryRating`, a ``"scale"`` as a
    :class:`~civicspace.RatingScale`.

    Raises:
        ValidationError: carrying every issue :func:`validate` would report.

    """
    record, found_kind, issues = _run(data, kind)
    if issues:
        record_id = data.get("id") if isinstance(data, dict) else None
        raise ValidationError(
            issues, kind=found_kind, record_id=record_id if isinstance(record_id, str) else None
        )
    return record


def dump(obj: Any) -> Any:
    """The JSON-ready value of a model object: dicts, lists, strings, numbers.

    Records carry their ``type`` tag, dates and decimals become strings,
    and optional members that are unset are left out, so
    ``dump(load(x)) == x`` for every valid document ``x``.

    Raises:
        CivicspaceError: when ``obj`` is not a civicspace model object.

    """
    if not attrs.has(type(obj)) or type(obj).__module__.split(".")[0] != "civicspace":
        raise CivicspaceError(f"{type(obj).__name__} is not a civicspace model class")
    return converter.unstructure(obj)
