"""The public entry points: :func:`validate`, :func:`load`, :func:`dump`, :func:`validate_records`.

Each record runs the data flow in order (parse, schema validation,
structuring, semantic checks) and stops at the first step that finds a
problem, reporting every problem that step found.  Input is one JSON
document (a record or a collection) or JSON Lines (one record per line),
told apart by :func:`civicspace._pipeline.documents.is_json_lines`.
"""

from __future__ import annotations

import difflib
import io
from collections.abc import Iterator
from typing import Any

import attrs

from ._model.records import RECORD_TYPES
from ._pipeline.documents import (
    MAX_RECORD_BYTES,
    RecordText,
    is_json_lines,
    read_records,
    split_json_lines,
)
from ._pipeline.fast import proven as _fast
from ._pipeline.parse import parse_json
from ._pipeline.parsed_values import checked
from ._pipeline.report import RecordReport
from ._pipeline.validation import schema_issues
from ._rules.engine import check_record
from ._util.echo import cut, echo
from .errors import CivicspaceError, Issue, ValidationError

__all__ = [
    "RecordReport",
    "dump",
    "load",
    "load_one",
    "record_types",
    "validate",
    "validate_records",
    "validation_report",
]


def record_types() -> tuple[str, ...]:
    """The record types civicspace reads, as their ``type`` tags."""
    return tuple(RECORD_TYPES)


def _check_record_type(record_type: object) -> None:
    if record_type is not None and (
        not isinstance(record_type, str) or record_type not in RECORD_TYPES
    ):
        shown = (
            echo(record_type) if isinstance(record_type, str) else f"a {type(record_type).__name__}"
        )
        raise CivicspaceError(f"record_type must be one of {', '.join(RECORD_TYPES)}; got {shown}")


def _record_type_of(value: Any, record_type: str | None) -> tuple[str | None, list[Issue]]:
    # Whether or not record_type= is given, a body that is no object gets the same code.
    if not isinstance(value, dict):
        return None, [Issue("$", "document.not_object", "a record must be a JSON object")]
    if record_type is not None:
        return record_type, []
    tag = value.get("type")
    if not isinstance(tag, str):
        return None, [
            Issue(
                "$.type",
                "document.type_missing",
                f"a record needs a string 'type', one of {', '.join(RECORD_TYPES)}",
                expected=tuple(RECORD_TYPES),
            )
        ]
    if tag not in RECORD_TYPES:
        close = difflib.get_close_matches(tag, RECORD_TYPES, n=1) if len(tag) < 40 else []
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return None, [
            Issue(
                "$.type",
                "document.type_unknown",
                f"{echo(tag)} is not a record type; the types are {', '.join(RECORD_TYPES)}{hint}",
                value=echo(tag),
                expected=tuple(RECORD_TYPES),
                suggestion=close[0] if close else None,
            )
        ]
    return tag, []


def _parsed(data: Any) -> tuple[Any, list[Issue]]:
    """JSON text parsed strictly, or a parsed value checked: plain JSON values, or issues."""
    if isinstance(data, str | bytes | bytearray):
        # Fast path: orjson reads text it can prove strict; else parse_json.
        parsed = _fast.parse(data)
        if parsed is not None:
            return parsed, []
        try:
            return parse_json(data), []
        except ValidationError as error:
            return None, list(error.issues)
    return checked(data)


def _run(data: Any, record_type: str | None) -> tuple[Any, Any, str | None, list[Issue]]:
    """One record through every step: the object (or ``None``), the JSON value, record_type, issues.

    Text and parsed values take the same path once read: a parsed value is
    first checked into plain JSON values, which is what parsing returns.
    """
    value, issues = _parsed(data)
    if issues:
        return None, None, None, issues
    found_type, issues = _record_type_of(value, record_type)
    if found_type is None:
        return None, value, None, issues
    try:
        # jsonschema-rs, or else the compiled schemas, prove a record valid; only the rest
        # go through jsonschema, which alone writes issues.
        proven = _fast.proven_valid(found_type, value)
        issues = [] if proven else schema_issues(found_type, value)
        if issues:
            return None, value, found_type, issues
        # Imported here, not with civicspace: they build the converter, which needs cattrs.
        from ._pipeline.fast.structure import structure_proven

        # Proven valid by the schema: the fast structuring path.
        record, issues = structure_proven(
            RECORD_TYPES[found_type], value, by_rust=proven and _fast.active()
        )
        if issues:
            return None, value, found_type, issues
        return record, value, found_type, check_record(record)
    except RecursionError:  # a value nested deeper than any schema goes
        issue = Issue("$", "json.too_deep", "the JSON is nested too deeply")
        return None, value, found_type, [issue]


def _record_id(value: Any) -> str | None:
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        found: str = value["id"]
        return found
    return None


def _report(index: int, text: RecordText, record_type: str | None) -> tuple[Any, RecordReport]:
    if text.data is None:
        issue = Issue(
            "$",
            "json.record_too_large",
            f"this record is {text.size} bytes or more, over the limit of {MAX_RECORD_BYTES}",
            line=text.line,
        )
        return None, RecordReport(index, text.line, None, None, (issue,))
    return _report_value(index, text.line, text.data, record_type)


def _report_value(
    index: int, line: int | None, data: Any, record_type: str | None
) -> tuple[Any, RecordReport]:
    record, value, found_type, issues = _run(data, record_type)
    if line is not None:
        issues = [attrs.evolve(issue, line=line) for issue in issues]
    record_id = getattr(record, "id", None) if record is not None else None
    if not isinstance(record_id, str):
        record_id = _record_id(value)
    if record_id is not None:
        record_id = cut(record_id)
    return record, RecordReport(index, line, found_type, record_id, tuple(issues))


def _is_stream(data: Any) -> bool:
    if not hasattr(data, "readline") or not hasattr(data, "read"):
        return False
    if isinstance(data, io.TextIOBase) or isinstance(data.read(0), str):
        raise CivicspaceError(
            "this file was opened in text mode; open it in binary mode: open(path, 'rb')"
        )
    return True


def _results(data: Any, record_type: str | None) -> Iterator[tuple[Any, RecordReport]]:
    _check_record_type(record_type)
    if isinstance(data, str | bytes | bytearray):
        if is_json_lines(data):
            for index, (line, line_text) in enumerate(split_json_lines(data)):
                yield _report_value(index, line, line_text, record_type)
        else:
            yield _report_value(0, None, data, record_type)
    elif _is_stream(data):
        for index, text in enumerate(read_records(data)):
            yield _report(index, text, record_type)
    else:
        yield _report_value(0, None, data, record_type)


def validate_records(data: Any, *, record_type: str | None = None) -> Iterator[RecordReport]:
    """Validate record by record, yielding a :class:`RecordReport` for each.

    Takes what :func:`validate` takes, and also a binary stream (an open
    file), which is read lazily: a JSON Lines stream of any length is
    validated in memory bounded by its longest line.
    """
    for _, report in _results(data, record_type):
        yield report


def validate(data: Any, *, record_type: str | None = None) -> list[Issue]:
    """Every problem with a JSON document; an empty list means it is valid.

    Args:
        data: JSON text as ``str`` or UTF-8 ``bytes`` — one document, or
            JSON Lines (one record per line, told from the content) — or an
            already parsed value (``dict``), which takes the same path as
            its text and gets the same issues.  Text is parsed strictly:
            duplicate keys, ``NaN`` and malformed JSON are issues, not
            exceptions; so is anything in a parsed value that JSON cannot
            hold (a ``datetime.date``, a set, a tuple, a key that is not a
            string), at its path.
        record_type: The record type to read every record as; by default each
            record's ``type`` member says.

    Returns:
        The issues, each with a JSON path, a stable code, a message and, for
        JSON Lines, the line.  Every problem found by one step (parsing, the
        schema, the model's own checks, the cross-field rules) is reported;
        later steps run only on a record that passed the earlier ones.

    Raises:
        CivicspaceError: only when ``record_type`` names no record type, or for a
            file opened in text mode.  Bad data never raises.
    """
    return [
        issue
        for report in validate_records(data, record_type=record_type)
        for issue in report.issues
    ]


def load(data: Any, *, record_type: str | None = None) -> Any:
    """Validate a JSON document and return it as a model object.

    Takes what :func:`validate` takes.  A ``"rating"`` record loads as a
    :class:`~civicspace.CountryRating`, a ``"collection"`` as a
    :class:`~civicspace.Collection`, and so on; JSON Lines load as a list of
    model objects, one per line (:func:`load_one` takes exactly one record).

    Raises:
        ValidationError: carrying every issue :func:`validate` would report.
    """
    results = list(_results(data, record_type))
    issues = [issue for _, report in results for issue in report.issues]
    if issues:
        first = next(report for _, report in results if report.issues)
        raise ValidationError(issues, record_type=first.record_type, record_id=first.id)
    records = [record for record, _ in results]
    lines = results[0][1].line is not None
    return records if lines else records[0]


def load_one(data: Any, *, record_type: str | None = None) -> Any:
    """Validate exactly one record and return it as a model object.

    Like :func:`load`, but never returns a list: text that is JSON Lines
    (one record per line) is refused with one ``document.json_lines``
    issue, so a web endpoint that expects one record needs no guard.
    Takes JSON text (``str`` or ``bytes``), a parsed value or a binary file.

    Raises:
        ValidationError: carrying every issue :func:`validate` would report,
            or the ``document.json_lines`` issue.
    """
    _check_record_type(record_type)
    if _is_stream(data):
        data = data.read(MAX_RECORD_BYTES + 1)
        if len(data) > MAX_RECORD_BYTES:
            issue = Issue(
                "$",
                "json.record_too_large",
                f"this record is over the limit of {MAX_RECORD_BYTES} bytes",
            )
            raise ValidationError([issue])
    if isinstance(data, str | bytes | bytearray) and is_json_lines(data):
        records = sum(1 for _ in split_json_lines(data))
        issue = Issue(
            "$",
            "document.json_lines",
            f"one record was expected, but this is JSON Lines: {records} records, one per line; "
            "send one JSON document (a collection holds several records)",
            expected="one JSON document",
        )
        raise ValidationError([issue])
    record, report = _report_value(0, None, data, record_type)
    if report.issues:
        raise ValidationError(report.issues, record_type=report.record_type, record_id=report.id)
    return record


def validation_report(
    data: Any, *, record_type: str | None = None, max_issues: int | None = None, file: str = "-"
) -> dict[str, Any]:
    """The report ``civicspace validate --format json`` prints, as a JSON-ready value.

    Its shape is published as the ``report`` schema (``schemas/report.json``):
    the invalid records, each with ``file``, ``index``, ``line``, ``record_type``,
    ``id``, ``issue_count`` and its issues (each issue as :func:`dump` gives
    it), then a summary counting every record and issue by code.

    Args:
        data: What :func:`validate_records` takes.
        record_type: As for :func:`validate`.
        max_issues: Show at most this many issues in all; the summary still
            counts every one, and ``truncated`` says whether any was left out.
        file: The name given as each record's ``file``.

    Raises:
        CivicspaceError: as :func:`validate` does.
    """
    from ._pipeline.report import ReportBuilder

    builder = ReportBuilder(max_issues)
    records = []
    for report in validate_records(data, record_type=record_type):
        entry = builder.add(file, report)
        if entry is not None:
            records.append(entry)
    return {**builder.heading(), "records": records, **builder.ending()}


def dump(obj: Any) -> Any:
    """The JSON-ready value of a model object or an issue: dicts, lists, strings, numbers.

    Records carry their ``type`` tag, dates and decimals become strings,
    and optional members that are unset are left out, so
    ``dump(load(x)) == x`` for every valid document ``x``.

    An :class:`Issue` dumps as the issues of :func:`validation_report` do
    (the ``issue`` of the ``report`` schema): ``path``, ``steps`` (the path
    as keys and indices), ``code``, ``message``, and where known ``schema``,
    ``line``, ``column``, ``value``, ``expected`` and ``suggestion``.

    Raises:
        CivicspaceError: when ``obj`` is not a civicspace model object or issue.
    """
    if isinstance(obj, Issue):
        from ._pipeline.report import issue_json

        return issue_json(obj)
    if not attrs.has(type(obj)) or type(obj).__module__.split(".")[0] != "civicspace":
        raise CivicspaceError(f"{type(obj).__name__} is not a civicspace model class")
    from ._pipeline.fast.dump import unstructure  # imports cattrs on first use

    return unstructure(obj)  # the converter's values, by generated functions
