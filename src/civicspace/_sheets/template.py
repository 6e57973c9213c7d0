"""Templates: a workbook (or a folder of CSV files) a person fills in, one sheet per table.

Each sheet is a table of the layout that a record of the chosen type fills,
with the columns a person types (what civicspace derives is left out).  The
first row holds the column names, which reading needs; each name carries
its meaning (from the schemas where they describe it) as a cell comment.
Enumerated values (kinds, statuses, countries, currencies) get dropdowns from
the schemas' enums, kept on a hidden ``lists`` sheet; dates as given and ids
are text cells (so that ``2021-05`` stays text), days are date cells, counts
and amounts number cells.  A first sheet, ``how_to_fill_in``, says how.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

import pyarrow as pa  # type: ignore[import-untyped]

from .._tables.layout import AMOUNT, LAYOUT, Column, TableLayout, table_layout
from ..collection import member_types
from .cells import column_letter
from .read import columns_read
from .schema import column_schema, enum_values

__all__ = ["TEMPLATE_TYPES", "template_columns", "write_template"]

_CASE: Final = (
    "cases",
    "case_people",
    "case_organisations",
    "identifiers",
    "affiliations",
    "events",
    "event_people",
    "event_organisations",
    "event_charges",
    "charges",
    "charge_people",
    "charge_citations",
    "penalties",
    "sentences",
    "custody_credited",
    # A charge's citation names a law by its id: the law, one row here, resolves it.
    "laws",
    "law_articles",
    "derived",
    "sources",
)

#: The tables of each template type, in the order of the sheets.
TEMPLATE_TYPES: Final[dict[str, tuple[str, ...]]] = {
    "case": _CASE,
    "rating": ("ratings", "derived", "sources"),
    "law": (
        "laws",
        "law_statuses",
        "law_articles",
        "penalties",
        "law_features",
        "derived",
        "sources",
    ),
    "statement": (
        "statements",
        "signatures",
        "statement_demands",
        "statement_concerns",
        "derived",
        "sources",
    ),
    "collection": tuple(layout.name for layout in LAYOUT),
}

#: Rows of a template sheet that carry the dropdowns.
TEMPLATE_ROWS: Final = 10_000

_HOW: Final = """\
How to fill in this workbook
Each sheet is one table: one row per thing (a case, a person of a case, an event, ...).
Row 1 holds the column names: do not change them. Point at a name to read what goes there.
Leave a cell empty when the source says nothing; never type 'n/a' or '-'.
Ids (case_id, person_id, ...) are lower-case letters, digits and '-', with no spaces.
Rows of one case are joined by its case_id; an event's people by case_id and event_index.
Positions (event_index, sentence_index, ...) count from 0 in the order you list things.
Dates as given: YYYY, YYYY-MM or YYYY-MM-DD (never 03/09/2020: day and month are ambiguous).
Terms: P18M, P2Y, P18M/P20M for a range, life - or as written: '18 months', '18 to 20 months'.
Fines: an amount and its currency, or as written in the fine's amount: '4 million riel (USD 1,000)'.
Lists (roles, titles): items separated by ';'.
Laws a charge cites (charge_citations: law_id and article): one row on laws for each law
(law_id, jurisdiction, kind, titles), and its cited articles on law_articles; the case
template has these sheets so that a citation resolves to its law.
Sources: owner_path, or record (cases, laws, ...) and record_id, then the source's own cells.
Derived values (derived): record and record_id, the member (events[0].date) and how; the quotes
a mark rests on are sources rows whose owner_path is the mark's path ($.cases[0].derived[0]).
Type values, not formulas; do not merge cells.
Read it back with: civicspace import FILE --out collection.json
"""


def template_columns(layout: TableLayout) -> list[Column]:
    """The columns of a template sheet: those a person types, keys and positions included."""
    return list(columns_read(layout))


def _meaning(table: str, column: Column) -> str:
    found = column_schema(table, column)
    described = None if found is None else found.get("description")
    meaning = column.meaning
    if isinstance(described, str) and described and described not in meaning:
        meaning = f"{meaning}. {described}"
    if column.reader == "term":
        meaning += " (or as written: '18 months')"
    elif column.reader == "money":
        meaning += " (or as written: '4 million riel (USD 1,000)')"
    return meaning


def _tables(type: str) -> tuple[str, ...]:
    if type not in TEMPLATE_TYPES:
        raise ValueError(
            f"unknown template type {type!r}; the types are {', '.join(TEMPLATE_TYPES)}"
        )
    return TEMPLATE_TYPES[type]


def write_template(path: str | Path, type: str = "case", format: str = "xlsx") -> Path:
    """Write a template for records of ``type`` to ``path``; the path written.

    ``type`` is ``case``, ``rating``, ``law``, ``statement`` or
    ``collection`` (every table); ``format`` is ``xlsx`` (one workbook) or
    ``csv`` (a folder of CSV files with header rows, and
    ``how_to_fill_in.txt``).

    Raises:
        ValueError: for an unknown type or format.

    """
    tables = _tables(type)
    target = Path(path)
    if format == "csv":
        return _write_csv(target, tables)
    if format != "xlsx":
        raise ValueError(f"unknown template format {format!r}; the formats are xlsx, csv")
    return _write_xlsx(target, tables)


def _write_csv(folder: Path, tables: tuple[str, ...]) -> Path:
    import csv

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "how_to_fill_in.txt").write_text(_HOW, encoding="utf-8")
    for table in tables:
        with (folder / f"{table}.csv").open("w", encoding="utf-8", newline="") as file:
            csv.writer(file).writerow(
                [column.name for column in template_columns(table_layout(table))]
            )
    return folder


def _format(column: Column, is_date: bool) -> str | None:
    if column.type == pa.date32():
        return "yyyy-mm-dd"
    if column.type == pa.int64():
        return "0"
    if column.type == AMOUNT:
        return "#,##0.####"
    if column.type == pa.string() or is_date:
        return "@"  # text, so that 2021-05 or an id of digits stays as typed
    return None


def _write_xlsx(target: Path, tables: tuple[str, ...]) -> Path:
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.comments import Comment  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]
    from openpyxl.worksheet.datavalidation import (  # type: ignore[import-untyped]
        DataValidation,
    )

    workbook = Workbook()
    how = workbook.active
    how.title = "how_to_fill_in"
    for line in _HOW.splitlines():
        how.append([line])
    how.append([])
    how.append(["sheet", "one row is"])
    for table in tables:
        how.append([table, table_layout(table).row])
    how["A1"].font = Font(bold=True, size=14)
    how.column_dimensions["A"].width = 24
    lists = workbook.create_sheet("lists")
    list_ranges: dict[tuple[str, ...], str] = {}

    def list_range(values: list[str]) -> str:
        key = tuple(values)
        if key not in list_ranges:
            column = column_letter(len(list_ranges) + 1)
            for row, value in enumerate(values, start=1):
                lists[f"{column}{row}"] = value
            list_ranges[key] = f"lists!${column}$1:${column}${len(values)}"
        return list_ranges[key]

    for table in tables:
        layout = table_layout(table)
        sheet = workbook.create_sheet(table)
        names = {column.name for column in layout.columns}
        for number, column in enumerate(template_columns(layout), start=1):
            letter = column_letter(number)
            header = sheet.cell(row=1, column=number, value=column.name)
            header.font = Font(bold=True)
            header.comment = Comment(_meaning(table, column), "civicspace", width=320, height=120)
            sheet.column_dimensions[letter].width = max(12, min(40, len(column.name) + 4))
            number_format = _format(column, f"{column.name}_precision" in names)
            if number_format is not None:  # the column's style: cells typed into take it
                sheet.column_dimensions[letter].number_format = number_format
            values = enum_values(table, column)
            if table in ("sources", "derived") and column.name == "record":
                values = list(member_types())
            if values:
                validation = DataValidation(
                    type="list",
                    formula1=list_range(values),
                    allow_blank=True,
                    showErrorMessage=True,
                    error=f"{column.name}: choose a value from the list",
                    errorTitle="civicspace",
                )
                validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
                sheet.add_data_validation(validation)
        sheet.freeze_panes = "A2"
    lists.sheet_state = "hidden"
    # The lists sheet stays last but one: move it to the end.
    workbook.move_sheet(lists, offset=len(workbook.sheetnames) - 1 - workbook.index(lists))
    target.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(target)
    return target


def describe(type: str) -> dict[str, Any]:
    """The sheets and columns of a template type, for documentation."""
    return {
        table: [column.name for column in template_columns(table_layout(table))]
        for table in _tables(type)
    }
