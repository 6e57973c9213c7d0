"""Writers: the tables as CSV files, Parquet files or datasets, and an Excel workbook."""

from __future__ import annotations

import decimal
import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Final

import pyarrow as pa  # type: ignore[import-untyped]

from . import require
from .build import TablesError
from .layout import table_layout

__all__ = ["ESCAPE", "FORMATS", "write", "write_csv", "write_parquet", "write_xlsx"]

#: The export formats, by name.
FORMATS: Final = ("csv", "parquet", "xlsx")
#: The most rows an Excel sheet holds, its header row included.
_EXCEL_ROWS: Final = 1_048_576
#: The file name of the Excel workbook in the output folder.
WORKBOOK: Final = "civicspace.xlsx"

Progress = Callable[[str], None]

# What XML cannot carry (control characters; a carriage return it reads as a line feed; the
# noncharacters U+FFFE and U+FFFF), and text that would read as an escape of it.
_UNWRITABLE: Final = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")


def _excel_text(value: object) -> object:
    """Text as Excel stores what XML cannot carry: ``_xHHHH_``, as Excel itself writes it.

    A number with more significant digits than a number cell keeps (15) is
    written as text, so that it reads back exactly.
    """
    if isinstance(value, str) and _UNWRITABLE.search(value):
        return _UNWRITABLE.sub(lambda found: f"_x{ord(found.group()):04X}_", value)
    if isinstance(value, decimal.Decimal) and len(value.normalize().as_tuple().digits) > 15:
        return format(value.normalize(), "f")
    if isinstance(value, float) and float(f"{value:.15g}") != value:
        return repr(value)
    return value


def _literal(sheet: object, value: object) -> object:
    """Text that starts with ``=`` as a text cell: openpyxl would write it as a formula."""
    if isinstance(value, str) and value.startswith("="):
        from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]

        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


#: What the CSV export puts before text a spreadsheet program would run as a formula.
ESCAPE: Final = "'"
#: What a spreadsheet program reads as the start of a formula (OWASP's list), and the escape.
_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r", ESCAPE)


def _neutral(value: str | None) -> str | None:
    """Text a spreadsheet program would run as a formula, behind an apostrophe (OWASP).

    Excel shows ``'=HYPERLINK(...)`` as the text ``=HYPERLINK(...)`` and never
    evaluates it; :func:`civicspace.sheets.read_tables` takes the apostrophe
    off again.  Text that starts with an apostrophe gets one more, so that
    reading back is exact.
    """
    if value is not None and value.startswith(_FORMULA_STARTS):
        return ESCAPE + value
    return value


def _neutralised(table: pa.Table) -> pa.Table:
    """The flat table with every text cell safe to open in a spreadsheet program."""
    columns = [
        pa.array([_neutral(value) for value in column.to_pylist()], pa.string())
        if pa.types.is_string(column.type)
        else column
        for column in table.columns
    ]
    return pa.table(columns, names=table.column_names)


def _json_cell(values: list[str] | None) -> str | None:
    return None if values is None else json.dumps(values, ensure_ascii=False)


def _flat(table: pa.Table) -> pa.Table:
    """The table with dictionaries decoded and lists as JSON text, for CSV and Excel."""
    columns = []
    for field, column in zip(table.schema, table.columns, strict=True):
        if pa.types.is_dictionary(field.type):
            column = column.cast(field.type.value_type)
        elif pa.types.is_list(field.type):
            column = pa.array([_json_cell(value) for value in column.to_pylist()], pa.string())
        columns.append(column)
    return pa.table(columns, names=table.column_names)


def _folder(directory: str | Path) -> Path:
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_csv(
    tables: Mapping[str, pa.Table], directory: str | Path, *, progress: Progress | None = None
) -> list[Path]:
    """Write each table to ``directory/<table>.csv``: UTF-8, a header row, ISO dates.

    Enumerations are written as their values, lists as JSON text, nulls as
    empty fields.  Text a spreadsheet program would run as a formula (it
    starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is
    written behind an apostrophe, as OWASP advises, and so is text starting
    with an apostrophe; :func:`civicspace.sheets.read_tables` reads both back
    as they were.  Returns the files written.
    """
    from pyarrow import csv

    folder = _folder(directory)
    written = []
    for name, table in tables.items():
        if progress is not None:
            progress(name)
        path = folder / f"{name}.csv"
        csv.write_csv(_neutralised(_flat(table)), path)
        written.append(path)
    return written


def write_parquet(
    tables: Mapping[str, pa.Table],
    directory: str | Path,
    *,
    partition: str | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Write each table to ``directory/<table>.parquet``, or as a partitioned dataset.

    With ``partition="country"``, every table with a country for each row
    (cases and what they hold, ratings, elections) is written as a
    Hive-partitioned dataset ``directory/<table>/country=KHM/part-0.parquet``,
    which ``pyarrow.dataset``, DuckDB (``hive_partitioning``) and
    ``dask.dataframe.read_parquet`` read back with the country column;
    the other tables are single files as without it.  Returns the files or
    folders written.

    Raises:
        ValueError: for a partition other than ``"country"``.

    """
    from pyarrow import parquet

    if partition not in (None, "country"):
        raise ValueError(f"tables are partitioned by 'country' only, not {partition!r}")
    folder = _folder(directory)
    written = []
    for name, table in tables.items():
        if progress is not None:
            progress(name)
        if partition is not None and table_layout(name).partition == partition:
            root = folder / name
            if table.num_rows:
                parquet.write_to_dataset(
                    table,
                    root,
                    partition_cols=[partition],
                    basename_template="part-{i}.parquet",
                    existing_data_behavior="delete_matching",
                )
            else:
                root.mkdir(parents=True, exist_ok=True)
            written.append(root)
        else:
            path = folder / f"{name}.parquet"
            parquet.write_table(table, path)
            written.append(path)
    return written


def write_xlsx(
    tables: Mapping[str, pa.Table], path: str | Path, *, progress: Progress | None = None
) -> Path:
    """Write the tables to one Excel workbook at ``path``, one sheet per table.

    Each sheet has its header row frozen; dates are date cells, numbers and
    amounts number cells; enumerations are their values and lists JSON
    text.  Control characters, which a workbook's XML cannot hold, are
    written as Excel's own escapes (``_x0007_``; a literal ``_`` before
    such text as ``_x005F_``), which Excel reads back as the character.
    Needs openpyxl (in the ``tables`` extra).

    Raises:
        TablesError: when a table has more rows than a sheet holds.
        MissingExtraError: when openpyxl is not installed.

    """
    require("civicspace.tables.write_xlsx", excel=True)
    from openpyxl import Workbook  # type: ignore[import-untyped]

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    workbook = Workbook(write_only=True)
    for name, table in tables.items():
        if progress is not None:
            progress(name)
        if table.num_rows >= _EXCEL_ROWS:
            raise TablesError(
                f"{table.num_rows} rows do not fit in an Excel sheet; export CSV or Parquet",
                path=name,
            )
        sheet = workbook.create_sheet(title=name)
        sheet.freeze_panes = "A2"
        sheet.append(table.column_names)
        columns = [column.to_pylist() for column in _flat(table).columns]
        for row in zip(*columns, strict=True):
            sheet.append([_literal(sheet, _excel_text(value)) for value in row])
    workbook.save(target)
    return target


def write(
    tables: Mapping[str, pa.Table],
    directory: str | Path,
    format: str,
    *,
    partition: str | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Write the tables into ``directory`` in ``format`` (``csv``, ``parquet`` or ``xlsx``).

    CSV: one file per table.  Parquet: one file per table, or datasets
    partitioned by country (``partition="country"``).  Excel: one workbook,
    ``civicspace.xlsx``, one sheet per table.  Returns what was written.

    Raises:
        ValueError: for an unknown format, or a partition with CSV or Excel.

    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; the formats are {', '.join(FORMATS)}")
    if partition is not None and format != "parquet":
        raise ValueError("only the parquet format is partitioned")
    if format == "csv":
        return write_csv(tables, directory, progress=progress)
    if format == "parquet":
        return write_parquet(tables, directory, partition=partition, progress=progress)
    return [write_xlsx(tables, Path(directory) / WORKBOOK, progress=progress)]
