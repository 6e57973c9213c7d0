"""Validation reports for people and for machines: the command line's output.

The JSON form has its own published schema, ``report.json``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import attrs

from ..errors import Issue, _whole_value
from .json_paths import path_steps

__all__ = ["RecordReport", "ReportBuilder", "Summary", "issue_json", "record_json"]


@attrs.frozen
class RecordReport:
    """What validation found in one record of the input.

    Attributes:
        index: The record's position in the input, from 0.
        line: The line it is on, for JSON Lines; ``None`` for a document.
        record_type: Its record type, when it could be told.
        id: Its ``id``, when it has one.
        issues: Every problem found; empty when the record is valid.
    """

    index: int
    line: int | None
    record_type: str | None
    id: str | None
    issues: tuple[Issue, ...]

    @property
    def valid(self) -> bool:
        """Whether no problem was found."""
        return not self.issues


@attrs.define
class Summary:
    """Running counts over the records of a validation run."""

    records: int = 0
    valid: int = 0
    invalid: int = 0
    issues_by_code: Counter[str] = attrs.field(factory=Counter)

    def add(self, report: RecordReport) -> None:
        """Count one record's outcome."""
        self.records += 1
        if report.valid:
            self.valid += 1
        else:
            self.invalid += 1
            self.issues_by_code.update(issue.code for issue in report.issues)

    @property
    def issues(self) -> int:
        """How many issues were found in all."""
        return sum(self.issues_by_code.values())

    def text(self) -> str:
        """The summary as lines for people."""
        lines = [
            f"{self.records} record{'s' if self.records != 1 else ''} read: "
            f"{self.valid} valid, {self.invalid} invalid, {self.issues} "
            f"issue{'s' if self.issues != 1 else ''}"
        ]
        lines.extend(f"  {count:>6}  {code}" for code, count in sorted(self.issues_by_code.items()))
        return "\n".join(lines)

    def json(self) -> dict[str, Any]:
        """The summary as a JSON-ready value."""
        return {
            "records": self.records,
            "valid": self.valid,
            "invalid": self.invalid,
            "issues": self.issues,
            "issues_by_code": dict(sorted(self.issues_by_code.items())),
        }


def _plain(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def issue_json(issue: Issue) -> dict[str, Any]:
    """An issue as a JSON-ready value (``report.json``'s issue); unknown members are left out."""
    value: dict[str, Any] = {
        "path": issue.path,
        "steps": list(path_steps(issue.path)),  # as the path shows them: long keys cut
        "code": issue.code,
        "message": issue.message,
    }
    for name in ("schema", "line", "column", "value", "expected", "suggestion"):
        if getattr(issue, name) is not None:
            value[name] = _plain(getattr(issue, name))
        if name == "value":
            whole, instance = _whole_value(issue.value)
            if whole:
                value["instance"] = instance
    return value


def record_json(file: str, report: RecordReport, issues: tuple[Issue, ...]) -> dict[str, Any]:
    """An invalid record's entry in a JSON report, with the issues shown."""
    value: dict[str, Any] = {"file": file, "index": report.index}
    if report.line is not None:
        value["line"] = report.line
    if report.record_type is not None:
        # "kind" is the v1 name of "type", written for the readers of v1 reports.
        value["type"] = value["kind"] = report.record_type
    if report.id is not None:
        value["id"] = report.id
    value["issue_count"] = len(report.issues)
    value["issues"] = [issue_json(issue) for issue in issues]
    return value


class ReportBuilder:
    """Builds the report ``report.json`` describes, a record at a time, in bounded memory.

    :meth:`add` counts a record and returns its entry for the report's
    ``records`` (or ``None`` for a valid record, or once ``max_issues`` is
    spent); :meth:`ending` gives the members that follow ``records``.  The
    command line writes entries as they come; :func:`civicspace.validation_report`
    collects them.
    """

    def __init__(self, max_issues: int | None = None) -> None:
        self.summary = Summary()
        self.budget = max_issues
        self.shown = 0

    def add(self, file: str, report: RecordReport) -> dict[str, Any] | None:
        """Count one record; its entry in ``records``, if it is shown."""
        self.summary.add(report)
        if report.valid:
            return None
        shown = self.shown_issues(report)
        if not shown and self.budget is not None:
            return None
        return record_json(file, report, shown)

    def shown_issues(self, report: RecordReport) -> tuple[Issue, ...]:
        """The issues of a counted record that the budget lets through."""
        shown = report.issues if self.budget is None else report.issues[: self.budget]
        if self.budget is not None:
            self.budget -= len(shown)
        self.shown += len(shown)
        return shown

    def heading(self) -> dict[str, Any]:
        """The members that come before ``records``."""
        from .._version import __version__

        return {"type": "report", "civicspace": __version__}

    def ending(self, interrupted: bool = False) -> dict[str, Any]:
        """The members that follow ``records``: the summary and whether issues were left out."""
        ending = {"summary": self.summary.json(), "truncated": self.summary.issues > self.shown}
        if interrupted:
            ending["interrupted"] = True
        return ending
