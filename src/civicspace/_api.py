"""The public entry points: :func:`validate`, :func:`load`, :func:`dump`, :func:`validate_records`.

Each record runs the data flow in order (parse, schema validation,
structuring, semantic checks) and stops at the first step that finds a
problem, reporting every problem that step found.  Input is one JSON
document (a record or a collection) or JSON Lines (one record per line),
told apart by :func:`civicspace._documents.is_json_lines`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from ._model import RECORD_TYPES
from ._pipeline import (
    MAX_RECORD_BYTES,
    RecordReport,
    RecordText,
    is_json_lines,
    parse_json,
    read_records,
    schema_issues,
    split_json_lines,
)
from ._pipeline import verdict as _fast
from ._rules import check_record
from .errors import CivicspaceError, Issue, ValidationError

__all__ = ["RecordReport", "dump", "load", "record_types", "validate", "validate_records"]


def record_types() -> tuple[str, ...]:
    """The record types civicspace reads, as their ``type`` tags."""
    return tuple(RECORD_TYPES)


def _check_kind(kind: str | None) -> None:
    if kind is not None and kind not in RECORD_TYPES:
        raise CivicspaceError(
            f"{kind!r} is not a record type; the types are {', '.join(RECORD_TYPES)}"
        )


def _kind_of(value: Any, kind: str | None) -> tuple[str | None, list[Issue]]:
    if kind is not None:
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
    """One record through every step: the object (or ``None``), its kind, the issues."""
    from_text = isinstance(data, str | bytes | bytearray)
    if from_text:
        # Fast path (_pipeline/fast): orjson reads text it can prove strict; else parse_json.
        parsed = _fast.parse(data)
        if parsed is None:
            try:
                parsed = parse_json(data)
            except ValidationError as error:
                return None, None, list(error.issues)
        data = parsed
    found_kind, issues = _kind_of(data, kind)
    if found_kind is None:
        return None, None, issues
    try:
        # Fast path: jsonschema-rs, or else the compiled schemas, prove a parsed record
        # valid; only the rest go through jsonschema, which alone writes issues.
        if from_text and _fast.proven_valid(found_kind, data):
            issues = []
        else:
            issues = schema_issues(found_kind, data)
        if issues:
            return None, found_kind, issues
        # Imported here, not with civicspace: they build the converter, which needs cattrs.
        from ._pipeline import structure_proven, structure_record

        if from_text:  # proven valid by the schema: the fast structuring path
            record, issues = structure_proven(RECORD_TYPES[found_kind], data)
        else:
            record, issues = structure_record(RECORD_TYPES[found_kind], data)
        if issues:
            return None, found_kind, issues
        return record, found_kind, check_record(record)
    except RecursionError:  # a value nested deeper than any schema goes
        return None, found_kind, [Issue("$", "json.too_deep", "the JSON is nested too deeply")]


def _record_id(value: Any) -> str | None:
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        found: str = value["id"]
        return found
    return None


def _report(index: int, text: RecordText, kind: str | None) -> tuple[Any, RecordReport]:
    if text.data is None:
        issue = Issue(
            "$",
            "json.record_too_large",
            f"this record is {text.size} bytes or more, over the limit of {MAX_RECORD_BYTES}",
            line=text.line,
        )
        return None, RecordReport(index, text.line, None, None, (issue,))
    return _report_value(index, text.line, text.data, kind)


def _report_value(
    index: int, line: int | None, data: Any, kind: str | None
) -> tuple[Any, RecordReport]:
    record, found_kind, issues = _run(data, kind)
    if line is not None:
        issues = [attrs.evolve(issue, line=line) for issue in issues]
    record_id = getattr(record, "id", None) if record is not None else None
    if record_id is None and not isinstance(data, str | bytes | bytearray):
        record_id = _record_id(data)
    return record, RecordReport(index, line, found_kind, record_id, tuple(issues))


def _results(data: Any, kind: str | None) -> Iterator[tuple[Any, RecordReport]]:
    _check_kind(kind)
    if isinstance(data, str | bytes | bytearray):
        if is_json_lines(data):
            for index, (line, line_text) in enumerate(split_json_lines(data)):
                yield _report_value(index, line, line_text, kind)
        else:
            yield _report_value(0, None, data, kind)
    elif hasattr(data, "readline"):
        for index, text in enumerate(read_records(data)):
            yield _report(index, text, kind)
    else:
        yield _report_value(0, None, data, kind)


def validate_records(data: Any, *, kind: str | None = None) -> Iterator[RecordReport]:
    """Validate record by record, yielding a :class:`RecordReport` for each.

    Takes what :func:`validate` takes, and also a binary stream (an open
    file), which is read lazily: a JSON Lines stream of any length is
    validated in memory bounded by its longest line.
    """
    for _, report in _results(data, kind):
        yield report


def validate(data: Any, *, kind: str | None = None) -> list[Issue]:
    """Every problem with a JSON document; an empty list means it is valid.

    Args:
        data: JSON text as ``str`` or UTF-8 ``bytes`` — one document, or
            JSON Lines (one record per line, told from the content) — or an
            already parsed value (``dict``).  Text is parsed strictly:
            duplicate keys, ``NaN`` and malformed JSON are issues, not
            exceptions.
        kind: The record type to read every record as; by default each
            record's ``type`` member says.

    Returns:
        The issues, each with a JSON path, a stable code, a message and, for
        JSON Lines, the line.  Every problem found by one step (parsing, the
        schema, the model's own checks, the cross-field rules) is reported;
        later steps run only on a record that passed the earlier ones.

    Raises:
        CivicspaceError: only when ``kind`` names no record type.  Bad data
            never raises.
    """
    return [issue for report in validate_records(data, kind=kind) for issue in report.issues]


def load(data: Any, *, kind: str | None = None) -> Any:
    """Validate a JSON document and return it as a model object.

    Takes what :func:`validate` takes.  A ``"rating"`` record loads as a
    :class:`~civicspace.CountryRating`, a ``"collection"`` as a
    :class:`~civicspace.Collection`, and so on; JSON Lines load as a list of
    model objects, one per line.

    Raises:
        ValidationError: carrying every issue :func:`validate` would report.
    """
    results = list(_results(data, kind))
    issues = [issue for _, report in results for issue in report.issues]
    if issues:
        first = next(report for _, report in results if report.issues)
        raise ValidationError(issues, kind=first.kind, record_id=first.id)
    records = [record for record, _ in results]
    lines = results[0][1].line is not None
    return records if lines else records[0]


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
    from ._pipeline import unstructure

    return unstructure(obj)  # the converter's values, by generated functions
