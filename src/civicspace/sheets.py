"""Spreadsheets in: templates that partners fill, read back into a collection with issues by cell.

Needs the ``tables`` extra (``pip install 'civicspace[tables]'``: pyarrow and
openpyxl); without it, importing this module raises
:class:`~civicspace.errors.MissingExtraError` saying so in one line.

>>> import civicspace.sheets
>>> reading = civicspace.sheets.read_tables("partner-workbook.xlsx")  # doctest: +SKIP
>>> for issue in reading.issues:  # doctest: +SKIP
...     print(issue)
events!C7: $.cases[0].events[2].date: '03/09/2020' may be day/month or month/day; ...

:func:`write_template` writes a workbook (or a folder of CSV files) with one
sheet per table of :data:`civicspace.tables.LAYOUT` that a record of the
chosen type fills, the columns a person types (the derived ones left out),
each header's meaning as a comment, dropdowns for enumerated values, and a
first sheet saying how to fill it in.  :func:`read_tables` reads such a
workbook, or any export of :mod:`civicspace.tables` to Excel or CSV, back
into a collection document and validates it.
"""

from __future__ import annotations

from ._tables import require

require("civicspace.sheets", excel=True)

from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Final  # noqa: E402

from ._sheets import cells, files, template, xlsx  # noqa: E402
from ._sheets.cells import CellIssue, CellReading  # noqa: E402
from ._sheets.read import SheetReading, read_path  # noqa: E402
from ._sheets.template import write_template  # noqa: E402
from ._util.public import publish as _publish  # noqa: E402

#: Rows a sheet (or CSV file) may hold below its header; a sheet with more is refused.
MAX_ROWS: Final = cells.MAX_ROWS
#: Bytes a workbook may inflate to (or a folder of CSV files hold); more is refused unread.
MAX_BYTES: Final = files.MAX_BYTES
#: Entries a workbook's zip may hold; more is refused unread.
MAX_ENTRIES: Final = files.MAX_ENTRIES
#: Cells (empty ones too) the sheets of a workbook may hold; more is refused unread.
MAX_CELLS: Final = xlsx.MAX_CELLS
#: The template types, each with the tables its sheets are, in order.
TEMPLATE_TYPES: Final = template.TEMPLATE_TYPES

__all__ = [
    "MAX_BYTES",
    "MAX_CELLS",
    "MAX_ENTRIES",
    "MAX_ROWS",
    "TEMPLATE_TYPES",
    "CellIssue",
    "CellReading",
    "SheetReading",
    "read_tables",
    "write_template",
]


def read_tables(path: str | Path, *, progress: Callable[[str], None] | None = None) -> SheetReading:
    """Read a workbook (.xlsx), a folder of CSV files or one CSV file into a collection.

    Each sheet (or file) is a table of :data:`civicspace.tables.LAYOUT`,
    named as the table, with its column names in the first row.  The rows
    become a collection document, validated as :func:`civicspace.validate`
    does; every issue names the cell (``events!C7``) as well as the JSON
    path.  Bad content is never raised: it is in
    :attr:`SheetReading.issues`, and a file refused as a whole (a zip bomb,
    more than :data:`MAX_ROWS` rows on a sheet, macros, links to other
    workbooks, a CSV file not in UTF-8) has ``readable`` false and one issue
    saying why.  ``progress``, when given, is called with a short line saying
    what is being done (``reading events: 20000 rows``, ``validating the
    collection``), as ``civicspace import`` shows on a terminal.
    """
    return read_path(Path(path), progress)


_publish(globals(), __all__, __name__)
