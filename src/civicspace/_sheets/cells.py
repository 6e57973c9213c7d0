"""Cells, the issues on them, and the sheets as read: the values of a workbook or CSV folder."""

from __future__ import annotations

import datetime
from typing import Any, Final

import attrs

from civicspace.errors import Issue

from .._util.echo import cut, quoted

__all__ = [
    "MAX_COLUMNS",
    "MAX_ROWS",
    "BadSerial",
    "CellIssue",
    "CellReading",
    "Formula",
    "Refusal",
    "Sheet",
    "ShownDate",
    "cell_ref",
    "column_letter",
    "echo",
]

#: Rows a sheet (or CSV file) may hold below its header; more is refused, not truncated.
MAX_ROWS: Final = 100_000
#: Columns a sheet may hold.
MAX_COLUMNS: Final = 500


def echo(value: Any) -> str:
    """A cell's value as a message quotes it (``'2,000,000'``), bounded as every echo is."""
    return quoted(value) if isinstance(value, str) else cut(repr(value))


def column_letter(column: int) -> str:
    """The spreadsheet letters of a 1-based column number: 1 → ``A``, 28 → ``AB``."""
    letters = ""
    while column > 0:
        column, remainder = divmod(column - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def cell_ref(sheet: str, row: int, column: int, file: str | None = None) -> str:
    """``sheet!C7``: the cell as a person finds it; ``events.csv line 7 (column C)`` in CSV."""
    if file is not None:
        return f"{file} line {row} (column {column_letter(column)})"
    return f"{sheet}!{column_letter(column)}{row}"


@attrs.frozen
class CellIssue:
    """An issue of a workbook or CSV folder, with the cell it is on when there is one.

    Attributes:
        issue: The issue, with the JSON path of the collection document
            the cell fills, a stable code and a message.
        sheet: The sheet (or CSV file's table name); ``None`` for the file.
        row: The row, counting from 1 as spreadsheets do (the header is 1).
        column: The column's letters (``C``).
        cell: ``events!C7``: sheet, column and row together.

    """

    issue: Issue
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    cell: str | None = None

    def __str__(self) -> str:
        """Render as ``sheet!C7: path: message [code]``."""
        return f"{self.cell}: {self.issue}" if self.cell is not None else str(self.issue)

    def to_json(self) -> dict[str, Any]:
        """The issue as the JSON report writes it, with its ``cell`` when it has one."""
        out: dict[str, Any] = {
            "path": self.issue.path,
            "code": self.issue.code,
            "message": self.issue.message,
        }
        if self.issue.schema is not None:
            out["schema"] = self.issue.schema
        if self.sheet is not None:
            cell: dict[str, Any] = {"sheet": self.sheet}
            if self.row is not None:
                cell["row"] = self.row
            if self.column is not None:
                cell["column"] = self.column
            if self.cell is not None:
                cell["ref"] = self.cell
            out["cell"] = cell
        return out


@attrs.frozen
class CellReading:
    """What a prose reader read in a cell: the text as typed and the JSON value it became.

    Attributes:
        cell: ``sentences!H3``.
        path: The JSON path the value fills.
        text: The cell's text.
        value: The JSON value read from it.

    """

    cell: str
    path: str
    text: str
    value: Any

    def __str__(self) -> str:
        """Render as ``sheet!H3: read "text" as value``."""
        return f"{self.cell}: read {echo(self.text)} as {cut(repr(self.value), 400)}"


@attrs.frozen
class Formula:
    """A cell holding a formula, which civicspace does not evaluate."""

    text: str


@attrs.frozen
class ShownDate:
    """A date cell whose number format shows less than a day: ``mmm-yy`` shows a month.

    Attributes:
        date: The day the cell holds (Excel stores the first of the month).
        shown: ``"month"`` or ``"year"``: what the format shows.
        format: The number format.

    """

    date: datetime.date
    shown: str
    format: str

    def text(self) -> str:
        """The date as far as the format shows it: ``2021-06`` for a month."""
        return f"{self.date:%Y-%m}" if self.shown == "month" else f"{self.date:%Y}"


@attrs.frozen
class BadSerial:
    """A date cell whose number is no date Excel has (before 1900-01-01 or after 9999-12-31)."""

    serial: float
    format: str


@attrs.define
class Sheet:
    """One sheet (or CSV file) as read: its header and its non-empty rows.

    Attributes:
        name: The sheet name, or the CSV file's name without ``.csv``.
        header: The first row's values.
        rows: ``(row number, values)`` of every row below the header with a value.
        typed: Whether cells carry types (a workbook), or are all text (CSV).
        merged: ``(row, column)`` of each merged range's first cell.
        hidden: Whether the sheet is hidden in the workbook.
        hidden_rows: The rows with a value that the workbook hides.
        hidden_columns: The columns the workbook hides.
        file: The CSV file's name (``events.csv``); ``None`` for a workbook's sheet.
        problems: ``(row, column, code, message)`` of what could not be read as
            cells (a CSV line with a quote never closed).

    """

    name: str
    header: tuple[Any, ...]
    rows: list[tuple[int, tuple[Any, ...]]]
    typed: bool
    merged: list[tuple[int, int]] = attrs.Factory(list)
    hidden: bool = False
    hidden_rows: list[int] = attrs.Factory(list)
    hidden_columns: list[int] = attrs.Factory(list)
    file: str | None = None
    problems: list[tuple[int, int, str, str]] = attrs.Factory(list)


class Refusal(Exception):
    """A file refused as a whole: carries the one issue that says why."""

    def __init__(self, issue: CellIssue) -> None:
        super().__init__(str(issue))
        self.issue = issue
