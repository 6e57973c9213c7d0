"""The ``civicspace`` command line: the I/O edge around :func:`civicspace.validate`.

Exit codes: 0 when every document is valid, 1 when any is invalid (malformed
JSON included), 2 for bad arguments or a file that cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from ._api import record_types, validate
from ._data import example_files
from ._errors import Issue
from ._schemas import UnknownSchemaError, schema, schema_names
from ._version import __version__

__all__ = ["main"]

EXIT_VALID = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="civicspace",
        description="Validate civic-space monitoring data against the civicspace JSON Schemas.",
    )
    parser.add_argument("--version", action="version", version=f"civicspace {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "validate",
        help="validate JSON documents and report every problem",
        description=(
            "Validate JSON documents. Each problem is printed as FILE: PATH: MESSAGE [CODE]. "
            "Exit 0 if all are valid, 1 if any is invalid, 2 if a file cannot be read."
        ),
    )
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a JSON file to validate; - reads standard input",
    )
    check.add_argument(
        "--examples",
        action="store_true",
        help="validate the example documents shipped inside the package",
    )
    check.add_argument(
        "--kind",
        choices=record_types(),
        help="read every document as this record type instead of by its 'type' member",
    )
    check.add_argument("-q", "--quiet", action="store_true", help="print only the problems")

    show = commands.add_parser(
        "schema",
        help="print a published JSON Schema",
        description="Print one of the JSON Schemas that ship with civicspace.",
    )
    show.add_argument("name", nargs="?", metavar="NAME", help="the schema, e.g. rating")
    show.add_argument("--list", action="store_true", help="list the schema names")
    return parser


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as handle:
        return handle.read()


def _report(name: str, issues: list[Issue], out: TextIO) -> None:
    for issue in issues:
        out.write(f"{name}: {issue}\n")


def _validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    documents: list[tuple[str, bytes]] = []
    if args.examples:
        documents.extend(
            (f"examples/{entry.name}", entry.read_bytes()) for entry in example_files()
        )
    if not args.paths and not args.examples:
        err.write("civicspace validate: give at least one PATH (or - for standard input)\n")
        return EXIT_USAGE
    for path in args.paths:
        try:
            documents.append((path, _read(path)))
        except OSError as error:
            err.write(f"civicspace validate: cannot read {path}: {error.strerror or error}\n")
            return EXIT_USAGE
    invalid = 0
    for name, data in documents:
        issues = validate(data, kind=args.kind)
        if issues:
            invalid += 1
            _report(name, issues, out)
        elif not args.quiet:
            out.write(f"{name}: valid\n")
    if not args.quiet:
        out.write(
            f"{len(documents)} checked: {len(documents) - invalid} valid, {invalid} invalid\n"
        )
    return EXIT_INVALID if invalid else EXIT_VALID


def _schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.list:
        out.write("".join(f"{name}\n" for name in schema_names()))
        return EXIT_VALID
    if args.name is None:
        err.write("civicspace schema: give a NAME or --list\n")
        return EXIT_USAGE
    try:
        found = schema(args.name)
    except UnknownSchemaError as error:
        err.write(f"civicspace schema: {error}\n")
        return EXIT_USAGE
    out.write(json.dumps(found, indent=2, ensure_ascii=False) + "\n")
    return EXIT_VALID


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); the exit code."""
    args = _parser().parse_args(argv)
    if args.command == "validate":
        return _validate(args, sys.stdout, sys.stderr)
    return _schema(args, sys.stdout, sys.stderr)
