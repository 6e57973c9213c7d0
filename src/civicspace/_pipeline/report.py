"""Validation reports for people and for machines: the command line's output.

The JSON form has its own published schema, ``report.json``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import attrs

from ..errors import Issue

__all__ = ["RecordReport", "Summary", "issue_json", "record_json"]


@attrs.frozen
class RecordReport:
    """What validation found in one record of the input.

    Attributes:
        index: The record's position in the input, from 0.
        line: The line it is on, for JSON Lines; ``None`` for a document.
        kind: Its record type, when it could be told.
        id: Its ``id``, when it has one.
        issues: Every problem found; empty when the record is valid.
    """

    index: int
    line: int | None
    kind: str | None
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


def issue_json(issue: Issue) -> dict[str, Any]:
    """An issue as a JSON-ready value; unknown members are left out."""
    value: dict[str, Any] = {"path": issue.path, "code": issue.code, "message": issue.message}
    for name in ("schema", "line", "column"):
        if getattr(issue, name) is not None:
            value[name] = getattr(issue, name)
    return value


def record_json(file: str, report: RecordReport, issues: tuple[Issue, ...]) -> dict[str, Any]:
    """An invalid record's entry in a JSON report, with the issues shown."""
    value: dict[str, Any] = {"file": file, "index": report.index}
    for name in ("line", "kind", "id"):
        if getattr(report, name) is not None:
            value[name] = getattr(report, name)
    value["issue_count"] = len(report.issues)
    value["issues"] = [issue_json(issue) for issue in issues]
    return value
