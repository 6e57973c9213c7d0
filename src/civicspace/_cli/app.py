"""The ``civicspace`` command line: the I/O edge around :func:`civicspace.validate`.

Exit codes: 0 when every record is valid, 1 when any is invalid (malformed
JSON included), 2 for bad arguments or a file that cannot be read.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import sys
import time
from collections.abc import Iterator, Sequence
from typing import Any, BinaryIO, TextIO

from .._api import RecordReport, _report, record_types
from .._pipeline import (
    RecordText,
    Summary,
    UnknownSchemaError,
    example_files,
    read_records,
    record_json,
    schema,
    schema_names,
)
from .._version import __version__

__all__ = ["main"]

EXIT_VALID = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

# Records handed to the worker processes at a time, per job: bounds memory.
_BATCH_PER_JOB = 512


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a whole number of at least 1")
    return value


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} is negative")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="civicspace",
        description="Validate civic-space monitoring data against the civicspace JSON Schemas.",
    )
    parser.add_argument("--version", action="version", version=f"civicspace {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser(
        "validate",
        help="validate JSON documents and JSON Lines, reporting every problem",
        description=(
            "Validate JSON documents (a record or a collection) and JSON Lines files (one "
            "record per line), told apart by their content. Each problem is printed as "
            "FILE: [line L: ]PATH: MESSAGE [CODE], then a summary. Exit 0 if all records are "
            "valid, 1 if any is invalid, 2 if a file cannot be read or the arguments are wrong."
        ),
    )
    check.add_argument(
        "paths", nargs="*", metavar="PATH", help="a file to validate; - reads standard input"
    )
    check.add_argument(
        "--examples",
        action="store_true",
        help="validate the example documents shipped inside the package",
    )
    check.add_argument(
        "--kind",
        choices=record_types(),
        help="read every record as this record type instead of by its 'type' member",
    )
    check.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default) or one JSON report for machines (schema: report)",
    )
    check.add_argument(
        "--max-issues",
        type=_count,
        metavar="N",
        help="show at most N issues; the summary still counts them all",
    )
    check.add_argument(
        "--jobs",
        type=_positive,
        default=1,
        metavar="N",
        help="validate in N processes; the report is the same, in input order",
    )
    check.add_argument(
        "-q", "--quiet", action="store_true", help="text format: print only the problems"
    )

    show = commands.add_parser(
        "schema",
        help="print a published JSON Schema",
        description="Print one of the JSON Schemas that ship with civicspace.",
    )
    show.add_argument("name", nargs="?", metavar="NAME", help="the schema, e.g. rating")
    show.add_argument("--list", action="store_true", help="list the schema names")

    data = commands.add_parser(
        "dataset",
        help="validate a dataset shipped inside the package and summarise it",
        description=(
            "Validate one of the datasets that ship with civicspace (real published material, "
            "every fact with its source) and print a summary of what it holds. Exit 0 if it "
            "is valid, 1 if not, 2 for an unknown name."
        ),
    )
    data.add_argument("name", nargs="?", metavar="NAME", help="the dataset, e.g. cambodia")
    data.add_argument("--list", action="store_true", help="list the dataset names")
    from .._tables import cli as tables_cli

    tables_cli.add_parser(commands)
    from .._sheets import cli as sheets_cli

    sheets_cli.add_parsers(commands)
    from .._site.cli import add_commands

    add_commands(commands)  # site and chart
    return parser


def _validate_one(job: tuple[int, RecordText, str | None]) -> RecordReport:
    index, text, kind = job
    return _report(index, text, kind)[1]


def _reports(stream: BinaryIO, kind: str | None, jobs: int, pool: Any) -> Iterator[RecordReport]:
    numbered = ((index, text, kind) for index, text in enumerate(read_records(stream)))
    if pool is None:
        yield from map(_validate_one, numbered)
        return
    batch_size = _BATCH_PER_JOB * jobs
    while batch := list(itertools.islice(numbered, batch_size)):
        yield from pool.map(_validate_one, batch, chunksize=max(1, len(batch) // (4 * jobs)))


class _Progress:
    """Records and rate on standard error, on a terminal only."""

    def __init__(self, err: TextIO) -> None:
        self.err = err
        self.shown = err.isatty()
        self.started = self.last = time.monotonic()

    def update(self, records: int) -> None:
        now = time.monotonic()
        if self.shown and now - self.last >= 0.5:
            self.last = now
            rate = records / max(now - self.started, 1e-9)
            self.err.write(f"\r{records} records, {rate:,.0f}/s")
            self.err.flush()

    def done(self) -> None:
        if self.shown and self.last != self.started:
            self.err.write("\r\033[K")
            self.err.flush()


def _inputs(args: argparse.Namespace, err: TextIO) -> list[tuple[str, BinaryIO]] | None:
    inputs: list[tuple[str, BinaryIO]] = []
    if args.examples:
        inputs.extend(
            (f"examples/{entry.name}", io.BytesIO(entry.read_bytes())) for entry in example_files()
        )
    for path in args.paths:
        if path == "-":
            inputs.append(("-", sys.stdin.buffer))
            continue
        try:
            inputs.append((path, open(path, "rb")))  # noqa: SIM115 - closed by the caller
        except OSError as error:
            err.write(f"civicspace validate: cannot read {path}: {error.strerror or error}\n")
            for _, stream in inputs:
                stream.close()
            return None
    return inputs


def _validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if not args.paths and not args.examples:
        err.write("civicspace validate: give at least one PATH (or - for standard input)\n")
        return EXIT_USAGE
    inputs = _inputs(args, err)
    if inputs is None:
        return EXIT_USAGE
    summary = Summary()
    progress = _Progress(err)
    budget = args.max_issues
    shown_records: list[dict[str, Any]] = []
    pool = None
    if args.jobs > 1:
        import multiprocessing

        pool = multiprocessing.get_context("spawn").Pool(args.jobs)
    try:
        for name, stream in inputs:
            for report in _reports(stream, args.kind, args.jobs, pool):
                summary.add(report)
                progress.update(summary.records)
                if report.valid:
                    continue
                shown = report.issues if budget is None else report.issues[:budget]
                if budget is not None:
                    budget -= len(shown)
                if args.format == "json":
                    if shown or budget is None:
                        shown_records.append(record_json(name, report, shown))
                else:
                    out.writelines(f"{name}: {issue}\n" for issue in shown)
    except OSError as error:  # a directory, or a read that failed part way
        err.write(f"civicspace validate: cannot read {name}: {error.strerror or error}\n")
        return EXIT_USAGE
    finally:
        progress.done()
        if pool is not None:
            pool.terminate()
        for _, stream in inputs:
            if stream is not sys.stdin.buffer:
                stream.close()
    if args.format == "json":
        document = {
            "type": "report",
            "civicspace": __version__,
            "records": shown_records,
            "summary": summary.json(),
            "truncated": summary.issues > sum(len(r["issues"]) for r in shown_records),
        }
        out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    elif not args.quiet:
        out.write(summary.text() + "\n")
    return EXIT_INVALID if summary.invalid else EXIT_VALID


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


def _dataset(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .. import datasets
    from .._analysis import summarise
    from ..errors import ValidationError

    if args.list:
        out.write("".join(f"{name}\n" for name in datasets.names()))
        return EXIT_VALID
    if args.name is None:
        err.write("civicspace dataset: give a NAME or --list\n")
        return EXIT_USAGE
    where = f"datasets/{args.name}.json"
    try:
        collection = datasets.load(args.name)
    except datasets.UnknownDatasetError as error:
        err.write(f"civicspace dataset: {error}\n")
        return EXIT_USAGE
    except ValidationError as error:
        out.writelines(f"{where}: {issue}\n" for issue in error.issues)
        out.write(f"{where}: {len(error.issues)} issues\n")
        return EXIT_INVALID
    out.write(f"{where}: valid\n{summarise(collection).to_text()}\n")
    return EXIT_VALID


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); the exit code."""
    args = _parser().parse_args(argv)
    if args.command == "validate":
        return _validate(args, sys.stdout, sys.stderr)
    if args.command == "dataset":
        return _dataset(args, sys.stdout, sys.stderr)
    if args.command == "export":
        from .._tables import cli as tables_cli

        return tables_cli.run(args, sys.stdout, sys.stderr)
    if args.command in ("import", "template"):
        from .._sheets import cli as sheets_cli

        return sheets_cli.run(args, sys.stdout, sys.stderr)
    if args.command in ("site", "chart"):
        return int(args.run(args, sys.stdout, sys.stderr))
    return _schema(args, sys.stdout, sys.stderr)
