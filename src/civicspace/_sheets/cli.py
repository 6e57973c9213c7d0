"""``civicspace template`` and ``civicspace import``: spreadsheets out to fill, and back in.

Importing this module needs no extra: the parsers are built without openpyxl,
and running a command says in one line which extra to install.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

import civicspace

from .._tables import require
from .._util.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from .._util.progress import Progress
from ..errors import MissingExtraError

__all__ = ["add_parsers", "run"]


_TYPES = ("case", "rating", "law", "statement", "collection")


def add_parsers(commands: Any) -> None:
    """Add the ``template`` and ``import`` commands to the ``civicspace`` subcommands."""
    template = commands.add_parser(
        "template",
        help="write a spreadsheet template that partners fill in",
        description=(
            "Write a workbook (or a folder of CSV files) with one sheet per table that a "
            "record of the type fills: the column names in the first row, their meanings as "
            "comments, dropdowns for enumerated values and a first sheet saying how to fill "
            "it in. Read it back with civicspace import. Needs the 'tables' extra."
        ),
    )
    template.add_argument("--type", required=True, choices=_TYPES, help="the kind of record")
    template.add_argument(
        "--format", choices=("xlsx", "csv"), default="xlsx", help="a workbook, or CSV files"
    )
    template.add_argument("out", metavar="OUT", help="the workbook (or folder, for csv) to write")

    read = commands.add_parser(
        "import",
        help="read a filled workbook or CSV folder into a collection, with issues by cell",
        description=(
            "Read a workbook (.xlsx), a folder of CSV files or one CSV file, one table per "
            "sheet as civicspace template and civicspace export write them, into a collection "
            "document, and validate it. Every issue names its cell (events!C7) and its JSON "
            "path. Exit 0 if valid (the collection is written to --out), 1 if not, 2 if the "
            "file cannot be read or is refused. Needs the 'tables' extra."
        ),
    )
    read.add_argument("source", metavar="PATH", help="a .xlsx workbook, a CSV folder or file")
    read.add_argument("--out", metavar="FILE", help="write the collection document here")
    read.add_argument(
        "--format", choices=("text", "json"), default="text", help="how to print the issues"
    )
    read.add_argument(
        "--from",
        dest="source_format",
        choices=("sheets", "popolo", "uwazi"),
        default="sheets",
        help=(
            "what PATH holds: our sheets (the default), a Popolo bundle, or Uwazi CSV files "
            "(a folder, a CSV file or a ZIP); popolo and uwazi need no extra"
        ),
    )
    read.add_argument(
        "--date-format",
        default="YYYY-MM-DD",
        help="uwazi only: the Uwazi instance's date format, such as DD/MM/YYYY",
    )
    read.add_argument(
        "--language", help="uwazi only: read the columns of this language (es for name__es)"
    )


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``civicspace template`` or ``civicspace import``; the exit code."""
    if args.command == "import" and getattr(args, "source_format", "sheets") != "sheets":
        return _import_popolo(args, out, err)
    try:
        require(f"civicspace {args.command}", excel=True)
    except MissingExtraError as error:
        err.write(f"{error}\n")
        return EXIT_USAGE
    from civicspace import sheets

    if args.command == "template":
        try:
            written = sheets.write_template(args.out, type=args.type, format=args.format)
        except OSError as error:
            err.write(f"civicspace template: cannot write {args.out}: {error.strerror}\n")
            return EXIT_USAGE
        out.write(f"{written}: a {args.type} template ({args.format})\n")
        return EXIT_OK
    return _import(args, out, err)


def _import_popolo(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``civicspace import --from popolo|uwazi``: a Popolo bundle or Uwazi CSV files."""
    from civicspace import interop

    name = args.source
    issues: list[Any]
    if args.source_format == "uwazi":
        if not Path(name).exists():
            err.write(f"civicspace import: cannot read {name}: no such file or folder\n")
            return EXIT_USAGE
        found = interop.from_uwazi(name, date_format=args.date_format, language=args.language)
        collection = found.collection
        issues = [_Located(issue) for issue in found.issues]
    else:
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        except OSError as error:
            err.write(f"civicspace import: cannot read {name}: {error.strerror or error}\n")
            return EXIT_USAGE
        reading = interop.from_popolo(data)
        collection = reading.collection
        issues = list(reading.issues)
    if args.format == "json":
        out.write(json.dumps(_report(name, issues), ensure_ascii=False, indent=2) + "\n")
    else:
        out.writelines(f"{name}: {issue}\n" for issue in issues)
    if collection is None:
        if args.format == "text":
            out.write(f"{name}: {len(issues)} issue{'s' * (len(issues) != 1)}; nothing written\n")
        return EXIT_INVALID
    document = civicspace.dump(collection)
    if args.out is not None:
        try:
            Path(args.out).write_text(
                json.dumps(document, ensure_ascii=False, indent=2) + "\n", "utf-8"
            )
        except OSError as error:
            err.write(f"civicspace import: cannot write {args.out}: {error.strerror}\n")
            return EXIT_USAGE
    if args.format == "text":
        counts = ", ".join(
            f"{len(value)} {key}" for key, value in document.items() if isinstance(value, list)
        )
        written = f"; written to {args.out}" if args.out is not None else ""
        left = f" ({len(issues)} left out)" if issues else ""
        out.write(f"{name}: read ({counts or 'empty'}){left}{written}\n")
    return EXIT_OK


class _Located:
    """An issue of an Uwazi file, printed with its file, row and column."""

    def __init__(self, found: Any) -> None:
        self.found = found

    def __str__(self) -> str:
        return str(self.found)

    def to_json(self) -> Any:
        """The issue's JSON form, with its file and row as the report's cell."""
        cell: dict[str, Any] = {"sheet": self.found.file}
        if self.found.row is not None:
            cell["row"] = self.found.row
        return {**civicspace.dump(self.found.issue), "cell": cell}


def _import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from civicspace import sheets

    name = args.source
    shown = Progress(err)
    try:
        reading = sheets.read_tables(name, progress=lambda text: shown.show(text, now=True))
    finally:
        shown.done()
    issues = list(reading.issues)
    document = reading.document or {}
    if reading.valid and not any(isinstance(value, list) for value in document.values()):
        issues.append(_nothing())
    if args.format == "json":
        out.write(json.dumps(_report(name, issues), ensure_ascii=False, indent=2) + "\n")
    else:
        out.writelines(f"{name}: {issue}\n" for issue in issues)
        for found in reading.readings:
            err.write(f"{name}: {found}\n")
    if not reading.readable:
        return EXIT_USAGE
    if issues:
        if args.format == "text":
            count = len(issues)
            out.write(f"{name}: {count} issue{'s' * (count != 1)}; nothing written\n")
        return EXIT_INVALID
    if args.out is not None:
        try:
            Path(args.out).write_text(
                json.dumps(reading.document, ensure_ascii=False, indent=2) + "\n", "utf-8"
            )
        except OSError as error:
            err.write(f"civicspace import: cannot write {args.out}: {error.strerror}\n")
            return EXIT_USAGE
    if args.format == "text":
        document = reading.document or {}
        counts = ", ".join(
            f"{len(value)} {key}" for key, value in document.items() if isinstance(value, list)
        )
        written = f"; written to {args.out}" if args.out is not None else ""
        out.write(f"{name}: valid ({counts or 'empty'}){written}\n")
    return EXIT_OK


def _nothing() -> Any:
    """The issue of a workbook or folder with no row: an empty template, say."""
    from civicspace.sheets import CellIssue

    return CellIssue(
        civicspace.Issue(
            "$",
            "sheet.empty",
            "nothing to import: no sheet has a row below its header; fill in a row for each "
            "record (a case on the cases sheet, ...) and import again",
        )
    )


def _report(name: str, found: list[Any]) -> dict[str, Any]:
    """The JSON report, as ``schemas/report.json`` describes it: one record, the collection."""
    issues = [
        issue.to_json() if hasattr(issue, "to_json") else civicspace.dump(issue) for issue in found
    ]
    records = []
    if issues:
        records.append(
            {
                "file": name,
                "index": 0,
                "kind": "collection",
                "issue_count": len(issues),
                "issues": issues,
            }
        )
    return {
        "type": "report",
        "civicspace": civicspace.__version__,
        "records": records,
        "summary": {
            "records": 1,
            "valid": 0 if issues else 1,
            "invalid": 1 if issues else 0,
            "issues": len(issues),
            "issues_by_code": dict(Counter(issue["code"] for issue in issues)),
        },
        "truncated": False,
    }
