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
import errno
import io
import itertools
import re
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, Final

from civicspace.errors import Issue

from .._util.echo import cut
from .._util.regular import open_regular, read_regular
from .cells import MAX_COLUMNS, MAX_ROWS, CellIssue, Refusal, Sheet
from .xlsx import MAX_CELLS, SheetTooLarge, read_part

__all__ = ["MAX_BYTES", "MAX_ENTRIES", "read_csv_folder", "read_sheets", "read_workbook"]

#: Uncompressed bytes a workbook, or a folder of CSV files, may hold.
MAX_BYTES: Final = 256 * 1024 * 1024
#: Entries a workbook's zip may hold.
MAX_ENTRIES: Final = 10_000

_MERGE: Final = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]+)([0-9]+)(?::[A-Z]+[0-9]+)?\"")
_ROW: Final = re.compile(rb"<(?:\w+:)?row[\s>/]")


def _refuse(code: str, message: str, sheet: str | None = None) -> Refusal:
    return Refusal(CellIssue(Issue("$", code, message), sheet=sheet))


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


Progress = Callable[[str], None]


def read_sheets(path: Path, progress: Progress | None = None) -> list[Sheet]:
    """The sheets of a workbook, a folder of CSV files or one CSV file.

    Only regular files are read (a device, a FIFO or a link to one is
    refused), each within :data:`MAX_BYTES`, counted while reading.

    Raises:
        Refusal: when the file cannot or must not be read, with the reason.

    """
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv")
        return read_csv_folder(files, progress)
    if not path.exists():
        raise _refuse("sheet.unreadable", f"{_shown(path)} does not exist")
    if path.suffix.lower() == ".csv":
        return read_csv_folder([path], progress)
    return read_workbook(path, progress)


def _shown(path: Path) -> str:
    return cut(str(path))


# -- workbooks -----------------------------------------------------------------------------------


def _check_zip(path: Path, file: BinaryIO) -> dict[str, list[int]]:
    """Refuse a zip bomb, macros and external links; the merged cells of each sheet part."""
    start = file.read(8)
    file.seek(0)
    if start.startswith(b"\xd0\xcf\x11\xe0"):
        raise _refuse(
            "sheet.unreadable",
            "this is an old .xls workbook or an encrypted one; save it as an "
            "unprotected Excel workbook (.xlsx)",
        )
    if start[:1] in (b"{", b"[") or path.suffix.lower() in (".json", ".jsonl"):
        raise _refuse(
            "sheet.unreadable",
            "this is JSON, not a workbook: check it with civicspace validate",
        )
    if not zipfile.is_zipfile(file):
        raise _refuse("sheet.unreadable", "this is not an Excel workbook (.xlsx), which is a zip")
    file.seek(0)
    try:
        return _inspect_zip(file)
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError) as error:
        # A damaged or encrypted entry, or a compression zipfile does not know.
        raise _refuse("sheet.unreadable", f"the workbook's zip cannot be read: {error}") from None


def _inspect_zip(file: BinaryIO) -> dict[str, list[int]]:
    with zipfile.ZipFile(file) as archive:
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
        if "xl/sharedStrings.xml" in names:
            _count_strings(archive, "xl/sharedStrings.xml")
        merged: dict[str, list[int]] = {}
        cells = [0]
        for name in sorted(names):
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                merged[name] = _merged_cells(archive, name, cells)
    return merged


def _count_strings(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse a shared-strings part of more strings than a workbook may hold cells.

    openpyxl reads the part whole, each string an object: counted first, in bytes.
    """
    count, tail = 0, b""
    with archive.open(name) as part:
        while chunk := part.read(1 << 20):
            edge = tail[-3:] + chunk  # a tag of 4 bytes lies in one edge only
            count += edge.count(b"<si>") + edge.count(b"<si ") + edge.count(b"<si/")
            if count > MAX_CELLS:
                raise _refuse(
                    "sheet.too_large",
                    f"the workbook holds more than {MAX_CELLS} texts; at most {MAX_CELLS} "
                    "cells are read: split it",
                )
            tail = chunk


def _merged_cells(archive: zipfile.ZipFile, name: str, cells: list[int]) -> list[int]:
    """``[row, column, ...]`` of the first cell of each merged range, streaming the part.

    The part's rows are counted on the way, and its cells added to
    ``cells[0]``, so that a sheet of too many rows, or a workbook of too many
    cells, is refused before any of it is parsed.
    """
    found: list[int] = []
    tail = b""
    rows = 0
    with archive.open(name) as part:
        while chunk := part.read(1 << 20):
            block = tail + chunk
            # Each cell tag is counted once: none lies within the 2 bytes before the chunk.
            edge = tail[-2:] + chunk
            cells[0] += sum(edge.count(tag) for tag in (b"<c ", b"<c/", b"<c>"))
            if cells[0] > MAX_CELLS:
                raise _refuse(
                    "sheet.too_large",
                    f"the workbook holds more than {MAX_CELLS} cells; at most {MAX_CELLS} are "
                    "read: split it",
                )
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


def _open(path: Path, limit: int) -> BinaryIO:
    try:
        return open_regular(path, limit)
    except OSError as error:
        reason = error.strerror or str(error)
        code = "sheet.too_large" if error.errno == errno.EFBIG else "sheet.unreadable"
        raise _refuse(code, f"cannot read {_shown(path)}: {reason}") from None


def read_workbook(path: Path, progress: Progress | None = None) -> list[Sheet]:
    """The sheets of an .xlsx workbook, each streamed row by row within bounds.

    Every row and cell is read, whatever the sheet's ``<dimension>`` claims;
    hidden sheets, rows and columns are marked on the sheets read.

    Raises:
        Refusal: for a file that is not a workbook, or a hostile one.

    """
    with _open(path, MAX_BYTES) as file:
        merged = _check_zip(path, file)
        file.seek(0)
        from openpyxl import load_workbook  # type: ignore[import-untyped]

        try:
            workbook = load_workbook(file, read_only=True, data_only=False, keep_links=False)
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise _refuse(
                "sheet.unreadable", f"the workbook cannot be read: {cut(str(error))}"
            ) from None
        try:
            sheets = []
            budget = [MAX_CELLS, MAX_CELLS]
            for worksheet in workbook.worksheets:
                part = str(getattr(worksheet, "_worksheet_path", "")).lstrip("/")
                if progress is not None:
                    progress(f"reading {cut(str(worksheet.title))}")
                with workbook._archive.open(part) as source:
                    sheet = read_part(worksheet, source, progress, budget)
                pairs = merged.get(part, [])
                sheet.merged = list(zip(pairs[::2], pairs[1::2], strict=True))
                sheets.append(sheet)
            return sheets
        except SheetTooLarge as error:
            raise _refuse("sheet.too_large", str(error)) from None
        except Refusal:
            raise
        except Exception as error:  # a damaged part shows only while streaming
            raise _refuse(
                "sheet.unreadable", f"the workbook cannot be read: {cut(str(error))}"
            ) from None
        finally:
            workbook.close()


# -- CSV ---------------------------------------------------------------------------------------


def read_csv_folder(files: list[Path], progress: Progress | None = None) -> list[Sheet]:
    """The CSV files as sheets, each named by its file name without ``.csv``.

    Raises:
        Refusal: for a folder with no CSV file, a file that is not a regular
            file, files that hold more than :data:`MAX_BYTES` together, or a
            file that is not UTF-8.

    """
    if not files:
        raise _refuse("sheet.unreadable", "the folder holds no .csv file")
    budget = MAX_BYTES
    sheets = []
    for file in files:
        if progress is not None:
            progress(f"reading {cut(file.name)}")
        try:
            data = read_regular(file, budget)
        except OSError as error:
            if error.errno == errno.EFBIG:
                raise _refuse(
                    "sheet.too_large",
                    f"the CSV files hold more than {MAX_BYTES} bytes; at most {MAX_BYTES} are read",
                ) from None
            reason = error.strerror or str(error)
            raise _refuse("sheet.unreadable", f"cannot read {cut(file.name)}: {reason}") from None
        budget -= len(data)
        sheets.append(_read_csv(file, data))
    return sheets


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


def _too_many(name: str) -> Refusal:
    return _refuse(
        "sheet.too_large",
        f"the sheet {name} has more than {MAX_ROWS} rows; at most {MAX_ROWS} rows are read "
        "per sheet: split it",
        sheet=name,
    )


#: Syntax errors after which the rest of a CSV file is not read.
_MAX_SYNTAX_ERRORS: Final = 10


def _read_csv(file: Path, data: bytes) -> Sheet:
    name = file.stem
    text = _decode(name, data)
    first = text.split("\n", 1)[0]
    delimiter = ","
    if "," not in first and ";" in first:
        delimiter = ";"  # Excel's CSV where the decimal separator is a comma
    elif "," not in first and "\t" in first:
        delimiter = "\t"
    lines = io.StringIO(text, newline="").readlines()
    sheet = Sheet(name, (), [], typed=False, file=cut(file.name))
    position = 0  # the line (from 0) where reading starts again after a syntax error
    while position < len(lines):
        start = position
        reader = csv.reader(
            itertools.islice(lines, position, None), delimiter=delimiter, strict=True
        )
        try:
            for values in reader:
                line = start + 1
                start = position + reader.line_num
                _csv_row(sheet, line, values)
            break
        except csv.Error as error:
            if len(sheet.problems) >= _MAX_SYNTAX_ERRORS:
                sheet.problems.append(
                    (
                        start + 1,
                        1,
                        "sheet.csv_syntax",
                        "too many broken lines: the rest of the file is not read",
                    )
                )
                break
            sheet.problems.append(_syntax(lines[start], start + 1, delimiter, error))
            position = start + 1
    return sheet


def _csv_row(sheet: Sheet, line: int, values: list[str]) -> None:
    if len(sheet.rows) >= MAX_ROWS:
        raise _too_many(sheet.name)
    if len(values) > MAX_COLUMNS:
        raise _refuse(
            "sheet.too_large",
            f"{sheet.file} has {len(values)} columns on line {line}; at most "
            f"{MAX_COLUMNS} are read",
            sheet=sheet.name,
        )
    while values and values[-1] == "":
        values.pop()
    if line == 1:
        sheet.header = tuple(values)
    elif values:
        sheet.rows.append((line, tuple(values)))


def _syntax(text: str, line: int, delimiter: str, error: csv.Error) -> tuple[int, int, str, str]:
    """A problem for a line the CSV reader cannot read: ``(line, column, code, message)``."""
    try:
        column = max(len(next(csv.reader([text], delimiter=delimiter), [""])), 1)
    except csv.Error:
        column = 1
    if "unexpected end of data" in str(error):
        message = (
            "a quote opens this field and is never closed, so every line after it would "
            'be read into it; close the quote (a quote inside a field is written twice: "")'
        )
    else:
        message = (
            f"this line is not CSV ({cut(str(error))}); a field with a quote in it "
            "is put in quotes, its own quotes written twice"
        )
    return line, column, "sheet.csv_syntax", message


def is_date(value: Any) -> bool:
    """Whether a cell value is a date (a workbook's date cells read as datetimes)."""
    return isinstance(value, datetime.date)
