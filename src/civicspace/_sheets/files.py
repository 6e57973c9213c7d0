"""Open a workbook (.xlsx) or a folder of CSV files as sheets, refusing what is hostile.

A workbook is a zip: its entries are counted and their sizes (which Python's
zipfile enforces as it inflates) summed before openpyxl sees it, so a zip bomb
is refused without being inflated.  Macro-enabled content and links to other
workbooks are refused; a sheet whose dimension claims, or whose rows turn
out, more than :data:`MAX_ROWS` rows is refused after reading at most that
many.  A CSV file must be UTF-8 (a UTF-8 byte order mark is skipped); UTF-16
and Latin-1 are refused with the fix; ``;`` and tab delimiters are recognised
from the header line.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

from civicspace.errors import Issue

from .cells import MAX_COLUMNS, MAX_ROWS, CellIssue, Formula, Refusal, Sheet

__all__ = ["MAX_BYTES", "MAX_ENTRIES", "read_csv_folder", "read_sheets", "read_workbook"]

#: Uncompressed bytes a workbook, or a folder of CSV files, may hold.
MAX_BYTES: Final = 256 * 1024 * 1024
#: Entries a workbook's zip may hold.
MAX_ENTRIES: Final = 10_000

_MERGE: Final = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]+)([0-9]+)(?::[A-Z]+[0-9]+)?\"")
_ROW: Final = re.compile(rb"<(?:\w+:)?row[\s>/]")
_ESCAPE: Final = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _refuse(code: str, message: str, sheet: str | None = None) -> Refusal:
    return Refusal(CellIssue(Issue("$", code, message), sheet=sheet))


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def read_sheets(path: Path) -> list[Sheet]:
    """The sheets of a workbook, a folder of CSV files or one CSV file.

    Raises:
        Refusal: when the file cannot or must not be read, with the reason.

    """
    if path.is_dir():
        return read_csv_folder(sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv"))
    if not path.exists():
        raise _refuse("sheet.unreadable", f"{path} does not exist")
    if path.suffix.lower() == ".csv":
        return read_csv_folder([path])
    return read_workbook(path)


# -- workbooks -----------------------------------------------------------------------------------


def _check_zip(path: Path) -> dict[str, list[int]]:
    """Refuse a zip bomb, macros and external links; the merged cells of each sheet part."""
    try:
        with path.open("rb") as file:
            start = file.read(8)
    except OSError as error:
        raise _refuse("sheet.unreadable", f"cannot read {path}: {error.strerror}") from None
    if start.startswith(b"\xd0\xcf\x11\xe0"):
        raise _refuse(
            "sheet.unreadable",
            "this is an old .xls workbook or an encrypted one; save it as an "
            "unprotected Excel workbook (.xlsx)",
        )
    if not zipfile.is_zipfile(path):
        raise _refuse("sheet.unreadable", "this is not an Excel workbook (.xlsx), which is a zip")
    try:
        return _inspect_zip(path)
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError) as error:
        # A damaged or encrypted entry, or a compression zipfile does not know.
        raise _refuse("sheet.unreadable", f"the workbook's zip cannot be read: {error}") from None


def _inspect_zip(path: Path) -> dict[str, list[int]]:
    with zipfile.ZipFile(path) as archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise _refuse(
                "sheet.too_large",
                f"the workbook's zip holds {len(entries)} entries; at most {MAX_ENTRIES} are read",
            )
        size = sum(entry.file_size for entry in entries)
        if size > MAX_BYTES:
            raise _refuse(
                "sheet.too_large",
                f"the workbook inflates to {size} bytes; at most {MAX_BYTES} are read "
                "(a zip bomb, or a workbook to split)",
            )
        names = {entry.filename for entry in entries}
        types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
        if b"macroEnabled" in types or any(name.endswith("vbaProject.bin") for name in names):
            raise _refuse(
                "sheet.macro_enabled",
                "the workbook holds macros (a macro-enabled .xlsm, perhaps renamed .xlsx); "
                "save it as a plain Excel workbook (.xlsx)",
            )
        links = sorted(name for name in names if name.startswith("xl/externalLinks/"))
        if links:
            raise _refuse(
                "sheet.external_link",
                "the workbook links to other workbooks, whose values it would show; "
                "paste the values in and remove the links (Data > Edit Links > Break Link)",
            )
        merged: dict[str, list[int]] = {}
        for name in names:
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                merged[name] = _merged_cells(archive, name)
    return merged


def _merged_cells(archive: zipfile.ZipFile, name: str) -> list[int]:
    """``[row, column, ...]`` of the first cell of each merged range, streaming the part.

    The part's rows are counted on the way, so that a sheet of too many rows
    is refused before openpyxl parses any of it.
    """
    found: list[int] = []
    tail = b""
    rows = 0
    with archive.open(name) as part:
        while chunk := part.read(1 << 20):
            block = tail + chunk
            for match in _MERGE.finditer(block):
                found += [int(match.group(2)), _column_number(match.group(1).decode())]
            # Each row tag is counted in the block where it ends: once.
            rows += sum(1 for tag in _ROW.finditer(block) if tag.end() > len(tail))
            if rows > MAX_ROWS + 1:
                raise _refuse(
                    "sheet.too_large",
                    f"a sheet of the workbook ({name}) has more than {MAX_ROWS} rows; at most "
                    f"{MAX_ROWS} rows are read per sheet: split it",
                )
            tail = block[-200:]
    # A match inside the overlap is found twice: keep each once.
    pairs = sorted(set(zip(found[::2], found[1::2], strict=True)))
    return [value for pair in pairs for value in pair]


def read_workbook(path: Path) -> list[Sheet]:
    """The sheets of an .xlsx workbook, read in openpyxl's streaming mode.

    Raises:
        Refusal: for a file that is not a workbook, or a hostile one.

    """
    merged = _check_zip(path)
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    try:
        workbook = load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise _refuse("sheet.unreadable", f"the workbook cannot be read: {error}") from None
    try:
        sheets = []
        for worksheet in workbook.worksheets:
            sheet = _read_worksheet(worksheet)
            part = str(getattr(worksheet, "_worksheet_path", "")).lstrip("/")
            pairs = merged.get(part, [])
            sheet.merged = list(zip(pairs[::2], pairs[1::2], strict=True))
            sheets.append(sheet)
        return sheets
    except Refusal:
        raise
    except Exception as error:  # a damaged part shows only while streaming
        raise _refuse("sheet.unreadable", f"the workbook cannot be read: {error}") from None
    finally:
        workbook.close()


def _cell_value(cell: Any) -> Any:
    value = cell.value
    if cell.data_type in ("f", "e"):  # a formula, or an error value (#N/A) a formula left
        return Formula(str(value))
    if isinstance(value, str) and "_x" in value:
        # What XML cannot carry, Excel writes as _xHHHH_ (and a literal "_x" as _x005F_x).
        return _ESCAPE.sub(lambda found: chr(int(found.group(1), 16)), value)
    return value


def _too_many(name: str, claimed: int | None = None) -> Refusal:
    said = f"claims {claimed} rows" if claimed else f"has more than {MAX_ROWS} rows"
    return _refuse(
        "sheet.too_large",
        f"the sheet {name} {said}; at most {MAX_ROWS} rows are read per sheet: split it",
        sheet=name,
    )


def _read_worksheet(worksheet: Any) -> Sheet:
    name = str(worksheet.title)
    claimed = worksheet.max_row if worksheet.max_row is not None else None
    if claimed is not None and claimed > MAX_ROWS + 1:
        raise _too_many(name, claimed)
    if worksheet.max_column is not None and worksheet.max_column > MAX_COLUMNS:
        raise _refuse(
            "sheet.too_large",
            f"the sheet {name} claims {worksheet.max_column} columns; at most "
            f"{MAX_COLUMNS} are read",
            sheet=name,
        )
    rows = worksheet.iter_rows()
    header: tuple[Any, ...] = ()
    body: list[tuple[int, tuple[Any, ...]]] = []
    for count, cells in enumerate(rows, start=1):
        if count > MAX_ROWS + 1:
            raise _too_many(name)
        if len(cells) > MAX_COLUMNS:
            raise _refuse(
                "sheet.too_large",
                f"row {count} of the sheet {name} has more than {MAX_COLUMNS} columns",
                sheet=name,
            )
        values = [_cell_value(cell) for cell in cells]
        numbers = [cell.row for cell in cells if getattr(cell, "row", None) is not None]
        row_number = numbers[0] if numbers else count
        while values and values[-1] in (None, ""):
            values.pop()
        if row_number == 1:
            header = tuple(values)
        elif values:
            body.append((row_number, tuple(values)))
    return Sheet(name, header, body, typed=True)


# -- CSV ---------------------------------------------------------------------------------------


def read_csv_folder(files: list[Path]) -> list[Sheet]:
    """The CSV files as sheets, each named by its file name without ``.csv``.

    Raises:
        Refusal: for a folder with no CSV file, or a file that is too large
            or not UTF-8.

    """
    if not files:
        raise _refuse("sheet.unreadable", "the folder holds no .csv file")
    total = sum(file.stat().st_size for file in files)
    if total > MAX_BYTES:
        raise _refuse(
            "sheet.too_large", f"the CSV files hold {total} bytes; at most {MAX_BYTES} are read"
        )
    return [_read_csv(file) for file in files]


def _decode(name: str, data: bytes) -> str:
    # A BOM, or the NUL half of ASCII header characters, says UTF-16.
    if (
        data.startswith((b"\xff\xfe", b"\xfe\xff"))
        or data[1:4:2] == b"\x00\x00"
        or (data[0:3:2] == b"\x00\x00")
    ):
        raise _refuse(
            "sheet.encoding",
            f"{name}.csv is UTF-16 (Excel's 'Unicode text'); save it as 'CSV UTF-8'",
            sheet=name,
        )
    if data.startswith(b"\xef\xbb\xbf"):  # Excel's "CSV UTF-8" starts so: skipped
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise _refuse(
            "sheet.encoding",
            f"{name}.csv is not UTF-8 (line {line}: byte 0x{data[error.start]:02X}, which "
            "Latin-1 or Windows-1252 would read as "
            f"{data[error.start : error.start + 1].decode('cp1252', 'replace')!r}); "
            "save it as 'CSV UTF-8'",
            sheet=name,
        ) from None


def _read_csv(file: Path) -> Sheet:
    name = file.stem
    try:
        data = file.read_bytes()
    except OSError as error:
        raise _refuse("sheet.unreadable", f"cannot read {file}: {error.strerror}") from None
    text = _decode(name, data)
    first = text.split("\n", 1)[0]
    delimiter = ","
    if "," not in first and ";" in first:
        delimiter = ";"  # Excel's CSV where the decimal separator is a comma
    elif "," not in first and "\t" in first:
        delimiter = "\t"
    reader: Iterator[list[str]] = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: tuple[Any, ...] = ()
    body: list[tuple[int, tuple[Any, ...]]] = []
    try:
        for number, values in enumerate(reader, start=1):
            if number > MAX_ROWS + 1:
                raise _too_many(name)
            if len(values) > MAX_COLUMNS:
                raise _refuse(
                    "sheet.too_large",
                    f"{name}.csv has {len(values)} columns on line {number}; at most "
                    f"{MAX_COLUMNS} are read",
                    sheet=name,
                )
            while values and values[-1] == "":
                values.pop()
            if number == 1:
                header = tuple(values)
            elif values:
                body.append((number, tuple(values)))
    except csv.Error as error:
        raise _refuse("sheet.unreadable", f"{name}.csv is not CSV: {error}", sheet=name) from None
    return Sheet(name, header, body, typed=False)


def is_date(value: Any) -> bool:
    """Whether a cell value is a date (a workbook's date cells read as datetimes)."""
    return isinstance(value, datetime.date)
