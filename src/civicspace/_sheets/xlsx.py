"""One worksheet part of a workbook, streamed cell by cell within bounds.

openpyxl's read-only rows stop at the sheet's declared ``<dimension>``
(a row or cell outside it is dropped unseen) and build a whole row before
anyone can count its cells.  Here the part is parsed as a stream: every row
and cell is read whatever the dimension says, a row is refused as soon as it
holds more cells than Excel allows, and only the values of the first
:data:`~.cells.MAX_COLUMNS` columns are kept (a value beyond them is refused).
Hidden rows and columns are recorded, and a date cell keeps what its number
format shows (a month, for ``mmm-yy``); a serial outside Excel's dates is
its own value, never a formula.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import IO, Any, Final
from xml.etree.ElementTree import Element

from .._util.echo import cut
from .cells import (
    MAX_COLUMNS,
    MAX_ROWS,
    BadSerial,
    Formula,
    Sheet,
    ShownDate,
    column_letter,
)

__all__ = ["EXCEL_COLUMNS", "MAX_CELLS", "SheetTooLarge", "read_part"]

#: The most cells a row of an Excel sheet holds (columns A to XFD).
EXCEL_COLUMNS: Final = 16_384
#: The most cells (``<c>`` elements, empty ones too) the sheets of a workbook may hold.
MAX_CELLS: Final = 5_000_000
#: The serials of Excel's dates: 1900-01-01 to 9999-12-31.
_FIRST_SERIAL: Final = 1
_LAST_SERIAL: Final = 2_958_465

_MAIN: Final = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ESCAPE: Final = re.compile(r"_x([0-9A-Fa-f]{4})_")
_LITERAL: Final = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_TRUE: Final = ("1", "true")


class SheetTooLarge(Exception):
    """A sheet that breaks a bound: the message says which."""


def _number_format(workbook: Any, style_id: int) -> str:
    from openpyxl.styles.numbers import (  # type: ignore[import-untyped]
        BUILTIN_FORMATS_MAX_SIZE,
        builtin_format_code,
    )

    try:
        number = workbook._cell_styles[style_id].numFmtId
    except (IndexError, AttributeError):
        return "General"
    if number < BUILTIN_FORMATS_MAX_SIZE:
        return str(builtin_format_code(number) or "General")
    try:
        return str(workbook._number_formats[number - BUILTIN_FORMATS_MAX_SIZE])
    except IndexError:
        return "General"


def _shows(fmt: str) -> str:
    """What a date format shows of the date: ``day``, ``month`` or ``year``."""
    plain = _LITERAL.sub("", fmt.split(";")[0])
    if re.search(r"[dD]", plain) or not re.search(r"[yY]", plain):
        return "day"  # a day, or a time only (read as a date and time)
    return "month" if re.search(r"[mM]", plain) else "year"


class _Styles:
    """The date formats of a workbook's styles, each looked up once."""

    def __init__(self, workbook: Any) -> None:
        self.workbook = workbook
        self.dates: set[int] = set(getattr(workbook, "_date_formats", ()))
        self.shown: dict[int, tuple[str, str]] = {}

    def date(self, style_id: int) -> tuple[str, str] | None:
        """``(format, shown)`` for a date style; ``None`` for any other style."""
        if style_id not in self.dates:
            return None
        if style_id not in self.shown:
            fmt = _number_format(self.workbook, style_id)
            self.shown[style_id] = (fmt, _shows(fmt))
        return self.shown[style_id]


def _date_value(value: float, fmt: str, shown: str, epoch: datetime.datetime) -> Any:
    from openpyxl.utils.datetime import from_excel  # type: ignore[import-untyped]

    if not _FIRST_SERIAL <= value <= _LAST_SERIAL:
        return BadSerial(value, fmt)
    moment = from_excel(value, epoch)
    if shown == "day":
        return moment
    return ShownDate(moment.date(), shown, fmt)


def _cell(parser: Any, element: Element, styles: _Styles, epoch: datetime.datetime) -> Any:
    found = parser.parse_cell(element)
    value, kind = found["value"], found["data_type"]
    if kind in ("f", "e"):  # a formula, or an error value (#N/A) a formula left
        return found["column"], Formula(str(value))
    if kind == "n" and isinstance(value, int | float) and not isinstance(value, bool):
        date = styles.date(found["style_id"] or 0)
        if date is not None:
            value = _date_value(value, date[0], date[1], epoch)
    elif isinstance(value, str) and "_x" in value:
        # What XML cannot carry, Excel writes as _xHHHH_ (and a literal "_x" as _x005F_x).
        value = _ESCAPE.sub(lambda escape: chr(int(escape.group(1), 16)), value)
    return found["column"], value


def _column(reference: str) -> int:
    """The column number of a cell reference (``C7`` → 3)."""
    from openpyxl.utils.cell import coordinate_to_tuple  # type: ignore[import-untyped]

    return int(coordinate_to_tuple(reference)[1])


def _hidden_columns(element: Element) -> range:
    if element.get("hidden") not in _TRUE:
        return range(0)
    try:
        first, last = int(element.get("min", "0")), int(element.get("max", "0"))
    except ValueError:
        return range(0)
    return range(max(first, 1), min(last, MAX_COLUMNS) + 1)


#: Rows between two reports of progress.
_EVERY: Final = 5_000


def read_part(
    worksheet: Any,
    source: IO[bytes],
    progress: Callable[[str], None] | None = None,
    budget: list[int] | None = None,
) -> Sheet:
    """The sheet held by the worksheet part ``source`` of ``worksheet``'s workbook.

    ``progress``, when given, is called with a line saying how far the reading is;
    ``budget`` is ``[cells the workbook's sheets may still hold, the bound]``
    (:data:`MAX_CELLS` when not given), counted down as the cells are read.

    Raises:
        SheetTooLarge: for a row of more cells than Excel holds, a value
            beyond :data:`MAX_COLUMNS`, more than :data:`MAX_ROWS` rows, or
            rows out of order.

    """
    from openpyxl.worksheet._reader import WorkSheetParser  # type: ignore[import-untyped]
    from openpyxl.xml.functions import iterparse  # type: ignore[import-untyped]  # defused

    budget = [MAX_CELLS, MAX_CELLS] if budget is None else budget
    workbook = worksheet.parent
    name = str(worksheet.title)
    shown = cut(name)
    parser = WorkSheetParser(source, workbook.shared_strings, date_formats=set())
    styles = _Styles(workbook)
    epoch = workbook.epoch
    header: tuple[Any, ...] = ()
    body: list[tuple[int, tuple[Any, ...]]] = []
    hidden_rows: list[int] = []
    hidden_columns: set[int] = set()
    parent: Element | None = None
    row_number = count = cells = 0
    row_hidden = False
    unplaced: str | None = None  # the reference of the last empty cell, not yet counted
    values: dict[int, Any] = {}
    for event, element in iterparse(source, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == f"{_MAIN}sheetData":
                parent = element
            elif tag == f"{_MAIN}row":
                count += 1
                if progress is not None and count % _EVERY == 0:
                    progress(f"reading {shown}: {count} rows")
                if count > MAX_ROWS + 1:
                    raise SheetTooLarge(
                        f"the sheet {shown} has more than {MAX_ROWS} rows; at most {MAX_ROWS} "
                        "rows are read per sheet: split it"
                    )
                given = element.get("r")
                number = int(given) if given is not None and given.isdigit() else row_number + 1
                if number <= row_number:
                    raise ValueError(f"the rows of the sheet {shown} are out of order")
                row_number = number
                parser.row_counter, parser.col_counter = row_number, 0
                values, cells, unplaced = {}, 0, None
                row_hidden = element.get("hidden") in _TRUE
            continue
        if tag == f"{_MAIN}c":
            cells += 1
            if cells > EXCEL_COLUMNS:
                raise SheetTooLarge(
                    f"row {row_number} of the sheet {shown} holds more than {EXCEL_COLUMNS} "
                    "cells, more than Excel allows"
                )
            budget[0] -= 1
            if budget[0] < 0:
                raise SheetTooLarge(
                    f"the workbook holds more than {budget[1]} cells; at most {budget[1]} are "
                    "read: split it"
                )
            given = element.get("r")
            if len(element) == 0 and element.get("t") != "inlineStr":
                # An empty cell (formatting only): nothing to read but its place.
                if given is not None:
                    unplaced = given
                elif unplaced is not None:
                    parser.col_counter, unplaced = _column(unplaced) + 1, None
                else:
                    parser.col_counter += 1
                element.clear()
                continue
            if given is None and unplaced is not None:
                parser.col_counter = _column(unplaced)
            unplaced = None
            column, value = _cell(parser, element, styles, epoch)
            element.clear()
            if value is None or value == "":
                continue
            if column > MAX_COLUMNS:
                raise SheetTooLarge(
                    f"the sheet {shown} has a value in {column_letter(column)}{row_number}, "
                    f"beyond column {column_letter(MAX_COLUMNS)}; at most {MAX_COLUMNS} "
                    "columns are read"
                )
            values[column] = value
        elif tag == f"{_MAIN}row":
            if values:
                if row_hidden:
                    hidden_rows.append(row_number)
                row = tuple(values.get(index) for index in range(1, max(values) + 1))
                if row_number == 1:
                    header = row
                else:
                    body.append((row_number, row))
            element.clear()
            if parent is not None:
                parent.remove(element)
        elif tag == f"{_MAIN}col":
            hidden_columns.update(_hidden_columns(element))
    sheet = Sheet(name, header, body, typed=True)
    sheet.hidden = worksheet.sheet_state != "visible"
    sheet.hidden_rows = hidden_rows
    sheet.hidden_columns = sorted(hidden_columns)
    return sheet
